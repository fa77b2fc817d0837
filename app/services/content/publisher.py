"""The publisher: the minute job claims due editions and takes each one step further with WeChat.

Claiming is one conditional UPDATE (SKIP LOCKED on PostgreSQL, the single writer on SQLite) that moves a due
edition to `publishing` and leases it (`next_attempt_at` = now + LEASE), so two schedulers never work on the
same edition; a crashed worker's edition is claimed again when the lease ends. `stage` records progress, so
a retry resumes where the last attempt stopped (docs/wechat-protocols.md §2.2-§2.4):

- none -> `draft/add` -> drafted (media_id kept);
- publish: drafted -> submitting -> `freepublish/submit` -> submitted (publish_id). freepublish has no
  idempotency key: an error answer means nothing was published (back to drafted, retried), but an edition
  found still `submitting` (a crash or timeout after the request left) may have been published, so it is
  failed with `publish_outcome_unknown` and the marketer alerted, never submitted twice;
- mass: drafted -> submitting -> `message/mass/sendall` with clientmsgid `edition-<id>` -> submitted (msg_id).
  A retry reuses the clientmsgid: WeChat answers 45065 with the msg_id of the send that already happened,
  so a crash between the call and its record never sends twice;
- submitted: the status comes from the `PUBLISHJOBFINISH` / `MASSSENDJOBFINISH` events (events.py) or, if none
  arrives, from polling `freepublish/get` / `message/mass/get` every `poll_seconds`.

Transient failures (WeChat down, -1, 9500002, 45066, 53501) retry with doubling backoff up to `max_attempts`;
quota (45009, 45028) and permanent errors fail the edition at once. A failed edition releases its quota slot
and leaves a notification for the marketers (`GET /admin/v1/notifications`), in the same transaction.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from tortoise.transactions import in_transaction

from app.db import conn
from app.errors import ApiError
from app.runtime import Runtime
from app.services import reconcile
from app.services.content import editions, quota
from app.sqlx import Claim, execute, fetch
from app.wechat.errors import WeChatError, WeChatUnavailable
from app.wechat.official_account import BUSY_ERRCODES, QUOTA_ERRCODES
from models import ContentNotification

log = logging.getLogger("jifen.content")

LEASE = timedelta(seconds=120)
TRANSIENT_ERRCODES = BUSY_ERRCODES | {45011, 53501}
PUBLISH_STATUS = {0: "success", 1: "publishing", 2: "originality check failed", 3: "failed",
                  4: "audit rejected", 5: "deleted by the account", 6: "banned by the platform"}


def clientmsgid(edition_id: int) -> str:
    """The mass send's idempotency key: the edition's id (≤ 64 bytes, docs/wechat-protocols.md §2.4)."""
    return f"edition-{edition_id}"


@dataclass(frozen=True)
class Claimed:
    id: int
    mode: str
    stage: str
    attempts: int
    media_id: str | None
    publish_id: str | None
    msg_id: int | None
    tag_id: int | None


_CLAIM = Claim(
    "content_editions",
    pick="SELECT id FROM content_editions WHERE status IN ('scheduled', 'publishing') AND next_attempt_at <= $1 "
         "ORDER BY next_attempt_at LIMIT $3",
    set="status = 'publishing', next_attempt_at = $2, updated_at = $1, "
        "attempts = attempts + CASE WHEN stage = 'submitted' THEN 0 ELSE 1 END",
    recheck="status IN ('scheduled', 'publishing') AND next_attempt_at <= $1",
    returning="id, mode, stage, attempts, media_id, publish_id, msg_id, tag_id")


async def claim(now: datetime, limit: int) -> list[Claimed]:
    """Due editions (scheduled and due, or publishing with an ended lease / a poll due), each exclusively."""
    c = conn()
    rows = await _CLAIM.run(c, [now, now + LEASE, limit])
    return [Claimed(int(r["id"]), r["mode"], r["stage"], int(r["attempts"]), r["media_id"], r["publish_id"],
                    int(r["msg_id"]) if r["msg_id"] is not None else None,
                    int(r["tag_id"]) if r["tag_id"] is not None else None) for r in rows]


async def run_due(rt: Runtime, limit: int = 20) -> dict[str, int]:
    """The minute job's body: claim due editions and advance each; counts per outcome."""
    counts: dict[str, int] = {}
    for e in await claim(rt.clock.now(), limit):
        outcome = await advance(rt, e)
        counts[outcome] = counts.get(outcome, 0) + 1
    return counts


