"""Shopping guides' contact cards and the member <-> guide assignment after payment.

`GuideCard` is one row per guide: the WeCom contact-me QR (`externalcontact/add_contact_way`, created once) and
the avatar shown on the card. `MemberGuide` is the one guide a member is assigned (unique member_id: the
arbiter under concurrent payments). `StoreRotation` is the per-store round-robin counter, locked by the
assignment that advances it.
"""

from tortoise import fields

from models.base import Model


class GuideCard(Model):
    """A guide's contact card. status: creating (a worker claimed the WeCom call at `claimed_at`) | ready."""

    id = fields.BigIntField(primary_key=True)
    staff_id = fields.BigIntField(unique=True)
    # the channel code WeCom reports back as `state` on contacts added through this QR (≤ 30 chars)
    state = fields.CharField(max_length=30, unique=True)
    status = fields.CharField(max_length=12, default="creating", db_default="creating")
    config_id = fields.CharField(max_length=64, null=True)
    qr_code = fields.CharField(max_length=512, null=True)
    avatar = fields.CharField(max_length=512, null=True)
    # the request making the WeCom call (a random token) and when it took it; null: unclaimed
    claim = fields.CharField(max_length=32, null=True)
    claimed_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()

    class Meta:
        table = "guide_cards"


class MemberGuide(Model):
    """The member's guide: from the community graph's primary guide, a round robin after a payment, or an
    admin. One row per member."""

    id = fields.BigIntField(primary_key=True)
    member_id = fields.BigIntField(unique=True)
    staff_id = fields.BigIntField(db_index=True)
    store_id = fields.BigIntField(null=True, db_index=True)
    source = fields.CharField(max_length=16)
    transaction_id = fields.CharField(max_length=32, null=True)
    created_at = fields.DatetimeField()

    class Meta:
        table = "member_guides"


class StoreRotation(Model):
    """How many members the store's round robin has handed out so far (the next guide is turns mod n)."""

    id = fields.BigIntField(primary_key=True)
    store_id = fields.BigIntField(unique=True)
    turns = fields.BigIntField(default=0, db_default=0)

    class Meta:
        table = "guide_store_rotations"
