"""Drawing: one transaction per draw, keyed by the client's Idempotency-Key; members' views; the replay.

A draw (`draw`) is, under the member's row lock (the ledger's lock order):
  the same key already drawn? -> that draw (nothing new) · the lottery open and the member within its draw limits
  · the cost spent through the ledger (`spend`, key `lottery:<lottery>:<key>`) · the prize decided from a
  `secrets` number (`pool.decide`) · the prize claimed under a savepoint: stock lowered by a conditional UPDATE
  (`stock_left > 0`), the prize's daily cap by a conditional upsert, then points posted through the ledger
  (`post_earn`, key `lottery-prize:<lottery>:<key>`), a coupon issued (`coupons.issue`) or a gift recorded. A
  claim that finds the prize gone rolls back its savepoint and the decision is taken again with that prize
  excluded (it becomes the consolation for a weight pick): the recorded exclusions make the replay exact.
  · the draw row, with everything `replay` needs. All of it commits or none: a refused draw spends nothing.

Budget: before anything, the largest points prize the draw could award is checked against the points budget
(`app/services/points/budget.py`); if it would not fit, the draw is refused (409 budget_exhausted) and nothing is
spent. Awarded points are counted after the commit, like every award.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from tortoise.transactions import in_transaction

from app import caches
from app.errors import BadRequest, Conflict, NotFound
from app.runtime import Runtime
from app.services.coupons import service as coupons
from app.services.mall.lottery import pool
from app.services.points import budget, ledger
from app.services.points.admin.adjustments import default_adjust_expiry
from app.services.points.config_cache import config_cache
from app.sqlx import INTEGRITY_ERRORS, fetch, fetchrow
from models import CouponTemplate, Lottery, LotteryDraw, LotteryGift, LotteryPoolVersion, Member

REQUEST_KEY = re.compile(r"^[\x21-\x7e]{1,64}$")
GRID_VIEWS = ("wheel", "nine_grid")


def request_key(value: str | None) -> str:
    """The Idempotency-Key header: required, 1-64 printable ASCII characters (a retry must reuse it)."""
    if not value:
        raise BadRequest("send an Idempotency-Key header (reuse it when retrying)", code="idempotency_key_required")
    if not REQUEST_KEY.match(value):
        raise BadRequest("Idempotency-Key must be 1-64 printable ASCII characters without spaces",
                         code="idempotency_key_invalid")
    return value


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


class _Unavailable(Exception):
    """The decided prize could not be claimed (stock out, daily cap, coupon template out): roll back, re-decide."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# -- views --------------------------------------------------------------------------------------------------
def draw_view(d: LotteryDraw, gift: LotteryGift | None = None, coupon_code: str | None = None,
              view: str | None = None) -> dict[str, Any]:
    """What the member sees of a draw: the prize (and its slot for wheel and nine-grid), never the weights."""
    return {
        "id": d.id, "lottery_id": d.lottery_id, "cost_points": d.cost_points, "real_prize": d.real_prize,
        "guaranteed": d.decided_by == "pity", "decided_by": d.decided_by,
        "prize": {"id": d.prize_id, "name": d.prize_name, "kind": d.prize_kind, "points": d.points},
        "slot": d.slot if view in GRID_VIEWS or view is None else None,
        "coupon_code": coupon_code, "gift": gift_view(gift) if gift else None,
        "created_at": _iso(d.created_at),
    }


def gift_view(g: LotteryGift) -> dict[str, Any]:
    return {"id": g.id, "draw_id": g.draw_id, "lottery_id": g.lottery_id, "member_id": g.member_id,
            "prize_id": g.prize_id, "name": g.name, "state": g.state, "address": g.address, "carrier": g.carrier,
            "tracking_no": g.tracking_no, "shipped_at": _iso(g.shipped_at), "delivered_at": _iso(g.delivered_at),
            "created_at": _iso(g.created_at)}


