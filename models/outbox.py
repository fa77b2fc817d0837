"""Transactional outbox: messages written with the business change, delivered asynchronously with retries."""

from tortoise import fields
from tortoise.models import Model


class OutboxMessage(Model):
    id = fields.BigIntField(primary_key=True)
    kind = fields.CharField(max_length=24)
    dedupe_key = fields.CharField(max_length=128, unique=True)
    member_id = fields.BigIntField(null=True)
    payload = fields.JSONField()
    status = fields.CharField(max_length=10, default="pending", db_default="pending")
    attempts = fields.IntField(default=0, db_default=0)
    next_attempt_at = fields.DatetimeField()
    last_error = fields.CharField(max_length=255, null=True)
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()

    class Meta:
        table = "outbox_messages"
        indexes = (("status", "next_attempt_at"),)
