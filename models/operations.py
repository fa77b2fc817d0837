"""Long actions started from the console or the admin API (bulk ship by CSV, CSV exports, WeCom sync)."""

from tortoise import fields

from models.base import Model


class OperationRun(Model):
    """One run of a long action (`app/services/operations`): claimed by one worker, polled by its page.

    status: queued | running | done | failed. `heartbeat_at` is renewed while the run works; a `running` row whose
    heartbeat is stale lost its worker: it is queued again (kinds safe to repeat) or failed with a reason.
    `file_body` holds an export's CSV (served as `file_name`)."""

    id = fields.BigIntField(primary_key=True)
    kind = fields.CharField(max_length=32)
    status = fields.CharField(max_length=10, default="queued", db_default="queued")
    params = fields.JSONField()
    done = fields.IntField(default=0, db_default=0)
    total = fields.IntField(default=0, db_default=0)
    note = fields.CharField(max_length=255, null=True)
    result = fields.JSONField(null=True)
    error = fields.CharField(max_length=255, null=True)
    file_name = fields.CharField(max_length=120, null=True)
    file_body = fields.TextField(null=True)
    attempts = fields.IntField(default=0, db_default=0)
    created_by = fields.CharField(max_length=40)
    created_at = fields.DatetimeField()
    started_at = fields.DatetimeField(null=True)
    heartbeat_at = fields.DatetimeField(null=True)
    finished_at = fields.DatetimeField(null=True)

    class Meta:
        table = "operation_runs"
        indexes = (("status", "heartbeat_at"),)
