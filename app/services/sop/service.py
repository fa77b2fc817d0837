"""SOP tasks: creating them, fanning them out once into assignments and recipients, the guide's side.

Fan-out (`dispatch`) is one transaction: a conditional UPDATE claims the task (scheduled -> dispatched; a
second scheduler's UPDATE waits for the row lock on PostgreSQL, then matches nothing), two set-based
INSERT ... SELECT write one assignment per targeted guide and one recipient row per matching customer (the
guide's primary, active follows), one UPDATE counts them, and one INSERT ... SELECT per message kind puts the
guide's app message and the WeCom job into the outbox. Unique constraints (task, guide) and (task, customer)
make any replay add nothing. Holdout: `(contact id * 7919 + task id * 104729) mod 10000 < holdout_bp`, a
deterministic spread that the effect report compares against.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from tortoise.transactions import in_transaction

from app.db import conn, is_postgres_conn
from app.errors import Conflict, NotFound, ServiceUnavailable, ValidationFailed
from app.services.sop.segment import Segment, conditions
from app.sqlx import execute, fetch, fetchrow
from models import SopAssignment, SopRecipient, SopTask, SopTemplate, StaffUser

Kind = Literal["learning", "invitation", "mass_message", "community", "tagging"]
HOLDOUT_SQL = "((c.id * 7919 + CAST({task} AS BIGINT) * 104729) % 10000) < CAST({bp} AS INTEGER)"


def holdout_of(contact_id: int, task_id: int, holdout_bp: int) -> bool:
    """The holdout rule of HOLDOUT_SQL, in Python (reports and tests)."""
    return (contact_id * 7919 + task_id * 104729) % 10000 < holdout_bp


# -- input -------------------------------------------------------------------------------------------------
class QuizQuestion(BaseModel):
    q: str = Field(min_length=1, max_length=200)
    options: list[str] = Field(min_length=2, max_length=8)
    answer: int = Field(ge=0, le=7)


class Quiz(BaseModel):
    questions: list[QuizQuestion] = Field(min_length=1, max_length=50)
    pass_mark: int = Field(ge=1)

    @model_validator(mode="after")
    def _mark(self) -> Quiz:
        if self.pass_mark > len(self.questions):
            raise ValueError("pass_mark exceeds the number of questions")
        return self


class Content(BaseModel):
    """What the guide studies, forwards or posts; what jifen sends. Which fields matter depends on the kind."""

    text: str = Field(default="", max_length=4000)
    link_title: str | None = Field(default=None, max_length=64)
    link_url: str | None = Field(default=None, max_length=2048, pattern=r"^https?://")
    attachment_url: str | None = Field(default=None, max_length=2048, pattern=r"^https?://")
    quiz: Quiz | None = None
    # invitation / mass_message / community: how jifen creates the WeCom job (none: the guide sends by hand)
    channel: Literal["single", "group", "moment", "none"] = "single"
    chat_ids: list[str] = Field(default_factory=list, max_length=2000)  # community: named groups
    tag_ids: list[str] = Field(default_factory=list, max_length=20)  # tagging: the corp tags to put on


class TemplateIn(BaseModel):
    kind: Kind
    name: str = Field(min_length=1, max_length=64)
    content: Content = Field(default_factory=Content)


class Targets(BaseModel):
    # a misspelt key ("stores") must be refused by name, not read as "no targets"
    model_config = ConfigDict(extra="forbid")

    store_ids: list[int] = Field(default_factory=list, max_length=5000)
    regions: list[str] = Field(default_factory=list, max_length=200)
    staff_ids: list[int] = Field(default_factory=list, max_length=10000)


class TaskIn(BaseModel):
    template_id: int = Field(ge=1, le=2**62)
    name: str | None = Field(default=None, min_length=1, max_length=64)
    content: Content | None = None  # default: the template's
    targets: Targets
    segment: Segment = Field(default_factory=Segment)
    start_at: datetime
    deadline_at: datetime
    remind_before_minutes: int = Field(default=0, ge=0, le=60 * 24 * 30)
    holdout_bp: int = Field(default=0, ge=0, le=5000)  # basis points of matching customers held out

    @model_validator(mode="after")
    def _check(self) -> TaskIn:
        if self.start_at.tzinfo is None or self.deadline_at.tzinfo is None:
            raise ValueError("start_at and deadline_at need a UTC offset")
        if self.deadline_at <= self.start_at:
            raise ValueError("deadline_at must be after start_at")
        if not (self.targets.store_ids or self.targets.regions or self.targets.staff_ids):
            raise ValueError("targets: name store_ids, regions or staff_ids")
        return self


def _check_content(kind: str, content: Content) -> None:
    if kind == "tagging" and not content.tag_ids:
        raise ValidationFailed("a tagging task needs content.tag_ids", details=[
            {"field": "content.tag_ids", "message": "required for tagging"}])
    if kind in ("invitation", "mass_message", "community") and not content.text and not content.link_url:
        raise ValidationFailed("the message needs text or a link", details=[
            {"field": "content.text", "message": "required"}])


async def create_template(data: TemplateIn, now: datetime) -> SopTemplate:
    _check_content(data.kind, data.content)
    return await SopTemplate.create(kind=data.kind, name=data.name, content=data.content.model_dump(), created_at=now)


def template_view(t: SopTemplate) -> dict[str, Any]:
    return {"id": t.id, "kind": t.kind, "name": t.name, "content": t.content, "created_at": t.created_at.isoformat()}


async def create_task(data: TaskIn, staff_id: int, now: datetime) -> SopTask:
    template = await SopTemplate.get_or_none(id=data.template_id)
    if template is None:
        raise NotFound("no such template", code="template_not_found")
    content = data.content or Content.model_validate(template.content)
    _check_content(template.kind, content)
    return await SopTask.create(template_id=template.id, kind=template.kind, name=data.name or template.name,
                                content=content.model_dump(), targets=data.targets.model_dump(),
                                segment=data.segment.model_dump(exclude_defaults=True), start_at=data.start_at,
                                deadline_at=data.deadline_at, remind_before_minutes=data.remind_before_minutes,
                                holdout_bp=data.holdout_bp, created_by=staff_id, created_at=now)


def task_view(t: SopTask) -> dict[str, Any]:
    return {"id": t.id, "template_id": t.template_id, "kind": t.kind, "name": t.name, "content": t.content,
            "targets": t.targets, "segment": t.segment, "start_at": t.start_at.isoformat(),
            "deadline_at": t.deadline_at.isoformat(), "remind_before_minutes": t.remind_before_minutes,
            "holdout_bp": t.holdout_bp, "status": t.status, "assignments": t.assignments,
            "recipients": t.recipients, "dispatched_at": t.dispatched_at.isoformat() if t.dispatched_at else None}


# -- fan-out -----------------------------------------------------------------------------------------------
def needs_wecom_job(kind: str, content: dict[str, Any]) -> bool:
    return kind in ("invitation", "mass_message", "community") and content.get("channel", "single") != "none"


def _marks(values: list[Any], args: list[Any]) -> str:
    out = []
    for v in values:
        args.append(v)
        out.append(f"${len(args)}")
    return ", ".join(out) or "NULL"


async def dispatch(task_id: int, now: datetime) -> dict[str, int] | None:
    """Fan the task out if it is due and not yet fanned out; None when another run did (or it is not due)."""
    async with in_transaction() as c:
        claimed = await fetchrow(c, "UPDATE sop_tasks SET status = 'dispatched', dispatched_at = $2 WHERE id = $1 "
                                    "AND status = 'scheduled' AND start_at <= $2 RETURNING id", [task_id, now])
        if claimed is None:
            return None
        task = await SopTask.get(id=task_id).using_db(c)
        counts = await _fan_out(c, task, now)
        await execute(c, "UPDATE sop_tasks SET assignments = $2, recipients = $3 WHERE id = $1",
                      [task_id, counts["assignments"], counts["recipients"]])
        await _enqueue_all(c, task, now)
    return counts


async def _fan_out(c: Any, task: SopTask, now: datetime) -> dict[str, int]:
    targets = Targets.model_validate(task.targets)
    remind_at = task.deadline_at - timedelta(minutes=task.remind_before_minutes) if task.remind_before_minutes else None
    args: list[Any] = [task.id, remind_at, task.deadline_at, "pending" if needs_wecom_job(task.kind, task.content)
                       else None, now]
    who = [f"s.store_id IN ({_marks(targets.store_ids, args)})" if targets.store_ids else "",
           f"st.region IN ({_marks(targets.regions, args)})" if targets.regions else "",
           f"s.id IN ({_marks(targets.staff_ids, args)})" if targets.staff_ids else ""]
    await execute(c, f"""
        INSERT INTO sop_assignments (task_id, staff_id, store_id, region, wecom_userid, state, recipients, holdouts,
                                     remind_at, deadline_at, wecom_status, wecom_reminds, created_at)
        SELECT $1, s.id, s.store_id, st.region, s.wecom_userid, 'open', 0, 0, $2, $3, $4, 0, $5
        FROM staff_users s LEFT JOIN stores st ON st.id = s.store_id
        WHERE s.role = 'guide' AND s.active AND ({' OR '.join(w for w in who if w)})
        ON CONFLICT (task_id, staff_id) DO NOTHING""", args)
    if task.kind != "learning":
        args = [task.id, task.holdout_bp]
        where = conditions(Segment.model_validate(task.segment), now, args)
        await execute(c, f"""
            INSERT INTO sop_recipients (task_id, assignment_id, external_userid, member_id, holdout, tagged)
            SELECT $1, a.id, f.external_userid, c.member_id, {HOLDOUT_SQL.format(task='$1', bp='$2')}, FALSE
            FROM sop_assignments a
            JOIN wecom_contact_follows f ON f.userid = a.wecom_userid AND f.is_primary AND f.status = 'active'
            JOIN wecom_contacts c ON c.external_userid = f.external_userid
            LEFT JOIN members m ON m.id = c.member_id
            WHERE a.task_id = $1 AND {where}
            ON CONFLICT (task_id, external_userid) DO NOTHING""", args)
        await execute(c, """
            UPDATE sop_assignments SET
              recipients = (SELECT COUNT(*) FROM sop_recipients r WHERE r.assignment_id = sop_assignments.id
                            AND NOT r.holdout),
              holdouts = (SELECT COUNT(*) FROM sop_recipients r WHERE r.assignment_id = sop_assignments.id
                          AND r.holdout)
            WHERE task_id = $1""", [task.id])
    row = await fetchrow(c, "SELECT COUNT(*) AS n, COALESCE(SUM(recipients), 0) AS r FROM sop_assignments "
                            "WHERE task_id = $1", [task.id])
    return {"assignments": int(row["n"]), "recipients": int(row["r"])}


async def _enqueue_all(c: Any, task: SopTask, now: datetime) -> None:
    """The outbox rows of every assignment of the task, set-based: the guide's app message, the WeCom job."""
    kinds = [("sop_notify", "sop-notify-", '{"what":"new","assignment_id":')]
    if needs_wecom_job(task.kind, task.content):
        kinds.append(("sop_wecom_job", "sop-job-", '{"assignment_id":'))
    cast = "CAST({} AS JSONB)" if is_postgres_conn(c) else "{}"
    for kind, prefix, head in kinds:
        payload = cast.format(f"'{head}' || CAST(a.id AS VARCHAR(20)) || '}}'")
        await execute(c, f"""
            INSERT INTO outbox_messages (kind, dedupe_key, member_id, payload, status, attempts, next_attempt_at,
                                         created_at, updated_at)
            SELECT $2, '{prefix}' || CAST(a.id AS VARCHAR(20)), NULL, {payload}, 'pending', 0, $3, $3, $3
            FROM sop_assignments a WHERE a.task_id = $1
            ON CONFLICT (dedupe_key) DO NOTHING""", [task.id, kind, now])


