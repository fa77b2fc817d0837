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
from models.content import (
    ContentArticle,
    ContentEdition,
    ContentImage,
    ContentNotification,
    ContentPlan,
    ContentQuotaSlot,
)
from models.coupons import Coupon, CouponPackage, CouponRule, CouponTemplate
from models.guides import GuideCard, MemberGuide, StoreRotation
from models.member import Member, StaffUser, Store
from models.metrics import MetricsDaily, MetricsMemberDay, MetricsSimulation, MetricsWatermark
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
    "ContentArticle",
    "ContentEdition",
    "ContentImage",
    "ContentNotification",
    "ContentPlan",
    "ContentQuotaSlot",
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
    "GuideCard",
    "Member",
    "MemberGuide",
    "MetricsDaily",
    "MetricsMemberDay",
    "MetricsSimulation",
    "MetricsWatermark",
    "OutboxMessage",
    "Payment",
    "PaymentRefund",
    "PointBucket",
    "PointEntry",
    "PointsBudget",
    "SpendAllocation",
    "StaffUser",
    "Store",
    "StoreRotation",
    "Tier",
    "TierChange",
    "WeChatPayNotification",
    "WecomEvent",
]