async def _set(edition_id: int, now: datetime, **values: Any) -> None:
    cols = ", ".join(f"{k} = ${n + 3}" for n, k in enumerate(values))
    await execute(conn(), f"UPDATE content_editions SET updated_at = $2, {cols} WHERE id = $1 "
                          "AND status = 'publishing'", [edition_id, now, *values.values()])


async def _record_submitted(rt: Runtime, edition_id: int, **ids: Any) -> None:
    """Record WeChat's ids of the submission; from here on the status comes from events or polls."""
    now = rt.clock.now()
    await _set(edition_id, now, stage="submitted",
               next_attempt_at=now + timedelta(seconds=rt.settings.official_account.poll_seconds), **ids)


def _maybe_applied(exc: WeChatError) -> bool:
    """True when the request may have reached WeChat and taken effect with no answer back (a timeout or a
    connection lost mid-request; see WeChatHttp._send); an errcode or 5xx answer means nothing happened."""
    return isinstance(exc, WeChatUnavailable) and exc.errmsg.startswith(
        ("timeout", "ServerDisconnected", "ClientOSError", "ClientPayloadError"))


async def advance(rt: Runtime, e: Claimed) -> str:
    """One step for one claimed edition -> outcome label (submitted, published, polled, retry, failed)."""
    cfg = rt.settings.official_account
    try:
        if e.stage == "submitted":
            return await poll(rt, e)
        return await _submit(rt, e)
    except WeChatError as exc:
        if exc.errcode in QUOTA_ERRCODES:
            await fail(rt, e.id, exc.errcode, f"no quota left: {exc.errmsg}"[:255], kind="edition_quota")
            return "failed"
        transient = isinstance(exc, WeChatUnavailable) or exc.errcode in TRANSIENT_ERRCODES
        if not transient:
            await fail(rt, e.id, exc.errcode, f"{exc.path}: {exc.errmsg}"[:255])
            return "failed"
        if e.attempts >= cfg.max_attempts:
            await fail(rt, e.id, exc.errcode, f"gave up after {e.attempts} attempts: {exc.path}: {exc.errmsg}"[:255])
            return "failed"
        await retry_later(rt, e, exc.errcode, f"{exc.path}: {exc.errmsg}"[:255])
        return "retry"
    except ApiError as exc:  # the edition itself cannot be sent (no articles, a cover gone)
        await fail(rt, e.id, None, exc.message[:255])
        return "failed"
    except Exception as exc:  # the database or our own bug: the lease brings it back
        log.exception("edition %s: publishing step crashed", e.id)
        if e.attempts >= cfg.max_attempts:
            await fail(rt, e.id, None, f"{type(exc).__name__}: {exc}"[:255])
            return "failed"
        await retry_later(rt, e, None, f"{type(exc).__name__}: {exc}"[:255])
        return "retry"


async def _submit(rt: Runtime, e: Claimed) -> str:
    oa = rt.official_account
    if e.stage == "submitting" and e.mode == "publish":
        await fail(rt, e.id, None, "publish_outcome_unknown: the submission was interrupted; check the official "
                                   "account's publish records, then duplicate the edition if it is not there")
        return "failed"
    media_id = e.media_id
    if e.stage == "none" or not media_id:
        media_id = await oa.draft_add(await editions.draft_articles(e.id))
        await _set(e.id, rt.clock.now(), stage="drafted", media_id=media_id)
    await _set(e.id, rt.clock.now(), stage="submitting")
    if e.mode == "publish":
        try:
            publish_id = await oa.freepublish_submit(media_id)
        except WeChatError as exc:
            if not _maybe_applied(exc):
                await _set(e.id, rt.clock.now(), stage="drafted")
            raise
        await _record_submitted(rt, e.id, publish_id=publish_id)
    else:
        body = await oa.mass_sendall(media_id, clientmsgid(e.id), e.tag_id)
        await _record_submitted(rt, e.id, msg_id=int(body["msg_id"]),
                                msg_data_id=int(body["msg_data_id"]) if body.get("msg_data_id") else None)
    log.info("edition %s submitted (%s)", e.id, e.mode)
    return "submitted"


