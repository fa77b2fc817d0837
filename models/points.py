"""Points ledger, buckets, rules, campaigns, tiers and check-ins.

Invariants (checked by `jifen ledger verify`):
  members.balance == sum(entries, account=available) == sum(buckets.remaining, state in active|debt)
  members.pending == sum(entries, account=pending)   == sum(buckets.remaining, state=pending)
"""

from tortoise import fields

from models.base import Model


class PointEntry(Model):
    """Immutable ledger line. `idem_key` is unique per member: the one idempotency mechanism for points."""

    id = fields.BigIntField(primary_key=True)
    member_id = fields.BigIntField()
    account = fields.CharField(max_length=10, default="available", db_default="available")
    amount = fields.IntField()
    kind = fields.CharField(max_length=10)
    event = fields.CharField(max_length=48, null=True)
    source = fields.CharField(max_length=96, null=True)
    rule_id = fields.BigIntField(null=True)
    idem_key = fields.CharField(max_length=128)
    balance_after = fields.IntField()
    growth = fields.IntField(default=0, db_default=0)
    trace = fields.JSONField(null=True)
    created_at = fields.DatetimeField()

    class Meta:
        table = "point_entries"
        unique_together = (("member_id", "idem_key"),)
        indexes = (("member_id", "id"), ("source",), ("created_at",))


class PointBucket(Model):
    """Earned points with their own expiry; spends draw soonest-expiring first. `debt` holds claw-backs below 0."""

    id = fields.BigIntField(primary_key=True)
    member_id = fields.BigIntField()
    entry_id = fields.BigIntField(null=True)
    state = fields.CharField(max_length=8)
    initial = fields.IntField()
    remaining = fields.IntField()
    expired_amount = fields.IntField(default=0, db_default=0)
    expires_at = fields.DatetimeField(null=True)
    release_at = fields.DatetimeField(null=True)
    expire_run = fields.CharField(max_length=40, null=True)
    created_at = fields.DatetimeField()

    class Meta:
        table = "point_buckets"
        indexes = (("member_id", "state"), ("state", "expires_at"), ("state", "release_at"), ("entry_id",))


class SpendAllocation(Model):
    """Which buckets a spend drew from, so a reversal restores exactly those buckets (original expiry)."""

    id = fields.BigIntField(primary_key=True)
    entry_id = fields.BigIntField(db_index=True)
    bucket_id = fields.BigIntField()
    amount = fields.IntField()

    class Meta:
        table = "spend_allocations"


class AwardCounter(Model):
    """Per member x rule x period ('d:YYYY-MM-DD' Shanghai day, or 'life') usage, for caps."""

    id = fields.BigIntField(primary_key=True)
    member_id = fields.BigIntField()
    rule_id = fields.BigIntField()
    period = fields.CharField(max_length=16)
    count = fields.IntField(default=0, db_default=0)
    points = fields.IntField(default=0, db_default=0)

    class Meta:
        table = "award_counters"
        unique_together = (("member_id", "rule_id", "period"),)


class EarningRule(Model):
    """Operator-configured: how many points an event earns, with caps, pending period and validity."""

    id = fields.BigIntField(primary_key=True)
    code = fields.CharField(max_length=48, unique=True)
    name = fields.CharField(max_length=64)
    event = fields.CharField(max_length=48, db_index=True)
    points_fixed = fields.IntField(default=0, db_default=0)
    points_per_yuan = fields.IntField(default=0, db_default=0)
    growth_fixed = fields.IntField(default=0, db_default=0)
    growth_per_yuan = fields.IntField(default=0, db_default=0)
    once_per_member = fields.BooleanField(default=False, db_default=False)
    daily_count_cap = fields.IntField(null=True)
    daily_points_cap = fields.IntField(null=True)
    total_points_cap = fields.IntField(null=True)
    pending_days = fields.IntField(default=0, db_default=0)
    validity = fields.CharField(max_length=24, default="end_of_next_year", db_default="end_of_next_year")
    validity_days = fields.IntField(null=True)
    streak_bonuses = fields.JSONField(null=True)
    options = fields.JSONField(null=True)
    active = fields.BooleanField(default=True, db_default=True)
    starts_at = fields.DatetimeField(null=True)
    ends_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "earning_rules"


