"""WeCom community: recorded callbacks, the customer <-> guide <-> member graph, interaction sources.

Ids are WeCom's own strings (external_userid, staff userid, chat_id, tag id): the graph is a mirror of
WeCom's, kept by callbacks and reconciled by pulls, and joins to jifen through `member_id` (set when the
customer's unionid matches a member's) and `staff_id` (a `StaffUser` with that `wecom_userid`).
"""

from tortoise import fields

from models.base import Model


class WecomEvent(Model):
    """A verified, decrypted callback, recorded before it is acknowledged and processed by a worker.

    `event_key` is derived from the content (event, change type, the ids it carries, CreateTime): WeCom's
    retries and duplicates collide on it, distinct events never do. Status: pending -> processing -> done |
    ignored (unknown event, kept for admins) | failed (gave up after `event_max_attempts`).

    `deliveries`: the `msg_signature` of every signed request that carried this event, each followed by `;`
    (a retry is a new request, so usually one, at most a few). It is the replay check: the same signed request
    again has the same content, so it meets this row, and finding its signature here refuses it, in the
    statement that records, without a round trip of its own. NULL: recorded in-process, not received."""

    id = fields.BigIntField(primary_key=True)
    event_key = fields.CharField(max_length=160, unique=True)
    event = fields.CharField(max_length=48)
    change_type = fields.CharField(max_length=48)
    payload = fields.JSONField()
    status = fields.CharField(max_length=12, default="pending", db_default="pending")
    attempts = fields.IntField(default=0, db_default=0)
    next_attempt_at = fields.DatetimeField()
    last_error = fields.CharField(max_length=255, null=True)
    received_at = fields.DatetimeField()
    processed_at = fields.DatetimeField(null=True)
    deliveries = fields.TextField(null=True)

    class Meta:
        table = "wecom_events"
        indexes = (("status", "next_attempt_at"),)


class WecomEventRetry(Model):
    """Audit of an admin's re-processing of an `ignored`/`failed` event: who, when, from which status (one
    row per retry that requeued the event; a repeated request that changed nothing adds none)."""

    id = fields.BigIntField(primary_key=True)
    event_id = fields.BigIntField(db_index=True)
    operator = fields.CharField(max_length=64)
    status_before = fields.CharField(max_length=12)
    last_error = fields.CharField(max_length=255, null=True)
    requested_at = fields.DatetimeField()

    class Meta:
        table = "wecom_event_retries"


class ExternalContact(Model):
    """A customer in WeCom; `member_id` once linked through the unionid."""

    id = fields.BigIntField(primary_key=True)
    external_userid = fields.CharField(max_length=64, unique=True)
    unionid = fields.CharField(max_length=64, null=True, db_index=True)
    member_id = fields.BigIntField(null=True, db_index=True)
    name = fields.CharField(max_length=64, null=True)
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()

    class Meta:
        table = "wecom_contacts"


class ContactFollow(Model):
    """Customer <-> guide: who added whom, through which channel (`state`), and whether it still holds.

    status: active | half (added without verification, not yet mutual) | removed_by_staff |
    removed_by_customer. One primary guide per customer among the active ones. `event_time` is the
    CreateTime of the last event applied, so an older event processed late changes nothing."""

    id = fields.BigIntField(primary_key=True)
    external_userid = fields.CharField(max_length=64)
    userid = fields.CharField(max_length=64, db_index=True)
    staff_id = fields.BigIntField(null=True)
    state = fields.CharField(max_length=64, null=True)
    status = fields.CharField(max_length=20)
    is_primary = fields.BooleanField(default=False, db_default=False)
    added_at = fields.DatetimeField()
    removed_at = fields.DatetimeField(null=True)
    event_time = fields.BigIntField(default=0, db_default=0)

    class Meta:
        table = "wecom_contact_follows"
        unique_together = (("external_userid", "userid"),)


class CustomerGroup(Model):
    """A customer group chat. status: active | dismissed."""

    id = fields.BigIntField(primary_key=True)
    chat_id = fields.CharField(max_length=64, unique=True)
    name = fields.CharField(max_length=128, null=True)
    owner_userid = fields.CharField(max_length=64, null=True)
    status = fields.CharField(max_length=12, default="active", db_default="active")
    member_version = fields.CharField(max_length=64, null=True)
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()

    class Meta:
        table = "wecom_groups"


class GroupMember(Model):
    """One member of a group: a customer (`kind` external) or staff (`kind` staff). status: active | left."""

    id = fields.BigIntField(primary_key=True)
    chat_id = fields.CharField(max_length=64)
    userid = fields.CharField(max_length=64, db_index=True)
    kind = fields.CharField(max_length=8)
    status = fields.CharField(max_length=8)
    join_scene = fields.IntField(null=True)
    joined_at = fields.DatetimeField()
    left_at = fields.DatetimeField(null=True)
    event_time = fields.BigIntField(default=0, db_default=0)

    class Meta:
        table = "wecom_group_members"
        unique_together = (("chat_id", "userid"),)


class CorpTag(Model):
    """The corp's customer-tag catalogue (a tag and its group), kept in sync by change_external_tag."""

    id = fields.BigIntField(primary_key=True)
    tag_id = fields.CharField(max_length=64, unique=True)
    name = fields.CharField(max_length=64)
    group_id = fields.CharField(max_length=64, db_index=True)
    group_name = fields.CharField(max_length=64)
    order = fields.BigIntField(default=0, db_default=0)
    deleted = fields.BooleanField(default=False, db_default=False)
    updated_at = fields.DatetimeField()

    class Meta:
        table = "wecom_corp_tags"


class ContactTag(Model):
    """A corp tag a guide put on a customer."""

    id = fields.BigIntField(primary_key=True)
    external_userid = fields.CharField(max_length=64)
    userid = fields.CharField(max_length=64)
    tag_id = fields.CharField(max_length=64, db_index=True)

    class Meta:
        table = "wecom_contact_tags"
        unique_together = (("external_userid", "userid", "tag_id"),)


class CommunitySource(Model):
    """A server-to-server caller of `POST /community/v1/interactions` (the group bot, a community tool).

    The secret signs requests (HMAC-SHA256), so it is kept; the admin API shows it once, at creation."""

    id = fields.BigIntField(primary_key=True)
    name = fields.CharField(max_length=64)
    secret = fields.CharField(max_length=128)
    active = fields.BooleanField(default=True, db_default=True)
    created_at = fields.DatetimeField()

    class Meta:
        table = "community_sources"


class CommunityInteraction(Model):
    """One interaction reported by a source, unique per (source, ref). status: awarded | capped | none |
    pending (customer not a member yet) | expired (not registered within the window)."""

    id = fields.BigIntField(primary_key=True)
    source_id = fields.BigIntField()
    ref = fields.CharField(max_length=128)
    kind = fields.CharField(max_length=32)
    external_userid = fields.CharField(max_length=64, null=True, db_index=True)
    member_id = fields.BigIntField(null=True, db_index=True)
    group_id = fields.CharField(max_length=64, null=True)
    status = fields.CharField(max_length=12)
    result = fields.JSONField(null=True)
    occurred_at = fields.DatetimeField()

    class Meta:
        table = "community_interactions"
        unique_together = (("source_id", "ref"),)
