"""Tortoise models (declarative only; behaviour lives in app/services)."""

from models.community import (
    CommunityInteraction,
    CommunitySource,
    ContactFollow,
    ContactTag,
    CorpTag,
    CustomerGroup,
    ExternalContact,
    GroupMember,
    WecomEvent,
)
from models.coupons import Coupon, CouponPackage, CouponRule, CouponTemplate
from models.mall import MallAddress, MallCode, MallRedemption, MallReward, MallSlot, MallStockAdjustment
from models.member import Member, StaffUser, Store
from models.outbox import OutboxMessage
from models.payments import Payment, PaymentRefund, WeChatPayNotification
from models.points import (
    AdjustmentRequest,
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
    "AdjustmentRequest",
    "AwardCounter",
    "Campaign",
    "Checkin",
    "CommunityInteraction",
    "CommunitySource",
    "ContactFollow",
    "ContactTag",
    "CorpTag",
    "Coupon",
    "CouponPackage",
    "CouponRule",
    "CouponTemplate",
    "CustomerGroup",
    "EarningRule",
    "ExpiryReminder",
    "ExternalContact",
    "GroupMember",
    "MallAddress",
    "MallCode",
    "MallRedemption",
    "MallReward",
    "MallSlot",
    "MallStockAdjustment",
    "Member",
    "OutboxMessage",
    "Payment",
    "PaymentRefund",
    "PointBucket",
    "PointEntry",
    "PointsBudget",
    "SpendAllocation",
    "StaffUser",
    "Store",
    "Tier",
    "TierChange",
    "WeChatPayNotification",
    "WecomEvent",
]
