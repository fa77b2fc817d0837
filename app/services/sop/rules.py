"""SOP rules: one engine for customer SOPs and group SOPs.

A rule has an audience (`customer`: the targeted guides' customers matching a segment; `group`: the customer
groups those guides own, optionally only `chat_ids`), steps and stop conditions. Each step has a trigger, all
in Asia/Shanghai time:
- `fixed`: on the date of `at`, from its time;
- `weekly`: on ISO weekdays `days`, from `time`;
- `before_campaign`: `day` days before a day on which campaign `campaign_id` applies, from `time`;
- `after_add` / `after_join` (customer audience): on day `day` after the customer added the guide / joined
  one of the guide's groups (day 0 = that day), from `time`; once per customer.
Stop conditions (`paid`, `checked_in`, `redeemed`) leave out a customer who did that since the anchor (the
add / join) or, for calendar triggers, since the rule was created.

Every run (`run_due`, a scheduled job) inserts the due (rule, step, target, occurrence) rows set-based with
ON CONFLICT DO NOTHING: the unique key is the claim, so two schedulers or a rerun add nothing. The new rows
of each guide become one outbox message: `sop_rule_send` (a WeCom group-send with the guide as sender; targets
over the month's corp group-sends are skipped with the reason) or `sop_rule_todo` (an app message to the
guide listing how many customers to follow up, counted against the per-staff caps).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator

from app.db import conn
from app.errors import NotFound, ValidationFailed
from app.runtime import Runtime
from app.services.outbox import service as outbox
from app.services.outbox.service import Claimed, Permanent
from app.services.points.calc import campaign_applies
from app.services.sop.segment import Segment, conditions
from app.services.sop.service import Targets, _marks
from app.sqlx import fetch
from models import Campaign, SopRule, SopRun

HHMM = r"^([01]\d|2[0-3]):[0-5]\d$"
StopOn = Literal["paid", "checked_in", "redeemed"]


class Trigger(BaseModel):
    type: Literal["fixed", "weekly", "before_campaign", "after_add", "after_join"]
    at: datetime | None = None
    days: list[int] = Field(default_factory=list, max_length=7)
    day: int = Field(default=0, ge=0, le=365)
    time: str = Field(default="10:00", pattern=HHMM)
    campaign_id: int | None = Field(default=None, ge=1, le=2**62)

    @model_validator(mode="after")
    def _check(self) -> Trigger:
        if self.type == "fixed" and (self.at is None or self.at.tzinfo is None):
            raise ValueError("a fixed trigger needs `at` with a UTC offset")
        if self.type == "weekly" and (not self.days or any(d < 1 or d > 7 for d in self.days)):
            raise ValueError("a weekly trigger needs `days` (ISO weekdays 1-7)")
        if self.type == "before_campaign" and self.campaign_id is None:
            raise ValueError("a before_campaign trigger needs `campaign_id`")
        return self


class Step(BaseModel):
    key: str = Field(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9_-]+$")
    trigger: Trigger
    action: Literal["group_send", "todo"] = "group_send"
    text: str = Field(min_length=1, max_length=4000)
    link_url: str | None = Field(default=None, max_length=2048, pattern=r"^https?://")


class RuleIn(BaseModel):
    name: str = Field(min_length=1, max_length=64)
    audience: Literal["customer", "group"] = "customer"
    targets: Targets
    segment: Segment = Field(default_factory=Segment)
    chat_ids: list[str] | None = Field(default=None, max_length=2000)
    steps: list[Step] = Field(min_length=1, max_length=10)
    stop_on: list[StopOn] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check(self) -> RuleIn:
        if not (self.targets.store_ids or self.targets.regions or self.targets.staff_ids):
            raise ValueError("targets: name stores, regions or guides")
        if len({s.key for s in self.steps}) != len(self.steps):
            raise ValueError("step keys must be unique")
        if self.audience == "group" and any(s.trigger.type in ("after_add", "after_join") for s in self.steps):
            raise ValueError("group rules take fixed, weekly or before_campaign triggers")
        return self


# -- shipped templates -------------------------------------------------------------------------------------
def shipped(name: str, params: dict[str, Any]) -> dict[str, Any]:
    """The rule templates jifen ships (a body for RuleIn without targets)."""
    if name == "new_customer":
        return {"name": "新客户 SOP", "audience": "customer", "stop_on": ["paid"], "steps": [
            {"key": "d0", "trigger": {"type": "after_add", "day": 0, "time": params.get("time", "09:00")},
             "text": params.get("welcome", "欢迎成为我们的会员！点击领取新人积分。"),
             "link_url": params.get("link_url", "https://example.com/member-centre")},
            {"key": "d1", "trigger": {"type": "after_add", "day": 1, "time": params.get("time", "10:00")},
             "text": params.get("points", "积分怎么用：消费1元得1积分，签到领积分，积分可抵现兑好礼。")},
            {"key": "d3", "trigger": {"type": "after_add", "day": 3, "time": params.get("time", "10:00")},
             "text": params.get("group", "加入门店会员群，专属福利抢先知道。"),
             "link_url": params.get("group_qr_url", "https://example.com/store-group-qr")}]}
    if name == "member_day":
        if not params.get("campaign_id"):
            raise ValidationFailed("member_day needs params.campaign_id",
                                   details=[{"field": "params.campaign_id", "message": "required"}])
        return {"name": "会员日预告", "audience": "customer", "segment": {"members_only": True}, "steps": [
            {"key": "before", "trigger": {"type": "before_campaign", "campaign_id": params["campaign_id"],
                                          "day": int(params.get("days", 1)), "time": params.get("time", "10:00")},
             "text": params.get("text", "明天会员日，积分翻倍，别错过！")}]}
    if name == "points_expiring":
        return {"name": "积分到期提醒", "audience": "customer",
                "segment": {"expiring_within_days": int(params.get("days", 7))}, "steps": [
                    {"key": "weekly", "trigger": {"type": "weekly", "days": params.get("weekdays", [1]),
                                                  "time": params.get("time", "10:00")},
                     "text": params.get("text", "您有积分即将到期，来店或线上兑换好礼吧。")}]}
    raise NotFound(f"no rule template {name!r}", code="rule_template_not_found")


TEMPLATES = ("new_customer", "member_day", "points_expiring")


class RuleCreate(BaseModel):
    """Either a whole rule, or `template` + `params` + `targets` (the template's other fields may be overridden)."""

    template: Literal["new_customer", "member_day", "points_expiring"] | None = None
    params: dict[str, Any] = Field(default_factory=dict)
    name: str | None = Field(default=None, min_length=1, max_length=64)
    audience: Literal["customer", "group"] | None = None
    targets: Targets
    segment: Segment | None = None
    chat_ids: list[str] | None = Field(default=None, max_length=2000)
    steps: list[Step] | None = None
    stop_on: list[StopOn] | None = None


def resolve(data: RuleCreate) -> RuleIn:
    from pydantic import ValidationError

    base: dict[str, Any] = shipped(data.template, data.params) if data.template else {}
    given = data.model_dump(exclude_none=True, exclude={"template", "params"})
    try:
        return RuleIn.model_validate({**base, **given})
    except ValidationError as exc:
        errors = [{"field": ".".join(str(p) for p in e["loc"]) or "body", "message": e["msg"]} for e in exc.errors()]
        raise ValidationFailed("; ".join(f"{e['field']}: {e['message']}" for e in errors), details=errors) from exc


async def create_rule(data: RuleCreate, now: datetime) -> SopRule:
    rule = resolve(data)
    for s in rule.steps:
        if s.trigger.campaign_id and not await Campaign.exists(id=s.trigger.campaign_id):
            raise NotFound("no such campaign", code="campaign_not_found")
    return await SopRule.create(name=rule.name, audience=rule.audience, targets=rule.targets.model_dump(),
                                segment=rule.segment.model_dump(exclude_defaults=True), chat_ids=rule.chat_ids,
                                steps=[s.model_dump(mode="json") for s in rule.steps], stop_on=list(rule.stop_on),
                                created_at=now)


def rule_view(r: SopRule) -> dict[str, Any]:
    return {"id": r.id, "name": r.name, "audience": r.audience, "targets": r.targets, "segment": r.segment,
            "chat_ids": r.chat_ids, "steps": r.steps, "stop_on": r.stop_on, "active": r.active,
            "created_at": r.created_at.isoformat()}


# -- the engine --------------------------------------------------------------------------------------------
def _hhmm(value: str) -> time:
    h, m = value.split(":")
    return time(int(h), int(m))


async def _occurrence(rt: Runtime, trig: Trigger, now: datetime) -> str | None:
    """The occurrence key if the step is due now (calendar triggers), 'once' for relative triggers whose time
    of day has come, None when not due."""
    local = now.astimezone(rt.clock.tz)
    at_local = trig.at.astimezone(rt.clock.tz) if trig.at is not None else None
    start = at_local.time() if trig.type == "fixed" and at_local is not None else _hhmm(trig.time)
    if local.time() < start:
        return None
    today = local.date()
    if trig.type == "fixed":
        return today.isoformat() if at_local is not None and at_local.date() == today else None
    if trig.type == "weekly":
        return today.isoformat() if local.isoweekday() in trig.days else None
    if trig.type == "before_campaign":
        c = await Campaign.get_or_none(id=trig.campaign_id, active=True)
        if c is None:
            return None
        target = datetime.combine(today + timedelta(days=trig.day), time(12, 0), tzinfo=rt.clock.tz)
        event = c.events[0] if c.events else "any"
        tier = c.tier_levels[0] if c.tier_levels else 0
        return today.isoformat() if campaign_applies(c, event, tier, target) else None
    return "once"


def _stop_sql(stop_on: list[str], since: str) -> str:
    parts = []
    if "paid" in stop_on:
        parts.append("NOT EXISTS (SELECT 1 FROM payments p WHERE p.member_id = c.member_id "
                     f"AND p.success_time >= {since})")
    if "checked_in" in stop_on:
        parts.append("NOT EXISTS (SELECT 1 FROM checkins k WHERE k.member_id = c.member_id "
                     f"AND k.created_at >= {since})")
    if "redeemed" in stop_on:
        parts.append("NOT EXISTS (SELECT 1 FROM point_entries e WHERE e.member_id = c.member_id AND e.kind = 'spend' "
                     f"AND e.created_at >= {since})")
    return " AND ".join(parts) or "1 = 1"


def _who(targets: Targets, args: list[Any]) -> str:
    who = [f"g.store_id IN ({_marks(targets.store_ids, args)})" if targets.store_ids else "",
           f"st.region IN ({_marks(targets.regions, args)})" if targets.regions else "",
           f"g.id IN ({_marks(targets.staff_ids, args)})" if targets.staff_ids else ""]
    return " OR ".join(w for w in who if w)


async def _insert_due(rt: Runtime, rule: SopRule, step: Step, occurrence: str, now: datetime) -> list[Any]:
    """Insert the step's due rows (claim once by the unique key); returns the new rows (id, staff_id, status)."""
    status = "due" if step.action == "group_send" else "todo"
    args: list[Any] = [rule.id, step.key, occurrence, status, now]
    targets = Targets.model_validate(rule.targets)
    who = _who(targets, args)
    guides = "staff_users g LEFT JOIN stores st ON st.id = g.store_id"
    guide_ok = f"g.role = 'guide' AND g.active AND ({who})"
    if rule.audience == "group":
        chats = f"AND gr.chat_id IN ({_marks(list(rule.chat_ids), args)})" if rule.chat_ids else ""
        select = f"""
            SELECT $1, $2, $3, gr.chat_id, g.id, $4, $5
            FROM {guides} JOIN wecom_groups gr ON gr.owner_userid = g.wecom_userid
            WHERE {guide_ok} AND gr.status = 'active' {chats}"""
    else:
        trig = step.trigger
        joins = ("JOIN wecom_contact_follows f ON f.userid = g.wecom_userid AND f.is_primary AND f.status = 'active' "
                 "JOIN wecom_contacts c ON c.external_userid = f.external_userid "
                 "LEFT JOIN members m ON m.id = c.member_id")
        if trig.type in ("after_add", "after_join"):
            day = rt.clock.day_of(now) - timedelta(days=trig.day)
            args += [rt.clock.day_start(day), rt.clock.day_start(day + timedelta(days=1))]
            since = "f.added_at" if trig.type == "after_add" else "gm.joined_at"
            anchor = f"AND {since} >= ${len(args) - 1} AND {since} < ${len(args)}"
            if trig.type == "after_join":
                joins += (" JOIN wecom_groups gr ON gr.owner_userid = f.userid AND gr.status = 'active'"
                          " JOIN wecom_group_members gm ON gm.chat_id = gr.chat_id AND gm.userid = f.external_userid"
                          " AND gm.kind = 'external' AND gm.status = 'active'")
        else:
            since, anchor = "NULL", ""
            if rule.stop_on:  # a parameter only when used (both drivers refuse unused ones)
                args.append(rule.created_at)
                since = f"${len(args)}"
        where = conditions(Segment.model_validate(rule.segment), now, args)
        select = f"""
            SELECT $1, $2, $3, f.external_userid, g.id, $4, $5
            FROM {guides} {joins}
            WHERE {guide_ok} {anchor} AND {where} AND {_stop_sql(list(rule.stop_on), since)}"""
    return await fetch(conn(), f"""
        INSERT INTO sop_runs (rule_id, step_key, occurrence, target, staff_id, status, created_at) {select}
        ON CONFLICT (rule_id, step_key, target, occurrence) DO NOTHING RETURNING id, staff_id""", args)


async def run_due(rt: Runtime) -> dict[str, int]:
    """Every active rule's due steps -> rows claimed once -> one outbox message per guide and batch."""
    now = rt.clock.now()
    out = {"runs": 0, "messages": 0}
    for rule in await SopRule.filter(active=True).order_by("id"):
        for raw in rule.steps:
            step = Step.model_validate(raw)
            occurrence = await _occurrence(rt, step.trigger, now)
            if occurrence is None:
                continue
            rows = await _insert_due(rt, rule, step, occurrence, now)
            out["runs"] += len(rows)
            first: dict[int, int] = {}
            for r in rows:
                first[int(r["staff_id"])] = min(first.get(int(r["staff_id"]), int(r["id"])), int(r["id"]))
            kind = "sop_rule_send" if step.action == "group_send" else "sop_rule_todo"
            for staff_id, batch in first.items():
                out["messages"] += int(await outbox.enqueue(
                    kind, f"sop-rule-{rule.id}-{step.key}-{staff_id}-{batch}",
                    {"rule_id": rule.id, "step": step.key, "staff_id": staff_id, "occurrence": occurrence},
                    now=now, member_id=None))
    return out


# -- senders ------------------------------------------------------------------------------------------------
async def _rule_step(payload: dict[str, Any]) -> tuple[SopRule, Step, Any]:
    from models import StaffUser

    rule = await SopRule.get_or_none(id=int(payload["rule_id"]))
    if rule is None:
        raise Permanent("rule gone")
    step = next((Step.model_validate(s) for s in rule.steps if s["key"] == payload["step"]), None)
    staff = await StaffUser.get_or_none(id=int(payload["staff_id"]))
    if step is None or staff is None or not staff.wecom_userid:
        raise Permanent("step or guide gone")
    return rule, step, staff


@outbox.sender("sop_rule_send")
async def send_rule_step(rt: Runtime, msg: Claimed) -> None:
    """The guide's due rows of a step -> one add_msg_template (single for customers, group for groups); rows over
    the month's corp group-sends are skipped with the reason. Rows are held (`sending`) while WeCom is called
    and given back (`due`) if the call fails, so the outbox's retry finds them."""
    from app.services.sop import wecom as sop_wecom
    from app.wechat.wecom import groupmsg
    from app.wechat.wecom.client import WeComClient

    rule, step, staff = await _rule_step(msg.payload)
    now = rt.clock.now()
    rows = await fetch(conn(), "UPDATE sop_runs SET status = 'sending' WHERE rule_id = $1 AND step_key = $2 "
                               "AND staff_id = $3 AND status = 'due' RETURNING id, target",
                       [rule.id, step.key, staff.id])
    if not rows:
        return
    ids = [int(r["id"]) for r in rows]
    targets = [str(r["target"]) for r in rows]
    try:
        full = await sop_wecom.over_monthly_cap(rt, targets, now)
        send = [t for t in targets if t not in full]
        if full:
            await SopRun.filter(id__in=ids, target__in=list(full)).update(status="skipped", reason="monthly_limit")
        if not send:
            return
        link = {"title": rule.name, "url": step.link_url} if step.link_url else None
        if rule.audience == "group":
            body = await sop_wecom._call(rt, groupmsg.add_msg_template(
                WeComClient(rt), chat_type="group", sender=staff.wecom_userid, text=step.text, chat_ids=send,
                link=link))
        else:
            body = await sop_wecom._call(rt, groupmsg.add_msg_template(
                WeComClient(rt), chat_type="single", sender=staff.wecom_userid, text=step.text,
                external_userids=send, link=link))
        failed = set(body.get("fail_list") or [])
        await sop_wecom.count_sends(rt, [t for t in send if t not in failed], now)
        if failed:
            await SopRun.filter(id__in=ids, target__in=list(failed)).update(status="skipped", reason="not_a_friend")
        await SopRun.filter(id__in=ids, status="sending").update(status="sent", wecom_msgid=str(body["msgid"]))
    except BaseException:
        await SopRun.filter(id__in=ids, status="sending").update(status="due")
        raise


@outbox.sender("sop_rule_todo")
async def send_rule_todo(rt: Runtime, msg: Claimed) -> None:
    """An app message to the guide: how many customers this step asks them to follow up today."""
    from app.services.sop import wecom as sop_wecom
    from app.wechat.wecom.client import WeComClient
    from app.wechat.wecom.message import send_textcard

    rule, step, staff = await _rule_step(msg.payload)
    rows = await fetch(conn(), "SELECT id FROM sop_runs WHERE rule_id = $1 AND step_key = $2 AND staff_id = $3 "
                               "AND status = 'todo'", [rule.id, step.key, staff.id])
    if not rows:
        return
    await sop_wecom._count_notify(rt, staff.wecom_userid)
    await sop_wecom._call(rt, send_textcard(
        WeComClient(rt), staff.wecom_userid, f"待跟进：{rule.name}",
        f'<div class="highlight">{len(rows)} 位客户</div><div class="normal">{step.text[:200]}</div>',
        f"{rt.settings.sop.task_url.rstrip('/')}/rules/{rule.id}"))
    await SopRun.filter(id__in=[int(r["id"]) for r in rows], status="todo").update(status="notified")