async def dispatch_due(now: datetime, limit: int) -> dict[str, int]:
    """Fan out every task whose start has come (each claimed once across schedulers)."""
    rows = await fetch(conn(), "SELECT id FROM sop_tasks WHERE status = 'scheduled' AND start_at <= $1 "
                               "ORDER BY start_at LIMIT $2", [now, limit])
    out = {"tasks": 0, "assignments": 0, "recipients": 0}
    for r in rows:
        counts = await dispatch(int(r["id"]), now)
        if counts:
            out["tasks"] += 1
            out["assignments"] += counts["assignments"]
            out["recipients"] += counts["recipients"]
    return out


async def cancel_task(task_id: int, now: datetime) -> SopTask:
    """Stop a task: not yet dispatched -> cancelled; dispatched -> open assignments closed and WeCom tasks
    not yet sent cancelled (cancel_groupmsg_send, through the outbox)."""
    from app.services.outbox import service as outbox

    async with in_transaction() as c:
        task = await SopTask.filter(id=task_id).using_db(c).select_for_update().first()
        if task is None:
            raise NotFound("no such task", code="task_not_found")
        if task.status == "cancelled":
            return task
        task.status = "cancelled"
        await task.save(using_db=c, update_fields=["status"])
        await SopAssignment.filter(task_id=task_id, state__in=("open", "overdue")).using_db(c).update(state="cancelled")
        for a in await SopAssignment.filter(task_id=task_id, wecom_status="created").using_db(c):
            await outbox.enqueue("sop_wecom_cancel", f"sop-cancel-{a.id}", {"assignment_id": a.id}, now=now,
                                 member_id=None, c=c)
    return task


