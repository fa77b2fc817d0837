"""Members (mini-program consumers) and staff (guides, marketers, admins)."""

from tortoise import fields

from models.base import Model


class Member(Model):
    """A consumer, keyed by mini-program openid. Balances are denormalised from the ledger, same transaction."""

    id = fields.BigIntField(primary_key=True)
    openid = fields.CharField(max_length=64, unique=True)
    unionid = fields.CharField(max_length=64, null=True, db_index=True)
    phone = fields.CharField(max_length=32, null=True)
    phone_country = fields.CharField(max_length=8, null=True)
    nickname = fields.CharField(max_length=64, null=True)
    invite_code = fields.CharField(max_length=16, unique=True)
    invited_by_id = fields.BigIntField(null=True)
    balance = fields.IntField(default=0, db_default=0)
    pending = fields.IntField(default=0, db_default=0)
    growth = fields.IntField(default=0, db_default=0)
    tier_level = fields.IntField(default=0, db_default=0)
    checkin_streak = fields.IntField(default=0, db_default=0)
    last_checkin_day = fields.DateField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "members"


class Store(Model):
    """A physical store: guides belong to one; tasks target stores and regions; a payment names its store."""

    id = fields.BigIntField(primary_key=True)
    code = fields.CharField(max_length=32, unique=True)
    name = fields.CharField(max_length=64)
    region = fields.CharField(max_length=32, db_index=True)
    active = fields.BooleanField(default=True, db_default=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "stores"


class StaffUser(Model):
    """Store guides, marketers and admins: identities for WeCom staff and the console."""

    id = fields.BigIntField(primary_key=True)
    name = fields.CharField(max_length=64)
    role = fields.CharField(max_length=16)
    wecom_userid = fields.CharField(max_length=64, null=True, unique=True)
    active = fields.BooleanField(default=True, db_default=True)
    store_id = fields.BigIntField(null=True, db_index=True)
    # bearer tokens issued (iat) in or before this second are refused: set on deactivation, role change or
    # an explicit revocation, so a leaked token dies without rotating the signing key for everyone
    tokens_valid_after = fields.DatetimeField(null=True)
    # console password login (argon2id, app/web/passwords.py); null: this staff user has no password
    password_hash = fields.CharField(max_length=255, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "staff_users"