async def _draw_out(d: LotteryDraw, view: str | None = None) -> dict[str, Any]:
    gift = await LotteryGift.get_or_none(draw_id=d.id) if d.prize_kind == "gift" else None
    code = None
    if d.coupon_id is not None:
        row = await fetchrow(_c(), "SELECT code FROM coupons WHERE id = $1", [d.coupon_id])
        code = row["code"] if row else None
    if view is None:
        lot = await Lottery.get_or_none(id=d.lottery_id)
        view = lot.view if lot else None
    return draw_view(d, gift, code, view)


def _c() -> Any:
    from app.db import conn

    return conn()


def open_problem(lottery: Lottery, now: datetime) -> str | None:
    """Why a member cannot draw now (None: they can)."""
    if lottery.status != "published":
        return f"the lottery is {lottery.status}"
    if lottery.draw_from and now < lottery.draw_from:
        return "the lottery has not started"
    if lottery.draw_until and now >= lottery.draw_until:
        return "the lottery has ended"
    return None


def _displayed(lottery: Lottery, now: datetime) -> bool:
    if lottery.status == "draft":
        return False
    if lottery.display_from and now < lottery.display_from:
        return False
    return not (lottery.display_until and now >= lottery.display_until)


_versions: dict[tuple[int, int], LotteryPoolVersion] = {}
caches.register(_versions.clear)


async def _version(lottery: Lottery) -> LotteryPoolVersion:
    """The lottery's current pool version. Versions are immutable once written, so each process keeps the ones
    it has read (a new version has a new number: an edit is seen by the next draw that reads the lottery)."""
    key = (lottery.id, int(lottery.pool_version or 0))
    v = _versions.get(key)
    if v is None:
        v = await LotteryPoolVersion.get_or_none(lottery_id=lottery.id, version=lottery.pool_version)
        if v is None:
            raise NotFound("this lottery has no published pool", code="lottery_not_found")
        if len(_versions) > 1000:
            _versions.clear()
        _versions[key] = v
    return v


# -- member side ----------------------------------------------------------------------------------------------
async def list_lotteries(rt: Runtime) -> dict[str, Any]:
    """Published lotteries inside their display window, newest first."""
    now = rt.clock.now()
    rows = await Lottery.filter(status__in=("published", "closed")).order_by("-id").limit(200)
    return {"items": [_lottery_brief(lot, now) for lot in rows if _displayed(lot, now)]}


def _lottery_brief(lot: Lottery, now: datetime) -> dict[str, Any]:
    return {"id": lot.id, "name": lot.name, "description": lot.description, "view": lot.view,
            "cost_points": lot.cost_points, "status": lot.status, "open": open_problem(lot, now) is None,
            "draw_from": _iso(lot.draw_from), "draw_until": _iso(lot.draw_until),
            "daily_draws": lot.daily_draws, "lifetime_draws": lot.lifetime_draws, "pity_after": lot.pity_after}


async def member_lottery(rt: Runtime, lottery_id: int, member_id: int) -> dict[str, Any]:
    """One lottery as members see it: its prizes by slot, without weights; the member's draws left. A real prize
    of weight 0 can never be won (neither by weight nor by the pity counter, `pool.decide`): shown to members it
    would advertise a prize nobody can win, so it is left out. The consolation is always shown: it is what a draw
    gives when the prize picked is out, whatever its weight."""
    now = rt.clock.now()
    lot = await Lottery.get_or_none(id=lottery_id)
    if lot is None or not _displayed(lot, now):
        raise NotFound(f"no lottery #{lottery_id}", code="lottery_not_found")
    version = await _version(lot)
    stock = {int(r["id"]): r["stock_left"] for r in await fetch(
        _c(), "SELECT id, stock_left FROM lottery_prizes WHERE lottery_id = $1", [lot.id])}
    prizes = [{"id": p["id"], "name": p["name"], "kind": p["kind"], "points": p["points"], "slot": p["slot"],
               "image_url": p.get("image_url"), "consolation": p["consolation"],
               "in_stock": stock.get(int(p["id"])) is None or int(stock[int(p["id"])]) > 0}
              for p in version.prizes if int(p["weight"]) > 0 or p["consolation"]]
    day = rt.clock.day_of(now)
    today, ever = await _draw_counts(_c(), lot.id, member_id, day)
    return {**_lottery_brief(lot, now), "prizes": prizes, "my_draws": {
        "today": today, "total": ever,
        "left_today": None if lot.daily_draws is None else max(lot.daily_draws - today, 0),
        "left_total": None if lot.lifetime_draws is None else max(lot.lifetime_draws - ever, 0)}}


