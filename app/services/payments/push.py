"""The subscribe message a payer receives after a credited payment ("points arrived, N coupons").

One builder for the general settle path and the PostgreSQL fast path, so both queue the same payload.

With a guide (the member's, assigned after payment: `app.services.staff.assignment`) the message carries the
guide's card the way a subscribe message can: the guide's name in the `[guides] push_keyword` keyword (a
`thing`, ≤ 20 chars: docs/wechat-protocols.md §1.5) and the mini-program page of the card
(`[guides] card_page?guide=<staff id>`) as the message's `page`, which shows the avatar and the contact-me QR
(a URL fits no keyword); the whole card is kept in the payload's `ref`.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from app.runtime import Runtime

if TYPE_CHECKING:
    from app.services.staff.assignment import GuideCardInfo

# Keyword keys of the subscribe template configured as [miniprogram] subscribe_template_points; WeChat limits
# each family (thing ≤ 20 chars, character_string ≤ 32, number, amount, time — docs/wechat-protocols.md §1.5).
PUSH_FIELDS = {"order": "character_string1", "amount": "amount2", "points": "number3", "coupons": "thing4",
               "time": "time5", "note": "thing6"}


def push_data(rt: Runtime, out_trade_no: str, payer_total_fen: int, success_time: datetime, points: int,
              pending: int, coupon_count: int) -> dict[str, str]:
    local = success_time.astimezone(rt.clock.tz)
    if points and pending == points:
        note = "积分待退货期满后到账"
    elif points:
        note = "积分已到账"
    else:
        note = "感谢您的惠顾"
    values = {
        "order": out_trade_no[:32], "amount": f"{payer_total_fen / 100:.2f}元",
        "points": str(points), "coupons": f"获得{coupon_count}张优惠券" if coupon_count else "本单无优惠券",
        "time": f"{local:%Y-%m-%d %H:%M}", "note": note,
    }
    return {PUSH_FIELDS[k]: v[:20] if PUSH_FIELDS[k].startswith("thing") else v for k, v in values.items()}


def push_payload(rt: Runtime, *, openid: str, transaction_id: str, out_trade_no: str, payer_total_fen: int,
                 success_time: datetime, points: int, pending: int, coupon_count: int,
                 guide: GuideCardInfo | None = None) -> dict[str, Any] | None:
    """The outbox payload, or None when there is nothing to tell (no points, no coupons) or no template."""
    template = rt.settings.miniprogram.subscribe_template_points
    if not template or (points <= 0 and coupon_count == 0):
        return None
    data = push_data(rt, out_trade_no, payer_total_fen, success_time, points, pending, coupon_count)
    ref: dict[str, Any] = {"transaction_id": transaction_id, "points": points, "coupons": coupon_count}
    page = None
    if guide is not None:
        cfg = rt.settings.guides
        if cfg.push_keyword:
            data[cfg.push_keyword] = f"专属导购 {guide.name}"[:20]
        if cfg.card_page:
            page = f"{cfg.card_page}?guide={guide.staff_id}"
        ref["guide"] = guide.view()
    return {"openid": openid, "template_id": template, "page": page, "data": data, "ref": ref}


def push_key(transaction_id: str) -> str:
    return f"pay-push:{transaction_id}"
