"""Long actions in a real browser and through the admin API (app/services/operations): bulk shipping by CSV, the
WeCom sync and the CSV exports each run off the request, show a progress page polled by the browser, then their
result and download; a run fires once across takers and a run whose worker died is recovered, never left running."""

from __future__ import annotations

import asyncio
import csv
import io
import time
from datetime import timedelta
from typing import Any

from pydantic import BaseModel, Field

from app.auth import Principal
from app.services.metrics import points as metrics
from app.services.operations import service as ops
from app.web.passwords import create_user
from models import ContactFollow, MallRedemption, MallReward, OperationRun, StaffUser, Store
from tests.mallhelpers import give_points, login, redeem
from tests.test_web_console import PASSWORD, sign_in
from tests.webhelpers import browser_fixture, expect, page_fixture  # noqa: F401  (fixtures)


async def signed_in(page: Any, role: str = "marketer") -> None:
    await create_user(role, "小李", PASSWORD)
    await sign_in(page)
    await page.wait_for_url("**/console/dashboard")


async def _download(page: Any) -> list[list[str]]:
    href = await page.get_attribute("#download", "href")
    resp = await page.request.get(href)
    assert resp.status == 200 and resp.headers["content-type"].startswith("text/csv")
    body = await resp.body()
    assert body.startswith(b"\xef\xbb\xbf")  # the UTF-8 BOM Excel needs to read the Chinese
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


async def test_bulk_ship_runs_with_progress_and_a_result_per_row(page: Any, api: Any, rt: Any) -> None:
    reward = await MallReward.create(name="雨伞", kind="gift", points=10, stock=10)
    ids = []
    for _ in range(4):
        token, member = await login(api)
        await give_points(member["id"], 10)
        status, red = await redeem(api, token, reward.id)
        assert status == 201, red
        ids.append(red["redemption"]["id"])
    await signed_in(page)
    await page.goto("/console/mall/fulfilment")
    rows = "".join(f"{rid},顺丰,SF{n:03d}\n" for n, rid in enumerate(ids))
    csv_text = f"redemption_id,carrier,tracking_no\n{rows}{ids[0] + 1000},顺丰,SF999\n"  # the last row: no such one
    await page.set_input_files("#file", files=[{"name": "ship.csv", "mimeType": "text/csv",
                                                "buffer": csv_text.encode()}])
    await page.click("#upload")
    await page.wait_for_url("**/console/operations/*")
    await expect(page.locator("#status")).to_have_text("已完成", timeout=30_000)
    assert await page.get_attribute("#fill", "style") == "width:100%"
    assert (await page.text_content("#done") or "").strip() == "5"
    assert "发起人 小李" in (await page.text_content("main") or "")  # the starter by name, not "marketer:<id>"
    result = page.locator("#csv-result")
    assert "已发货 4 行，失败 1 行" in (await result.text_content() or "")
    assert await result.locator("tr.ok").count() == 4
    assert "找不到该兑换记录" in (await result.locator("tr.fail").text_content() or "")
    assert {r.fulfilment for r in await MallRedemption.filter(id__in=ids)} == {"shipped"}
    table = await _download(page)
    assert table[0] == ["line", "redemption_id", "result", "error"]
    assert [r[2] for r in table[1:]] == ["shipped"] * 4 + ["failed"]
    run = await OperationRun.get(kind="mall_ship_csv")
    assert (run.status, run.done, run.total, run.created_by.startswith("marketer:")) == ("done", 5, 5, True)
    # the run is listed under 后台任务
    await page.click("text=后台任务")
    assert "批量发货" in (await page.text_content(f"#op-{run.id}") or "")


async def test_a_queued_run_is_polled_until_the_scheduler_finishes_it(page: Any, api: Any, rt: Any) -> None:
    """The page of a run nobody has taken yet polls; the scheduler's backstop runs it; the page shows the end."""
    _, member = await api.login()
    for n in range(3):
        await give_points(member["id"], 10 + n)
    await signed_in(page)
    staff = await StaffUser.get(name="小李")
    run = await ops.start(rt, "export_member_ledger", {"member_id": member["id"]},
                          Principal(staff.id, "marketer"), kick=False)
    await page.goto(f"/console/operations/{run.id}")
    assert await page.text_content("#status") == "排队中"
    out = await ops.work(rt, 2.0)
    assert out["ran"] == 1
    await expect(page.locator("#status")).to_have_text("已完成", timeout=30_000)  # the poll saw it and reloaded
    assert await page.text_content("#rows") == "共 3 行"
    table = await _download(page)
    assert table[0] == ["id", "created_at", "account", "kind", "event", "amount", "balance_after", "growth", "source"]
    assert sorted(int(r[5]) for r in table[1:]) == [10, 11, 12]


