"""Chinese refusals on the console: every error code the services and handlers raise has a 简体 sentence in
app/web/messages.py, pydantic's and the services' own validation wording is translated, and a browser walks the
console's forms with bad input: every message shown is Chinese and sits next to its field."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from app.errors import ApiError, Conflict, ValidationFailed
from app.web import field_errors
from app.web.messages import CODES, has_cjk, zh_code, zh_detail, zh_message
from models import MallReward, Member
from tests.lottery_helpers import CONSOLATION, make_lottery
from tests.test_web_mall import signed_in
from tests.webhelpers import browser_fixture, page_fixture  # noqa: F401  (fixtures)

ROOT = Path(__file__).resolve().parent.parent
RAISED_CODE = re.compile(r"""code\s*=\s*["']([a-z][a-z0-9_]*)["']""")


def raised_codes() -> set[str]:
    """Every literal error code under app/ and handlers/ (`code="..."` and the ApiError classes' codes)."""
    found: set[str] = set()
    for folder in ("app", "handlers"):
        for path in (ROOT / folder).rglob("*.py"):
            found |= set(RAISED_CODE.findall(path.read_text(encoding="utf-8")))
    found |= set(re.findall(r'status, code = \d+, "([a-z_]+)"', (ROOT / "app/errors.py").read_text()))
    return found


def test_every_raised_code_has_a_chinese_sentence() -> None:
    codes = raised_codes()
    assert len(codes) > 80  # the scan found the codes (not an empty walk)
    missing = sorted(c for c in codes if c not in CODES)
    assert not missing, f"add these codes to app/web/messages.py CODES: {missing}"
    for code in CODES:
        text = zh_code(code, "")
        assert text and has_cjk(text), code


@pytest.mark.parametrize(("english", "chinese"), [
    ("Field required", "必填"),
    ("Input should be greater than or equal to 1", "不能小于 1"),
    ("Input should be less than or equal to 7", "不能大于 7"),
    ("Input should be greater than 0", "必须大于 0"),
    ("Input should be a valid integer, unable to parse string as an integer", "请填写整数"),
    ("String should have at least 1 character", "不能为空"),
    ("String should have at most 64 characters", "最多 64 个字符"),
    ("String should match pattern '^[0-9A-Za-z-]{4,64}$'", "格式不正确"),
    ("Input should be 'wheel', 'nine_grid' or 'scratch'", "请选择有效的选项"),
    ("Value error, a gift prize needs cost_fen", "实物奖品需要填写「成本价」"),
    ("required when recurrence is weekly", "周期为「每周」时必填"),
    ("must not be 0", "不能为 0"),
])
def test_validation_wording_in_chinese(english: str, chinese: str) -> None:
    assert zh_detail(english) == chinese


def test_messages_with_numbers_keep_them() -> None:
    assert zh_message(Conflict("only 3 left: cannot take 5", code="stock_below_zero")) == "库存只剩 3，不能减少 5"
    assert zh_message(Conflict("stock cannot go below zero", code="stock_below_zero")) == "库存不能小于 0"
    assert zh_message(Conflict("the pool needs exactly one active consolation prize (has 0)",
                               code="pool_invalid")) == "奖池需要恰好一个安慰奖（当前有 0 个）"
    exc = ValidationFailed("name: ...; weight: ...", details=[
        {"field": "name", "message": "String should have at least 1 character"},
        {"field": "weight", "message": "Input should be greater than or equal to 0"}])
    assert zh_message(exc) == "「名称」不能为空；「权重」不能小于 0"
    # next to their fields, and the rest on top (naming its field)
    assert field_errors(exc, {"name": "name"}) == {"name": "不能为空", "_": "「名称」不能为空；「权重」不能小于 0"}
    # an unknown code falls back to the API's message
    assert zh_message(ApiError("something new", code="brand_new_code")) == "something new"


# -- the walk ----------------------------------------------------------------------------------------------------------
NEXT_TO = """([err, input]) => { const e = document.getElementById(err), i = document.getElementById(input);
  if (!e || !i) return false; const p = e.previousElementSibling; return !!p && (p === i || p.contains(i)); }"""


async def _check(page: Any, where: str, fields: dict[str, str]) -> None:
    """Every refusal shown is Chinese; each named field has its message right after its input."""
    shown = [t.strip() for t in await page.locator(".err, .alert").all_text_contents()]
    assert shown, f"{where}: no message shown"
    english = [t for t in shown if not has_cjk(t)]
    assert not english, f"{where}: {english}"
    for err_id, input_id in fields.items():
        text = await page.text_content(f"#{err_id}")
        assert text and has_cjk(text), (where, err_id, text)
        assert await page.evaluate(NEXT_TO, [err_id, input_id]), f"{where}: #{err_id} is not next to #{input_id}"


async def test_the_console_forms_refuse_bad_input_in_chinese_next_to_the_field(page: Any, api: Any, rt: Any,
                                                                               seeded: Any,
                                                                               staff_token: Any) -> None:
    lot = await make_lottery(api, staff_token("admin"), [CONSOLATION], publish=False)
    virtual = await MallReward.create(name="卡密", kind="virtual", points=1, stock=0)
    service = await MallReward.create(name="预约", kind="service", points=1, stock=None)
    gift = await MallReward.create(name="杯子", kind="gift", points=1, stock=1)
    _, member = await api.login("walk")
    await signed_in(page)

    async def walk(path: str, fills: dict[str, str], submit: str, fields: dict[str, str],
                   before: str | None = None, selects: dict[str, str] | None = None) -> None:
        await page.goto(path)
        if before:
            await page.click(before)
        for sel, value in (selects or {}).items():
            await page.select_option(sel, value)
        for sel, value in fills.items():
            await page.fill(sel, value)
        await page.click(submit)
        await _check(page, path, fields)

    await walk("/console/lottery", {"#name": "", "#cost_points": "0", "#pity_after": "x"}, "#create",
               {"name-error": "name", "cost_points-error": "cost_points", "pity_after-error": "pity_after"})
    await walk(f"/console/lottery/{lot['id']}", {"#name": "", "#points": "", "#weight": "-1"}, "#add-prize",
               {"name-error": "name", "weight-error": "weight"})
    await walk(f"/console/lottery/{lot['id']}", {"#lot-cost_points": "abc", "#lot-daily_draws": "0"},
               "#save-lottery", {"lot-cost_points-error": "lot-cost_points",
                                 "lot-daily_draws-error": "lot-daily_draws"}, before="#edit-toggle")
    prize = lot["prizes"][0]["id"]
    await walk(f"/console/lottery/{lot['id']}/prizes/{prize}", {"#points": "0", "#slot": "-2"}, "#save-prize",
               {"points-error": "points", "slot-error": "slot"})
    await walk("/console/mall/rewards/new", {"#name": "", "#points": "abc", "#stock": "-3"}, "#save",
               {"name-error": "name", "points-error": "points", "stock-error": "stock"})
    await walk(f"/console/mall/rewards/{gift.id}", {"#delta": "abc", "#reason": ""}, "#adjust",
               {"delta-error": "delta", "reason-error": "reason"})
    await walk(f"/console/mall/rewards/{gift.id}", {"#delta": "-5", "#reason": "盘点"}, "#adjust", {})
    await walk(f"/console/mall/rewards/{virtual.id}", {"#codes": "a b\n"}, "#upload-codes",
               {"codes-error": "codes"})
    await walk(f"/console/mall/rewards/{service.id}", {"#slot_date": "", "#capacity": "0"}, "#add-slot",
               {"slot_date-error": "slot_date", "capacity-error": "capacity"})
    await walk("/console/rules/new", {"#code": "BAD CODE", "#name": "", "#event": "nope", "#points_fixed": "-1",
                                      "#daily_count_cap": "0"}, "#preview-button",
               {"code-error": "code", "name-error": "name", "points_fixed-error": "points_fixed",
                "daily_count_cap-error": "daily_count_cap"})
    # the cross-field checks run once the fields are sound: the unknown event, in Chinese
    await walk("/console/rules/new", {"#code": "good", "#name": "好", "#event": "nope"}, "#preview-button",
               {"event-error": "event"})
    await walk("/console/campaigns/new", {"#name": "x", "#multiplier_bp": "5"}, "#preview-button",
               {"multiplier_bp-error": "multiplier_bp"}, selects={"#recurrence": "weekly"})
    await walk("/console/campaigns/new", {"#name": "x", "#multiplier_bp": "20000", "#weekday": "",
                                          "#day_of_month": "3"}, "#preview-button",
               {"weekday-error": "weekday", "day_of_month-error": "day_of_month"}, selects={"#recurrence": "weekly"})
    await walk("/console/tiers", {"#budget_points": "-5", "#warn_percent": "80"}, "#save-budget",
               {"budget_points-error": "budget_points"})
    await walk("/console/tiers", {"#budget_points": "5000", "#warn_percent": "abc"}, "#save-budget",
               {"warn_percent-error": "warn_percent"})
    await walk("/console/coupons", {"#t-name": "", "#t-amount_off": "abc", "#t-valid_days": "0"}, "#save-template",
               {"t-amount_off-error": "t-amount_off"}, before="#new-template")
    await walk("/console/coupons", {"#t-name": "", "#t-amount_off": "5", "#t-valid_days": "0"}, "#save-template",
               {"t-name-error": "t-name", "t-valid_days-error": "t-valid_days"}, before="#new-template")
    await walk(f"/console/members/{member['id']}", {"#amount": "abc", "#reason": ""}, "#adjust",
               {"amount-error": "amount", "reason-error": "reason"})
    await walk(f"/console/members/{member['id']}", {"#amount": "0", "#reason": "测试"}, "#adjust",
               {"amount-error": "amount"})
    await walk("/console/sop/new", {"#name": "x", "#tier_min": "-1", "#holdout_pct": "90"}, "#create-task",
               {"tier_min-error": "tier_min"})
    await walk("/console/editions/new", {"#title": "", "#article_title": "", "#date": "2026-12-01", "#time": "09:00"},
               "#save", {"title-error": "title"})
    # whole-page refusals too
    for path in (f"/console/lottery/{lot['id'] + 999}", f"/console/mall/rewards/{gift.id + 999}",
                 f"/console/lottery/{lot['id']}/draws/1/replay"):
        resp = await page.goto(path)
        assert resp.status == 404 and has_cjk(await page.text_content("#forbidden") or ""), path
    assert await Member.filter(id=member["id"]).count() == 1
