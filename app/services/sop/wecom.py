"""The WeCom side of SOP tasks: outbox senders (the guide's app message, the group-send / moment job, remind,
cancel), the result poller, tag verification, and the reminder / overdue sweep.

Everything outbound goes through the outbox (nothing lost; bounded by its concurrency). WeCom's limits are
counted before calling, not discovered after (docs/wechat-protocols.md §5.2, §5.10):
- app messages: at most `notify_per_minute` / `notify_per_hour` per staff (Redis counters per window); the
  excess is deferred to the next window with the reason recorded on the outbox row;
- corp group-sends: a customer gets at most <days in month> a month (`monthly_group_sends` overrides); the
  excess recipients are skipped with `skip_reason = monthly_limit` on their recipient row;
- 45009 (frequency): the whole kind waits `backoff_seconds`; 45033 (concurrency): that message retries in 5 s;
- remind_groupmsg_send: at most 3 per 24 h per msgid; jifen sends at most 3 per assignment in all (stricter).
"""

from __future__ import annotations

import calendar
import logging
from datetime import datetime, timedelta
from typing import Any

from tortoise.expressions import F

from app.db import conn
from app.runtime import Runtime
from app.services import reconcile
from app.services.outbox import service as outbox
from app.services.outbox.service import Claimed, Permanent, QuotaReached
from app.services.sop.service import finish
from app.sqlx import Claim, execute, fetch
from app.wechat import errors as wx
from app.wechat.wecom import groupmsg
from app.wechat.wecom.client import WeComClient
from app.wechat.wecom.message import send_textcard
from models import CustomerGroup, SopAssignment, SopRecipient, SopTask

log = logging.getLogger("jifen.sop")
REMINDS_PER_DAY = 3
# invalid parameter / userid / external userid, all recipients invalid, API forbidden: a retry cannot help
PERMANENT_ERRCODES = frozenset({40003, 40035, 40096, 81013, 48002})
CHUNK = 500


def _rate_limited(rt: Runtime, exc: wx.RateLimited) -> QuotaReached:
    now = rt.clock.now()
    if exc.errcode == 45033:  # too many concurrent calls: this message, shortly
        return QuotaReached(str(exc), now + timedelta(seconds=5), whole_kind=False)
    return QuotaReached(str(exc), now + timedelta(seconds=rt.settings.sop.backoff_seconds), whole_kind=True)


async def _call(rt: Runtime, coro: Any) -> Any:
    """WeCom errcodes as outbox outcomes: rate limits defer, argument/privilege errors are permanent."""
    try:
        return await coro
    except wx.RateLimited as exc:
        raise _rate_limited(rt, exc) from exc
    except (wx.InvalidArgument, wx.ConfigError, wx.NotExternalContact) as exc:
        raise Permanent(str(exc)) from exc
    except wx.WeChatError as exc:
        if exc.errcode in PERMANENT_ERRCODES:
            raise Permanent(str(exc)) from exc
        raise


async def _load(assignment_id: int) -> tuple[SopAssignment, SopTask]:
    a = await SopAssignment.get_or_none(id=assignment_id)
    if a is None:
        raise Permanent(f"assignment {assignment_id} is gone")
    return a, await SopTask.get(id=a.task_id)


