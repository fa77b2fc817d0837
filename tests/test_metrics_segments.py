"""The store and channel filters (`metrics_segment_daily`) against a small data set computed by hand.

A (guide of store 1, came through contact-me code `qr-a`) buys for 100 yuan (100) on 11-10 and redeems 60 on
11-11; B (store 2, whose `qr-a` contact was removed: no channel) buys for 200 yuan (200) and redeems 100; C (no
guide, so no store; channel `qr-c`) shares (2). Then A moves to store 2 and shares on 11-12 (2)."""

from __future__ import annotations

import csv
import io
from datetime import datetime

from app.clock import SHANGHAI, clock
from app.services.metrics import rollup, run_command, segments
from app.services.points import engine, ledger
from models import ContactFollow, ExternalContact, Member, MemberGuide, MetricsSegmentDaily
from tests.conftest import Api

D1, D2, D3 = (datetime(2026, 11, d, 10, tzinfo=SHANGHAI) for d in (10, 11, 12))
NOW = datetime(2026, 11, 30, 10, tzinfo=SHANGHAI)
BASE = "/admin/v1/metrics/points?from=2026-11-10&to=2026-11-12"
UNSEGMENTED = ["utilisation", "tiers", "funnel", "repurchase", "mix.sales"]


async def _contact(member: Member, state: str, status: str = "active") -> None:
    ext = f"wm-{member.id}"
    await ExternalContact.create(external_userid=ext, member_id=member.id, created_at=D1, updated_at=D1)
    await ContactFollow.create(external_userid=ext, userid="guide-1", staff_id=1, state=state, status=status,
                               is_primary=status == "active", added_at=D1)


async def _roll(rt) -> None:  # type: ignore[no-untyped-def]
    clock.set(NOW)
    await rollup.refresh_all(rt, settle_seconds=0)
    assert await segments.refresh_all(rt, settle_seconds=0) > 0


async def _build(api: Api, rt) -> dict[str, Member]:  # type: ignore[no-untyped-def]
    members = {}
    for k in "ABC":
        _, m = await api.login(f"segments-{k}")
        members[k] = await Member.get(id=m["id"])
    A, B, C = members["A"], members["B"], members["C"]
    for m, store in ((A, 1), (B, 2)):
        await MemberGuide.create(member_id=m.id, staff_id=1, store_id=store, source="admin", created_at=D1)
    await _contact(A, "qr-a")
    await _contact(B, "qr-a", status="removed_by_customer")
    await _contact(C, "qr-c")
    clock.set(D1)
    assert (await engine.award(rt, A.id, "purchase", "pay:a", {"amount_fen": 10000})).points == 100
    assert (await engine.award(rt, B.id, "purchase", "pay:b", {"amount_fen": 20000})).points == 200
    assert (await engine.award(rt, C.id, "share", "share:c")).points == 2
    clock.set(D2)
    await ledger.spend(A.id, 60, "redeem:a", now=clock.now(), source="coupon:a")
    await ledger.spend(B.id, 100, "redeem:b", now=clock.now(), source="coupon:b")
    await _roll(rt)
    return members


def _series(r: dict) -> list[tuple[str, int, int]]:
    return [(s["period"], s["issued"], s["redeemed"]) for s in r["series"]]


async def test_store_and_channel_figures_by_hand(api: Api, seeded, staff_token) -> None:
    await _build(api, seeded)
    tok = staff_token("marketer")
    status, r = await api.call("GET", BASE + "&store=1", token=tok)
    assert status == 200, r
    assert (r["totals"]["issued"], r["totals"]["redeemed"], r["totals"]["net"]) == (100, 60, 40)
    assert _series(r) == [("2026-11-10", 100, 0), ("2026-11-11", 0, 60), ("2026-11-12", 0, 0)]
    assert r["filters"]["store"] == 1 and r["outstanding_scope"].endswith("stores and channels")
    assert r["not_segmented"] == UNSEGMENTED and not set(UNSEGMENTED[:4]) & set(r)
    _, r = await api.call("GET", BASE + "&store=2", token=tok)
    assert (r["totals"]["issued"], r["totals"]["redeemed"]) == (200, 100)
    mix = {x["category"]: x["issued"] for x in r["mix"]["categories"]}
    assert (r["mix"]["issued"], mix["consumption"], mix["sharing"]) == (200, 200, 0) and "sales" not in r["mix"]
    _, r = await api.call("GET", BASE + "&channel=qr-a", token=tok)
    assert (r["totals"]["issued"], r["totals"]["redeemed"]) == (100, 60)  # B's removed contact is no channel
    _, r = await api.call("GET", BASE + "&channel=qr-c&sections=series,tiers", token=tok)
    assert (r["totals"]["issued"], r["totals"]["redeemed"]) == (2, 0) and r["not_segmented"] == ["tiers"]
    _, r = await api.call("GET", BASE + "&channel=nowhere", token=tok)
    assert r["totals"]["issued"] == 0
    _, r = await api.call("GET", BASE, token=tok)  # unfiltered: every section, the ledger's totals
    assert "not_segmented" not in r and r["totals"]["issued"] == 302 and "sales" in r["mix"]
    status, body = await api.call("GET", BASE + "&store=1&format=csv", token=tok)
    assert status == 200
    rows = list(csv.DictReader(io.StringIO(body if isinstance(body, str) else body.decode())))
    assert [(x["period"], x["issued"], x["redeemed"]) for x in rows] == [
        ("2026-11-10", "100", "0"), ("2026-11-11", "0", "60"), ("2026-11-12", "0", "0")]