async def test_exports_from_the_pages(page: Any, api: Any, rt: Any) -> None:
    _, member = await api.login()
    await give_points(member["id"], 30)
    await signed_in(page)
    # the dashboard's points export: the admin API's CSV, header row included
    await page.fill("#export-from", "2026-11-01")
    await page.fill("#export-to", "2026-11-30")
    await page.select_option("#export-granularity", "week")
    await page.click("#export-points-go")
    await page.wait_for_url("**/console/operations/*")
    await expect(page.locator("#status")).to_have_text("已完成", timeout=30_000)
    table = await _download(page)
    assert table[0] == list(metrics.CSV_COLUMNS)
    run = await OperationRun.get(kind="export_points")
    assert run.file_name == "points-2026-11-01-2026-11-30-week.csv"
    assert run.params["from"] == "2026-11-01" and "from_" not in run.params  # the API's names, as the API shows them
    # one store's members (the store of their guide): the store is picked from the active ones
    store = await Store.create(code="SH01", name="静安店", region="上海")
    await Store.create(code="SH02", name="旧店", region="上海", active=False)
    await page.goto("/console/dashboard")
    assert await page.locator("#export-store option").all_text_contents() == ["全部", "静安店（SH01）"]
    await page.select_option("#export-store", str(store.id))
    await page.click("#export-points-go")
    await expect(page.locator("#status")).to_have_text("已完成", timeout=30_000)
    assert (await _download(page))[0] == list(metrics.CSV_COLUMNS)
    run = await OperationRun.filter(kind="export_points").order_by("-id").first()
    assert run is not None and run.params["store"] == store.id and run.file_name.endswith(f"-store-{store.id}.csv")
    # a member's ledger from the member page
    await page.goto(f"/console/members/{member['id']}")
    await page.click("#export-ledger-go")
    await expect(page.locator("#status")).to_have_text("已完成", timeout=30_000)
    table = await _download(page)
    assert table[0][:3] == ["id", "created_at", "account"] and [r[5] for r in table[1:]] == ["30"]
    # the fulfilment queue's export
    await page.goto("/console/mall/fulfilment")
    await page.click("#export")
    await expect(page.locator("#status")).to_have_text("已完成", timeout=30_000)
    assert (await _download(page))[0][:4] == ["id", "created_at", "member_id", "reward_id"]
    # a bad range is refused at start, on the dashboard (not the operations list): the message in Chinese above
    # the form and beside its field, what was typed still there; nothing queued
    before = await OperationRun.all().count()
    await page.goto("/console/dashboard")
    await page.fill("#export-from", "2026-12-01")
    await page.fill("#export-to", "2026-11-01")
    await page.select_option("#export-granularity", "month")
    async with page.expect_response("**/console/dashboard/export") as refused:
        await page.click("#export-points-go")
    assert (await refused.value).status == 422
    assert "「开始日期」不能晚于结束日期" in (await page.text_content("#export #error") or "")  # like every form
    assert await page.is_visible("#from-error") and await page.is_visible("#chart")  # still the dashboard
    assert [await page.input_value(f"#export-{f}") for f in ("from", "to", "granularity")] == [
        "2026-12-01", "2026-11-01", "month"]
    await page.goto("/console/dashboard")
    await page.select_option("#export-store", str(store.id))
    await page.fill("#export-channel", "qr-store-1")
    await page.click("#export-points-go")
    assert "「渠道活码」不能与门店同时选择" in (await page.text_content("#error") or "")
    assert await page.is_visible("#channel-error")
    assert (await page.input_value("#export-store"), await page.input_value("#export-channel")) == (
        str(store.id), "qr-store-1")
    # corrected in place, it starts
    await page.fill("#export-channel", "")
    await page.click("#export-points-go")
    await page.wait_for_url("**/console/operations/*")
    await expect(page.locator("#status")).to_have_text("已完成", timeout=30_000)
    assert await OperationRun.all().count() == before + 1


