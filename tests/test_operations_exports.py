"""The long actions' CSV files as a marketer opens them in Excel (app/services/operations/kinds.py): every time in
Asia/Shanghai with its +08:00 offset (an entry at 04:14 Shanghai time, 20:14 UTC the day before, had been written
on the previous business day), and a UTF-8 BOM first (without it Excel on Chinese Windows reads GBK and garbles
the Chinese), on the admin API's download and the console's alike. Bulk shipping still takes files with or without
a BOM, on every way in."""

from __future__ import annotations

import asyncio
import csv
import io
from typing import Any

import aiohttp

from app.auth import Principal, issue_token
from app.clock import clock
from app.services.operations import service as ops
from app.services.operations.kinds import csv_time
from models import MallRedemption, MallReward, OperationRun, StaffUser
from tests.contenthelpers import shanghai
from tests.mallhelpers import give_points, login, redeem

BOM = b"\xef\xbb\xbf"
LATE_NIGHT = shanghai(2026, 12, 5, 4, 14, 14)  # 2026-12-04 20:14:14 UTC


async def _run(rt: Any, kind: str, params: dict[str, Any]) -> OperationRun:
    run = await ops.start(rt, kind, params, Principal(1, "admin"), kick=False)
    assert await ops.run_one(rt, run.id) == "done", (await OperationRun.get(id=run.id)).error
    return await OperationRun.get(id=run.id)


async def _file(app: Any, http_session: Any, run_id: int, token: str) -> bytes:
    """The bytes a person downloads: the admin API's file, checked to be the very bytes the console serves."""
    base = app.ctx.test_url
    async with http_session.get(f"{base}/admin/v1/operations/{run_id}/file",
                                headers={"Authorization": f"Bearer {token}"}) as resp:
        assert resp.status == 200 and resp.headers["content-type"].startswith("text/csv")
        body = await resp.read()
    async with http_session.get(f"{base}/console/operations/{run_id}/download", allow_redirects=False,
                                headers={"Cookie": f"jifen_staff={token}"}) as resp:
        assert resp.status == 200 and await resp.read() == body
    return body


async def _finished(rt: Any, run_id: int) -> OperationRun:
    """A run started with a request (kicked in this process): run it here, or wait for the taker to finish."""
    await ops.run_one(rt, run_id)
    for _ in range(200):
        run = await OperationRun.get(id=run_id)
        if run.status in ("done", "failed"):
            return run
        await asyncio.sleep(0.05)
    raise AssertionError(f"run {run_id} did not finish")


def _table(body: bytes) -> list[dict[str, str]]:
    assert body.startswith(BOM), body[:20]
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


def test_csv_time_is_shanghai_with_its_offset() -> None:
    assert csv_time("2026-12-04T20:14:14.054573+00:00") == "2026-12-05T04:14:14+08:00"
    assert csv_time(LATE_NIGHT) == "2026-12-05T04:14:14+08:00"
    assert csv_time("2026-12-04T20:14:14") == "2026-12-05T04:14:14+08:00"  # naive: the database's UTC
    assert csv_time(None) == csv_time("") == ""


async def test_the_member_ledger_export_writes_shanghai_times_after_a_bom(
        app: Any, api: Any, rt: Any, http_session: Any, staff_token: Any) -> None:
    _, member = await api.login()
    clock.travel_to(LATE_NIGHT)
    await give_points(member["id"], 10)
    token = staff_token("marketer")
    await staff_token.flush()
    run = await _run(rt, "export_member_ledger", {"member_id": member["id"]})
    rows = _table(await _file(app, http_session, run.id, token))
    assert [r["amount"] for r in rows] == ["10"]
    assert rows[0]["created_at"].startswith("2026-12-05T04:14:") and rows[0]["created_at"].endswith("+08:00")


async def test_the_redemptions_export_writes_shanghai_times_and_readable_chinese(
        app: Any, api: Any, rt: Any, http_session: Any, staff_token: Any) -> None:
    reward = await MallReward.create(name="雨伞", kind="gift", points=10, stock=5)
    token, member = await login(api)
    await give_points(member["id"], 10)
    clock.travel_to(LATE_NIGHT)
    status, red = await redeem(api, token, reward.id)
    assert status == 201, red
    await MallRedemption.filter(id=red["redemption"]["id"]).update(
        fulfilment="shipped", carrier="顺丰", tracking_no="SF1", shipped_at=shanghai(2026, 12, 6, 7, 30))
    mkt = staff_token("marketer")
    await staff_token.flush()
    run = await _run(rt, "export_redemptions", {})
    rows = _table(await _file(app, http_session, run.id, mkt))
    assert len(rows) == 1
    row = rows[0]
    assert row["created_at"].startswith("2026-12-05T04:14:") and row["created_at"].endswith("+08:00")
    assert row["shipped_at"] == "2026-12-06T07:30:00+08:00"
    assert row["delivered_at"] == ""
    assert (row["reward_name"], row["carrier"], row["address_region"]) == ("雨伞", "顺丰", "上海市")



