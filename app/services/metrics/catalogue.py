"""The built-in catalogue provider: active amount-off coupon templates, priced at their face value.

Coupons are not sold for points on main yet (they are issued after payments), so until the mall (issue 15)
registers its priced goods through `extensions.catalogue`, a coupon's price is its face value at the unit
value (`points_per_yuan`): a 10-yuan coupon = 1,000 points at 100 points per yuan. Percent-off coupons have
no face value and are left out.
"""

from __future__ import annotations

from typing import Any

from app.services.metrics import extensions
from models import CouponTemplate


@extensions.catalogue
async def coupon_templates(points_per_yuan: int) -> list[dict[str, Any]]:
    rows = await CouponTemplate.filter(active=True, kind="amount_off").order_by("id")
    return [{"kind": "coupon_template", "id": t.id, "name": t.name,
             "points": int(t.amount_off_fen or 0) * points_per_yuan // 100} for t in rows
            if (t.stock_total is None or t.issued_count < t.stock_total)]
