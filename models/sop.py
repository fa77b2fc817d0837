"""Shopping-guide SOP tasks: templates, tasks, one assignment per guide, one recipient row per targeted customer.

A task is fanned out once (the `status` claim scheduled -> dispatched) into assignments and recipients by two
set-based INSERT ... SELECT statements; the unique constraints below make a replay add nothing. Recipients
are the guide's own customers (primary follow) matching the task's segment at dispatch time; `holdout` rows
are recorded for measurement and never sent to.
"""

from tortoise import fields

from models.base import Model


class SopTemplate(Model):
    """A reusable task kind with its default content. kind: learning | invitation | mass_message |
    community | tagging. `content` by kind: text, link, attachment, quiz {questions[{q, options, answer}],
    pass_mark}, chat_type (single | group | moment), tag_ids, chat_ids."""

    id = fields.BigIntField(primary_key=True)
    kind = fields.CharField(max_length=16)
    name = fields.CharField(max_length=64)
    content = fields.JSONField()
    created_at = fields.DatetimeField()

    class Meta:
        table = "sop_templates"


class SopTask(Model):
    """A template handed to guides: targets (store_ids, regions, staff_ids), a customer segment, times.

    status: scheduled -> dispatched (fanned out) | cancelled. `holdout_bp`: basis points of the matching
    customers recorded as holdout (not sent), the control group of the effect report."""

    id = fields.BigIntField(primary_key=True)
    template_id = fields.BigIntField(null=True)
    kind = fields.CharField(max_length=16)
    name = fields.CharField(max_length=64)
    content = fields.JSONField()
    targets = fields.JSONField()
    segment = fields.JSONField()
    start_at = fields.DatetimeField()
    deadline_at = fields.DatetimeField()
    remind_before_minutes = fields.IntField(default=0, db_default=0)
    holdout_bp = fields.IntField(default=0, db_default=0)
    status = fields.CharField(max_length=12, default="scheduled", db_default="scheduled")
    assignments = fields.IntField(default=0, db_default=0)
    recipients = fields.IntField(default=0, db_default=0)
    dispatched_at = fields.DatetimeField(null=True)
    created_by = fields.BigIntField(null=True)
    created_at = fields.DatetimeField()

    class Meta:
        table = "sop_tasks"
        indexes = (("status", "start_at"),)


class SopAssignment(Model):
    """One guide's share of a task. state: open -> done | overdue (overdue -> done still counts, late) | cancelled.

    WeCom side: `wecom_msgid` (add_msg_template) or `wecom_jobid`/`moment_id` (add_moment_task), `wecom_status`
    (pending | created | sent | failed | cancelled); `poll_at` leases the result poll. `remind_at` and
    `deadline_at` are copied from the task so the reminder and the overdue mark are one conditional UPDATE."""

    id = fields.BigIntField(primary_key=True)
    task_id = fields.BigIntField()
    staff_id = fields.BigIntField(db_index=True)
    store_id = fields.BigIntField(null=True)
    region = fields.CharField(max_length=32, null=True)
    wecom_userid = fields.CharField(max_length=64, null=True)
    state = fields.CharField(max_length=12, default="open", db_default="open")
    recipients = fields.IntField(default=0, db_default=0)
    holdouts = fields.IntField(default=0, db_default=0)
    remind_at = fields.DatetimeField(null=True)
    deadline_at = fields.DatetimeField()
    reminded_at = fields.DatetimeField(null=True)
    overdue_at = fields.DatetimeField(null=True)
    completed_at = fields.DatetimeField(null=True)
    completed_via = fields.CharField(max_length=12, null=True)  # guide | wecom
    evidence = fields.JSONField(null=True)
    wecom_status = fields.CharField(max_length=12, null=True)
    wecom_msgid = fields.CharField(max_length=128, null=True)
    wecom_jobid = fields.CharField(max_length=128, null=True)
    moment_id = fields.CharField(max_length=128, null=True)
    wecom_reminds = fields.IntField(default=0, db_default=0)
    poll_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField()

    class Meta:
        table = "sop_assignments"
        unique_together = (("task_id", "staff_id"),)
        indexes = (("state", "remind_at"), ("state", "deadline_at"), ("wecom_status", "poll_at"))


class SopRecipient(Model):
    """A customer a task targeted through one guide. `send_status` mirrors get_groupmsg_send_result (0 not
    sent, 1 sent, 2 not a friend, 3 over the limit); `tagged` is set when WeCom shows the task's tags."""

    id = fields.BigIntField(primary_key=True)
    task_id = fields.BigIntField()
    assignment_id = fields.BigIntField(db_index=True)
    external_userid = fields.CharField(max_length=64)
    member_id = fields.BigIntField(null=True)
    holdout = fields.BooleanField(default=False, db_default=False)
    send_status = fields.IntField(null=True)
    tagged = fields.BooleanField(default=False, db_default=False)
    skip_reason = fields.CharField(max_length=32, null=True)  # not sent by jifen: monthly_limit | ...

    class Meta:
        table = "sop_recipients"
        unique_together = (("task_id", "external_userid"),)


class SopSendCount(Model):
    """Corp group-sends jifen created for a customer in a month (Beijing time, 'YYYY-MM'): WeCom delivers at most
    <days in month> a month and drops the excess silently (docs/wechat-protocols.md §5.10): jifen counts first."""

    id = fields.BigIntField(primary_key=True)
    external_userid = fields.CharField(max_length=64)
    month = fields.CharField(max_length=7)
    sends = fields.IntField(default=0, db_default=0)

    class Meta:
        table = "sop_send_counts"
        unique_together = (("external_userid", "month"),)


class SopRule(Model):
    """An SOP rule: an audience (customers by segment, or customer groups), steps with triggers, stop conditions.
    See app/services/sop/rules.py for the shapes of `steps`, `targets`, `segment`, `stop_on`."""

    id = fields.BigIntField(primary_key=True)
    name = fields.CharField(max_length=64)
    audience = fields.CharField(max_length=8)  # customer | group
    targets = fields.JSONField()
    segment = fields.JSONField()
    chat_ids = fields.JSONField(null=True)
    steps = fields.JSONField()
    stop_on = fields.JSONField()
    active = fields.BooleanField(default=True, db_default=True)
    created_at = fields.DatetimeField()

    class Meta:
        table = "sop_rules"


class SopRun(Model):
    """One due step for one target (customer external_userid, or group chat_id), claimed once by the unique key
    (rule, step, target, occurrence). status: due -> sending -> sent | skipped (reason) | todo -> notified."""

    id = fields.BigIntField(primary_key=True)
    rule_id = fields.BigIntField()
    step_key = fields.CharField(max_length=32)
    occurrence = fields.CharField(max_length=16)
    target = fields.CharField(max_length=64)
    staff_id = fields.BigIntField()
    status = fields.CharField(max_length=10)
    reason = fields.CharField(max_length=32, null=True)
    wecom_msgid = fields.CharField(max_length=128, null=True)
    created_at = fields.DatetimeField()

    class Meta:
        table = "sop_runs"
        unique_together = (("rule_id", "step_key", "target", "occurrence"),)
        indexes = (("rule_id", "step_key", "staff_id", "status"),)