# -- the guide's side ----------------------------------------------------------------------------------------
async def mine(staff_id: int, assignment_id: int) -> tuple[SopAssignment, SopTask]:
    """The guide's own assignment, else 404 (another guide's looks exactly like a missing one)."""
    a = await SopAssignment.get_or_none(id=assignment_id, staff_id=staff_id)
    if a is None or a.state == "cancelled":
        raise NotFound("no such task", code="task_not_found")
    return a, await SopTask.get(id=a.task_id)


def assignment_view(a: SopAssignment, t: SopTask) -> dict[str, Any]:
    return {"id": a.id, "task_id": t.id, "kind": t.kind, "name": t.name, "state": a.state,
            "deadline_at": a.deadline_at.isoformat(), "recipients": a.recipients,
            "completed_at": a.completed_at.isoformat() if a.completed_at else None,
            "completed_via": a.completed_via, "wecom_status": a.wecom_status}


async def list_mine(staff_id: int, state: str | None, cursor: int | None, limit: int) -> dict[str, Any]:
    qs = SopAssignment.filter(staff_id=staff_id).exclude(state="cancelled")
    if state:
        qs = qs.filter(state=state)
    if cursor:
        qs = qs.filter(id__lt=cursor)
    rows = await qs.order_by("-id").limit(limit)
    tasks = {t.id: t for t in await SopTask.filter(id__in={a.task_id for a in rows})}
    return {"items": [assignment_view(a, tasks[a.task_id]) for a in rows],
            "next_cursor": rows[-1].id if len(rows) == limit else None}