async def my_draws(member_id: int, lottery_id: int | None, cursor: int | None, limit: int) -> dict[str, Any]:
    """The member's own draws, newest first (keyset on id)."""
    q = LotteryDraw.filter(member_id=member_id)
    if lottery_id is not None:
        q = q.filter(lottery_id=lottery_id)
    if cursor:
        q = q.filter(id__lt=cursor)
    rows = await q.order_by("-id").limit(limit + 1)
    items = [await _draw_out(d) for d in rows[:limit]]
    return {"items": items, "next_cursor": str(rows[limit - 1].id) if len(rows) > limit else None}


async def my_draw(member_id: int, draw_id: int) -> dict[str, Any]:
    d = await LotteryDraw.get_or_none(id=draw_id, member_id=member_id)
    if d is None:  # another member's draw is as absent as a missing one
        raise NotFound(f"no draw #{draw_id}", code="draw_not_found")
    return await _draw_out(d)


async def set_gift_address(rt: Runtime, member_id: int, draw_id: int, address: dict[str, Any]) -> dict[str, Any]:
    """The member's delivery address for a won gift; changeable until it ships."""
    gift = await LotteryGift.get_or_none(draw_id=draw_id, member_id=member_id)
    if gift is None:
        raise NotFound(f"no gift won by draw #{draw_id}", code="gift_not_found")
    if not await LotteryGift.filter(id=gift.id, state="won").update(address=address):
        raise Conflict(f"the gift is already {gift.state}", code="gift_already_shipped")
    return gift_view(await LotteryGift.get(id=gift.id))


# -- the draw ---------------------------------------------------------------------------------------------------
async def _draw_counts(c: Any, lottery_id: int, member_id: int, day: Any) -> tuple[int, int]:
    row = await fetchrow(c, "SELECT COUNT(*) AS total, COALESCE(SUM(CASE WHEN day = $3 THEN 1 ELSE 0 END), 0) "
                            "AS today FROM lottery_draws WHERE lottery_id = $1 AND member_id = $2",
                         [lottery_id, member_id, day])
    return (int(row["today"]), int(row["total"])) if row else (0, 0)


async def pity_count(c: Any, lottery_id: int, member_id: int, before_id: int | None = None) -> int:
    """The member's draws in a row without a real prize (before draw `before_id`, if given)."""
    bound = "" if before_id is None else f" AND id < {int(before_id)}"
    row = await fetchrow(c, "SELECT COUNT(*) AS n FROM lottery_draws WHERE lottery_id = $1 AND member_id = $2"
                            f"{bound} AND id > COALESCE((SELECT MAX(id) FROM lottery_draws WHERE lottery_id = $1 "
                            f"AND member_id = $2{bound} AND real_prize = $3), 0)", [lottery_id, member_id, True])
    return int(row["n"]) if row else 0


_MEMBER_STATE = """
WITH d AS (SELECT id, prize_id, real_prize, day, request_key FROM lottery_draws WHERE lottery_id = $1
           AND member_id = $2),
     lr AS (SELECT COALESCE(MAX(id), 0) AS id FROM d WHERE real_prize = $5)
SELECT d.prize_id, COUNT(*) AS n, SUM(CASE WHEN d.day = $3 THEN 1 ELSE 0 END) AS today,
       SUM(CASE WHEN d.id > lr.id THEN 1 ELSE 0 END) AS since, MAX(CASE WHEN d.request_key = $4 THEN d.id END) AS dup
FROM d, lr GROUP BY d.prize_id
"""


@dataclass
class _MemberState:
    """The member's draws in this lottery, read in one statement under the member's lock."""

    total: int = 0
    today: int = 0
    pity: int = 0  # draws in a row without a real prize
    won: dict[int, int] = field(default_factory=dict)
    duplicate_id: int | None = None


