"""Tortoise models (declarative only; behaviour lives in app/services)."""

from models.member import Member, StaffUser
from models.outbox import OutboxMessage
from models.points import (
    AwardCounter,
    Campaign,
    Checkin,
    EarningRule,
    ExpiryReminder,
    PointBucket,
    PointEntry,
    PointsBudget,
    SpendAllocation,
    Tier,
    TierChange,
)

__all__ = [
    "AwardCounter",
    "Campaign",
    "Checkin",
    "EarningRule",
    "ExpiryReminder",
    "Member",
    "OutboxMessage",
    "PointBucket",
    "PointEntry",
    "PointsBudget",
    "SpendAllocation",
    "StaffUser",
    "Tier",
    "TierChange",
]