class Campaign(Model):
    """Member day / member month multipliers (basis points: 15000 = 1.5x). Overlaps: the highest wins."""

    id = fields.BigIntField(primary_key=True)
    name = fields.CharField(max_length=64)
    multiplier_bp = fields.IntField()
    recurrence = fields.CharField(max_length=12)
    starts_at = fields.DatetimeField(null=True)
    ends_at = fields.DatetimeField(null=True)
    day_of_month = fields.IntField(null=True)
    month = fields.IntField(null=True)
    weekday = fields.IntField(null=True)
    events = fields.JSONField(null=True)
    tier_levels = fields.JSONField(null=True)
    active = fields.BooleanField(default=True, db_default=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "campaigns"


class Tier(Model):
    """Membership level reached by growth value (never spent); earns with its multiplier."""

    id = fields.BigIntField(primary_key=True)
    level = fields.IntField(unique=True)
    name = fields.CharField(max_length=32)
    growth_threshold = fields.IntField()
    multiplier_bp = fields.IntField(default=10000, db_default=10000)

    class Meta:
        table = "tiers"


class TierChange(Model):
    id = fields.BigIntField(primary_key=True)
    member_id = fields.BigIntField(db_index=True)
    from_level = fields.IntField()
    to_level = fields.IntField()
    reason = fields.CharField(max_length=32)
    created_at = fields.DatetimeField()

    class Meta:
        table = "tier_changes"


class Checkin(Model):
    id = fields.BigIntField(primary_key=True)
    member_id = fields.BigIntField()
    day = fields.DateField()
    streak = fields.IntField()
    makeup = fields.BooleanField(default=False, db_default=False)
    created_at = fields.DatetimeField()

    class Meta:
        table = "checkins"
        unique_together = (("member_id", "day"),)


class ExpiryReminder(Model):
    """One row per bucket x reminder stage: inserting it is the atomic claim, so each is sent once."""

    id = fields.BigIntField(primary_key=True)
    bucket_id = fields.BigIntField()
    member_id = fields.BigIntField()
    stage_days = fields.IntField()
    amount = fields.IntField()
    status = fields.CharField(max_length=10)
    error = fields.CharField(max_length=255, null=True)
    created_at = fields.DatetimeField()

    class Meta:
        table = "expiry_reminders"
        unique_together = (("bucket_id", "stage_days"),)


class PointsBudget(Model):
    """Annual points budget (a debt ceiling). mode: refuse | flag."""

    id = fields.BigIntField(primary_key=True)
    year = fields.IntField(unique=True)
    budget_points = fields.BigIntField()
    warn_ratio_bp = fields.IntField(default=8000, db_default=8000)
    mode = fields.CharField(max_length=8, default="refuse", db_default="refuse")

    class Meta:
        table = "points_budgets"


class AdjustmentRequest(Model):
    """A manual adjustment above a marketer's limits, waiting for an admin's decision.

    state: pending | approved | rejected. Approving applies it through the ledger under the key
    `admin-adjust:<idempotency_key>` (the adjustments' own namespace), in the same transaction as the
    state change, so it is applied exactly once whatever the number of concurrent approvals.
    """

    id = fields.BigIntField(primary_key=True)
    member_id = fields.BigIntField()
    amount = fields.IntField()
    reason = fields.CharField(max_length=200)
    idempotency_key = fields.CharField(max_length=100)
    expires_at = fields.DatetimeField(null=True)
    state = fields.CharField(max_length=10, default="pending", db_default="pending")
    requested_by = fields.CharField(max_length=40)
    decided_by = fields.CharField(max_length=40, null=True)
    decision_note = fields.CharField(max_length=200, null=True)
    decided_at = fields.DatetimeField(null=True)
    entry_id = fields.BigIntField(null=True)
    created_at = fields.DatetimeField()

    class Meta:
        table = "adjustment_requests"
        unique_together = (("member_id", "idempotency_key"),)
        indexes = (("state", "id"),)