def _forward_text(t: SopTask) -> str:
    c = t.content
    return "\n".join(x for x in (c.get("text") or "", c.get("link_url") or "") if x)


async def detail(staff_id: int, assignment_id: int) -> dict[str, Any]:
    a, t = await mine(staff_id, assignment_id)
    rows = await fetch(conn(), """
        SELECT r.external_userid, r.member_id, r.send_status, r.tagged, r.skip_reason, c.name
        FROM sop_recipients r LEFT JOIN wecom_contacts c ON c.external_userid = r.external_userid
        WHERE r.assignment_id = $1 AND NOT r.holdout ORDER BY r.id LIMIT 2000""", [a.id])
    content = dict(t.content)
    if content.get("quiz"):  # the guide answers; the key stays with jifen
        content["quiz"] = {"pass_mark": content["quiz"]["pass_mark"],
                           "questions": [{"q": q["q"], "options": q["options"]} for q in content["quiz"]["questions"]]}
    return {**assignment_view(a, t), "content": content, "forward_text": _forward_text(t),
            "evidence": a.evidence,
            "customers": [{"external_userid": r["external_userid"], "name": r["name"], "member_id": r["member_id"],
                           "send_status": r["send_status"], "tagged": bool(r["tagged"]),
                           "skip_reason": r["skip_reason"]} for r in rows]}


class CompleteIn(BaseModel):
    answers: list[int] | None = Field(default=None, max_length=50)
    evidence: dict[str, Any] | None = None
    note: str | None = Field(default=None, max_length=500)


async def finish(a: SopAssignment, via: str, now: datetime, evidence: dict[str, Any] | None = None) -> bool:
    """open | overdue -> done, once (a conditional UPDATE: the guide and the poller may race)."""
    n = await SopAssignment.filter(id=a.id, state__in=("open", "overdue")).update(
        state="done", completed_at=now, completed_via=via, evidence=evidence)
    return bool(n)


async def complete(rt: Any, staff_id: int, assignment_id: int, data: CompleteIn) -> dict[str, Any]:
    """The guide says it is done; each kind decides what proves it (see the issue's task kinds)."""
    from app.services.sop import wecom as sop_wecom

    a, t = await mine(staff_id, assignment_id)
    now = rt.clock.now()
    if a.state == "done":
        return {**assignment_view(a, t), "already": True}
    evidence: dict[str, Any] = {"note": data.note} if data.note else {}
    if data.evidence:
        evidence["evidence"] = data.evidence
    if t.kind == "learning":
        quiz = t.content.get("quiz")
        if quiz:
            if data.answers is None:
                raise ValidationFailed("answer the quiz", details=[{"field": "answers", "message": "required"}])
            right = sum(1 for q, ans in zip(quiz["questions"], data.answers, strict=False) if q["answer"] == ans)
            evidence["score"] = right
            if right < quiz["pass_mark"]:
                raise Conflict(f"{right} of {len(quiz['questions'])} right; {quiz['pass_mark']} needed",
                               code="quiz_failed")
        await finish(a, "guide", now, evidence or None)
    elif t.kind == "tagging" or (needs_wecom_job(t.kind, t.content) and a.wecom_status not in ("failed", "skipped")):
        from app.wechat import errors as wx

        try:
            if t.kind == "tagging":
                missing = await sop_wecom.verify_tags(rt, a, t)
                if missing:
                    raise Conflict(f"{missing} customers do not carry the tags in WeCom yet", code="tags_missing")
                await finish(a, "wecom", now, evidence or None)
            # completion is WeCom's word: look now rather than wait for the poller
            elif not await sop_wecom.poll_one(rt, a.id):
                raise Conflict("WeCom does not report the message sent yet", code="not_sent_yet")
        except wx.WeChatError as exc:
            raise ServiceUnavailable(f"WeCom could not be asked ({exc.errcode}); try again shortly",
                                     retry_after=30) from exc
    else:  # community by hand, a message sent by hand, or one WeCom could not take: the guide's confirmation
        await finish(a, "guide", now, evidence or None)
    a = await SopAssignment.get(id=a.id)
    return assignment_view(a, t)


