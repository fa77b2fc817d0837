"""A virtual reward's codes and a service reward's time slots in a real browser: paste codes and upload a file, the
page counting accepted / duplicate / rejected, the pool and stock growing by the accepted ones only; add slots
with capacity and see what is left after a member books one; bad input answered 4xx in Chinese next to the
field."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.clock import SHANGHAI
from app.services.mall import admin as svc
from models import MallCode, MallReward, MallSlot, MallStockAdjustment
from tests.mallhelpers import give_points, login, redeem
from tests.test_web_mall import signed_in
from tests.webhelpers import browser_fixture, page_fixture  # noqa: F401  (fixtures)


async def test_marketer_pastes_and_uploads_codes_and_sees_the_counts(page: Any, api: Any, rt: Any) -> None:
    reward = await MallReward.create(name="视频会员月卡", kind="virtual", points=200, stock=0)
    await signed_in(page)
    await page.goto(f"/console/mall/rewards/{reward.id}")
    # nothing pasted: refused next to the field, in Chinese
    await page.click("#upload-codes")
    assert await page.text_content("#codes-error") == "请粘贴卡密或选择文件（每行一个）"
    too_long = "X" * 65
    await page.fill("#codes", f"VIP-001\nVIP-002\n\nVIP-001\nVIP 003\n{too_long}\n")
    await page.click("#upload-codes")
    assert [await page.text_content(f"#codes-{k}") for k in ("added", "duplicates", "rejected")] == ["2", "1", "2"]
    assert "VIP 003" in (await page.text_content("#codes-rejected-list") or "")
    assert await page.text_content("#stock-now") == "2"
    # a file: one new code, two already in the pool
    await page.set_input_files("#codes-file", files=[{"name": "codes.csv", "mimeType": "text/csv",
                                                      "buffer": "VIP-002,备注\nVIP-004,x\nVIP-001\n".encode()}])
    await page.click("#upload-codes")
    assert [await page.text_content(f"#codes-{k}") for k in ("added", "duplicates", "rejected")] == ["1", "2", "0"]
    assert sorted(c.code for c in await MallCode.filter(reward_id=reward.id)) == ["VIP-001", "VIP-002", "VIP-004"]
    reward_now = await MallReward.get(id=reward.id)
    assert reward_now.stock == 3 and await page.text_content("#stock-now") == "3"
    assert [a.delta for a in await MallStockAdjustment.filter(reward_id=reward.id).order_by("id")] == [2, 1]
    # only rejected codes: the service refuses the upload, shown next to the field
    await page.fill("#codes", "has space\n")
    await page.click("#upload-codes")
    assert await page.text_content("#codes-error") == "没有有效的卡密（每个 1–64 个字符，不含空格）"
    # a file that is not UTF-8 text
    await page.set_input_files("#codes-file", files=[{"name": "codes.txt", "mimeType": "text/plain",
                                                      "buffer": b"\xff\xfe\x00A"}])
    await page.click("#upload-codes")
    assert await page.text_content("#file-error") == "文件须为 UTF-8 编码的文本"
    assert (await MallReward.get(id=reward.id)).stock == 3


async def test_marketer_adds_slots_and_sees_what_is_left(page: Any, api: Any, rt: Any) -> None:
    reward = await MallReward.create(name="皮肤护理体验", kind="service", points=100, stock=None)
    await signed_in(page)
    await page.goto(f"/console/mall/rewards/{reward.id}")
    assert "还没有时段" in (await page.text_content("#slots") or "")
    # bad input first: no date, a capacity of 0
    await page.fill("#slot_time", "10:00")
    await page.fill("#capacity", "0")
    await page.click("#add-slot")
    assert await page.text_content("#slot_date-error") == "请填写有效的日期时间"
    assert await page.text_content("#capacity-error") == "不能小于 1"
    assert await MallSlot.all().count() == 0
    await page.fill("#slot_date", "2026-12-20")
    await page.fill("#slot_time", "10:00")
    await page.fill("#capacity", "3")
    await page.click("#add-slot")
    await page.wait_for_url(f"**/console/mall/rewards/{reward.id}")
    slot = await MallSlot.get(reward_id=reward.id)
    assert slot.starts_at == datetime(2026, 12, 20, 10, 0, tzinfo=SHANGHAI) and slot.capacity == 3
    row = page.locator(f"#slot-{slot.id}")
    assert "2026-12-20 10:00" in (await row.text_content() or "")
    assert await row.locator(".left").text_content() == "3"
    # a member books it through the JSON API: one fewer left on the page, as the service lists them
    token, member = await login(api)
    await give_points(member["id"], 100)
    status, body = await redeem(api, token, reward.id, slot_id=slot.id)
    assert status == 201, body
    await page.reload()
    assert await page.locator(f"#slot-{slot.id} .left").text_content() == "2"
    assert (await svc.list_slots(reward.id))["items"][0]["left"] == 2


async def test_garbage_posted_to_codes_and_slots_is_a_4xx_in_chinese(page: Any, rt: Any) -> None:
    virtual = await MallReward.create(name="卡", kind="virtual", points=1, stock=0)
    gift = await MallReward.create(name="杯", kind="gift", points=1, stock=1)
    service = await MallReward.create(name="课", kind="service", points=1, stock=None)
    await signed_in(page)
    await page.goto(f"/console/mall/rewards/{virtual.id}")
    csrf = next(c["value"] for c in await page.context.cookies() if c["name"] == "jifen_csrf")
    cases = [(f"/console/mall/rewards/{virtual.id}/codes", {"codes": "\u0000" * 3, "reason": "x" * 500}),
             (f"/console/mall/rewards/{gift.id}/codes", {"codes": "A1"}),
             (f"/console/mall/rewards/{gift.id}/slots", {"slot_date": "2026-12-01", "slot_time": "10:00",
                                                         "capacity": "2"}),
             (f"/console/mall/rewards/{service.id}/slots", {"slot_date": "12/01", "slot_time": "25:99",
                                                            "capacity": "1e99"}),
             (f"/console/mall/rewards/{virtual.id + 999}/codes", {"codes": "A"}),
             (f"/console/mall/rewards/{service.id + 999}/slots", {"capacity": "x"})]
    for path, form in cases:
        resp = await page.request.post(path, form={"_csrf": csrf, **form}, max_redirects=0)
        assert 400 <= resp.status < 500, (path, resp.status)
        text = await resp.text()
        assert "Input should" not in text and "only " not in text and "no such" not in text, (path, text[-600:])
    assert await MallCode.all().count() == 0 and await MallSlot.all().count() == 0
    resp = await page.request.post(f"/console/mall/rewards/{virtual.id}/codes", form={"codes": "A"})
    assert resp.status == 403