# -- the guide's app message ------------------------------------------------------------------------------
async def _count_notify(rt: Runtime, userid: str) -> None:
    """Count one app message to `userid` in this minute and hour; over a cap -> deferred to the next window."""
    cfg = rt.settings.sop
    now = rt.clock.now()
    epoch = int(now.timestamp())
    for window, cap in ((60, cfg.notify_per_minute), (3600, cfg.notify_per_hour)):
        if cap <= 0:
            continue
        key = rt.key("sop-notify", userid, window, epoch // window)
        n = await rt.redis.incr(key)
        if n == 1:
            await rt.redis.expire(key, window * 2)
        if n > cap:
            until = datetime.fromtimestamp((epoch // window + 1) * window, tz=now.tzinfo)
            raise QuotaReached(f"app messages to {userid}: {cap} per {window} s reached", until, whole_kind=False)


TITLES = {"new": "新任务：{name}", "remind": "任务即将截止：{name}", "overdue": "任务已逾期：{name}"}


@outbox.sender("sop_notify")
async def send_notify(rt: Runtime, msg: Claimed) -> None:
    """message/send textcard to the guide, linking to the task page (docs/wechat-protocols.md §5.2)."""
    a, t = await _load(int(msg.payload["assignment_id"]))
    what = str(msg.payload.get("what", "new"))
    if not a.wecom_userid:
        raise Permanent("the guide has no WeCom userid")
    if what != "new" and a.state not in ("open", "overdue"):
        return  # done or cancelled meanwhile: nothing to remind of
    await _count_notify(rt, a.wecom_userid)
    local = a.deadline_at.astimezone(rt.clock.tz).strftime("%m-%d %H:%M")
    desc = (f'<div class="gray">截止 {local}</div><div class="normal">{t.content.get("text", "")[:120]}</div>'
            f'<div class="highlight">{a.recipients} 位客户</div>')
    await _call(rt, send_textcard(WeComClient(rt), a.wecom_userid, TITLES.get(what, TITLES["new"]).format(name=t.name),
                                  desc, f"{rt.settings.sop.task_url.rstrip('/')}/{a.id}"))


# -- the WeCom job ----------------------------------------------------------------------------------------
def monthly_cap(rt: Runtime, now: datetime) -> int:
    cfg = rt.settings.sop.monthly_group_sends
    if cfg > 0:
        return cfg
    local = now.astimezone(rt.clock.tz)
    return calendar.monthrange(local.year, local.month)[1]


def _month(rt: Runtime, now: datetime) -> str:
    return now.astimezone(rt.clock.tz).strftime("%Y-%m")


async def over_monthly_cap(rt: Runtime, targets: list[str], now: datetime) -> set[str]:
    """Which of `targets` (customers or group chats) already got this month's corp group-sends from jifen."""
    full: set[str] = set()
    for i in range(0, len(targets), CHUNK):
        chunk = targets[i:i + CHUNK]
        marks = ", ".join(f"${n + 3}" for n in range(len(chunk)))
        rows = await fetch(conn(), f"SELECT external_userid FROM sop_send_counts WHERE month = $1 AND sends >= $2 "
                                   f"AND external_userid IN ({marks})", [_month(rt, now), monthly_cap(rt, now), *chunk])
        full.update(r["external_userid"] for r in rows)
    return full


async def _apply_monthly_cap(rt: Runtime, a: SopAssignment, now: datetime) -> list[str]:
    """The assignment's recipients still to send to; those who already got the month's corp group-sends are
    marked skipped (`skip_reason = monthly_limit`)."""
    ids = [r.external_userid for r in await SopRecipient.filter(assignment_id=a.id, holdout=False, skip_reason=None)
           .order_by("id").only("id", "external_userid")]
    full = await over_monthly_cap(rt, ids, now)
    if full:
        skipped = list(full)
        for i in range(0, len(skipped), CHUNK):
            await SopRecipient.filter(assignment_id=a.id, external_userid__in=skipped[i:i + CHUNK]).update(
                skip_reason="monthly_limit")
    return [x for x in ids if x not in full]


async def count_sends(rt: Runtime, ids: list[str], now: datetime) -> None:
    month = _month(rt, now)
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i:i + CHUNK]
        values = ", ".join(f"(${n + 2}, $1, 1)" for n in range(len(chunk)))
        await execute(conn(), f"INSERT INTO sop_send_counts (external_userid, month, sends) VALUES {values} "
                              "ON CONFLICT (external_userid, month) DO UPDATE SET sends = sop_send_counts.sends + 1",
                      [month, *chunk])


@outbox.sender("sop_wecom_job")
async def send_job(rt: Runtime, msg: Claimed) -> None:
    """add_msg_template (single: the guide's matching customers; group: the guide's groups) or add_moment_task,
    with the guide as sender (docs/wechat-protocols.md §5.10, §5.11). Once per assignment: a stored msgid/jobid
    means done."""
    a, t = await _load(int(msg.payload["assignment_id"]))
    if a.wecom_msgid or a.wecom_jobid or a.state == "cancelled":
        return
    if not a.wecom_userid:
        raise Permanent("the guide has no WeCom userid")
    now = rt.clock.now()
    c = t.content
    link = {"title": c.get("link_title") or t.name, "url": c["link_url"]} if c.get("link_url") else None
    client = WeComClient(rt)
    channel = c.get("channel", "single")
    if channel == "moment":
        jobid = await _call(rt, groupmsg.add_moment_task(client, senders=[a.wecom_userid], text=c.get("text", ""),
                                                          link=link))
        await SopAssignment.filter(id=a.id).update(wecom_jobid=jobid, wecom_status="created",
                                                   poll_at=now + timedelta(seconds=rt.settings.sop.poll_seconds))
        return
    if channel == "group":
        groups = CustomerGroup.filter(owner_userid=a.wecom_userid, status="active")
        if c.get("chat_ids"):
            groups = groups.filter(chat_id__in=c["chat_ids"])
        chat_ids = [g.chat_id for g in await groups]
        if not chat_ids:
            await SopAssignment.filter(id=a.id).update(wecom_status="skipped")
            return
        body = await _call(rt, groupmsg.add_msg_template(client, chat_type="group", sender=a.wecom_userid,
                                                          text=c.get("text", ""), chat_ids=chat_ids, link=link))
    else:
        ids = await _apply_monthly_cap(rt, a, now)
        if not ids:
            await SopAssignment.filter(id=a.id).update(wecom_status="skipped")
            return
        body = await _call(rt, groupmsg.add_msg_template(client, chat_type="single", sender=a.wecom_userid,
                                                          text=c.get("text", ""), external_userids=ids, link=link))
        failed = set(body.get("fail_list") or [])
        if failed:
            await SopRecipient.filter(assignment_id=a.id, external_userid__in=list(failed)).update(send_status=2)
        await count_sends(rt, [x for x in ids if x not in failed], now)
    await SopAssignment.filter(id=a.id).update(wecom_msgid=str(body["msgid"]), wecom_status="created",
                                               poll_at=now + timedelta(seconds=rt.settings.sop.poll_seconds))


@outbox.sender("sop_wecom_remind")
async def send_remind(rt: Runtime, msg: Claimed) -> None:
    """remind_groupmsg_send for a group-send the guide has not sent: at most 3 per 24 h per msgid
    (docs/wechat-protocols.md §5.10)."""
    a, _ = await _load(int(msg.payload["assignment_id"]))
    if a.wecom_status != "created" or not a.wecom_msgid:
        return
    n = await SopAssignment.filter(id=a.id, wecom_reminds__lt=REMINDS_PER_DAY).update(
        wecom_reminds=F("wecom_reminds") + 1)
    if not n:
        raise Permanent("3 reminders in 24 h already")
    await _call(rt, groupmsg.remind_groupmsg_send(WeComClient(rt), a.wecom_msgid))


@outbox.sender("sop_wecom_cancel")
async def send_cancel(rt: Runtime, msg: Claimed) -> None:
    """cancel_groupmsg_send for a cancelled task's group-send not yet sent."""
    a, _ = await _load(int(msg.payload["assignment_id"]))
    if a.wecom_status != "created" or not a.wecom_msgid:
        return
    await _call(rt, groupmsg.cancel_groupmsg_send(WeComClient(rt), a.wecom_msgid))
    await SopAssignment.filter(id=a.id, wecom_status="created").update(wecom_status="cancelled")


# -- results ------------------------------------------------------------------------------------------------
async def poll_one(rt: Runtime, assignment_id: int) -> bool:
    """Ask WeCom whether the guide sent it; record per-recipient results; True when sent (assignment done)."""
    a = await SopAssignment.get(id=assignment_id)
    if a.wecom_status == "sent":
        return True
    if a.wecom_status != "created" or not a.wecom_userid:
        return False
    client = WeComClient(rt)
    now = rt.clock.now()
    sent = False
    if a.wecom_msgid:
        tasks = await groupmsg.groupmsg_task(client, a.wecom_msgid)
        sent = any(x.get("userid") == a.wecom_userid and int(x.get("status", 0)) == 2 for x in tasks)
        results = await groupmsg.groupmsg_send_result(client, a.wecom_msgid, a.wecom_userid)
        by_status: dict[int, list[str]] = {}
        for r in results:
            if r.get("external_userid"):
                by_status.setdefault(int(r.get("status", 0)), []).append(str(r["external_userid"]))
        for status, ids in by_status.items():
            for i in range(0, len(ids), 500):
                await SopRecipient.filter(assignment_id=a.id, external_userid__in=ids[i:i + 500]).update(
                    send_status=status)
    elif a.wecom_jobid:
        moment_id = a.moment_id
        if not moment_id:
            job = await groupmsg.moment_task_result(client, a.wecom_jobid)
            if int(job.get("status", 0)) == 3:
                moment_id = str((job.get("result") or {}).get("moment_id") or "") or None
                if moment_id:
                    await SopAssignment.filter(id=a.id).update(moment_id=moment_id)
        if moment_id:
            tasks = await groupmsg.moment_task(client, moment_id)
            sent = any(x.get("userid") == a.wecom_userid and int(x.get("publish_status", 0)) == 1 for x in tasks)
    if sent:
        await SopAssignment.filter(id=a.id, wecom_status="created").update(wecom_status="sent")
        await finish(a, "wecom", now, {"wecom": "sent"})
    return sent


_CLAIM_POLL = Claim(
    "sop_assignments",
    pick="SELECT id FROM sop_assignments WHERE wecom_status = 'created' AND poll_at <= $1 ORDER BY poll_at LIMIT $3",
    set="poll_at = $2", returning="id")


async def poll_due(rt: Runtime, limit: int = 200) -> dict[str, int]:
    """Claim assignments whose WeCom result is due (lease: the next poll time) and pull their results."""
    now = rt.clock.now()
    c = conn()
    rows = await _CLAIM_POLL.run(c, [now, now + timedelta(seconds=rt.settings.sop.poll_seconds), limit])
    out = {"polled": 0, "sent": 0, "errors": 0}
    for r in rows:
        out["polled"] += 1
        try:
            out["sent"] += int(await poll_one(rt, int(r["id"])))
        except wx.WeChatError as exc:  # the lease brings it back at the next poll
            out["errors"] += 1
            log.warning("sop poll of assignment %s: %s %s", r["id"], exc.errcode, exc.errmsg)
    return out


_CLAIM_TAGGING = Claim(
    "sop_assignments",
    pick="SELECT a.id FROM sop_assignments a JOIN sop_tasks t ON t.id = a.task_id WHERE t.kind = 'tagging' "
         "AND a.state IN ('open', 'overdue') AND (a.poll_at IS NULL OR a.poll_at <= $1) ORDER BY a.id LIMIT $3",
    set="poll_at = $2", returning="id", lock_of="a")


async def verify_tagging_due(rt: Runtime, limit: int = 50) -> dict[str, int]:
    """Open tagging assignments complete without the guide's click once WeCom shows the tags (checked every
    `poll_seconds`, each claimed by its lease)."""
    now = rt.clock.now()
    c = conn()
    rows = await _CLAIM_TAGGING.run(c, [now, now + timedelta(seconds=rt.settings.sop.poll_seconds), limit])
    out = {"checked": 0, "done": 0}
    for r in rows:
        a = await SopAssignment.get(id=int(r["id"]))
        out["checked"] += 1
        try:
            if not await verify_tags(rt, a, await SopTask.get(id=a.task_id)):
                out["done"] += int(await finish(a, "wecom", now, None))
        except wx.WeChatError as exc:
            log.warning("sop tag check of assignment %s: %s %s", a.id, exc.errcode, exc.errmsg)
    return out


async def verify_tags(rt: Runtime, a: SopAssignment, t: SopTask) -> int:
    """Ask WeCom (externalcontact/get) whether every targeted customer carries the task's tags from this guide;
    mark those who do; return how many do not yet."""
    want = set(t.content.get("tag_ids") or [])
    client = WeComClient(rt)
    missing = 0
    for r in await SopRecipient.filter(assignment_id=a.id, holdout=False, tagged=False):
        try:
            info = await client.get_contact(r.external_userid)
        except wx.NotExternalContact:
            missing += 1
            continue
        follow = next((f for f in info.get("follow_user") or [] if f.get("userid") == a.wecom_userid), None)
        have = {str(x.get("tag_id")) for x in (follow or {}).get("tags") or []}
        if want <= have:
            await SopRecipient.filter(id=r.id).update(tagged=True)
        else:
            missing += 1
    return missing


# -- reminders and overdue ------------------------------------------------------------------------------------
async def sweep_deadlines(rt: Runtime) -> dict[str, int]:
    """Reminders due (remind_at passed, deadline not yet) and overdue marks (deadline passed), each once: a
    conditional UPDATE claims the rows, the outbox dedupe key makes a replay enqueue nothing."""
    now = rt.clock.now()
    reminded = await fetch(conn(), """
        UPDATE sop_assignments SET reminded_at = $1
        WHERE state = 'open' AND reminded_at IS NULL AND remind_at IS NOT NULL AND remind_at <= $1
          AND deadline_at > $1
        RETURNING id, wecom_status""", [now])
    for r in reminded:
        await outbox.enqueue("sop_notify", f"sop-remind-{r['id']}", {"what": "remind", "assignment_id": r["id"]},
                             now=now, member_id=None)
        if r["wecom_status"] == "created":
            await remind_now(rt, int(r["id"]))
    overdue = await fetch(conn(), "UPDATE sop_assignments SET state = 'overdue', overdue_at = $1 "
                                  "WHERE state = 'open' AND deadline_at <= $1 RETURNING id", [now])
    for r in overdue:
        await outbox.enqueue("sop_notify", f"sop-overdue-{r['id']}", {"what": "overdue", "assignment_id": r["id"]},
                             now=now, member_id=None)
    return {"reminded": len(reminded), "overdue": len(overdue)}


async def remind_now(rt: Runtime, assignment_id: int) -> bool:
    """A marketer's reminder of an unsent group-send (remind_groupmsg_send through the outbox; at most 3 per
    assignment, docs/wechat-protocols.md §5.10). False when there is nothing to remind or 3 were sent."""
    a = await SopAssignment.get_or_none(id=assignment_id)
    if a is None or a.wecom_status != "created" or a.wecom_reminds >= REMINDS_PER_DAY:
        return False
    now = rt.clock.now()
    return await outbox.enqueue("sop_wecom_remind", f"sop-wremind-{a.id}-{a.wecom_reminds + 1}",
                                {"assignment_id": a.id}, now=now, member_id=None)


# -- reconcile ----------------------------------------------------------------------------------------------
_STRANDED = """
SELECT a.id, o.status AS job_status, o.last_error FROM sop_assignments a JOIN sop_tasks t ON t.id = a.task_id
LEFT JOIN outbox_messages o ON o.dedupe_key = 'sop-job-' || CAST(a.id AS VARCHAR(20))
WHERE a.wecom_status = 'pending' AND t.status = 'dispatched' AND a.state IN ('open', 'overdue')
  AND (o.id IS NULL OR o.status NOT IN ('pending', 'sending'))
ORDER BY a.id"""


@reconcile.check("sop_wecom_jobs")
async def stranded_jobs(rt: Runtime, repair: bool) -> list[reconcile.Finding]:
    """An assignment whose WeCom job ended without a WeCom id: the outbox row gave up (permanent error, or
    attempts spent) -> the assignment is marked `wecom_status = failed` (the guide's confirmation then
    completes it); the row is missing -> enqueued again."""
    findings = []
    for r in await fetch(conn(), _STRANDED):
        aid = int(r["id"])
        f = reconcile.Finding(check="sop_wecom_jobs", subject=f"sop_assignment:{aid}",
                              detail=f"WeCom job {r['job_status'] or 'missing'}: {r['last_error'] or ''}"[:200])
        if repair:
            if r["job_status"] is None:
                await outbox.enqueue("sop_wecom_job", f"sop-job-{aid}", {"assignment_id": aid},
                                     now=rt.clock.now(), member_id=None)
            else:
                await SopAssignment.filter(id=aid, wecom_status="pending").update(wecom_status="failed")
            f.repaired = True
        findings.append(f)
    return findings