async def test_text_a_member_typed_never_runs_as_a_spreadsheet_formula(
        app: Any, api: Any, rt: Any, http_session: Any, staff_token: Any) -> None:
    """A member's address `=HYPERLINK(...)` in the redemptions export: written with a leading apostrophe (shown
    as text, never evaluated by Excel or WPS); numbers, negative ones too, stay numbers."""
    from app.csvfile import cell

    reward = await MallReward.create(name="雨伞", kind="gift", points=10, stock=5)
    token, member = await login(api)
    await give_points(member["id"], 10)
    status, red = await redeem(api, token, reward.id)
    assert status == 201, red
    await MallRedemption.filter(id=red["redemption"]["id"]).update(
        carrier="=1+1", tracking_no='=HYPERLINK("http://x.example","点我")')
    mkt = staff_token("marketer")
    await staff_token.flush()
    run = await _run(rt, "export_redemptions", {})
    [row] = _table(await _file(app, http_session, run.id, mkt))
    assert (row["carrier"], row["tracking_no"]) == ("'=1+1", "'=HYPERLINK(\"http://x.example\",\"点我\")")
    assert [cell(v) for v in ("+86 138", "-x", "@SUM(A1)", "\t=1", "普通", -5, 0, None)] == [
        "'+86 138", "'-x", "'@SUM(A1)", "'\t=1", "普通", -5, 0, ""]


async def test_every_export_and_the_bulk_ship_result_start_with_a_bom(
        app: Any, api: Any, rt: Any, http_session: Any, staff_token: Any) -> None:
    """The points series too (its own CSV writer, shared with the admin API): the same CSV, a BOM before it."""
    mkt = staff_token("marketer")
    await staff_token.flush()
    run = await _run(rt, "export_points", {"from": "2026-11-28", "to": "2026-11-30"})
    body = await _file(app, http_session, run.id, mkt)
    status, api_csv = await api.call("GET", "/admin/v1/metrics/points?from=2026-11-28&to=2026-11-30&format=csv",
                                     token=mkt)
    assert status == 200 and body == BOM + api_csv.encode()
    assert [r["period"] for r in _table(body)] == ["2026-11-28", "2026-11-29", "2026-11-30"]  # Shanghai days
    run = await _run(rt, "mall_ship_csv", {"csv": "999999,顺丰,SF1\n"})
    assert [r["result"] for r in _table(await _file(app, http_session, run.id, mkt))] == ["failed"]


async def test_bulk_shipping_takes_a_file_with_or_without_a_bom(
        app: Any, api: Any, rt: Any, http_session: Any, staff_token: Any) -> None:
    """Excel saves "CSV UTF-8" with a BOM. The upload routes decode it away; text posted to the operations API
    keeps it, and a header-less first row `<BOM>123,...` had been skipped as if it were the header."""
    reward = await MallReward.create(name="雨伞", kind="gift", points=10, stock=10)
    ids = []
    for _ in range(5):
        token, member = await login(api)
        await give_points(member["id"], 10)
        status, red = await redeem(api, token, reward.id)
        assert status == 201, red
        ids.append(red["redemption"]["id"])
    mkt = staff_token("marketer")
    # the operations API, header-less, with and without a BOM
    for text in (f"\ufeff{ids[0]},顺丰,SF0\n", f"{ids[1]},顺丰,SF1\n"):
        status, run = await api.call("POST", "/admin/v1/operations", token=mkt,
                                     json={"kind": "mall_ship_csv", "params": {"csv": text}})
        assert status == 202, run
        done = await _finished(rt, run["id"])
        assert (done.status, done.result["shipped"], done.result["failed"]) == ("done", 1, 0), done.result
    # the admin API's upload, a header row after the BOM
    status, out = await api.call("POST", "/admin/v1/mall/shipments", token=mkt, headers={"Content-Type": "text/csv"},
                                 data=BOM + f"redemption_id,carrier,tracking_no\n{ids[2]},圆通,YT2\n".encode())
    assert status == 200 and (out["shipped"], out["failed"]) == (1, 0), out
    # the console's upload (a form with its CSRF token), with and without a BOM
    staff = await StaffUser.create(name="小李", role="marketer")
    cookie = issue_token(rt.settings.auth.secret, staff.id, "marketer", int(clock.now().timestamp()), 3600)
    for raw in (BOM + f"{ids[3]},中通,ZT3\n".encode(), f"{ids[4]},中通,ZT4\n".encode()):
        form = aiohttp.FormData()
        form.add_field("_csrf", "t0ken")
        form.add_field("file", raw, filename="ship.csv", content_type="text/csv")
        async with http_session.post(f"{app.ctx.test_url}/console/mall/shipments", data=form, allow_redirects=False,
                                     headers={"Cookie": f"jifen_staff={cookie}; jifen_csrf=t0ken"}) as resp:
            assert resp.status == 303, await resp.text()
            run_id = int(resp.headers["Location"].rsplit("/", 1)[1])
        assert (await _finished(rt, run_id)).status == "done"
    assert {r.id: r.fulfilment for r in await MallRedemption.filter(id__in=ids)} == dict.fromkeys(ids, "shipped")
    assert {r.id: r.tracking_no for r in await MallRedemption.filter(id__in=ids)} == dict(
        zip(ids, ["SF0", "SF1", "YT2", "ZT3", "ZT4"], strict=True))
