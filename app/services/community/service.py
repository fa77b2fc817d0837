"""Processing recorded WeCom events into the graph, and the points the graph earns.

The graph mirrors WeCom: contacts (customers), follows (customer <-> guide, with the channel `state`),
groups with members, corp tags per contact. Each event is applied idempotently (upserts guarded by the
event's CreateTime, so an old event processed late changes nothing), then the awards it earns are made
through the keyed `award()`: `wecom_guide_added` once per member ever (key `wecom_guide_added`),
`wecom_group_joined` once per group (key `wecom_group:<chat_id>`). A customer who is not a member yet earns
nothing now; `member_registered` credits what happened within `[wecom] pending_window_days`. Deleting a
guide or leaving a group takes nothing back.

Processing is batched and off the callback's answer path: each process runs one event task, signalled when
a callback records an event, that claims due events `worker_batch` at a time (a run of add_member events is
applied set-based: a join burst costs little more than its awards), yields to callbacks being answered for
at most `worker_max_defer_ms`, and finishes a batch's events in one statement. WeCom's limits have their own
backoff (45009 a jittered minute doubling, 45033 a few seconds and single-flight processing across workers);
its refusals (60011, 84061, ...) are permanent and noted on the event.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from app.runtime import Runtime
from app.services.community import events
from app.wechat.errors import (
    NoPrivilege,
    NotExternalContact,
    RateLimited,
    WeChatError,
    WeChatUnavailable,
    WelcomeNotSendable,
)
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
# WeCom external_userid prefixes (customers): only the last resort when neither jifen's graph nor
# groupchat/get can say whether an id in MemChangeList is a customer (docs/wechat-protocols.md §4.2)
_EXTERNAL_PREFIXES = ("wm", "wo")
FREQUENCY_LIMITED = 45009  # API frequency/quota limit: back off longer, jittered
CONCURRENCY_LIMITED = 45033  # too many concurrent calls: back off and process one at a time across workers
SERIAL_SECONDS = 60  # how long processing stays single-flight after a 45033


@dataclass(frozen=True)
class Owed:
    """An award an event earned for a customer (made once the customer is a member)."""

    external_userid: str
    event: str
    idem_key: str
    context: dict[str, Any]


class Transient(Exception):
    """WeCom was busy or rate limited: the event is retried later with backoff. `errcode` picks the backoff:
    45009 (frequency) and 45033 (concurrency) have their own, longer and jittered; anything else the general
    exponential one."""

    def __init__(self, message: str, errcode: int | None = None) -> None:
        super().__init__(message)
        self.errcode = errcode


# decisions WeCom made about an event (60011 no privilege, 84061 not an external contact, ...): permanent,
# never retried; noted on the event for admins
_NOTES: ContextVar[list[str] | None] = ContextVar("wecom_event_notes", default=None)


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
    """A WeCom call whose failure is either transient (retry the event later: busy, 45009, 45033) or a
    permanent decision (None, go on with what the event itself says: 60011 no privilege, 84061 not an
    external contact, any other refusal), noted on the event."""
    try:
        return await coro
    except (WeChatUnavailable, RateLimited) as exc:
        raise Transient(f"{exc.errcode} {exc.errmsg}", exc.errcode) from exc
    except WeChatError as exc:
        kind = ("no_privilege" if isinstance(exc, NoPrivilege) else
                "not_external_contact" if isinstance(exc, NotExternalContact) else "refused")
        log.warning("WeCom %s %s: %s %s", kind, exc.path, exc.errcode, exc.errmsg)
        notes = _NOTES.get()
        if notes is not None:
            notes.append(f"{exc.errcode} {kind} {exc.path}")
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


async def member_kinds(client: WeComClient, wanted: dict[str, set[str]]) -> dict[tuple[str, str], str]:
    """(chat_id, id) -> "external" | "staff" for the ids of MemChangeList, which mixes staff userids and
    customers' external_userids without saying which (docs/wechat-protocols.md §4.2). What jifen already
    knows decides first (the id's member row in that group, a customer contact, a staff user); a group with
    an id still unknown is asked once with groupchat/get, whose `member_list[].type` is authoritative (1 staff,
    2 external); only if WeCom cannot answer does the id's `wm`/`wo` prefix decide."""
    ids = sorted(set().union(*wanted.values())) if wanted else []
    out: dict[tuple[str, str], str] = {}
    if not ids:
        return out
    for row in await GroupMember.filter(chat_id__in=list(wanted), userid__in=ids).values("chat_id", "userid", "kind"):
        out[(row["chat_id"], row["userid"])] = row["kind"]
    customers = set(await ExternalContact.filter(external_userid__in=ids).values_list("external_userid", flat=True))
    staff = set(await StaffUser.filter(wecom_userid__in=ids).values_list("wecom_userid", flat=True))
    for chat_id, uids in wanted.items():
        unknown = []
        for uid in uids:
            if (chat_id, uid) in out:
                continue
            if uid in customers:
                out[(chat_id, uid)] = "external"
            elif uid in staff:
                out[(chat_id, uid)] = "staff"
            else:
                unknown.append(uid)
        if not unknown:
            continue
        body = await _wecom(client.group(chat_id))
        types = {str(m.get("userid", "")): "external" if int(m.get("type", 1) or 1) == 2 else "staff"
                 for m in (body or {}).get("member_list") or []}
        for uid in unknown:
            out[(chat_id, uid)] = types.get(uid) or ("external" if is_external(uid) else "staff")
    return out


def _scene(msg: dict[str, Any]) -> int | None:
    scene = str(msg.get("JoinScene", ""))
    return int(scene) if scene.isdigit() else None


def listed_members(msg: dict[str, Any]) -> list[str] | None:
    """The ids of an add_member/del_member event, or None when the event does not say them all (no list, or
    fewer ids than MemChangeCnt: a capped list) and the group must be diffed against groupchat/get."""
    changed = events.member_changes(msg.get("MemChangeList"))
    count = str(msg.get("MemChangeCnt", ""))
    if not changed or (count.isdigit() and int(count) > len(changed)):
        return None
    return changed


def is_join_batchable(ev: events.Claimed) -> bool:
    """An add_member event that names all its members: applied set-based with its neighbours."""
    msg = ev.payload
    return (ev.event == "change_external_chat" and ev.change_type == "update"
            and str(msg.get("UpdateDetail", "")) == "add_member" and bool(msg.get("ChatId"))
            and listed_members(msg) is not None)


async def apply_joins(rt: Runtime, client: WeComClient, run: list[events.Claimed]) -> None:
    """Several add_member events at once (a join burst): the same outcome as applying them one by one, with
    a handful of statements for the whole run instead of several per member: the groups, one read of the
    existing member rows and of who is a customer, one multi-row insert of the new members, one version
    update per group, then the awards (keyed: once per member and group, as one by one)."""
    now = rt.clock.now()
    wanted: dict[str, set[str]] = {}
    for ev in run:
        wanted.setdefault(str(ev.payload["ChatId"]), set()).update(listed_members(ev.payload) or [])
    for chat_id in wanted:
        await _group(chat_id, now)
    kinds = await member_kinds(client, wanted)
    ids = sorted(set().union(*wanted.values()))
    rows = {(r.chat_id, r.userid): r for r in await GroupMember.filter(chat_id__in=list(wanted), userid__in=ids)}
    new: dict[tuple[str, str], GroupMember] = {}
    joined: list[tuple[str, str]] = []
    versions: dict[str, str] = {}
    last_at = now
    for ev in run:
        msg = ev.payload
        chat_id, at, ctime, scene = str(msg["ChatId"]), _at(msg, now), _ctime(msg), _scene(msg)
        last_at = at
        if msg.get("CurMemVer"):
            versions[chat_id] = str(msg["CurMemVer"])
        for uid in listed_members(msg) or []:
            key, kind = (chat_id, uid), kinds[(chat_id, uid)]
            row = rows.get(key)
            if row is None and key not in new:
                new[key] = GroupMember(chat_id=chat_id, userid=uid, kind=kind, status="active", join_scene=scene,
                                       joined_at=at, event_time=ctime)
            elif row is not None and ctime >= row.event_time and row.status != "active":
                row.status, row.left_at, row.joined_at, row.join_scene, row.event_time = \
                    "active", None, at, scene, ctime
                await row.save()
            else:
                continue
            if kind == "external":
                joined.append(key)
    if new:
        # a row another event inserted meanwhile stays as it is (its member joined either way)
        await GroupMember.bulk_create(list(new.values()), ignore_conflicts=True)
    for chat_id, version in versions.items():
        await CustomerGroup.filter(chat_id=chat_id).update(member_version=version, updated_at=now)
    for chat_id in await CustomerGroup.filter(chat_id__in=list(wanted), status="dismissed") \
            .values_list("chat_id", flat=True):  # dismissal processed first: gone
        await GroupMember.filter(chat_id=chat_id, status="active").update(status="left", left_at=last_at)
    await _make_awards(rt, [o for chat_id, uid in joined for o in _group_awards(chat_id, [uid])])


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
    changed = listed_members(msg)
    if detail in ("add_member", "del_member") and changed is None:
        # the event does not say who (no list, or a capped one): diff against groupchat/get
        # (docs/wechat-protocols.md §4.2)
        return _group_awards(chat_id, await _pull_group(client, group, now, ctime))
    if detail == "add_member" and changed is not None:
        kinds = await member_kinds(client, {chat_id: set(changed)})
        joined = []
        for uid in changed:
            kind = kinds[(chat_id, uid)]
            if await _join(chat_id, uid, kind, at, ctime, _scene(msg)) and kind == "external":
                joined.append(uid)
        if msg.get("CurMemVer"):
            await CustomerGroup.filter(id=group.id).update(member_version=str(msg["CurMemVer"]), updated_at=now)
        if await CustomerGroup.exists(id=group.id, status="dismissed"):  # dismissal processed first: gone
            await GroupMember.filter(chat_id=chat_id, status="active").update(status="left", left_at=at)
        return _group_awards(chat_id, joined)
    if detail == "del_member" and changed is not None:
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
    await _make_awards(rt, owed)
    return "done"


async def _make_awards(rt: Runtime, owed: list[Owed]) -> None:
    """The awards of the customers who are members (one read for all); the others wait for registration."""
    if not owed:
        return
    members = dict(await ExternalContact.filter(external_userid__in=sorted({o.external_userid for o in owed}),
                                                member_id__not_isnull=True)
                   .values_list("external_userid", "member_id"))
    for item in owed:
        if members.get(item.external_userid) is not None:
            await _award(rt, int(members[item.external_userid]), item)


async def _award(rt: Runtime, member_id: int, item: Owed) -> None:
    from app.services.points.engine import award

    result = await award(rt, member_id, item.event, item.idem_key, item.context)
    if result.reason == "contention":
        raise Transient(f"{item.event} award gave up on contention")
    log.debug("%s for member %s: %s %s", item.event, member_id, result.status, result.reason or "")


def _backoff(attempts: int, errcode: int | None = None) -> timedelta:
    """The general backoff (5 s doubling, at most an hour); WeCom's limits have their own, jittered so the
    workers that hit one together do not come back together: 45009 (frequency/quota) from a minute doubling
    to an hour, 45033 (concurrency) 2-10 s while processing goes single-flight (`hold_serial`)."""
    n = max(attempts - 1, 0)
    if errcode == FREQUENCY_LIMITED:
        return timedelta(seconds=min(60 * 2 ** n, 3600) * random.uniform(0.8, 1.2))
    if errcode == CONCURRENCY_LIMITED:
        return timedelta(seconds=random.uniform(2, 10))
    return timedelta(seconds=min(5 * 2 ** n, 3600))


async def _fail(rt: Runtime, ev: events.Claimed, exc: Exception, out: dict[str, int]) -> None:
    now, error = rt.clock.now(), f"{type(exc).__name__}: {exc}"
    if ev.attempts >= rt.settings.wecom.event_max_attempts:
        await events.finish(ev.id, "failed", now, error)
        out["failed"] += 1
    else:
        errcode = exc.errcode if isinstance(exc, Transient) else None
        await events.retry_later(ev.id, now + _backoff(ev.attempts, errcode), error)
        out["retry"] += 1


async def hold_serial(rt: Runtime) -> None:
    """45033: WeCom saw too many concurrent calls of this corp. For SERIAL_SECONDS, processing runs in one
    worker at a time across all instances (`process_due` takes a Redis lock first)."""
    await rt.redis.set(rt.key("wecom-serial"), "1", ex=SERIAL_SECONDS)


@contextlib.asynccontextmanager
async def _single_flight(rt: Runtime) -> Any:
    """Yields False when processing is single-flight (after a 45033) and another worker holds the turn.

    With Redis unreachable the turn cannot be known, and processing goes on: events are claimed in the database
    (each once), so the worst case is more concurrent WeCom calls, whose 45033s put the events back as any other
    time. Stopping instead would leave every callback unprocessed until Redis returned."""
    try:
        serial = await rt.redis.exists(rt.key("wecom-serial"))
    except (RedisConnectionError, RedisTimeoutError) as exc:
        log.warning("WeCom events: Redis unreachable (%s); processing without the single-flight check", exc)
        serial = False
    if not serial:
        yield True
        return
    lock = rt.key("wecom-serial-lock")
    if not await rt.redis.set(lock, "1", nx=True, ex=SERIAL_SECONDS):
        yield False
        return
    try:
        yield True
    finally:
        await rt.redis.delete(lock)


async def process(rt: Runtime, claimed: list[events.Claimed]) -> dict[str, int]:
    """Apply claimed events in order; runs of add_member events together (`apply_joins`). Finished events
    are marked per status in one statement. A 45033 puts the rest of the batch back (parallelism down)."""
    client = WeComClient(rt)
    out = {"done": 0, "ignored": 0, "retry": 0, "failed": 0}
    finished: dict[str, list[int]] = {"done": [], "ignored": []}
    notes: dict[int, str] = {}
    i = 0
    try:
        while i < len(claimed):
            run = [claimed[i]]
            while is_join_batchable(claimed[i]) and i + len(run) < len(claimed) \
                    and is_join_batchable(claimed[i + len(run)]):
                run.append(claimed[i + len(run)])
            if len(run) > 1:
                try:
                    token = _NOTES.set([])
                    try:
                        await apply_joins(rt, client, run)
                    finally:
                        run_notes = _NOTES.get() or []
                        _NOTES.reset(token)
                    finished["done"] += [ev.id for ev in run]
                    if run_notes:
                        notes.update({ev.id: "; ".join(run_notes) for ev in run})
                    i += len(run)
                    continue
                except Exception:
                    log.warning("a run of %d joins failed together: one by one", len(run), exc_info=True)
                    run = [claimed[i]]
            ev = run[0]
            i += 1
            token = _NOTES.set([])
            try:
                status = await apply(rt, client, ev)
                if _NOTES.get():
                    notes[ev.id] = "; ".join(_NOTES.get() or [])
            except Exception as exc:
                if not isinstance(exc, Transient):
                    log.exception("WeCom event %s failed", ev.id)
                await _fail(rt, ev, exc, out)
                if isinstance(exc, Transient) and exc.errcode == CONCURRENCY_LIMITED:
                    await hold_serial(rt)
                    for rest in claimed[i:]:  # back to pending, due soon: fewer calls in flight
                        await events.retry_later(rest.id, rt.clock.now() + _backoff(0, CONCURRENCY_LIMITED),
                                                 "put back after 45033", count_attempt=False)
                        out["retry"] += 1
                    i = len(claimed)
                continue
            finally:
                _NOTES.reset(token)
            finished[status].append(ev.id)
    finally:
        now = rt.clock.now()
        for status, ids in finished.items():
            plain = [event_id for event_id in ids if event_id not in notes]
            if plain:
                await events.finish_many(plain, status, now)
            for event_id in (e for e in ids if e in notes):
                await events.finish(event_id, status, now, notes[event_id])
            out[status] += len(ids)
    return out


async def process_due(rt: Runtime, limit: int | None = None, *, max_batches: int | None = None) -> dict[str, int]:
    """Claim and process due events until none is left (`limit` per batch, `max_batches` at most)."""
    total = {"done": 0, "ignored": 0, "retry": 0, "failed": 0}
    batches = 0
    async with _single_flight(rt) as turn:
        while turn and (max_batches is None or batches < max_batches):
            claimed = await events.claim(rt.clock.now(), limit or rt.settings.wecom.worker_batch)
            if not claimed:
                break
            batches += 1
            for k, v in (await process(rt, claimed)).items():
                total[k] += v
    return total


# --- the in-process worker ------------------------------------------------------------------------------
# The callback only records and signals; this worker claims what is due in batches. It yields to callbacks
# being answered in its process (answering comes first: WeCom retries an answer later than 5 s) but never
# for longer than `worker_max_defer_ms`, after which it processes one small batch even under load. The
# scheduler (`jobs.process_wecom_events`) backs it up: a crash, a retry after backoff, another instance.

_ANSWERING = 0
_QUIET: asyncio.Event | None = None  # set while no callback is being answered (the worker's loop)
_WORKER: asyncio.Task[Any] | None = None
_WANTED = False


@contextlib.contextmanager
def answering() -> Iterator[None]:
    """Around a callback's answer path: the worker defers to it."""
    global _ANSWERING
    _ANSWERING += 1
    if _QUIET is not None:
        _QUIET.clear()
    try:
        yield
    finally:
        _ANSWERING -= 1
        if _ANSWERING == 0 and _QUIET is not None:
            _QUIET.set()


def signal(rt: Runtime) -> None:
    """An event was recorded: make sure this process's worker runs (cheap: a flag and, when idle, a task)."""
    global _WANTED, _WORKER, _QUIET
    _WANTED = True
    loop = asyncio.get_running_loop()
    if _WORKER is None or _WORKER.done() or _WORKER.get_loop() is not loop:
        _QUIET = asyncio.Event()
        if _ANSWERING == 0:
            _QUIET.set()
        _WORKER = loop.create_task(_work(rt, _QUIET))


async def _work(rt: Runtime, quiet: asyncio.Event) -> None:
    global _WANTED
    cfg = rt.settings.wecom
    max_defer = cfg.worker_max_defer_ms / 1000
    while _WANTED:
        _WANTED = False
        while True:
            if _ANSWERING:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(quiet.wait(), max_defer)
            busy = _ANSWERING > 0
            try:
                out = await process_due(rt, cfg.worker_busy_batch if busy else cfg.worker_batch, max_batches=1)
            except Exception:
                log.exception("WeCom event worker; the scheduler will retry")
                return
            if not any(out.values()):
                break


async def drain() -> None:
    """Wait for this process's worker to be idle (tests, shutdown)."""
    while _WORKER is not None and not _WORKER.done():
        await asyncio.gather(_WORKER, return_exceptions=True)


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
