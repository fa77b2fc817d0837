"""Operator metrics: daily roll-ups of the points ledger, maintained incrementally by the scheduler.

`metrics_daily` holds one row per Shanghai day x rule key x category x tier with the day's issued, redeemed,
reversed, expired, clawed-back and adjusted-out points, the net change of outstanding points and the members
touched. `metrics_member_days` is the set of (day, member, rule key) pairs behind "members touched" (and the
distinct-member counts of a period: utilisation, the funnel). `metrics_watermarks` is the roll-up's claim: the
id of the last ledger entry rolled, advanced under its row lock in the same transaction as the rows it added,
so each entry is rolled exactly once whatever the number of schedulers.
"""

from tortoise import fields
from tortoise.models import Model


class MetricsDaily(Model):
    id = fields.BigIntField(primary_key=True)
    day = fields.DateField()
    rule_key = fields.CharField(max_length=64)
    category = fields.CharField(max_length=24)
    tier_level = fields.IntField()
    issued = fields.BigIntField(default=0, db_default=0)
    redeemed = fields.BigIntField(default=0, db_default=0)
    reversed = fields.BigIntField(default=0, db_default=0)
    expired = fields.BigIntField(default=0, db_default=0)
    clawed_back = fields.BigIntField(default=0, db_default=0)
    adjusted_out = fields.BigIntField(default=0, db_default=0)
    net = fields.BigIntField(default=0, db_default=0)
    entries = fields.BigIntField(default=0, db_default=0)
    members = fields.BigIntField(default=0, db_default=0)

    class Meta:
        table = "metrics_daily"
        unique_together = (("day", "rule_key", "category", "tier_level"),)
        indexes = (("category", "day"),)


class MetricsMemberDay(Model):
    id = fields.BigIntField(primary_key=True)
    day = fields.DateField()
    member_id = fields.BigIntField()
    rule_key = fields.CharField(max_length=64)
    category = fields.CharField(max_length=24)
    tier_level = fields.IntField()

    class Meta:
        table = "metrics_member_days"
        unique_together = (("day", "member_id", "rule_key"),)
        indexes = (("category", "day", "member_id"),)


class MetricsWatermark(Model):
    name = fields.CharField(max_length=32, primary_key=True)
    last_entry_id = fields.BigIntField(default=0, db_default=0)
    updated_at = fields.DatetimeField(null=True)

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