async def test_a_member_moving_store_keeps_rolled_figures(api: Api, seeded, staff_token) -> None:
    m = await _build(api, seeded)
    await MemberGuide.filter(member_id=m["A"].id).update(store_id=2)
    clock.set(D3)
    assert (await engine.award(seeded, m["A"].id, "share", "share:a")).points == 2
    await _roll(seeded)
    tok = staff_token("admin")
    _, r = await api.call("GET", BASE + "&store=1", token=tok)
    assert (r["totals"]["issued"], r["totals"]["redeemed"]) == (100, 60)
    _, r = await api.call("GET", BASE + "&store=2", token=tok)
    assert _series(r) == [("2026-11-10", 200, 0), ("2026-11-11", 0, 100), ("2026-11-12", 2, 0)]
    assert await segments.verify() == [] and await rollup.verify() == []
    lines: list[str] = []
    assert await run_command(seeded, "verify", lines.append) == 0 and lines[-1].endswith("OK")


async def test_verify_finds_segment_drift(api: Api, seeded) -> None:
    await _build(api, seeded)
    await MetricsSegmentDaily.filter(dim="channel", value="qr-c").update(issued=3)
    drift = await segments.verify()
    assert [(d.day, d.category, d.field, d.rollup, d.ledger) for d in drift] == [
        ("2026-11-10", "channel:sharing", "issued", 3, 2)]
    lines: list[str] = []
    assert await run_command(seeded, "verify", lines.append) == 1


async def test_reconcile_finds_a_recent_segment_drift_and_rebuilds_the_day(api: Api, seeded) -> None:
    """Today's and yesterday's store / channel rows against the ledger; the repair recomputes the day."""
    from app.services import reconcile

    await _build(api, seeded)
    await MetricsSegmentDaily.filter(dim="channel", value="qr-c").update(issued=3)
    clock.set(D2)  # 11-10 is yesterday: inside the reconcile's window
    found = [f for f in await reconcile.run(seeded, repair=False) if f.check == "metrics_segments_drift"]
    assert [f.subject for f in found] == ["day:2026-11-10"]
    fixed = [f for f in await reconcile.run(seeded, repair=True) if f.check == "metrics_segments_drift"]
    assert [(f.subject, f.repaired) for f in fixed] == [("day:2026-11-10", True)]
    assert await segments.verify() == []
    row = await MetricsSegmentDaily.get(day=D1.date(), dim="channel", value="qr-c")
    assert row.issued == 2


async def test_bad_segment_filters_are_422(api: Api, seeded, staff_token) -> None:
    tok = staff_token("marketer")
    for q in ("store=abc", "store=0", "store=1&tier=0", "channel=x&tier=1", "store=1&channel=qr-a",
              "channel=" + "x" * 65, "store=99999999999999999999"):
        for fmt in ("json", "csv"):
            status, body = await api.call("GET", f"{BASE}&{q}&format={fmt}", token=tok)
            assert status == 422, (q, fmt, body)
            assert body["error"]["code"], (q, body)


async def test_the_export_long_action_takes_store_and_channel(api: Api, seeded, staff_token) -> None:
    """The console's points export (a long action) filters like the API: the same CSV, the segment in its name."""
    from app.auth import Principal
    from app.services.operations import service as ops
    from models import OperationRun

    await _build(api, seeded)
    tok = staff_token("marketer")
    for params, name in (({"store": 1}, "points-2026-11-10-2026-11-12-day-store-1.csv"),
                         ({"channel": "qr-a"}, "points-2026-11-10-2026-11-12-day-channel-qr-a.csv")):
        run = await ops.start(seeded, "export_points", {"from": "2026-11-10", "to": "2026-11-12", **params},
                              Principal(3, "marketer"), kick=False)
        assert await ops.run_one(seeded, run.id) == "done"
        run = await OperationRun.get(id=run.id)
        query = "&".join(f"{k}={v}" for k, v in params.items())
        status, body = await api.call("GET", f"{BASE}&{query}&format=csv", token=tok)
        assert status == 200 and run.file_name == name
        assert run.file_body == "\ufeff" + (body if isinstance(body, str) else body.decode())  # a BOM for Excel
        assert [r.split(",")[:3] for r in run.file_body.splitlines()[1:]] == (
            [["2026-11-10", "100", "0"], ["2026-11-11", "0", "60"], ["2026-11-12", "0", "0"]])
    # refused at start like the API refuses the query; nothing queued
    before = await OperationRun.all().count()
    for params in ({"store": 1, "channel": "qr-a"}, {"store": 1, "tier": 0}, {"store": 0}, {"channel": ""}):
        status, body = await api.call("POST", "/admin/v1/operations", token=tok,
                                      json={"kind": "export_points", "params": params})
        assert status == 422, (params, body)
    assert await OperationRun.all().count() == before
