"""The default rule set an operator starts from (idempotent; only creates what is missing)."""

from __future__ import annotations

from typing import Any

from models import Campaign, EarningRule, Tier

DEFAULT_RULES: list[dict[str, Any]] = [
    {"code": "check_in", "name": "每日签到", "event": "check_in", "points_fixed": 5, "growth_fixed": 1,
     "streak_bonuses": {"7+": 20}, "options": {"makeup_per_month": 2, "makeup_cost": 10}},
    {"code": "purchase", "name": "消费积分 1元=1分", "event": "purchase", "points_per_yuan": 1,
     "growth_per_yuan": 1},
    {"code": "first_purchase", "name": "首单奖励", "event": "first_purchase", "points_fixed": 100,
     "once_per_member": True},
    {"code": "community_interaction", "name": "社群互动", "event": "community_interaction", "points_fixed": 10,
     "growth_fixed": 1, "daily_count_cap": 5, "daily_points_cap": 50},
    {"code": "wecom_guide_added", "name": "添加导购企业微信", "event": "wecom_guide_added", "points_fixed": 20,
     "growth_fixed": 2, "once_per_member": True},
    {"code": "wecom_group_joined", "name": "加入品牌社群", "event": "wecom_group_joined", "points_fixed": 10,
     "growth_fixed": 1},
    {"code": "experience_officer", "name": "报名体验官", "event": "custom:experience_officer",
     "points_fixed": 200, "once_per_member": True},
    {"code": "invite_accepted", "name": "邀请好友", "event": "invite_accepted", "points_fixed": 50,
     "growth_fixed": 5, "daily_count_cap": 10},
    {"code": "phone_bound", "name": "绑定手机号", "event": "phone_bound", "points_fixed": 50, "once_per_member": True},
    {"code": "profile_completed", "name": "完善资料", "event": "profile_completed", "points_fixed": 30,
     "once_per_member": True},
    {"code": "share", "name": "分享", "event": "share", "points_fixed": 2, "daily_count_cap": 3},
]

DEFAULT_TIERS = [
    {"level": 0, "name": "普通会员", "growth_threshold": 0, "multiplier_bp": 10000},
    {"level": 1, "name": "银卡", "growth_threshold": 1000, "multiplier_bp": 12000},
    {"level": 2, "name": "金卡", "growth_threshold": 5000, "multiplier_bp": 15000},
    {"level": 3, "name": "钻石", "growth_threshold": 20000, "multiplier_bp": 20000},
]

DEFAULT_CAMPAIGNS = [
    {"name": "会员日 (每月18日) 3倍", "multiplier_bp": 30000, "recurrence": "monthly", "day_of_month": 18},
    {"name": "会员月 (12月) 1.5倍", "multiplier_bp": 15000, "recurrence": "yearly", "month": 12},
]


async def seed_points_defaults(*, campaigns_active: bool = True) -> None:
    """Create the default rules, tiers and campaigns that are missing.

    Campaigns multiply every award, and points are a debt on the brand's books: on a production install they
    are seeded switched off (a marketer switches them on, as with coupon rules); the dev/sandbox seed shows
    them running.
    """
    for rule in DEFAULT_RULES:
        await EarningRule.get_or_create(code=rule["code"], defaults=rule)
    for tier in DEFAULT_TIERS:
        await Tier.get_or_create(level=tier["level"], defaults=tier)
    for campaign in DEFAULT_CAMPAIGNS:
        await Campaign.get_or_create(name=campaign["name"], defaults={**campaign, "active": campaigns_active})


async def seed_first_install(*, demo: bool) -> None:
    """A fresh install starts with the default rule set, tiers and campaigns (operators edit from there).

    Only the sandbox/dev install (`demo`) gets the multiplier campaigns switched on: on a production database
    a campaign is a marketer's decision, never a side effect of `jifen migrate`.
    """
    if not await EarningRule.exists():
        await seed_points_defaults(campaigns_active=demo)