async def test_admin_runs_a_wecom_sync_from_the_community_page(page: Any, api: Any, seeded: Any,
                                                               sandbox: Any) -> None:
    await StaffUser.create(name="王导购", role="guide", wecom_userid="guide09")
    now = int(time.time())
    for i in range(120):  # two pages of customers
        ext = f"wmOPS{i:05d}"
        sandbox.state.wecom_contacts[ext] = {"external_contact": {"external_userid": ext, "name": f"c{i}", "type": 1},
                                             "follow_user": [{"userid": "guide09", "createtime": now, "tags": []}]}
    await signed_in(page, "admin")
    await page.goto("/console/community")
    await page.click("#wecom-sync-go")
    await page.wait_for_url("**/console/operations/*")
    await expect(page.locator("#status")).to_have_text("已完成", timeout=30_000)
    assert await page.text_content("#sync-relations") == "120"
    assert await page.text_content("#sync-customers") == "0"  # none of them is a member yet
    assert await ContactFollow.filter(userid="guide09", status="active").count() == 120
    assert "wecom sync done" in (await page.text_content("#note") or "")


async def test_bad_starts_are_refused_not_500(page: Any, rt: Any) -> None:
    await signed_in(page)
    csrf = await page.input_value("#export-points input[name=_csrf]")
    for form, status in (({"kind": "nope"}, 422), ({"kind": "export_member_ledger"}, 422),
                         ({"kind": "export_member_ledger", "member_id": "abc"}, 422),
                         ({"kind": "export_member_ledger", "member_id": "999999"}, 404),
                         ({"kind": "export_sop_outcome", "task_id": "1", "days": "0"}, 422),
                         ({"kind": "export_points", "granularity": "year"}, 422),
                         ({"kind": "export_points", "bogus": "1"}, 422),
                         ({"kind": "wecom_sync"}, 403),  # admins only
                         ({"kind": "mall_ship_csv", "csv": ""}, 422)):
        resp = await page.request.post("/console/operations", form={"_csrf": csrf, **form})
        assert resp.status == status, (form, resp.status)
        assert "id=\"error\"" in await resp.text()
    # the dashboard's own export route: every bad form is a 4xx re-render of the dashboard, never a 500
    for form, status in (({"granularity": "year"}, 422), ({"from": "x"}, 422), ({"from": "2026-13-01"}, 422),
                         ({"from": "2026-12-01", "to": "2026-11-01"}, 422),
                         ({"from": "2020-01-01", "to": "2026-11-01"}, 422),
                         ({"store": "abc"}, 422), ({"store": "0"}, 422), ({"store": "9" * 30}, 422),
                         ({"channel": "c" * 65}, 422), ({"store": "1", "channel": "qr-1"}, 422),
                         ({"kind": "wecom_sync"}, 422), ({"bogus": "1"}, 422)):
        resp = await page.request.post("/console/dashboard/export", form={"_csrf": csrf, **form})
        assert resp.status == status, (form, resp.status)
        assert 'id="error"' in await resp.text() and 'id="chart"' in await resp.text(), form
    for field in ("from", "channel"):  # a NUL nobody types: refused for every page before its handler, naming it
        resp = await page.request.post("/console/dashboard/export", form={"_csrf": csrf, field: "a\x00b"})
        assert resp.status == 422 and "不能包含 NUL 字符" in await resp.text(), field
    resp = await page.request.post("/console/operations", form={"kind": "export_points"})  # no CSRF token
    assert resp.status == 403
    resp = await page.request.post("/console/dashboard/export", form={"from": "2026-11-01"})
    assert resp.status == 403
    assert await OperationRun.all().count() == 0
    for path in ("/console/operations/999", "/console/operations/999/status", "/console/operations/999/download"):
        assert (await page.request.get(path)).status == 404