async def poll(rt: Runtime, e: Claimed) -> str:
    """No finished event yet: ask WeChat (freepublish/get, message/mass/get)."""
    oa = rt.official_account
    try:
        if e.mode == "publish":
            got = await oa.freepublish_get(str(e.publish_id))
            status = int(got.get("publish_status", 1))
            if status != 1:
                items = (got.get("article_detail") or {}).get("item", [])
                await publish_finished(rt, str(e.publish_id), status, got.get("article_id"),
                                       [i.get("article_url") for i in items], got.get("fail_idx") or [])
                return "published" if status == 0 else "failed"
        else:
            got = await oa.mass_get(int(e.msg_id or 0))
            status_text = str(got.get("msg_status", "SENDING"))
            if status_text != "SENDING":
                await mass_finished(rt, int(e.msg_id or 0), "send success" if status_text == "SEND_SUCCESS"
                                    else status_text.lower(), {})
                return "published" if status_text == "SEND_SUCCESS" else "failed"
    except WeChatError as exc:
        log.warning("edition %s: status poll failed: %s", e.id, exc)
    await _set(e.id, rt.clock.now(),
               next_attempt_at=rt.clock.now() + timedelta(seconds=rt.settings.official_account.poll_seconds))
    return "polled"


async def retry_later(rt: Runtime, e: Claimed, errcode: int | None, error: str) -> None:
    cfg = rt.settings.official_account
    delay = timedelta(seconds=cfg.backoff_seconds * 2 ** max(e.attempts - 1, 0))
    now = rt.clock.now()
    await _set(e.id, now, next_attempt_at=now + delay, errcode=errcode, last_error=error)
    log.warning("edition %s: attempt %s failed (%s), retry in %s", e.id, e.attempts, error, delay)


async def fail(rt: Runtime, edition_id: int, errcode: int | None, error: str, *, kind: str = "edition_failed",
               wx_status: str | None = None) -> bool:
    """Mark the edition failed, release its quota slot and alert the marketers, in one transaction."""
    now = rt.clock.now()
    async with in_transaction() as c:
        rows = await fetch(c, "UPDATE content_editions SET status = 'failed', errcode = $2, last_error = $3, "
                              "wx_status = COALESCE($5, wx_status), next_attempt_at = NULL, updated_at = $4 "
                              "WHERE id = $1 AND status = 'publishing' RETURNING title",
                           [edition_id, errcode, error[:255], now, wx_status])
        if not rows:
            return False
        await quota.release(c, edition_id)
        await ContentNotification.create(
            using_db=c, kind=kind, subject=f"edition:{edition_id}:{int(now.timestamp() * 1000)}",
            edition_id=edition_id, created_at=now,
            message=f"edition #{edition_id} «{rows[0]['title']}» failed"
                    + (f" (errcode {errcode})" if errcode is not None else "") + f": {error}"[:400])
    log.warning("edition %s failed: %s %s", edition_id, errcode, error)
    return True


