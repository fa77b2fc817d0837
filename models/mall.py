"""The points mall: rewards, redemptions, gift addresses, virtual-code pools, service slots, stock audit.

Money is integer fen, prices are integer points. `stock` is what is left (null = unlimited), taken by one
conditional UPDATE in the redemption's own transaction, so it never goes below zero. A redemption is unique
per (member, idem_key): the `Idempotency-Key` of `POST /api/v1/mall/redemptions` is its own idempotency
store, and the ledger keys of its points (`mall:<redemption id>`, `mall-return:<redemption id>`) derive from it.
"""

from tortoise import fields

from models.base import Model


class MallReward(Model):
    """What a member can get for points or points + cash."""

    # kind: coupon (coupon_template_id or coupon_package_id) | gift (physical, shipped) | service (slots)
    #       | virtual (a code from the reward's uploaded pool)
    # campaign: rewards with the same tag share `limit_per_campaign`
    id = fields.BigIntField(primary_key=True)
    name = fields.CharField(max_length=64)
    description = fields.CharField(max_length=255, null=True)
    image_url = fields.CharField(max_length=255, null=True)
    category = fields.CharField(max_length=32, default="", db_default="", db_index=True)
    kind = fields.CharField(max_length=12)
    points = fields.IntField()
    cash_fen = fields.IntField(default=0, db_default=0)
    min_tier = fields.IntField(default=0, db_default=0)
    stock = fields.IntField(null=True)
    redeemed_count = fields.IntField(default=0, db_default=0)
    limit_per_day = fields.IntField(null=True)
    limit_per_campaign = fields.IntField(null=True)
    limit_lifetime = fields.IntField(null=True)
    campaign = fields.CharField(max_length=32, null=True)
    display_from = fields.DatetimeField(null=True)
    display_until = fields.DatetimeField(null=True)
    redeem_from = fields.DatetimeField(null=True)
    redeem_until = fields.DatetimeField(null=True)
    sort = fields.IntField(default=0, db_default=0)
    featured = fields.BooleanField(default=False, db_default=False)
    featured_on_member_day = fields.BooleanField(default=False, db_default=False)
    coupon_template_id = fields.BigIntField(null=True)
    coupon_package_id = fields.BigIntField(null=True)
    active = fields.BooleanField(default=True, db_default=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "mall_rewards"


class MallRedemption(Model):
    """One redemption: its points (a ledger spend), its cash order if any, and its fulfilment."""

    # state: pending_payment (points held, JSAPI order open) | completed | cancelled (by the member or an
    #        operator; points returned) | expired (unpaid hold released) | refunded (cash refunded, points
    #        returned)
    # fulfilment (gift): ordered | shipped | delivered | cancelled; (others) issued | booked | null
    # late_payment: a payment arrived after the hold was released; its refund went to the outbox
    id = fields.BigIntField(primary_key=True)
    member_id = fields.BigIntField(db_index=True)
    reward_id = fields.BigIntField(db_index=True)
    idem_key = fields.CharField(max_length=64)
    request_hash = fields.CharField(max_length=64)
    kind = fields.CharField(max_length=12)
    reward_name = fields.CharField(max_length=64)
    points = fields.IntField()
    cash_fen = fields.IntField(default=0, db_default=0)
    campaign = fields.CharField(max_length=32, null=True)
    day = fields.DateField()
    state = fields.CharField(max_length=16)
    fulfilment = fields.CharField(max_length=12, null=True)
    out_trade_no = fields.CharField(max_length=32, null=True, unique=True)
    prepay_id = fields.CharField(max_length=64, null=True)
    transaction_id = fields.CharField(max_length=32, null=True)
    hold_until = fields.DatetimeField(null=True)
    paid_at = fields.DatetimeField(null=True)
    late_payment = fields.BooleanField(default=False, db_default=False)
    refund_no = fields.CharField(max_length=64, null=True)
    refund_state = fields.CharField(max_length=12, null=True)  # requested | refunded
    address = fields.JSONField(null=True)
    slot_id = fields.BigIntField(null=True)
    coupon_ids = fields.JSONField(null=True)
    code = fields.CharField(max_length=64, null=True)
    carrier = fields.CharField(max_length=32, null=True)
    tracking_no = fields.CharField(max_length=64, null=True)
    shipped_at = fields.DatetimeField(null=True)
    delivered_at = fields.DatetimeField(null=True)
    completed_at = fields.DatetimeField(null=True)
    cancelled_at = fields.DatetimeField(null=True)
    cancel_reason = fields.CharField(max_length=64, null=True)
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()

    class Meta:
        table = "mall_redemptions"
        unique_together = (("member_id", "idem_key"),)
        indexes = (("member_id", "reward_id", "day"), ("state", "hold_until"))


class MallAddress(Model):
    """A member's delivery address for gifts."""

    id = fields.BigIntField(primary_key=True)
    member_id = fields.BigIntField(db_index=True)
    name = fields.CharField(max_length=32)
    phone = fields.CharField(max_length=20)
    region = fields.CharField(max_length=64)
    detail = fields.CharField(max_length=128)
    is_default = fields.BooleanField(default=False, db_default=False)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "mall_addresses"


class MallCode(Model):
    """One code of a virtual reward's uploaded pool; given to exactly one redemption."""

    id = fields.BigIntField(primary_key=True)
    reward_id = fields.BigIntField()
    code = fields.CharField(max_length=64)
    redemption_id = fields.BigIntField(null=True, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "mall_codes"
        unique_together = (("reward_id", "code"),)
        indexes = (("reward_id", "redemption_id"),)


class MallSlot(Model):
    """A bookable time of a service reward, with its capacity."""

    id = fields.BigIntField(primary_key=True)
    reward_id = fields.BigIntField(db_index=True)
    starts_at = fields.DatetimeField()
    capacity = fields.IntField()
    taken = fields.IntField(default=0, db_default=0)

    class Meta:
        table = "mall_slots"


class MallStockAdjustment(Model):
    """Audit of every manual stock change (and code uploads), with who and why."""

    id = fields.BigIntField(primary_key=True)
    reward_id = fields.BigIntField(db_index=True)
    delta = fields.IntField()
    stock_after = fields.IntField(null=True)
    reason = fields.CharField(max_length=128)
    operator = fields.CharField(max_length=64)
    created_at = fields.DatetimeField()

    class Meta:
        table = "mall_stock_adjustments"