async def _member_state(c: Any, lottery_id: int, member_id: int, day: Any, key: str) -> _MemberState:
    st = _MemberState()
    for r in await fetch(c, _MEMBER_STATE, [lottery_id, member_id, day, key, True]):
        st.total += int(r["n"])
        st.today += int(r["today"] or 0)
        st.pity += int(r["since"] or 0)
        st.won[int(r["prize_id"])] = int(r["n"])
        if r["dup"] is not None:
            st.duplicate_id = int(r["dup"])
    return st


def _excluded(prizes: list[dict[str, Any]], live: dict[int, Any], won: dict[int, int]) -> dict[int, str]:
    """Real prizes that cannot be won now: out of stock (as read; the claim re-checks) or the member's cap."""
    out: dict[int, str] = {}
    for p in prizes:
        if p["consolation"]:
            continue
        pid = int(p["id"])
        row = live.get(pid)
        if row is None or not row["active"]:
            out[pid] = "inactive"
        elif row["stock_left"] is not None and int(row["stock_left"]) <= 0:
            out[pid] = "stock_out"
        elif p.get("per_member_limit") is not None and won.get(pid, 0) >= int(p["per_member_limit"]):
            out[pid] = "member_limit"
    return out


async def _existing(lottery_id: int, member_id: int, key: str) -> LotteryDraw | None:
    return await LotteryDraw.get_or_none(lottery_id=lottery_id, member_id=member_id, request_key=key)


