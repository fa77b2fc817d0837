"""WeChat Pay v3 payments, refunds and the notification log.

Unique keys are the idempotency arbiters for notifications WeChat Pay repeats (retries, parallel copies):
`wechatpay_notifications.notification_id`, `payments.transaction_id`, `payment_refunds.refund_id` and
`out_refund_no`. Money is integer fen.
"""

from tortoise import fields

from models.base import Model


class Payment(Model):
    """A successful payment (TRANSACTION.SUCCESS), linked to a member by the payer openid."""

    # member_id stays null until the payer is a member, credited_at is set once every step (points,
    # coupons, push) has been done for that member, tier_level is the tier when first credited.

    id = fields.BigIntField(primary_key=True)
    transaction_id = fields.CharField(max_length=32, unique=True)
    out_trade_no = fields.CharField(max_length=64, db_index=True)
    mchid = fields.CharField(max_length=32)
    appid = fields.CharField(max_length=32)
    openid = fields.CharField(max_length=128, db_index=True)
    member_id = fields.BigIntField(null=True, db_index=True)
    trade_type = fields.CharField(max_length=16, default="", db_default="")
    total_fen = fields.IntField()
    payer_total_fen = fields.IntField()
    currency = fields.CharField(max_length=8, default="CNY", db_default="CNY")
    success_time = fields.DatetimeField()
    attach = fields.CharField(max_length=255, null=True)
    tier_level = fields.IntField(null=True)
    refunded_fen = fields.IntField(default=0, db_default=0)
    credited_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()

    class Meta:
        table = "payments"
        # success_time: the metrics read payments by success day (sales, payers, repurchase; issue 16)
        # (updated_at, id): the metrics roll-up follows changed payments (refunds, late member links)
        indexes = (("member_id", "credited_at"), ("success_time", "member_id"), ("updated_at", "id"))


class PaymentRefund(Model):
    """A successful refund (REFUND.SUCCESS), possibly recorded before its payment."""

    # points/growth: the claw-back planned for this refund under the payment's lock, applied_at when done

    id = fields.BigIntField(primary_key=True)
    refund_id = fields.CharField(max_length=64, unique=True)
    out_refund_no = fields.CharField(max_length=64, unique=True)
    transaction_id = fields.CharField(max_length=32, db_index=True)
    out_trade_no = fields.CharField(max_length=64)
    refund_fen = fields.IntField()
    payer_refund_fen = fields.IntField()
    total_fen = fields.IntField()
    payer_total_fen = fields.IntField()
    success_time = fields.DatetimeField(null=True)
    planned = fields.BooleanField(default=False, db_default=False)
    points = fields.IntField(null=True)
    growth = fields.IntField(null=True)
    applied_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField()

    class Meta:
        table = "payment_refunds"


class WeChatPayNotification(Model):
    """Every verified notification, once per notification id (status: received, processed, ignored)."""

    id = fields.BigIntField(primary_key=True)
    notification_id = fields.CharField(max_length=64, unique=True)
    event_type = fields.CharField(max_length=40)
    resource_type = fields.CharField(max_length=40, default="", db_default="")
    ref = fields.CharField(max_length=64, null=True, db_index=True)
    resource = fields.JSONField(null=True)
    status = fields.CharField(max_length=12, default="received", db_default="received")
    deliveries = fields.IntField(default=1, db_default=1)
    last_error = fields.CharField(max_length=255, null=True)
    created_at = fields.DatetimeField()
    processed_at = fields.DatetimeField(null=True)

    class Meta:
        table = "wechatpay_notifications"
