"""Operator metrics: daily roll-ups of the points ledger, maintained incrementally by the scheduler.

`metrics_daily` holds one row per Shanghai day x rule key x category x tier with the day's issued, redeemed,
reversed, expired, clawed-back and adjusted-out points, the net change of outstanding points and the members
touched (recounted from the ledger for the days a roll touches: no per-member table behind it).
`metrics_watermarks` is the roll-up's claim: the id of the last ledger entry rolled, advanced under its row
lock in the same transaction as the rows it added, so each entry is rolled exactly once whatever the number
of schedulers.
"""

from tortoise import fields

from models.base import Model


class LedgerMeasures(Model):
    """The figures a ledger roll-up row sums (`classify.MEASURES` + the entries counted), declared once for
    every roll-up keyed differently."""

    issued = fields.BigIntField(default=0, db_default=0)
    redeemed = fields.BigIntField(default=0, db_default=0)
    reversed = fields.BigIntField(default=0, db_default=0)
    expired = fields.BigIntField(default=0, db_default=0)
    clawed_back = fields.BigIntField(default=0, db_default=0)
    adjusted_out = fields.BigIntField(default=0, db_default=0)
    net = fields.BigIntField(default=0, db_default=0)
    entries = fields.BigIntField(default=0, db_default=0)

    class Meta:
        abstract = True


class MetricsDaily(LedgerMeasures):
    id = fields.BigIntField(primary_key=True)
    day = fields.DateField()
    rule_key = fields.CharField(max_length=64)
    category = fields.CharField(max_length=24)
    tier_level = fields.IntField()
    members = fields.BigIntField(default=0, db_default=0)

    class Meta:
        table = "metrics_daily"
        unique_together = (("day", "rule_key", "category", "tier_level"),)
        indexes = (("category", "day"),)


class MetricsSegmentDaily(LedgerMeasures):
    """`metrics_daily`'s figures per store or channel (issue 16's filters): one row per Shanghai day x dim x
    value x rule key x category. Both are member attributes, not ledger fields, so a row is attributed to the
    member's store / channel when the entry was rolled (as the tier is): dim `store` = the store of the
    member's guide (`member_guides.store_id`), dim `channel` = the `state` (contact-me code) of the member's
    primary active WeCom contact; value '' = none. Kept apart from `metrics_daily` (whose key it would
    multiply) behind its own watermark (`segments.py`)."""

    id = fields.BigIntField(primary_key=True)
    day = fields.DateField()
    dim = fields.CharField(max_length=8)
    value = fields.CharField(max_length=64)
    rule_key = fields.CharField(max_length=64)
    category = fields.CharField(max_length=24)

    class Meta:
        table = "metrics_segment_daily"
        unique_together = (("day", "dim", "value", "rule_key", "category"),)
        indexes = (("dim", "value", "day"),)


class MetricsWatermark(Model):
    name = fields.CharField(max_length=32, primary_key=True)
    last_entry_id = fields.BigIntField(default=0, db_default=0)
    updated_at = fields.DatetimeField(null=True)
    # `payments` only: payments change after insert (a refund, a payer who registers later), so that roll-up
    # follows (updated_at, id) instead of the id alone: position_at + last_entry_id = the last change rolled
    position_at = fields.DatetimeField(null=True)

    class Meta:
        table = "metrics_watermarks"


class MetricsSimulation(Model):
    """A what-if run (`POST /admin/v1/simulations`): the draft, its progress and its answer.

    status: running | done | failed. Small windows answer at once; larger ones run in the background of the
    worker that took the request and are polled by id (`progress_bp` = events replayed / events in the window).
    """

    id = fields.BigIntField(primary_key=True)
    status = fields.CharField(max_length=10)
    progress_bp = fields.IntField(default=0, db_default=0)
    request = fields.JSONField()
    result = fields.JSONField(null=True)
    error = fields.CharField(max_length=255, null=True)
    created_by = fields.CharField(max_length=40)
    created_at = fields.DatetimeField()
    finished_at = fields.DatetimeField(null=True)

    class Meta:
        table = "metrics_simulations"