async def draw(rt: Runtime, lottery_id: int, member_id: int, key: str) -> tuple[dict[str, Any], bool]:
    """Draw once for `key`; returns (the draw, created). The same key again returns the first draw (also when
    the lottery has closed since)."""
    lot = await Lottery.get_or_none(id=lottery_id)
    now = rt.clock.now()
    if lot is None or not _displayed(lot, now) or open_problem(lot, now):
        existing = await _existing(lottery_id, member_id, key)
        if existing is not None:
            return await _draw_out(existing), False
        if lot is None or not _displayed(lot, now):
            raise NotFound(f"no lottery #{lottery_id}", code="lottery_not_found")
        raise Conflict(open_problem(lot, now) or "", code="lottery_not_open")
    version = await _version(lot)
    prizes: list[dict[str, Any]] = version.prizes
    cfg = await config_cache.get()
    most = max((int(p["points"] or 0) for p in prizes
                if p["kind"] == "points" and (int(p["weight"]) > 0 or p["consolation"])), default=0)
    refusal = await budget.check(rt, cfg, now, most) if most else None
    if refusal and refusal["mode"] == "refuse":
        existing = await _existing(lottery_id, member_id, key)
        if existing is not None:
            return await _draw_out(existing, lot.view), False
        raise Conflict("the points budget cannot cover this draw's points prizes: drawing is paused",
                       code="budget_exhausted", details=refusal)
    r = secrets.randbits(pool.RANDOM_BITS)
    day = rt.clock.day_of(now)
    try:
        async with in_transaction() as c:
            await ledger.lock_member(c, member_id)
            st = await _member_state(c, lot.id, member_id, day, key)
            if st.duplicate_id is not None:  # this key was drawn already (a retry, or a copy that won the lock)
                return await _draw_out(await LotteryDraw.get(id=st.duplicate_id).using_db(c), lot.view), False
            if lot.daily_draws is not None and st.today >= lot.daily_draws:
                raise Conflict(f"no draws left today ({lot.daily_draws} a day)", code="draw_limit_reached",
                               details={"limit": "per_day", "draws": st.today, "max": lot.daily_draws})
            if lot.lifetime_draws is not None and st.total >= lot.lifetime_draws:
                raise Conflict(f"no draws left ({lot.lifetime_draws} in all)", code="draw_limit_reached",
                               details={"limit": "lifetime", "draws": st.total, "max": lot.lifetime_draws})
            spent = await ledger.spend(member_id, lot.cost_points, f"lottery:{lot.id}:{key}", now=now,
                                       source=f"lottery:{lot.id}", event="lottery_draw",
                                       trace={"lottery_id": lot.id, "request_key": key})
            if spent.duplicate:  # pragma: no cover - the key's draw row commits with its spend
                raise Conflict("this Idempotency-Key was already spent", code="idempotency_key_reused")
            live = {int(x["id"]): x for x in await fetch(
                c, "SELECT id, stock_left, active FROM lottery_prizes WHERE lottery_id = $1", [lot.id])}
            excluded = _excluded(prizes, live, st.won)
            by_id = {int(p["id"]): p for p in prizes}
            while True:
                decision = pool.decide(r, prizes, set(excluded), st.pity, version.pity_after)
                prize = by_id[decision.prize_id]
                limited = live.get(decision.prize_id) is not None and live[decision.prize_id]["stock_left"] is not None
                try:
                    if _claim_steps(prize, limited) > 1:  # a savepoint: a failed claim leaves nothing behind
                        async with in_transaction():
                            grant = await _claim(rt, c, lot, prize, limited, member_id, key, now, day, refusal)
                    else:  # at most one step can fail, before anything is written: no savepoint needed
                        grant = await _claim(rt, c, lot, prize, limited, member_id, key, now, day, refusal)
                    break
                except _Unavailable as exc:
                    if prize["consolation"]:
                        raise Conflict("the consolation prize cannot be given now (its coupon is out): drawing "
                                       "is paused", code="consolation_unavailable",
                                       details={"reason": exc.reason}) from exc
                    excluded[int(prize["id"])] = exc.reason
            d = await LotteryDraw.create(
                lottery_id=lot.id, member_id=member_id, request_key=key, pool_version=version.version, random=r,
                weights=[[int(p["id"]), int(p["weight"])] for p in prizes],
                unavailable={str(k): v for k, v in sorted(excluded.items())}, pity_count=st.pity,
                pity_after=version.pity_after, decided_by=decision.decided_by, prize_id=int(prize["id"]),
                prize_kind=prize["kind"], prize_name=prize["name"], real_prize=not prize["consolation"],
                slot=prize["slot"], points=prize["points"] if prize["kind"] == "points" else None,
                coupon_id=grant.get("coupon_id"), cost_points=lot.cost_points, spend_entry_id=spent.entry_id,
                prize_entry_id=grant.get("entry_id"), day=day, created_at=now, using_db=c)
            gift = None
            if prize["kind"] == "gift":
                gift = await LotteryGift.create(draw_id=d.id, lottery_id=lot.id, member_id=member_id,
                                                prize_id=int(prize["id"]), name=prize["name"], state="won",
                                                created_at=now, using_db=c)
    except INTEGRITY_ERRORS:
        dup = await _existing(lottery_id, member_id, key)
        if dup is None:
            raise
        return await _draw_out(dup, lot.view), False
    if grant.get("points"):
        await budget.record_issued(rt, cfg, now, int(grant["points"]))
    return draw_view(d, gift, grant.get("coupon_code"), lot.view), True


def _claim_steps(prize: dict[str, Any], limited: bool) -> int:
    """How many steps of the claim can find the prize unavailable (stock, daily cap, the coupon's own stock)."""
    if prize["consolation"]:
        return int(prize["kind"] == "coupon")
    return int(limited) + int(prize.get("daily_limit") is not None) + int(prize["kind"] == "coupon")


