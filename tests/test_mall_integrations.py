"""The mall's rewards appear where other domains asked for them: the content calendar's points-activity article
and the metrics' "what the balance can buy"."""

from __future__ import annotations

from app.services.content import generate
from app.services.metrics import extensions
from models import MallReward


async def test_a_reward_becomes_a_points_activity_article(rt, seeded) -> None:  # type: ignore[no-untyped-def]
    r = await MallReward.create(name="保温杯", kind="gift", points=1000, cash_fen=1990, stock=50)
    activity = await generate.load("mall_reward", r.id)
    assert activity.points_price == 1000 and activity.name == "保温杯"
    assert "1000积分 + 19.90元" in activity.description and "限量50份" in activity.description
    assert activity.page == f"pages/mall/reward?id={r.id}"


async def test_pure_points_rewards_in_stock_are_what_a_balance_buys(rt, seeded) -> None:  # type: ignore[no-untyped-def]
    cup = await MallReward.create(name="杯子", kind="gift", points=300, stock=5)
    await MallReward.create(name="加钱购", kind="gift", points=100, cash_fen=500, stock=5)
    await MallReward.create(name="售罄", kind="gift", points=50, stock=0)
    await MallReward.create(name="下架", kind="virtual", points=10, active=False)
    unlimited = await MallReward.create(name="电子券", kind="virtual", points=800, stock=None)
    items = [i for i in await extensions.catalogue_items(100) if i["kind"] == "mall_reward"]
    assert [(i["id"], i["points"]) for i in items] == [(cup.id, 300), (unlimited.id, 800)]
