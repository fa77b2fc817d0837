"""Processing recorded WeCom events into the graph, and the points the graph earns.

The graph mirrors WeCom: contacts (customers), follows (customer <-> guide, with the channel `state`),
groups with members, corp tags per contact. Each event is applied idempotently (upserts guarded by the
event's CreateTime, so an old event processed late changes nothing), then the awards it earns are made
through the keyed `award()`: `wecom_guide_added` once per member ever (key `wecom_guide_added`),
`wecom_group_joined` once per group (key `wecom_group:<chat_id>`). A customer who is not a member yet earns
nothing now; `member_registered` credits what happened within `[wecom] pending_window_days`. Deleting a
guide or leaving a group takes nothing back.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from app.runtime import Runtime
from app.services.community import events
from app.wechat.errors import RateLimited, WeChatError, WeChatUnavailable, WelcomeNotSendable
from app.wechat.wecom.client import WeComClient
from models import (
    CommunityInteraction,
    ContactFollow,
    ContactTag,
    CorpTag,
    CustomerGroup,
    ExternalContact,
    GroupMember,
    Member,
    StaffUser,
)

log = logging.getLogger("jifen.community")

GUIDE_EVENT = "wecom_guide_added"
GROUP_EVENT = "wecom_group_joined"
INTERACTION_EVENT = "community_interaction"
WELCOME_VALID = timedelta(seconds=20)
# WeCom external_userid prefixes (customers); any other id in a group is a staff userid
_EXTERNAL_PREFIXES = ("wm", "wo")


@dataclass(frozen=True)
class Owed:
    """An award an event earned for a customer (made once the customer is a member)."""

    external_userid: str
    event: str
    idem_key: str
    context: dict[str, Any]


class Transient(Exception):
    """WeCom was busy or rate limited: the event is retried later with backoff."""


def _at(msg: dict[str, Any], fallback: datetime) -> datetime:
    """When jifen received the event (business clock): what relations are dated by."""
    raw = msg.get(events.RECEIVED)
    return datetime.fromtimestamp(float(raw), UTC) if isinstance(raw, int | float) else fallback


def _ctime(msg: dict[str, Any]) -> int:
    raw = str(msg.get("CreateTime", ""))
    return int(raw) if raw.isdigit() else 0


def is_external(userid: str) -> bool:
    return userid.startswith(_EXTERNAL_PREFIXES)


async def _wecom(coro: Any) -> Any:
    """A WeCom call whose failure is either transient (retry the event) or a decision (None, go on)."""
    try:
        return await coro
    except (WeChatUnavailable, RateLimited) as exc:
        raise Transient(f"{exc.errcode} {exc.errmsg}") from exc
    except WeChatError as exc:
        log.warning("WeCom refused %s: %s %s", exc.path, exc.errcode, exc.errmsg)
        return None


# --- contacts and follows -------------------------------------------------------------------------------


async def _contact(external_userid: str, now: datetime) -> ExternalContact:
    contact, _ = await ExternalContact.get_or_create(external_userid=external_userid,
                                                     defaults={"created_at": now, "updated_at": now})
    return contact


async def _link(contact: ExternalContact, unionid: str | None, name: str | None, now: datetime) -> bool:
    """Store what WeCom says of the customer; True if this linked the contact to a member just now."""
    changed = linked = False
    if unionid and contact.unionid != unionid:
        contact.unionid, changed = unionid, True
    if name and contact.name != name:
        contact.name, changed = name[:64], True
    if contact.member_id is None and contact.unionid:
        member = await Member.filter(unionid=contact.unionid).only("id").first()
        if member is not None:
            contact.member_id, changed, linked = member.id, True, True
    if changed:  # column updates: another event of this customer may be processed at the same time
        await ExternalContact.filter(id=contact.id).update(unionid=contact.unionid, name=contact.name,
                                                             updated_at=now)
        if linked:
            linked = bool(await ExternalContact.filter(id=contact.id, member_id=None)
                          .update(member_id=contact.member_id))
    return linked


async def _ensure_primary(external_userid: str) -> None:
    """One primary guide among the active follows (the earliest), none when none is active."""
    follows = await ContactFollow.filter(external_userid=external_userid).order_by("added_at", "id")
    active = [f for f in follows if f.status in ("active", "half")]
    primary = next((f for f in active if f.is_primary), active[0] if active else None)
    for f in follows:
        want = f is primary
        if f.is_primary != want:
            f.is_primary = want
            await f.save(update_fields=["is_primary"])


async def _sync_contact_tags(external_userid: str, userid: str, tags: list[dict[str, Any]]) -> None:
    wanted = {str(t["tag_id"]) for t in tags if t.get("tag_id") and int(t.get("type", 1)) == 1}
    have = {t.tag_id: t for t in await ContactTag.filter(external_userid=external_userid, userid=userid)}
    for tag_id in wanted - set(have):
        await ContactTag.get_or_create(external_userid=external_userid, userid=userid, tag_id=tag_id)
    for tag_id in set(have) - wanted:
        await have[tag_id].delete()


async def _enrich(rt: Runtime, client: WeComClient, contact: ExternalContact, userid: str | None,
                  now: datetime) -> None:
    """externalcontact/get: the unionid (links the member), the name, and the guide's tags on the customer.
    A contact linked just now is credited for what it did before (groups joined while unlinked, say)."""
    body = await _wecom(client.get_contact(contact.external_userid))
    if not body:
        return
    ext = body.get("external_contact") or {}
    if await _link(contact, ext.get("unionid"), ext.get("name"), now) and contact.member_id is not None:
        await credit_contact(rt, contact.external_userid, contact.member_id,
                             now - timedelta(days=rt.settings.wecom.pending_window_days))
    for follow in body.get("follow_user") or []:
        if userid is None or follow.get("userid") == userid:
            await _sync_contact_tags(contact.external_userid, str(follow.get("userid")), follow.get("tags") or [])


async def _staff_id(userid: str) -> int | None:
    staff = await StaffUser.filter(wecom_userid=userid).only("id").first()
    return staff.id if staff else None


async def on_contact(rt: Runtime, client: WeComClient, msg: dict[str, Any], attempt: int) -> list[Owed]:
    change, now = str(msg.get("ChangeType", "")), rt.clock.now()
    userid, ext = str(msg.get("UserID", "")), str(msg.get("ExternalUserID", ""))
    if not userid or not ext:
        return []
    at, ctime = _at(msg, now), _ctime(msg)
    if change in ("add_external_contact", "add_half_external_contact"):
        await _welcome(rt, client, msg, attempt)
        status = "active" if change == "add_external_contact" else "half"
        contact = await _contact(ext, now)
        async with in_transaction():
            # locked: the add and the delete of one relation may be processed at the same time
            follow = await ContactFollow.filter(external_userid=ext, userid=userid).select_for_update().first()
            if follow is None:
                await ContactFollow.create(external_userid=ext, userid=userid, staff_id=await _staff_id(userid),
                                           state=(str(msg.get("State") or "") or None), status=status,
                                           added_at=at, event_time=ctime)
            elif ctime >= follow.event_time:
                follow.status, follow.removed_at, follow.event_time = status, None, ctime
                follow.state = str(msg.get("State") or "") or follow.state
                await follow.save()
            await _ensure_primary(ext)
        await _enrich(rt, client, contact, userid, now)
        return [Owed(ext, GUIDE_EVENT, GUIDE_EVENT, {"userid": userid, "state": msg.get("State") or None,
                                                     "external_userid": ext})]
    if change == "edit_external_contact":
        await _enrich(rt, client, await _contact(ext, now), userid, now)
        return []
    if change in ("del_external_contact", "del_follow_user"):
        status = "removed_by_staff" if change == "del_external_contact" else "removed_by_customer"
        async with in_transaction():
            # locked: the add and the delete of one relation may be processed at the same time
            follow = await ContactFollow.filter(external_userid=ext, userid=userid).select_for_update().first()
            if follow is not None and ctime >= follow.event_time:
                follow.status, follow.removed_at, follow.event_time = status, at, ctime
                await follow.save()
            await _ensure_primary(ext)
        return []  # points earned stay earned
    if change == "transfer_fail":
        log.info("transfer of %s from %s failed: %s", ext, userid, msg.get("FailReason"))
    return []


async def _welcome(rt: Runtime, client: WeComClient, msg: dict[str, Any], attempt: int) -> None:
    """Greet a new contact with the member-centre link: the WelcomeCode is valid 20 s and usable once, so
    only the first attempt within those 20 s sends, and a refusal (41051 already greeted, 41096 another app
    is greeting) is final."""
    cfg = rt.settings.wecom
    code = str(msg.get("WelcomeCode") or "")
    created = _ctime(msg)
    if not code or not cfg.welcome_url or attempt > 1 or time.time() - created > WELCOME_VALID.total_seconds():
        return
    try:
        await client.send_welcome(code, cfg.welcome_text or "欢迎", cfg.welcome_url)
    except WelcomeNotSendable as exc:
        log.info("welcome message not sent: %s %s", exc.errcode, exc.errmsg)
    except (TimeoutError, WeChatError, OSError):
        log.warning("welcome message failed", exc_info=True)


# --- groups ---------------------------------------------------------------------------------------------


async def _group(chat_id: str, now: datetime) -> CustomerGroup:
    group, _ = await CustomerGroup.get_or_create(chat_id=chat_id, defaults={"created_at": now, "updated_at": now})
    return group


async def _join(chat_id: str, userid: str, kind: str, at: datetime, ctime: int, scene: int | None) -> bool:
    """Mark a member active; True if the customer joined (was not already an active member)."""
    row = await GroupMember.get_or_none(chat_id=chat_id, userid=userid)
    if row is None:
        try:
            await GroupMember.create(chat_id=chat_id, userid=userid, kind=kind, status="active", join_scene=scene,
                                     joined_at=at, event_time=ctime)
            return True
        except IntegrityError:  # another event of this group (its creation pull, say) inserted it meanwhile
            row = await GroupMember.get(chat_id=chat_id, userid=userid)
    if ctime < row.event_time or row.status == "active":
        return False
    row.status, row.left_at, row.joined_at, row.join_scene, row.event_time = "active", None, at, scene, ctime
    await row.save()
    return True


async def _leave(chat_id: str, userid: str, at: datetime, ctime: int) -> None:
    row = await GroupMember.get_or_none(chat_id=chat_id, userid=userid)
    if row is not None and ctime >= row.event_time and row.status == "active":
        row.status, row.left_at, row.event_time = "left", at, ctime
        await row.save()


async def _pull_group(client: WeComClient, group: CustomerGroup, now: datetime, ctime: int) -> list[str]:
    """groupchat/get: owner, name, version and the member list (joins and leaves by diff) -> customers
    who joined."""
    body = await _wecom(client.group(group.chat_id))
    if not body:
        return []
    # column updates, never a save of a row read earlier: events of one group are processed concurrently
    await CustomerGroup.filter(id=group.id).update(
        name=(body.get("name") or group.name or "")[:128] or None, owner_userid=body.get("owner") or group.owner_userid,
        member_version=body.get("member_version") or group.member_version, updated_at=now)
    joined: list[str] = []
    present = set()
    for m in body.get("member_list") or []:
        uid = str(m.get("userid", ""))
        if not uid:
            continue
        present.add(uid)
        kind = "external" if int(m.get("type", 1)) == 2 else "staff"
        jt = m.get("join_time")
        at = datetime.fromtimestamp(int(jt), UTC) if isinstance(jt, int) else now
        if await _join(group.chat_id, uid, kind, at, ctime, m.get("join_scene")) and kind == "external":
            joined.append(uid)
    for row in await GroupMember.filter(chat_id=group.chat_id, status="active"):
        if row.userid not in present:
            await _leave(group.chat_id, row.userid, now, ctime)
    return joined


def _group_awards(chat_id: str, joined: list[str]) -> list[Owed]:
    return [Owed(u, GROUP_EVENT, f"wecom_group:{chat_id}", {"chat_id": chat_id, "external_userid": u})
            for u in joined]


async def on_chat(rt: Runtime, client: WeComClient, msg: dict[str, Any]) -> list[Owed]:
    change, now = str(msg.get("ChangeType", "")), rt.clock.now()
    chat_id = str(msg.get("ChatId", ""))
    if not chat_id:
        return []
    at, ctime = _at(msg, now), _ctime(msg)
    group = await _group(chat_id, now)
    if change == "create":
        return _group_awards(chat_id, await _pull_group(client, group, now, ctime))
    if change == "dismiss":
        await CustomerGroup.filter(id=group.id).update(status="dismissed", updated_at=now)
        await GroupMember.filter(chat_id=chat_id, status="active").update(status="left", left_at=at)
        return []
    if change != "update":
        return []
    detail = str(msg.get("UpdateDetail", ""))
    changed = events.member_changes(msg.get("MemChangeList"))
    if detail in ("add_member", "del_member") and not changed:
        # older deliveries do not say who: diff against groupchat/get (docs/wechat-protocols.md §4.2)
        return _group_awards(chat_id, await _pull_group(client, group, now, ctime))
    if detail == "add_member":
        scene = str(msg.get("JoinScene", ""))
        joined = []
        for uid in changed:
            kind = "external" if is_external(uid) else "staff"
            if await _join(chat_id, uid, kind, at, ctime, int(scene) if scene.isdigit() else None) \
                    and kind == "external":
                joined.append(uid)
        if msg.get("CurMemVer"):
            await CustomerGroup.filter(id=group.id).update(member_version=str(msg["CurMemVer"]), updated_at=now)
        if await CustomerGroup.exists(id=group.id, status="dismissed"):  # dismissal processed first: gone
            await GroupMember.filter(chat_id=chat_id, status="active").update(status="left", left_at=at)
        return _group_awards(chat_id, joined)
    if detail == "del_member":
        for uid in changed:
            await _leave(chat_id, uid, at, ctime)
        return []  # leaving takes nothing back
    if detail in ("change_owner", "change_name"):
        await _pull_group(client, group, now, ctime)
    return []


# --- corp tags ------------------------------------------------------------------------------------------


async def _store_tag_groups(groups: list[dict[str, Any]], now: datetime) -> set[str]:
    seen: set[str] = set()
    for g in groups:
        for t in g.get("tag") or []:
            tag_id = str(t.get("id"))
            seen.add(tag_id)
            fields = {"name": str(t.get("name", ""))[:64], "group_id": str(g.get("group_id", "")),
                      "group_name": str(g.get("group_name", ""))[:64], "order": int(t.get("order", 0) or 0),
                      "deleted": bool(t.get("deleted", False)), "updated_at": now}
            row = await CorpTag.get_or_none(tag_id=tag_id)
            if row is None:
                await CorpTag.create(tag_id=tag_id, **fields)
            else:
                await CorpTag.filter(id=row.id).update(**fields)
    return seen


async def sync_all_tags(client: WeComClient, now: datetime) -> int:
    """The whole catalogue from get_corp_tag_list; tags gone from it are marked deleted."""
    groups = await _wecom(client.corp_tags())
    if groups is None:
        return 0
    seen = await _store_tag_groups(groups, now)
    await CorpTag.filter(deleted=False).exclude(tag_id__in=list(seen) or [""]).update(deleted=True, updated_at=now)
    return len(seen)


async def on_tag(rt: Runtime, client: WeComClient, msg: dict[str, Any]) -> list[Owed]:
    change, now = str(msg.get("ChangeType", "")), rt.clock.now()
    tag_id, tag_type = str(msg.get("Id", "")), str(msg.get("TagType", "tag"))
    if change == "delete":
        q = CorpTag.filter(group_id=tag_id) if tag_type == "tag_group" else CorpTag.filter(tag_id=tag_id)
        await q.update(deleted=True, updated_at=now)
    elif change in ("create", "update") and tag_id:
        groups = await _wecom(client.corp_tags(group_ids=[tag_id]) if tag_type == "tag_group"
                              else client.corp_tags(tag_ids=[tag_id]))
        if groups:
            await _store_tag_groups(groups, now)
    elif change == "shuffle" or change in ("create", "update"):
        await sync_all_tags(client, now)
    return []


# --- processing -----------------------------------------------------------------------------------------

_IN_FLIGHT: set[asyncio.Task[Any]] = set()


async def apply(rt: Runtime, client: WeComClient, claimed: events.Claimed) -> str:
    """Apply one event to the graph and make the awards it earned -> final status (done | ignored)."""
    msg = claimed.payload
    if claimed.event == "change_external_contact":
        owed = await on_contact(rt, client, msg, claimed.attempts)
    elif claimed.event == "change_external_chat":
        owed = await on_chat(rt, client, msg)
    elif claimed.event == "change_external_tag":
        owed = await on_tag(rt, client, msg)
    else:
        return "ignored"  # stored and visible to admins
    for item in owed:
        contact = await ExternalContact.get_or_none(external_userid=item.external_userid)
        if contact is not None and contact.member_id is not None:
            await _award(rt, contact.member_id, item)
    return "done"


async def _award(rt: Runtime, member_id: int, item: Owed) -> None:
    from app.services.points.engine import award

    result = await award(rt, member_id, item.event, item.idem_key, item.context)
    if result.reason == "contention":
        raise Transient(f"{item.event} award gave up on contention")
    log.info("%s for member %s: %s %s", item.event, member_id, result.status, result.reason or "")


def _backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(5 * 2 ** max(attempts - 1, 0), 3600))


async def process(rt: Runtime, claimed: list[events.Claimed]) -> dict[str, int]:
    client = WeComClient(rt)
    out = {"done": 0, "ignored": 0, "retry": 0, "failed": 0}
    for ev in claimed:
        try:
            status = await apply(rt, client, ev)
        except Exception as exc:
            if not isinstance(exc, Transient):
                log.exception("WeCom event %s failed", ev.id)
            now = rt.clock.now()
            if ev.attempts >= rt.settings.wecom.event_max_attempts:
                await events.finish(ev.id, "failed", now, f"{type(exc).__name__}: {exc}")
                out["failed"] += 1
            else:
                await events.retry_later(ev.id, now + _backoff(ev.attempts), f"{type(exc).__name__}: {exc}")
                out["retry"] += 1
            continue
        await events.finish(ev.id, status, rt.clock.now())
        out[status] += 1
    return out


async def process_due(rt: Runtime, limit: int = 200) -> dict[str, int]:
    """Claim and process due events until none is left (or `limit` per batch, repeatedly)."""
    total = {"done": 0, "ignored": 0, "retry": 0, "failed": 0}
    while True:
        claimed = await events.claim(rt.clock.now(), limit)
        if not claimed:
            return total
        for k, v in (await process(rt, claimed)).items():
            total[k] += v


def kick(rt: Runtime, event_id: int) -> None:
    """Process a just-recorded event in this process, after the callback has answered."""
    async def run() -> None:
        try:
            claimed = await events.claim(rt.clock.now(), 1, only_id=event_id)
            if claimed:
                await process(rt, claimed)
        except Exception:
            log.exception("processing WeCom event %s; the scheduler will retry it", event_id)

    task = asyncio.get_running_loop().create_task(run())
    _IN_FLIGHT.add(task)
    task.add_done_callback(_IN_FLIGHT.discard)


async def drain() -> None:
    """Wait for the events this process is processing (tests, shutdown)."""
    while _IN_FLIGHT:
        await asyncio.gather(*list(_IN_FLIGHT), return_exceptions=True)


# --- registration ---------------------------------------------------------------------------------------


async def member_registered(rt: Runtime, member: Member) -> int:
    """Link the new member's WeCom contacts (same unionid) and credit what they did within the window:
    adding a guide, joining groups, pending interactions. Older ones expire uncredited. -> awards made."""
    if not member.unionid:
        return 0
    now = rt.clock.now()
    since = now - timedelta(days=rt.settings.wecom.pending_window_days)
    made = 0
    for contact in await ExternalContact.filter(unionid=member.unionid):
        if contact.member_id is None:
            await ExternalContact.filter(id=contact.id, member_id=None).update(member_id=member.id, updated_at=now)
        elif contact.member_id != member.id:
            continue
        made += await credit_contact(rt, contact.external_userid, member.id, since)
    return made


async def credit_contact(rt: Runtime, ext: str, member_id: int, since: datetime) -> int:
    """Awards a customer earned while not linked to a member, dated within the window (keyed: what was
    already awarded is a no-op); pending interactions older than the window expire. -> awards attempted."""
    made = 0
    owed: list[Owed] = []
    follow = await ContactFollow.filter(external_userid=ext, added_at__gte=since).order_by("added_at").first()
    if follow is not None:
        owed.append(Owed(ext, GUIDE_EVENT, GUIDE_EVENT, {"userid": follow.userid, "state": follow.state,
                                                         "external_userid": ext}))
    for gm in await GroupMember.filter(userid=ext, kind="external", joined_at__gte=since):
        owed += _group_awards(gm.chat_id, [ext])
    for item in owed:
        await _award(rt, member_id, item)
        made += 1
    from app.services.community import interactions

    made += await interactions.credit_pending(rt, ext, member_id, since)
    await CommunityInteraction.filter(external_userid=ext, status="pending", occurred_at__lt=since) \
        .update(status="expired")
    return made
