"""The official-account content calendar: campaign plans, editions (期) and their articles, uploaded images,
the mass-send quota slots and the marketers' notifications."""

from tortoise import fields

from models.base import Model


class ContentPlan(Model):
    """A month's campaign plan (the seed's implementation table as one object): a goal with a measurable
    target (`goal_metric` counted from the points ledger), the plan, reach channels and the warm-up / formal /
    closing periods (`warmup_on` <= `formal_on` <= `closing_on` <= `ends_on`, Asia/Shanghai days). It groups
    editions (`ContentEdition.plan_id`), the points engine's member-day campaigns (`campaign_ids`) and its own
    reminder waves (`reminder_waves`: [{day, note, audience}])."""

    id = fields.BigIntField(primary_key=True)
    name = fields.CharField(max_length=64)
    goal = fields.CharField(max_length=255)
    goal_metric = fields.CharField(max_length=24)
    goal_target = fields.BigIntField()
    plan = fields.TextField(default="")
    reach_channels = fields.JSONField(default=list)
    warmup_on = fields.DateField()
    formal_on = fields.DateField()
    closing_on = fields.DateField()
    ends_on = fields.DateField()
    campaign_ids = fields.JSONField(default=list)
    reminder_waves = fields.JSONField(default=list)
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()

    class Meta:
        table = "content_plans"


class ContentEdition(Model):
    """One edition (期): up to 8 articles published one way (`mode`: publish = draft/add + freepublish/submit;
    mass = draft/add + message/mass/sendall to everyone or `tag_id`, clientmsgid from the id).

    status: draft -> scheduled -> publishing -> published | failed, or cancelled. `stage` records how far the
    publisher got (none | drafted | submitting | submitted) so a retry resumes instead of starting over;
    `next_attempt_at` is when the minute job looks at it next (due time, lease, backoff or poll)."""

    id = fields.BigIntField(primary_key=True)
    plan_id = fields.BigIntField(null=True, db_index=True)
    title = fields.CharField(max_length=64)
    mode = fields.CharField(max_length=8)
    tag_id = fields.BigIntField(null=True)
    status = fields.CharField(max_length=12, default="draft", db_default="draft")
    stage = fields.CharField(max_length=12, default="none", db_default="none")
    scheduled_at = fields.DatetimeField(null=True)
    next_attempt_at = fields.DatetimeField(null=True)
    attempts = fields.IntField(default=0, db_default=0)
    media_id = fields.CharField(max_length=128, null=True)
    publish_id = fields.CharField(max_length=64, null=True, db_index=True)
    msg_id = fields.BigIntField(null=True, db_index=True)
    msg_data_id = fields.BigIntField(null=True)
    article_id = fields.CharField(max_length=128, null=True)
    article_urls = fields.JSONField(null=True)
    wx_status = fields.CharField(max_length=32, null=True)
    total_count = fields.IntField(null=True)
    filter_count = fields.IntField(null=True)
    sent_count = fields.IntField(null=True)
    error_count = fields.IntField(null=True)
    errcode = fields.IntField(null=True)
    last_error = fields.CharField(max_length=255, null=True)
    published_at = fields.DatetimeField(null=True)
    created_by = fields.BigIntField(null=True)
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()

    class Meta:
        table = "content_editions"
        indexes = (("status", "next_attempt_at"), ("scheduled_at",))


class ContentArticle(Model):
    """One article of an edition, in slot `idx` (0 = headline position) with its planned `role`
    (headline | brand | points_activity | other). `content` is the marketer's HTML with image sources already
    rewritten to the official account's URLs; `cover_image_id` is an uploaded cover (its permanent media_id is
    the draft's thumb_media_id)."""

    id = fields.BigIntField(primary_key=True)
    edition_id = fields.BigIntField()
    idx = fields.IntField()
    role = fields.CharField(max_length=16)
    title = fields.CharField(max_length=64)
    author = fields.CharField(max_length=16, default="")
    digest = fields.CharField(max_length=128, default="")
    content = fields.TextField()
    cover_image_id = fields.BigIntField()
    source_url = fields.CharField(max_length=1024, default="")
    need_open_comment = fields.BooleanField(default=False)
    only_fans_can_comment = fields.BooleanField(default=False)

    class Meta:
        table = "content_articles"
        unique_together = (("edition_id", "idx"),)


class ContentImage(Model):
    """An image uploaded through the official account: `purpose` inline (media/uploadimg -> `wx_url`, used in
    article HTML) or cover (material/add_material -> permanent `media_id`). `source_url` is how the marketer's
    HTML may refer to it (besides `jifen-image:<id>` and the wx URL itself)."""

    id = fields.BigIntField(primary_key=True)
    purpose = fields.CharField(max_length=8)
    filename = fields.CharField(max_length=128)
    source_url = fields.CharField(max_length=1024, null=True, db_index=True)
    wx_url = fields.CharField(max_length=1024)
    media_id = fields.CharField(max_length=128, null=True)
    created_at = fields.DatetimeField()

    class Meta:
        table = "content_images"


class ContentQuotaSlot(Model):
    """One of the account's mass sends in a quota period (`day:YYYY-MM-DD` for a subscription account,
    `month:YYYY-MM` for a service account), held by a scheduled mass edition: the unique (period, slot) makes
    two marketers scheduling at once unable to overbook it; released when the edition is cancelled,
    rescheduled elsewhere or fails."""

    id = fields.BigIntField(primary_key=True)
    period = fields.CharField(max_length=24)
    slot = fields.IntField()
    edition_id = fields.BigIntField(unique=True)

    class Meta:
        table = "content_quota_slots"
        unique_together = (("period", "slot"),)


class ContentNotification(Model):
    """Something a marketer must see (an edition failed: quota, a permanent error, attempts exhausted), listed
    by `GET /admin/v1/notifications`; one per (kind, subject)."""

    id = fields.BigIntField(primary_key=True)
    kind = fields.CharField(max_length=32)
    subject = fields.CharField(max_length=64)
    edition_id = fields.BigIntField(null=True)
    message = fields.CharField(max_length=512)
    created_at = fields.DatetimeField()
    read_at = fields.DatetimeField(null=True)

    class Meta:
        table = "content_notifications"
        unique_together = (("kind", "subject"),)