class MetricsDayMembers(Model):
    """Who did something on a Shanghai day: one bitmap of member ids (bit i = member i, little-endian bytes,
    zlib-compressed) per day x kind x tier, so the distinct members of ANY period (utilisation, the funnel, the
    redeemer set of the ROI) are the OR of its days' bitmaps: exact, and read in milliseconds whatever the
    membership, instead of a COUNT(DISTINCT) over the period's member-days.

    kind: redeem (redemptions, reversals left out) | sharing (sharing awards), rolled from the ledger with
    `metrics_daily`; checked_in, rolled from `checkins` behind its own watermark; paid / paid_twice (paid at
    least twice that day), from `payments` behind the `payments` watermark (`payment_rollup.py`). tier_level:
    the member's tier when the row was rolled. members: the bitmap's popcount.
    """

    id = fields.BigIntField(primary_key=True)
    day = fields.DateField()
    kind = fields.CharField(max_length=16)
    tier_level = fields.IntField()
    members = fields.BigIntField(default=0, db_default=0)
    bits = fields.BinaryField()

    class Meta:
        table = "metrics_day_members"
        unique_together = (("day", "kind", "tier_level"),)


class MetricsBalance(Model):
    """The members' balance distribution per tier: an exact value histogram (tier x balance -> members),
    recomputed set-based by the roll-up job every tick; percentiles, averages and a member's rank band read it
    (a few thousand rows) instead of sorting `members` per request."""

    id = fields.BigIntField(primary_key=True)
    tier_level = fields.IntField()
    balance = fields.BigIntField()
    members = fields.BigIntField()

    class Meta:
        table = "metrics_balances"
        unique_together = (("tier_level", "balance"),)


class MetricsJoined(Model):
    """Members by the Shanghai day they joined and their current tier (recomputed with `metrics_balances`):
    "members at the end of the period" is a sum over a few hundred rows."""

    id = fields.BigIntField(primary_key=True)
    day = fields.DateField()
    tier_level = fields.IntField()
    members = fields.BigIntField()

    class Meta:
        table = "metrics_joined"
        unique_together = (("day", "tier_level"),)


class MetricsPaymentDay(Model):
    """Payments per Shanghai success day (issue 16 scale round 3): every payment (sales), those of members,
    and those before vs after the payer joined. Recomputed for a day from `payments` whenever one of the
    day's payments changed (inserted, refunded, linked to a member), by the roll-up job behind the
    `payments` watermark: exact, and a period's sales are a sum over its days."""

    id = fields.BigIntField(primary_key=True)
    day = fields.DateField(unique=True)
    payments = fields.BigIntField(default=0, db_default=0)
    paid_fen = fields.BigIntField(default=0, db_default=0)
    refunded_fen = fields.BigIntField(default=0, db_default=0)
    member_payments = fields.BigIntField(default=0, db_default=0)
    member_net_fen = fields.BigIntField(default=0, db_default=0)
    before_join_payments = fields.BigIntField(default=0, db_default=0)
    before_join_fen = fields.BigIntField(default=0, db_default=0)
    after_join_payments = fields.BigIntField(default=0, db_default=0)
    after_join_fen = fields.BigIntField(default=0, db_default=0)

    class Meta:
        table = "metrics_payments_daily"


class MetricsPaymentMember(Model):
    """A member's payments on a Shanghai day (count, net of refunds): the rows the ROI splits by the period's
    redeemer bitmap (narrow, no join with `members`, no GROUP BY per member per request). Recomputed per day
    with `metrics_payments_daily`; the payers of a day are also its `paid` / `paid_twice` bitmaps."""

    id = fields.BigIntField(primary_key=True)
    day = fields.DateField()
    member_id = fields.BigIntField()
    payments = fields.IntField()
    net_fen = fields.BigIntField()

    class Meta:
        table = "metrics_payment_members"
        unique_together = (("day", "member_id"),)
        # the redeemers' sales: their rows looked up by member when they are few (points.repurchase)
        indexes = (("member_id", "day"),)


class MetricsReach(Model):
    """What members could hold at their recent earning rate (threshold advice, issue 16 scale round 3): members
    per tier x balance (negative counted as 0) x points earned in the `window_days` before `metrics_watermarks`
    row `reach`'s `position_at` (its `last_entry_id` holds the window). Recomputed set-based by the
    `metrics_reach` job, so a request reads a histogram instead of grouping the window's ledger entries per
    member and joining a million members."""

    id = fields.BigIntField(primary_key=True)
    tier_level = fields.IntField()
    balance = fields.BigIntField()
    earned = fields.BigIntField()
    members = fields.BigIntField()

    class Meta:
        table = "metrics_reach"
        unique_together = (("tier_level", "balance", "earned"),)
