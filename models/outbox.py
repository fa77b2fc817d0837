"""Transactional outbox: messages written with the business change, delivered asynchronously with retries.

`next_attempt_at` is set while a message still has an attempt ahead (pending, or, on SQLite, sending until its outcome
is recorded) and NULL once it is finished (sent, refused, failed). The deliverer finds due rows through a partial
index on that column alone, created by the migration (Tortoise cannot declare its condition):
`idx_outbox_due ON outbox_messages (next_attempt_at) WHERE next_attempt_at IS NOT NULL`. Why not the former
(status, next_attempt_at) index: with `status` indexed, both row versions a message makes (the claim,
pending -> sending, and the outcome) inserted into every index of the table. Then the claim changed no indexed
column (a HOT update; the table's fillfactor of 50 leaves the room): a third of the WAL per message and ~30 % less
database CPU (bench/README, "Issue 17, fourth round"). Since the tenth round PostgreSQL does not claim at all (a batch
locks its rows in a transaction, app/services/outbox/service.py `held_batch`): the outcome is a message's only row
version, and it leaves the due index. Finished rows, the table's history, are not in the due index at all.
"""

from tortoise import fields

from models.base import Model


class OutboxMessage(Model):
    id = fields.BigIntField(primary_key=True)
    kind = fields.CharField(max_length=24)
    dedupe_key = fields.CharField(max_length=128, unique=True)
    member_id = fields.BigIntField(null=True)
    payload = fields.JSONField()
    status = fields.CharField(max_length=10, default="pending", db_default="pending")
    attempts = fields.IntField(default=0, db_default=0)
    next_attempt_at = fields.DatetimeField(null=True)  # NULL once finished: see the module docstring
    last_error = fields.CharField(max_length=255, null=True)
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()

    class Meta:
        table = "outbox_messages"