async def test_admin_api_starts_polls_and_downloads(api: Any, rt: Any, staff_token: Any) -> None:
    _, member = await api.login()
    await give_points(member["id"], 7)
    mkt = staff_token("marketer")
    status, run = await api.call("POST", "/admin/v1/operations", token=mkt,
                                 json={"kind": "export_member_ledger", "params": {"member_id": member["id"]}})
    assert status == 202 and run["status"] in ("queued", "running", "done"), run
    for _ in range(100):
        status, run = await api.call("GET", f"/admin/v1/operations/{run['id']}", token=mkt)
        if run["status"] == "done":
            break
        await asyncio.sleep(0.05)
    assert (run["status"], run["result"], run["percent"]) == ("done", {"rows": 1}, 100)
    status, body = await api.call("GET", f"/admin/v1/operations/{run['id']}/file", token=mkt)
    assert status == 200 and body.splitlines()[0].startswith("\ufeffid,created_at,account")
    status, body = await api.call("POST", "/admin/v1/operations", token=mkt, json={"kind": "wecom_sync"})
    assert status == 403 and body["error"]["code"] == "operation_forbidden"
    status, body = await api.call("POST", "/admin/v1/operations", token=mkt,
                                  json={"kind": "export_points", "params": {"from": "x"}})
    assert status == 422 and body["error"]["details"][0]["field"] == "from"
    status, listed = await api.call("GET", "/admin/v1/operations?kind=export_member_ledger", token=mkt)
    assert status == 200 and [r["id"] for r in listed["items"]] == [run["id"]]


async def test_a_run_fires_once_and_a_dead_workers_run_is_recovered(rt: Any) -> None:
    admin = Principal(1, "admin")
    run = await ops.start(rt, "export_points", {}, admin, kick=False)
    outcomes = await asyncio.gather(*(ops.run_one(rt, run.id) for _ in range(5)))
    assert sorted(o or "" for o in outcomes) == ["", "", "", "", "done"]  # one taker ran it
    assert (await OperationRun.get(id=run.id)).attempts == 1
    # a worker died mid-run: an export (safe to repeat) is queued again and finished; bulk shipping fails with why
    stale = rt.clock.now() - timedelta(seconds=ops.STALE_SECONDS + 5)
    export = await ops.start(rt, "export_points", {}, admin, kick=False)
    ship = await ops.start(rt, "mall_ship_csv", {"csv": "1,顺丰,SF1\n"}, admin, kick=False)
    for r in (export, ship):
        await OperationRun.filter(id=r.id).update(status="running", attempts=1, heartbeat_at=stale)
    fresh = await ops.start(rt, "export_points", {}, admin, kick=False)
    await OperationRun.filter(id=fresh.id).update(status="running", attempts=1, heartbeat_at=rt.clock.now())
    out = await ops.work(rt, 2.0)
    assert (out["requeued"], out["failed"], out["ran"]) == (1, 1, 1)
    assert (await OperationRun.get(id=export.id)).status == "done"
    failed = await OperationRun.get(id=ship.id)
    assert failed.status == "failed" and "interrupted" in (failed.error or "")
    assert (await OperationRun.get(id=fresh.id)).status == "running"  # its worker is alive: left alone
    # the outcome of an attempt that was taken back is never written
    await OperationRun.filter(id=fresh.id).update(attempts=2)
    assert await ops._execute(rt, await _attempt(fresh.id, 1)) == "done"
    assert (await OperationRun.get(id=fresh.id)).status == "running"


async def _attempt(run_id: int, attempt: int) -> OperationRun:
    run = await OperationRun.get(id=run_id)
    run.attempts = attempt
    return run


class _StepsIn(BaseModel):
    steps: int = Field(ge=1, le=10)


_gate: dict[str, asyncio.Event] = {}


@ops.operation("test_steps", label="测试步骤", params=_StepsIn)
async def _steps(ctx: ops.Context) -> dict[str, Any]:
    """A run that stops half-way until the test lets it go on, so the page can be seen mid-run."""
    p: _StepsIn = ctx.params
    for n in range(1, p.steps + 1):
        if n == p.steps // 2 + 1:
            await ctx.flush()
            await _gate["go"].wait()
        await ctx.progress(n, p.steps, f"第 {n} 步")
    return {"rows": p.steps}


async def test_the_progress_bar_moves_while_the_run_works(page: Any, rt: Any) -> None:
    _gate["go"] = asyncio.Event()
    await signed_in(page)
    staff = await StaffUser.get(name="小李")
    run = await ops.start(rt, "test_steps", {"steps": 4}, Principal(staff.id, "marketer"))
    await page.goto(f"/console/operations/{run.id}")
    await expect(page.locator("#done")).to_have_text("2", timeout=10_000)
    assert await page.text_content("#status") == "进行中"
    assert await page.text_content("#total") == "4"
    assert await page.get_attribute("#bar", "aria-valuenow") == "50"
    _gate["go"].set()
    await expect(page.locator("#status")).to_have_text("已完成", timeout=30_000)
    assert await page.get_attribute("#fill", "style") == "width:100%"
    assert await page.text_content("#note") == "第 4 步"