class TagIn(BaseModel):
    external_userids: list[str] | None = Field(default=None, max_length=2000)  # default: all my customers of it


async def tag_for_guide(rt: Any, staff_id: int, assignment_id: int, data: TagIn) -> dict[str, Any]:
    """The guide's one click: jifen puts the task's tags on the guide's targeted customers (mark_tag as the
    guide), then asks WeCom whether they are there; the assignment completes only when WeCom shows them all."""
    from app.services.sop import wecom as sop_wecom
    from app.wechat import errors as wx
    from app.wechat.wecom.client import WeComClient

    a, t = await mine(staff_id, assignment_id)
    if t.kind != "tagging" or not a.wecom_userid:
        raise Conflict("not a tagging task of a WeCom guide", code="not_tagging")
    rows = await SopRecipient.filter(assignment_id=a.id, holdout=False, tagged=False)
    wanted = set(data.external_userids) if data.external_userids is not None else None
    client = WeComClient(rt)
    refused = 0
    for r in rows:
        if wanted is not None and r.external_userid not in wanted:
            continue
        try:
            await client.mark_tag(a.wecom_userid, r.external_userid, list(t.content.get("tag_ids") or []), [])
        except (wx.WeChatUnavailable, wx.RateLimited, wx.TokenInvalid) as exc:
            raise ServiceUnavailable("WeCom is busy; try again shortly", retry_after=30) from exc
        except wx.WeChatError as exc:  # not a friend any more, tag deleted, ...: recorded, the rest go on
            refused += 1
            await SopRecipient.filter(id=r.id).update(skip_reason=f"mark_tag {exc.errcode}"[:32])
    missing = await sop_wecom.verify_tags(rt, a, t)
    if not missing:
        await finish(a, "wecom", rt.clock.now(), None)
    a = await SopAssignment.get(id=a.id)
    return {**assignment_view(a, t), "missing": missing, "refused": refused}


async def stats(staff_id: int, now: datetime) -> dict[str, Any]:
    """The guide's completion and their customers' activity over the last 30 days."""
    rows = await fetch(conn(), "SELECT state, COUNT(*) AS n FROM sop_assignments WHERE staff_id = $1 "
                               "AND state <> 'cancelled' GROUP BY state", [staff_id])
    by_state = {r["state"]: int(r["n"]) for r in rows}
    total = sum(by_state.values())
    staff = await StaffUser.get_or_none(id=staff_id)
    since = now - timedelta(days=30)
    act = await fetchrow(conn(), """
        SELECT COUNT(*) AS customers, COUNT(c.member_id) AS members,
          SUM(CASE WHEN EXISTS (SELECT 1 FROM checkins k WHERE k.member_id = c.member_id AND k.created_at >= $2)
              THEN 1 ELSE 0 END) AS checked_in,
          SUM(CASE WHEN EXISTS (SELECT 1 FROM payments p WHERE p.member_id = c.member_id AND p.success_time >= $2)
              THEN 1 ELSE 0 END) AS paid
        FROM wecom_contact_follows f JOIN wecom_contacts c ON c.external_userid = f.external_userid
        WHERE f.userid = $1 AND f.is_primary AND f.status = 'active'""",
                         [staff.wecom_userid if staff and staff.wecom_userid else "", since])
    return {"assignments": total, "by_state": by_state,
            "completion_rate": round(by_state.get("done", 0) / total, 4) if total else None,
            "customers": {"total": int(act["customers"] or 0), "members": int(act["members"] or 0),
                          "checked_in_30d": int(act["checked_in"] or 0), "paid_30d": int(act["paid"] or 0)}}