async def _claim(rt: Runtime, c: Any, lot: Lottery, prize: dict[str, Any], limited: bool, member_id: int, key: str,
                 now: datetime, day: Any, budget_flag: dict[str, Any] | None) -> dict[str, Any]:
    """Take one of the prize (stock, daily cap) and give it. Raises _Unavailable when it cannot be had.
    `budget_flag`: the budget's breach in mode flag, kept in the points entry's trace like an award's."""
    pid = int(prize["id"])
    if not prize["consolation"]:
        if limited and not await fetch(c, "UPDATE lottery_prizes SET stock_left = stock_left - 1 WHERE id = $1 "
                                          "AND stock_left > 0 RETURNING stock_left", [pid]):
            raise _Unavailable("stock_out")
        if prize.get("daily_limit") is not None:
            if not await fetch(c, "INSERT INTO lottery_prize_days (prize_id, day, won) VALUES ($1, $2, 1) "
                                  "ON CONFLICT (prize_id, day) DO UPDATE SET won = lottery_prize_days.won + 1 "
                                  "WHERE lottery_prize_days.won < $3 RETURNING won",
                               [pid, day, int(prize["daily_limit"])]):
                raise _Unavailable("daily_limit")
    if prize["kind"] == "points":
        points = int(prize["points"] or 0)
        posted = await ledger.post_earn(ledger.EarnPosting(
            member_id=member_id, amount=points, growth=0, account="available", event="lottery_prize",
            source=f"lottery:{lot.id}", rule_id=None, idem_key=f"lottery-prize:{lot.id}:{key}",
            trace={"lottery_id": lot.id, "prize_id": pid, "request_key": key,
                   **({"budget": budget_flag} if budget_flag else {})},
            expires_at=default_adjust_expiry(now), release_at=None, now=now, counters=[]), c)
        return {"points": points, "entry_id": posted.entry_id}
    if prize["kind"] == "coupon":
        template = await CouponTemplate.get_or_none(id=int(prize["coupon_template_id"]), active=True)
        if template is None:
            raise _Unavailable("coupon_inactive")
        member = await Member.get(id=member_id)
        digest = hashlib.sha256(key.encode()).hexdigest()[:32]
        issued = await coupons.issue(rt, template, member, f"lottery:{lot.id}:{member_id}:{digest}", now=now)
        if issued.coupon is None:
            raise _Unavailable(f"coupon_{issued.reason or 'unavailable'}")
        return {"coupon_id": issued.coupon.id, "coupon_code": issued.coupon.code}
    return {}


# -- audit ------------------------------------------------------------------------------------------------------
async def replay(lottery_id: int, draw_id: int) -> dict[str, Any]:
    """Recompute a recorded draw from its inputs and say whether everything matches: the pool version's weights
    (immutable) against those the draw recorded, the member's pity count from the draw history, and the
    decision from the recorded random number, exclusions and pity setting."""
    d = await LotteryDraw.get_or_none(id=draw_id, lottery_id=lottery_id)
    if d is None:
        raise NotFound(f"no draw #{draw_id} in lottery #{lottery_id}", code="draw_not_found")
    version = await LotteryPoolVersion.get(lottery_id=lottery_id, version=d.pool_version)
    prizes: list[dict[str, Any]] = version.prizes
    weights = [[int(p["id"]), int(p["weight"])] for p in prizes]
    excluded = {int(k) for k in (d.unavailable or {})}
    pity = await pity_count(_c(), lottery_id, d.member_id, before_id=d.id)
    decision = pool.decide(int(d.random), prizes, excluded, d.pity_count, version.pity_after)
    positive = [p for p in prizes if int(p["weight"]) > 0]
    total = sum(int(p["weight"]) for p in positive)
    checks = {
        "weights": weights == [list(map(int, w)) for w in d.weights],
        "pity_after": version.pity_after == d.pity_after,
        "pity_count": pity == d.pity_count,
        "prize": decision.prize_id == d.prize_id,
        "decided_by": decision.decided_by == d.decided_by,
    }
    return {
        "draw": {"id": d.id, "member_id": d.member_id, "pool_version": d.pool_version, "random": str(d.random),
                 "weights": d.weights, "unavailable": d.unavailable, "pity_count": d.pity_count,
                 "pity_after": d.pity_after, "decided_by": d.decided_by, "prize_id": d.prize_id,
                 "created_at": _iso(d.created_at)},
        "recomputed": {"weights": weights, "total_weight": total, "random_mod_total": int(d.random) % total
                       if total else None, "pity_count": pity, "pity_due": pool.pity_due(d.pity_count,
                                                                                          version.pity_after),
                       "prize_id": decision.prize_id, "decided_by": decision.decided_by},
        "explained": pool.explain(int(d.random), prizes, excluded, d.pity_count, version.pity_after),
        "pool": [{"id": int(p["id"]), "name": p["name"], "kind": p["kind"], "weight": int(p["weight"]),
                  "consolation": bool(p["consolation"]), "slot": p.get("slot")} for p in prizes],
        "checks": checks,
        "matches": all(checks.values()),
    }
