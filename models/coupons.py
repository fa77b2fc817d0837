"""Coupons after payment: templates, packages, issuing rules and the coupons members hold.

Money is integer fen, percentages are basis points (1000 = 10% off). Stock is `stock_total` (null =
unlimited) against `issued_count`, raised by one conditional UPDATE per coupon so it is never oversold.
"""

from tortoise import fields

from models.base import Model


class CouponTemplate(Model):
    """What a coupon is worth, how long it is valid and how many may be issued."""

    # kind: amount_off (amount_off_fen) | percent_off (percent_off_bp, capped by max_discount_fen)
    # validity: fixed (valid_from..valid_until) | days (valid_days after issue, to the end of the Shanghai day)
    # stock_id: a WeChat Pay cash-coupon stock, issued through the v3 marketing API
    id = fields.BigIntField(primary_key=True)
    name = fields.CharField(max_length=64)
    description = fields.CharField(max_length=255, null=True)
    kind = fields.CharField(max_length=16)
    amount_off_fen = fields.IntField(null=True)
    percent_off_bp = fields.IntField(null=True)
    max_discount_fen = fields.IntField(null=True)
    min_spend_fen = fields.IntField(default=0, db_default=0)
    validity = fields.CharField(max_length=8)
    valid_from = fields.DatetimeField(null=True)
    valid_until = fields.DatetimeField(null=True)
    valid_days = fields.IntField(null=True)
    stock_total = fields.IntField(null=True)
    issued_count = fields.IntField(default=0, db_default=0)
    stock_id = fields.CharField(max_length=64, null=True)
    stock_creator_mchid = fields.CharField(max_length=32, null=True)
    active = fields.BooleanField(default=True, db_default=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "coupon_templates"


class CouponPackage(Model):
    """Several templates issued together: items = [{template_id, quantity}]."""

    id = fields.BigIntField(primary_key=True)
    name = fields.CharField(max_length=64)
    items = fields.JSONField()
    active = fields.BooleanField(default=True, db_default=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "coupon_packages"


class CouponRule(Model):
    """When a payment earns a package: minimum paid, first purchase only, tiers, campaign window."""

    id = fields.BigIntField(primary_key=True)
    name = fields.CharField(max_length=64)
    package_id = fields.BigIntField()
    min_paid_fen = fields.IntField(default=0, db_default=0)
    first_purchase_only = fields.BooleanField(default=False, db_default=False)
    tier_levels = fields.JSONField(null=True)
    starts_at = fields.DatetimeField(null=True)
    ends_at = fields.DatetimeField(null=True)
    active = fields.BooleanField(default=True, db_default=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "coupon_rules"


class Coupon(Model):
    """One coupon a member holds. issue_key (payment x rule x template x n) makes issuing idempotent."""

    # state: issued | used | revoked (expired = issued and past valid_until, computed on read)
    # wxpay_status: pending | sent | failed | late (delivered after jifen revoked it) for WeChat Pay stocks
    id = fields.BigIntField(primary_key=True)
    code = fields.CharField(max_length=24, unique=True)
    issue_key = fields.CharField(max_length=128, unique=True)
    template_id = fields.BigIntField(db_index=True)
    member_id = fields.BigIntField()
    payment_id = fields.BigIntField(null=True, db_index=True)
    rule_id = fields.BigIntField(null=True)
    name = fields.CharField(max_length=64)
    kind = fields.CharField(max_length=16)
    amount_off_fen = fields.IntField(null=True)
    percent_off_bp = fields.IntField(null=True)
    max_discount_fen = fields.IntField(null=True)
    min_spend_fen = fields.IntField(default=0, db_default=0)
    valid_from = fields.DatetimeField()
    valid_until = fields.DatetimeField()
    state = fields.CharField(max_length=10, default="issued", db_default="issued")
    issued_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)
    used_by_staff_id = fields.BigIntField(null=True)
    used_order_no = fields.CharField(max_length=64, null=True)
    used_order_fen = fields.IntField(null=True)
    discount_fen = fields.IntField(null=True)
    revoked_at = fields.DatetimeField(null=True)
    revoke_reason = fields.CharField(max_length=64, null=True)
    wxpay_stock_id = fields.CharField(max_length=64, null=True)
    wxpay_out_request_no = fields.CharField(max_length=128, null=True)
    wxpay_coupon_id = fields.CharField(max_length=64, null=True)
    wxpay_status = fields.CharField(max_length=10, null=True)
    wxpay_error = fields.CharField(max_length=255, null=True)

    class Meta:
        table = "coupons"
        indexes = (("member_id", "state"),)
