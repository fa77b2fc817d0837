"""The guaranteed-win lottery of the points mall: lotteries, prizes, pool versions, draws, gifts.

A lottery's prizes are edited as rows (`lottery_prizes`); what a draw uses is the immutable snapshot of the pool
taken at publication and at every later edit (`lottery_pool_versions`), so each recorded draw names the version,
the weights it saw, its random number and what decided it, and can be replayed. Stock is the one live value:
`lottery_prizes.stock_left`, lowered by a conditional UPDATE (never below zero). Points are integers, money fen.
"""

from tortoise import fields

from models.base import Model


class Lottery(Model):
    """A lottery members draw for points. status: draft | published | closed; view: wheel | nine_grid | scratch
    (views over the same draw: wheel and grid show the won prize's slot)."""

    id = fields.BigIntField(primary_key=True)
    name = fields.CharField(max_length=64)
    description = fields.CharField(max_length=255, null=True)
    view = fields.CharField(max_length=12, default="wheel", db_default="wheel")
    cost_points = fields.IntField()
    status = fields.CharField(max_length=10, default="draft", db_default="draft")
    display_from = fields.DatetimeField(null=True)
    display_until = fields.DatetimeField(null=True)
    draw_from = fields.DatetimeField(null=True)
    draw_until = fields.DatetimeField(null=True)
    # per member: draws per Asia/Shanghai day, draws ever (null = unlimited)
    daily_draws = fields.IntField(null=True)
    lifetime_draws = fields.IntField(null=True)
    # the Nth draw in a row without a real prize wins one (null = no pity counter)
    pity_after = fields.IntField(null=True)
    pool_version = fields.IntField(null=True)  # the version draws use; null until published
    published_at = fields.DatetimeField(null=True)
    closed_at = fields.DatetimeField(null=True)
    created_by = fields.CharField(max_length=64, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "lotteries"


class LotteryPrize(Model):
    """One prize of a pool. kind: points (`points`, credited through the ledger) | coupon (`coupon_template_id`,
    issued through app.services.coupons) | gift (`cost_fen`, fulfilled by hand). `consolation`: the prize a draw
    falls back to (exactly one active per pool, unlimited stock). Stock null = unlimited; caps null = none:
    `per_member_limit` wins of this prize per member ever, `daily_limit` wins of it per Shanghai day overall."""

    id = fields.BigIntField(primary_key=True)
    lottery_id = fields.BigIntField(db_index=True)
    name = fields.CharField(max_length=64)
    kind = fields.CharField(max_length=8)
    points = fields.IntField(null=True)
    coupon_template_id = fields.BigIntField(null=True)
    cost_fen = fields.IntField(null=True)
    image_url = fields.CharField(max_length=255, null=True)
    slot = fields.IntField(default=0, db_default=0)
    weight = fields.IntField(default=0, db_default=0)
    consolation = fields.BooleanField(default=False, db_default=False)
    stock_total = fields.IntField(null=True)
    stock_left = fields.IntField(null=True)
    per_member_limit = fields.IntField(null=True)
    daily_limit = fields.IntField(null=True)
    active = fields.BooleanField(default=True, db_default=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "lottery_prizes"


class LotteryPoolVersion(Model):
    """An immutable snapshot of a lottery's pool: `prizes` = [{id, name, kind, points, coupon_template_id,
    cost_fen, slot, weight, consolation, per_member_limit, daily_limit}], and the pity setting."""

    id = fields.BigIntField(primary_key=True)
    lottery_id = fields.BigIntField()
    version = fields.IntField()
    prizes = fields.JSONField()
    pity_after = fields.IntField(null=True)
    reason = fields.CharField(max_length=64)
    created_by = fields.CharField(max_length=64, null=True)
    created_at = fields.DatetimeField()

    class Meta:
        table = "lottery_pool_versions"
        unique_together = (("lottery_id", "version"),)


class LotteryDraw(Model):
    """One draw, with everything needed to audit and replay it.

    `random` is the secrets-drawn number; `weights` the [prize_id, weight] pairs of the pool version as the draw
    saw them; `unavailable` the {prize_id: reason} the decision excluded (stock out, caps); `pity_count` the
    member's draws in a row without a real prize before this one; `decided_by`: weight | pity |
    consolation_unavailable (the weight pick fell on a prize that was out) | consolation_pity_unavailable.
    `request_key` is the client's Idempotency-Key: unique per member and lottery, so a retry never draws twice.
    """

    id = fields.BigIntField(primary_key=True)
    lottery_id = fields.BigIntField()
    member_id = fields.BigIntField()
    request_key = fields.CharField(max_length=100)
    pool_version = fields.IntField()
    random = fields.BigIntField()
    weights = fields.JSONField()
    unavailable = fields.JSONField()
    pity_count = fields.IntField()
    pity_after = fields.IntField(null=True)
    decided_by = fields.CharField(max_length=32)
    prize_id = fields.BigIntField()
    prize_kind = fields.CharField(max_length=8)
    prize_name = fields.CharField(max_length=64)
    real_prize = fields.BooleanField()
    slot = fields.IntField(null=True)
    points = fields.IntField(null=True)
    coupon_id = fields.BigIntField(null=True)
    cost_points = fields.IntField()
    spend_entry_id = fields.BigIntField()
    prize_entry_id = fields.BigIntField(null=True)
    day = fields.DateField()
    created_at = fields.DatetimeField()

    class Meta:
        table = "lottery_draws"
        unique_together = (("lottery_id", "member_id", "request_key"),)
        indexes = (("lottery_id", "member_id", "id"), ("member_id", "id"), ("lottery_id", "id"))


class LotteryPrizeDay(Model):
    """Wins of one prize on one Shanghai day (the prize's `daily_limit`), raised by a conditional upsert."""

    id = fields.BigIntField(primary_key=True)
    prize_id = fields.BigIntField()
    day = fields.DateField()
    won = fields.IntField()

    class Meta:
        table = "lottery_prize_days"
        unique_together = (("prize_id", "day"),)


class LotteryGift(Model):
    """A won gift waiting for manual fulfilment. state: won | shipped | delivered; the member gives the
    address (name, phone, address) while it is `won`; the marketer ships it with carrier and tracking number."""

    id = fields.BigIntField(primary_key=True)
    draw_id = fields.BigIntField(unique=True)
    lottery_id = fields.BigIntField()
    member_id = fields.BigIntField(db_index=True)
    prize_id = fields.BigIntField()
    name = fields.CharField(max_length=64)
    state = fields.CharField(max_length=10, default="won", db_default="won")
    address = fields.JSONField(null=True)
    carrier = fields.CharField(max_length=32, null=True)
    tracking_no = fields.CharField(max_length=64, null=True)
    shipped_at = fields.DatetimeField(null=True)
    delivered_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField()

    class Meta:
        table = "lottery_gifts"
        indexes = (("state", "id"),)


class LotteryStockAdjustment(Model):
    """A marketer's stock change of a prize, with its reason (the audit trail of `stock_left`)."""

    id = fields.BigIntField(primary_key=True)
    prize_id = fields.BigIntField(db_index=True)
    delta = fields.IntField()
    stock_after = fields.IntField()
    reason = fields.CharField(max_length=200)
    operator = fields.CharField(max_length=64)
    created_at = fields.DatetimeField()

    class Meta:
        table = "lottery_stock_adjustments"
