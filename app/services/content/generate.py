"""Points-activity articles (the third slot of an edition: points for coupons, points for gifts), generated from
something the points side already knows: a member-day campaign today, a mall reward once a mall exists.

Sources plug in with `@points_source(kind)`: a loader `(id) -> PointsActivity`. The campaign source is here; a
future mall domain registers `"mall_reward"` beside its own code (name, points price, the reward's mini-program
page), and the route `POST /admin/v1/editions/<id>/points-article {source, id}` serves it with no change here.
"""

from __future__ import annotations

import html
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from app.clock import SHANGHAI
from app.errors import NotFound, ValidationFailed
from models import Campaign

WEEKDAYS = "一二三四五六日"


@dataclass(frozen=True)
class PointsActivity:
    """What a points-activity article says: the name, the points price (None for an earning campaign), how it
    works, and the mini-program page it links to (`appid` + `page`)."""

    name: str
    points_price: int | None
    description: str
    page: str


Loader = Callable[[int], Awaitable[PointsActivity]]
_SOURCES: dict[str, Loader] = {}


def points_source(kind: str) -> Callable[[Loader], Loader]:
    def deco(fn: Loader) -> Loader:
        if _SOURCES.get(kind, fn) is not fn:
            raise ValueError(f"points source {kind!r} registered twice")
        _SOURCES[kind] = fn
        return fn

    return deco


async def load(kind: str, obj_id: int) -> PointsActivity:
    from app import domains

    domains.load()  # sources register when their domain is imported (the mall's `mall_reward`)
    loader = _SOURCES.get(kind)
    if loader is None:
        raise ValidationFailed(f"source: unknown {kind!r} (known: {', '.join(sorted(_SOURCES))})",
                               code="unknown_source")
    return await loader(obj_id)


@points_source("campaign")
async def from_campaign(campaign_id: int) -> PointsActivity:
    c = await Campaign.get_or_none(id=campaign_id)
    if c is None:
        raise NotFound(f"no campaign #{campaign_id}", code="campaign_not_found")
    times = f"{c.multiplier_bp / 10000:g}"
    when = {"monthly": f"每月{c.day_of_month}日", "weekly": f"每周{WEEKDAYS[(c.weekday or 1) - 1]}",
            "yearly": f"每年{c.month}月" + (f"{c.day_of_month}日" if c.day_of_month else "")}.get(c.recurrence, "")
    if c.recurrence == "once" and c.starts_at and c.ends_at:
        when = (f"{c.starts_at.astimezone(SHANGHAI):%m月%d日 %H:%M} 至 "
                f"{c.ends_at.astimezone(SHANGHAI):%m月%d日 %H:%M}")
    return PointsActivity(name=c.name, points_price=None,
                          description=f"{when}会员日，签到、消费等积分{times}倍。积分可兑换优惠券和礼品。",
                          page="pages/points/index")


def article_html(activity: PointsActivity, appid: str) -> str:
    """The article body: the activity, its price, and a link into the mini-program (data-miniprogram-*)."""
    price = (f"<p>所需积分：<strong>{activity.points_price}</strong></p>" if activity.points_price is not None
             else "")
    return (f"<h2>{html.escape(activity.name)}</h2>{price}<p>{html.escape(activity.description)}</p>"
            f'<p><a data-miniprogram-appid="{html.escape(appid)}" data-miniprogram-path="{html.escape(activity.page)}"'
            f' href="">进入会员中心参与</a></p>')


def article_fields(activity: PointsActivity, appid: str) -> dict[str, str]:
    """Title (≤ 32), digest and content of the points-activity article."""
    title = f"积分活动｜{activity.name}"[:32]
    return {"role": "points_activity", "title": title, "digest": activity.description[:120],
            "content": article_html(activity, appid)}
