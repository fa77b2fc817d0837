"""What the mall lends other domains: a points-activity article for the content calendar, and the rewards a
balance can buy for the metrics (annual report "what your points buy now", threshold advice).

Both plug into extension points those domains declared before the mall existed (`content.generate.points_source`,
`metrics.extensions.catalogue`), so neither imports the mall.
"""

from __future__ import annotations

from typing import Any

from tortoise.expressions import Q

from app.errors import NotFound
from app.services.content.generate import PointsActivity, points_source
from app.services.metrics import extensions
from models import MallReward

_KIND_WORDS = {"coupon": "优惠券", "gift": "礼品", "service": "服务体验", "virtual": "虚拟券码"}


@points_source("mall_reward")
async def from_reward(reward_id: int) -> PointsActivity:
    """The headline's points-activity slot from a reward: its name, its points price, how to redeem it."""
    r = await MallReward.get_or_none(id=reward_id)
    if r is None:
        raise NotFound(f"no mall reward #{reward_id}", code="reward_not_found")
    price = f"{r.points}积分" + (f" + {r.cash_fen // 100}.{r.cash_fen % 100:02d}元" if r.cash_fen else "")
    stock = f"，限量{r.stock}份" if r.stock is not None else ""
    return PointsActivity(name=r.name, points_price=r.points,
                          description=f"{price}即可兑换{_KIND_WORDS.get(r.kind, '好礼')}「{r.name}」{stock}。"
                                      "打开小程序积分商城立即兑换。",
                          page=f"pages/mall/reward?id={r.id}")


@extensions.catalogue
async def pure_points_rewards(points_per_yuan: int) -> list[dict[str, Any]]:
    """Active, in-stock rewards priced in points alone: what a balance can buy outright."""
    in_stock = Q(stock__isnull=True) | Q(stock__gt=0)  # NULL = unlimited (NOT stock = 0 would drop it)
    rows = await MallReward.filter(in_stock, active=True, cash_fen=0).values("id", "name", "points")
    return [{"kind": "mall_reward", "id": r["id"], "name": r["name"], "points": int(r["points"])} for r in rows]