# -- outcomes, from a finished event or a poll ------------------------------------------------------------
async def publish_finished(rt: Runtime, publish_id: str, status: int, article_id: str | None,
                           urls: list[str | None], fail_idx: list[Any]) -> bool:
    """PUBLISHJOBFINISH / freepublish/get: publish_status 0 is published, any other but 1 failed
    (docs/wechat-protocols.md §2.3)."""
    rows = await fetch(conn(), "SELECT id FROM content_editions WHERE publish_id = $1 AND status = 'publishing'",
                       [publish_id])
    if not rows:
        return False
    edition_id = int(rows[0]["id"])
    label = PUBLISH_STATUS.get(status, f"status {status}")
    if status == 0:
        now = rt.clock.now()
        await execute(conn(), "UPDATE content_editions SET status = 'published', wx_status = $2, article_id = $3, "
                              "article_urls = $4, published_at = $5, updated_at = $5, next_attempt_at = NULL, "
                              "errcode = NULL, last_error = NULL WHERE id = $1 AND status = 'publishing'",
                      [edition_id, label, article_id, {"urls": [u for u in urls if u]}, now])
        return True
    detail = f"; articles {', '.join(str(i) for i in fail_idx)}" if fail_idx else ""
    return await fail(rt, edition_id, None, f"publish {label} (publish_status {status}){detail}", wx_status=label)


async def mass_finished(rt: Runtime, msg_id: int, status: str, counts: dict[str, int | None]) -> bool:
    """MASSSENDJOBFINISH / message/mass/get: `send success` published, other statuses failed; the event's counts
    (total, filtered, sent, errors) are kept whenever they arrive."""
    now = rt.clock.now()
    if any(v is not None for v in counts.values()):  # one statement: the counts kept, the edition found
        rows = await fetch(conn(), "UPDATE content_editions SET total_count = $2, filter_count = $3, sent_count = $4, "
                                   "error_count = $5, updated_at = $6 WHERE msg_id = $1 RETURNING id, status",
                           [msg_id, counts.get("total"), counts.get("filtered"), counts.get("sent"),
                            counts.get("errors"), now])
    else:
        rows = await fetch(conn(), "SELECT id, status FROM content_editions WHERE msg_id = $1", [msg_id])
    if not rows:
        return False
    edition_id = int(rows[0]["id"])
    if rows[0]["status"] != "publishing":
        return False
    if status == "send success":
        await execute(conn(), "UPDATE content_editions SET status = 'published', wx_status = $2, published_at = $3, "
                              "updated_at = $3, next_attempt_at = NULL, errcode = NULL, last_error = NULL "
                              "WHERE id = $1 AND status = 'publishing'", [edition_id, status, now])
        return True
    return await fail(rt, edition_id, None, f"mass send finished: {status}", wx_status=status[:32])


# -- reconcile ------------------------------------------------------------------------------------------------
OVERDUE = timedelta(minutes=10)
UNSETTLED = timedelta(hours=24)


@reconcile.check("content_editions_overdue")
async def overdue_editions(rt: Runtime, repair: bool) -> list[reconcile.Finding]:
    """Editions the minute job should have taken and has not: scheduled and due for more than 10 minutes (the
    scheduler is down or the job keeps crashing), or submitted to WeChat 24 hours ago and still unsettled (no
    finished event, polls failing). Repair runs the publisher's step for them now."""
    now = rt.clock.now()
    rows = await fetch(conn(), "SELECT id, status, stage, next_attempt_at FROM content_editions "
                               "WHERE (status = 'scheduled' AND next_attempt_at < $1) "
                               "OR (status = 'publishing' AND stage = 'submitted' AND scheduled_at < $2) "
                               "ORDER BY id LIMIT 200", [now - OVERDUE, now - UNSETTLED])
    findings = [reconcile.Finding(check="content_editions_overdue", subject=f"content_edition:{r['id']}",
                                  detail=f"{r['status']} ({r['stage']}), due since {r['next_attempt_at']}")
                for r in rows]
    if repair and rows:
        await execute(conn(), "UPDATE content_editions SET next_attempt_at = $1 WHERE status = 'publishing' "
                              "AND stage = 'submitted' AND scheduled_at < $2", [now, now - UNSETTLED])
        await run_due(rt, limit=len(rows))
        left = {int(r["id"]) for r in await fetch(conn(), "SELECT id FROM content_editions WHERE id IN "
                                                          f"({', '.join(str(int(r['id'])) for r in rows)}) "
                                                          "AND status = 'scheduled'")}
        for f, r in zip(findings, rows, strict=True):
            f.repaired = int(r["id"]) not in left
    return findings
