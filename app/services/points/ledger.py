"""Ledger writes. Every change is entries + buckets + the member row in one transaction.

Earning (`post_earn`) is the hot path: on PostgreSQL it is ONE statement (data-modifying CTEs; the
`jifen_assert` function aborts the whole statement when a guard or cap lost a race), on SQLite the same
steps run sequentially in a transaction. Spending, reversals, claw-backs and adjustments are rarer and
lock the member row first (the same lock order as the expiry sweep, so they cannot deadlock).

Claw-backs below zero: points already spent cannot be taken back, so the shortfall becomes a `debt`
bucket with a negative remaining amount; the balance goes negative and later earnings pay it off,
soonest-expiring bucket first. Invariant: balance == sum(active + debt buckets), and a debt bucket never
stands beside a positive active bucket: every change that can put points next to a debt (an award, a
release, a reversal) nets them in its own statement or transaction (`netting_ctes` in the single
statements, `net_debt` under the member lock elsewhere), never in a follow-up commit that a crash could
skip. The `ledger_debt_netting` reconcile check repairs rows an older release left un-netted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from app.db import conn as default_conn
from app.db import is_postgres_conn
from app.errors import InsufficientPoints, NotFound
from app.runtime import Runtime
from app.services import reconcile
from app.services.points.calc import tier_sql
from app.sqlx import INTEGRITY_ERRORS, execute, fetch, fetchrow, row_lock


class GuardFailed(Exception):
    """The guard row (e.g. today's check-in) already existed: someone else did this first."""


class CapRace(Exception):
    """A concurrent award consumed the cap between our read and our write; re-plan and retry."""


class DuplicateKey(Exception):
    """The idempotency key is already on the ledger."""


@dataclass
class Guard:
    """A row inserted in the same statement as the award; if it already exists nothing is written."""

    table: str
    columns: list[str]
    values: list[Any]
    conflict: str
    member_sets: dict[str, Any]


@dataclass
class EarnPosting:
    member_id: int
    amount: int
    growth: int
    account: str  # available | pending
    event: str
    source: str | None
    rule_id: int | None
    idem_key: str
    trace: dict[str, Any]
    expires_at: datetime | None
    release_at: datetime | None
    now: datetime
    counters: list[tuple[str, int, int]]
    guard: Guard | None = None
    kind: str = "earn"


@dataclass
class Posted:
    entry_id: int
    balance: int
    pending: int
    growth: int
    tier_level: int


class Params:
    """Positional parameter collector: returns `$n` for each value."""

    def __init__(self) -> None:
        self.values: list[Any] = []

    def __call__(self, value: Any) -> str:
        self.values.append(value)
        return f"${len(self.values)}"


def netting_ctes(member: str, credit: str, source: str = "m") -> list[str]:
    """CTEs that pay a member's debt off from a credit inside the crediting statement (PostgreSQL).

    `source` is the statement's member UPDATE (its RETURNING `balance` is the balance after the credit, read
    under the row lock, so it is current even when the statement waited for another transaction); `credit`
    is the available points the statement adds. While no positive bucket stands beside a debt, the debt owed
    is exactly -(balance before the credit), so `net.take` = min(credit, owed) is what the new bucket(s) give
    to the debt. `netl` locks the debt buckets only once the member row is locked (the same lock order as
    every other writer) and FOR UPDATE reads their current amounts even where the statement's snapshot is
    older; `netd` pays them oldest first. The new bucket(s) must be inserted with
    `remaining = amount - their share of net.take`. With nothing to take (the balance before the credit was
    not negative: the usual case) `netl` reads no bucket at all: `netd` could allocate nothing anyway.
    `NET_CHECK` must hold or the statement aborts ('jifen:net'): it fails only when a debt bucket was created
    after the statement's snapshot (a claw-back that committed while this statement waited for the member),
    and the caller retries, so nothing ever lands half-netted.
    """
    return [
        f"net AS (SELECT LEAST({credit}, GREATEST(0, {credit} - {source}.balance)) AS take FROM {source})",
        f"netl AS (SELECT dx.id, dx.remaining FROM point_buckets dx WHERE dx.member_id = {member} "
        f"AND dx.state = 'debt' AND dx.remaining < 0 AND EXISTS (SELECT 1 FROM net WHERE net.take > 0) "
        "FOR UPDATE)",
        "netd AS (UPDATE point_buckets SET remaining = point_buckets.remaining + x.alloc FROM (SELECT netl.id, "
        "LEAST(-netl.remaining, GREATEST(0, net.take - COALESCE(SUM(-netl.remaining) OVER (ORDER BY netl.id "
        "ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0))) AS alloc FROM netl, net) x "
        "WHERE point_buckets.id = x.id AND x.alloc > 0 RETURNING point_buckets.remaining, x.alloc)",
    ]


NET_CHECK = ("(SELECT COALESCE(SUM(alloc), 0) FROM netd) = COALESCE((SELECT take FROM net), 0) "
             "AND NOT EXISTS (SELECT 1 FROM netd WHERE remaining > 0)")
"""Every point `net` took went to a debt bucket, and no debt bucket was overpaid (see `netting_ctes`)."""


def _counter_sql(p: Params, post: EarnPosting) -> str:
    rows = ", ".join(f"({p(post.member_id)}, {p(post.rule_id)}, {p(period)}, 1, {p(post.amount)})"
                     for period, _, _ in post.counters)
    life = next(((c, pts) for per, c, pts in post.counters if per == "life"), (2147483647, 2147483647))
    day = next(((c, pts) for per, c, pts in post.counters if per != "life"), (2147483647, 2147483647))
    return (
        f"INSERT INTO award_counters (member_id, rule_id, period, count, points) VALUES {rows} "
        "ON CONFLICT (member_id, rule_id, period) DO UPDATE SET count = award_counters.count + 1, "
        "points = award_counters.points + excluded.points "
        f"WHERE award_counters.count + 1 <= CASE award_counters.period WHEN 'life' THEN CAST({p(life[0])} AS INT) "
        f"ELSE CAST({p(day[0])} AS INT) END AND award_counters.points + excluded.points <= "
        f"CASE award_counters.period WHEN 'life' THEN CAST({p(life[1])} AS INT) ELSE CAST({p(day[1])} AS INT) END "
        "RETURNING 1"
    )


def _guard_sql(p: Params, g: Guard) -> str:
    cols = ", ".join(g.columns)
    vals = ", ".join(p(v) for v in g.values)
    return f"INSERT INTO {g.table} ({cols}) VALUES ({vals}) ON CONFLICT {g.conflict} DO NOTHING RETURNING 1"


def _member_sql(p: Params, post: EarnPosting, pg: bool) -> str:
    avail = post.amount if post.account == "available" else 0
    pend = post.amount if post.account == "pending" else 0
    growth = p(post.growth)
    top_tier = tier_sql(f"members.growth + {growth}")
    greatest = "GREATEST" if pg else "max"
    sets = [f"balance = balance + {p(avail)}", f"pending = pending + {p(pend)}", f"growth = growth + {growth}",
            f"tier_level = {greatest}(tier_level, {top_tier})", f"updated_at = {p(post.now)}"]
    if post.guard:
        sets += [f"{col} = {p(v)}" for col, v in post.guard.member_sets.items()]
    return (f"UPDATE members SET {', '.join(sets)} WHERE id = {p(post.member_id)} "
            "RETURNING balance, pending, growth, tier_level")


ENTRY_COLS = ("member_id, account, amount, kind, event, source, rule_id, idem_key, balance_after, growth, trace, "
               "created_at")
BUCKET_COLS = "member_id, entry_id, state, initial, remaining, expired_amount, expires_at, release_at, created_at"


async def post_earn(post: EarnPosting, c: BaseDBAsyncClient | None = None) -> Posted:
    c = c or default_conn()
    try:
        if is_postgres_conn(c):
            return await _post_earn_pg(c, post)
        async with in_transaction() as tx:
            return await _post_earn_sequential(tx, post)
    except INTEGRITY_ERRORS as exc:
        if "idem_key" in str(exc) or "point_entries" in str(exc) or "uid_point_entr" in str(exc):
            raise DuplicateKey(post.idem_key) from exc
        raise
    except Exception as exc:
        msg = str(exc)
        if "jifen:guard" in msg:
            raise GuardFailed() from exc
        if "jifen:cap" in msg or "jifen:net" in msg:
            raise CapRace() from exc
        raise


async def _post_earn_pg(c: BaseDBAsyncClient, post: EarnPosting) -> Posted:
    p = Params()
    ctes = []
    checks = []
    if post.guard:
        ctes.append(f"g AS ({_guard_sql(p, post.guard)})")
        checks.append("(SELECT count(*) FROM g) = 1")
    if post.counters:
        ctes.append(f"c AS ({_counter_sql(p, post)})")
        checks.append(f"(SELECT count(*) FROM c) = {len(post.counters)}")
    ctes.append(f"m AS ({_member_sql(p, post, pg=True)})")
    balance_col = "m.pending" if post.account == "pending" else "m.balance"
    ctes.append(
        f"e AS (INSERT INTO point_entries ({ENTRY_COLS}) SELECT {p(post.member_id)}, {p(post.account)}, "
        f"{p(post.amount)}, {p(post.kind)}, {p(post.event)}, {p(post.source)}, {p(post.rule_id)}, {p(post.idem_key)}, "
        f"{balance_col}, {p(post.growth)}, {p(post.trace)}::jsonb, {p(post.now)} FROM m RETURNING id)")
    nets = post.amount > 0 and post.account == "available"
    if post.amount > 0:
        state = "pending" if post.account == "pending" else "active"
        amt = p(post.amount)
        remaining, joined = (f"{amt} - LEAST({amt}, net.take)", "e, net") if nets else (amt, "e")
        if nets:
            ctes += netting_ctes(p(post.member_id), f"CAST({amt} AS INT)")
        ctes.append(
            f"b AS (INSERT INTO point_buckets ({BUCKET_COLS}) SELECT {p(post.member_id)}, e.id, {p(state)}, "
            f"{amt}, {remaining}, 0, {p(post.expires_at)}::timestamptz, {p(post.release_at)}::timestamptz, "
            f"{p(post.now)} FROM {joined} RETURNING id)")
    check = " AND ".join(checks) or "true"
    guard_msg = "'jifen:guard'" if post.guard else "'jifen:cap'"
    if post.guard and post.counters:
        guard_msg = "CASE WHEN (SELECT count(*) FROM g) = 1 THEN 'jifen:cap' ELSE 'jifen:guard' END"
    net_ok = f", jifen_assert({NET_CHECK}, 'jifen:net') AS net_ok" if nets else ""
    text = (f"WITH {', '.join(ctes)} SELECT m.balance, m.pending, m.growth, m.tier_level, e.id AS entry_id, "
            f"jifen_assert({check}, {guard_msg}) AS ok{net_ok} FROM m, e")
    row = await fetchrow(c, text, p.values)
    if row is None:
        raise NotFound("member not found", code="member_not_found")
    return Posted(entry_id=row["entry_id"], balance=row["balance"], pending=row["pending"], growth=row["growth"],
                  tier_level=row["tier_level"])


async def _post_earn_sequential(c: BaseDBAsyncClient, post: EarnPosting) -> Posted:
    if post.guard:
        p = Params()
        if not await fetch(c, _guard_sql(p, post.guard), p.values):
            raise GuardFailed()
    if post.counters:
        p = Params()
        if len(await fetch(c, _counter_sql(p, post), p.values)) != len(post.counters):
            raise CapRace()
    p = Params()
    m = await fetchrow(c, _member_sql(p, post, pg=False), p.values)
    if m is None:
        raise NotFound("member not found", code="member_not_found")
    balance_after = m["pending"] if post.account == "pending" else m["balance"]
    entry = await fetchrow(
        c, f"INSERT INTO point_entries ({ENTRY_COLS}) VALUES ($1, $2, $3, $12, $4, $5, $6, $7, $8, $9, $10, $11) "
        "RETURNING id",
        [post.member_id, post.account, post.amount, post.event, post.source, post.rule_id, post.idem_key,
         balance_after, post.growth, post.trace, post.now, post.kind])
    assert entry is not None
    if post.amount > 0:
        await execute(c, f"INSERT INTO point_buckets ({BUCKET_COLS}) VALUES ($1, $2, $3, $4, $4, 0, $5, $6, $7)",
                      [post.member_id, entry["id"], "pending" if post.account == "pending" else "active",
                       post.amount, post.expires_at, post.release_at, post.now])
        if post.account == "available":
            await net_debt(c, post.member_id)  # same transaction: a crash cannot leave the points beside a debt
    return Posted(entry_id=entry["id"], balance=m["balance"], pending=m["pending"], growth=m["growth"],
                  tier_level=m["tier_level"])


# --- locked operations -----------------------------------------------------------------------------


async def lock_member(c: BaseDBAsyncClient, member_id: int) -> Any:
    row = await fetchrow(c, f"SELECT id, balance, pending, growth, tier_level FROM members WHERE id = $1{row_lock(c)}",
                         [member_id])
    if row is None:
        raise NotFound("member not found", code="member_not_found")
    return row


async def find_entry(c: BaseDBAsyncClient, member_id: int, idem_key: str) -> Any | None:
    return await fetchrow(c, "SELECT id, account, amount, kind, balance_after, growth, trace, source FROM "
                             "point_entries WHERE member_id = $1 AND idem_key = $2", [member_id, idem_key])


async def insert_entry(c: BaseDBAsyncClient, *, member_id: int, account: str, amount: int, kind: str,
                       idem_key: str, balance_after: int, now: datetime, event: str | None = None,
                       source: str | None = None, rule_id: int | None = None, growth: int = 0,
                       trace: dict[str, Any] | None = None) -> int:
    row = await fetchrow(
        c, f"INSERT INTO point_entries ({ENTRY_COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) "
        "RETURNING id",
        [member_id, account, amount, kind, event, source, rule_id, idem_key, balance_after, growth, trace, now])
    assert row is not None
    return int(row["id"])


async def expire_member_due(c: BaseDBAsyncClient, member_id: int, now: datetime) -> int:
    """Expire this member's due buckets inside the caller's transaction (member row already locked).

    Any debt is netted first, soonest-expiring points first: points about to expire pay the debt rather than
    lapse while the member still owes (the debt would otherwise be paid twice, once by the lapse and once
    by the next earnings).
    """
    await net_debt(c, member_id)
    rows = await fetch(c, "SELECT id, remaining FROM point_buckets WHERE member_id = $1 AND state = 'active' "
                          "AND expires_at <= $2 AND remaining > 0 ORDER BY id", [member_id, now])
    if not rows:
        return 0
    total = 0
    m = await fetchrow(c, "SELECT balance FROM members WHERE id = $1", [member_id])
    balance = int(m["balance"])
    for r in rows:
        amount = int(r["remaining"])
        balance -= amount
        total += amount
        await execute(c, "UPDATE point_buckets SET state = 'expired', expired_amount = remaining, remaining = 0 "
                         "WHERE id = $1", [r["id"]])
        await insert_entry(c, member_id=member_id, account="available", amount=-amount, kind="expire",
                           idem_key=f"expire:{r['id']}", balance_after=balance, now=now, source="expiry",
                           trace={"bucket_id": r["id"]})
    await execute(c, "UPDATE members SET balance = balance - $1, updated_at = $2 WHERE id = $3",
                  [total, now, member_id])
    return total


async def consume_buckets(c: BaseDBAsyncClient, member_id: int, amount: int, entry_id: int | None,
                          prefer_entry: int | None = None) -> list[tuple[int, int]]:
    """Take `amount` from active buckets, soonest-expiring first (never-expiring last). Returns allocations."""
    order = "expires_at IS NULL, expires_at, id"
    if prefer_entry is not None:
        order = f"CASE WHEN entry_id = {int(prefer_entry)} THEN 0 ELSE 1 END, {order}"
    rows = await fetch(c, f"SELECT id, remaining FROM point_buckets WHERE member_id = $1 AND state = 'active' "
                          f"AND remaining > 0 ORDER BY {order}", [member_id])
    allocations: list[tuple[int, int]] = []
    left = amount
    for r in rows:
        if left <= 0:
            break
        take = min(left, int(r["remaining"]))
        allocations.append((int(r["id"]), take))
        left -= take
    if len(allocations) > 1 and is_postgres_conn(c):  # one statement each, whatever the number of lots
        ids, takes = [a[0] for a in allocations], [a[1] for a in allocations]
        await execute(c, "UPDATE point_buckets SET remaining = point_buckets.remaining - t.take FROM "
                         "unnest($1::bigint[], $2::int[]) AS t(id, take) WHERE point_buckets.id = t.id", [ids, takes])
        if entry_id is not None:
            await execute(c, "INSERT INTO spend_allocations (entry_id, bucket_id, amount) SELECT $1, t.b, t.a FROM "
                             "unnest($2::bigint[], $3::int[]) WITH ORDINALITY AS t(b, a, n) ORDER BY t.n",
                          [entry_id, ids, takes])
        return allocations
    for bucket_id, take in allocations:
        await execute(c, "UPDATE point_buckets SET remaining = remaining - $1 WHERE id = $2", [take, bucket_id])
    if entry_id is not None:
        for bucket_id, take in allocations:
            await execute(c, "INSERT INTO spend_allocations (entry_id, bucket_id, amount) VALUES ($1, $2, $3)",
                          [entry_id, bucket_id, take])
    return allocations


@dataclass
class SpendResult:
    entry_id: int
    amount: int
    balance: int
    duplicate: bool
    allocations: list[tuple[int, int]]


async def spend(member_id: int, amount: int, idem_key: str, *, now: datetime, kind: str = "spend",
                source: str | None = None, event: str | None = None,
                trace: dict[str, Any] | None = None) -> SpendResult:
    """Take exactly `amount` points or fail with insufficient_points; never partial, never negative."""
    if amount <= 0:
        raise ValueError("spend amount must be positive")
    async with in_transaction() as c:
        await lock_member(c, member_id)
        return await spend_locked(c, member_id, amount, idem_key, now=now, kind=kind, source=source, event=event,
                                  trace=trace)


async def spend_locked(c: BaseDBAsyncClient, member_id: int, amount: int, idem_key: str, *, now: datetime,
                       kind: str = "spend", source: str | None = None, event: str | None = None,
                       trace: dict[str, Any] | None = None, fresh_key: bool = False) -> SpendResult:
    """`spend` inside the caller's transaction, which already holds `lock_member` (a redemption that must
    commit its spend with its own rows, e.g. the mall's order and stock, without a savepoint per spend).
    `fresh_key`: the caller derived the key from a row it just inserted, so it cannot be on the ledger yet
    (the unique (member, idem_key) index still stands behind that)."""
    if amount <= 0:
        raise ValueError("spend amount must be positive")
    if not fresh_key:
        existing = await find_entry(c, member_id, idem_key)
        if existing is not None:
            return SpendResult(entry_id=existing["id"], amount=-int(existing["amount"]),
                               balance=int(existing["balance_after"]), duplicate=True, allocations=[])
    # one read in the common case: the balance, and whether a debt or a due lot needs the full expiry step
    m = await fetchrow(c, "SELECT m.balance, EXISTS (SELECT 1 FROM point_buckets d WHERE d.member_id = m.id AND "
                          "d.state = 'debt' AND d.remaining < 0) AS debt, EXISTS (SELECT 1 FROM point_buckets b "
                          "WHERE b.member_id = m.id AND b.state = 'active' AND b.expires_at <= $2 AND b.remaining > 0) "
                          "AS due FROM members m WHERE m.id = $1", [member_id, now])
    if m["debt"] or m["due"]:
        await expire_member_due(c, member_id, now)  # nets any debt first, so a spend never skips over one
        m = await fetchrow(c, "SELECT balance FROM members WHERE id = $1", [member_id])
    balance = int(m["balance"])
    if balance < amount:
        raise InsufficientPoints(f"needs {amount} points, has {max(balance, 0)}",
                                 details={"required": amount, "balance": balance})
    entry_id = await insert_entry(c, member_id=member_id, account="available", amount=-amount, kind=kind,
                                  idem_key=idem_key, balance_after=balance - amount, now=now, source=source,
                                  event=event, trace=trace)
    allocations = await consume_buckets(c, member_id, amount, entry_id)
    await execute(c, "UPDATE members SET balance = balance - $1, updated_at = $2 WHERE id = $3",
                  [amount, now, member_id])
    return SpendResult(entry_id=entry_id, amount=amount, balance=balance - amount, duplicate=False,
                       allocations=allocations)


async def reverse_spend(member_id: int, spend_idem_key: str, idem_key: str, *, now: datetime,
                        source: str | None = None) -> SpendResult:
    """Undo a spend (cancelled redemption): restore exactly the buckets it drew from, original expiry kept.

    Reversal never revives expired points. The refund entry gives back the whole spend (the redemption is
    undone in full, so redemption and breakage reports stay right); the part that came from a lot which has
    expired meanwhile is expired again at once by a second entry in the same transaction
    (`<idem_key>:expired`, kind `expire`, the lots in its trace). Such a lot is never reopened: it keeps its
    one `expire:<lot>` entry and its state, so the sweep never meets it again. A lot that is due but not yet
    swept is restored and expired here under its own `expire:<lot>` key, like any due lot.
    """
    async with in_transaction() as c:
        await lock_member(c, member_id)
        existing = await find_entry(c, member_id, idem_key)
        if existing is not None:
            return SpendResult(entry_id=existing["id"], amount=int(existing["amount"]),
                               balance=int(existing["balance_after"]), duplicate=True, allocations=[])
        original = await find_entry(c, member_id, spend_idem_key)
        if original is None or original["kind"] != "spend":
            raise NotFound("no such spend to reverse", code="spend_not_found")
        allocations = await fetch(c, "SELECT a.bucket_id, a.amount, b.state FROM spend_allocations a "
                                     "JOIN point_buckets b ON b.id = a.bucket_id WHERE a.entry_id = $1 "
                                     "ORDER BY a.id", [original["id"]])
        amount = sum(int(a["amount"]) for a in allocations)
        lapsed = [(int(a["bucket_id"]), int(a["amount"])) for a in allocations if a["state"] == "expired"]
        for a in allocations:
            if a["state"] != "expired":
                await execute(c, "UPDATE point_buckets SET remaining = remaining + $1 WHERE id = $2 "
                                 "AND state = 'active'", [a["amount"], a["bucket_id"]])
        m = await fetchrow(c, "UPDATE members SET balance = balance + $1, updated_at = $2 WHERE id = $3 "
                              "RETURNING balance", [amount, now, member_id])
        entry_id = await insert_entry(c, member_id=member_id, account="available", amount=amount, kind="refund",
                                      idem_key=idem_key, balance_after=int(m["balance"]), now=now, source=source,
                                      trace={"reverses": original["id"],
                                             "buckets": [[a["bucket_id"], a["amount"]] for a in allocations]})
        if lapsed:
            gone = sum(x for _, x in lapsed)
            m = await fetchrow(c, "UPDATE members SET balance = balance - $1, updated_at = $2 WHERE id = $3 "
                                  "RETURNING balance", [gone, now, member_id])
            await insert_entry(c, member_id=member_id, account="available", amount=-gone, kind="expire",
                               idem_key=f"{idem_key}:expired", balance_after=int(m["balance"]), now=now,
                               source=source, trace={"reverses": original["id"], "refund_entry": entry_id,
                                                     "expired_buckets": [list(x) for x in lapsed]})
        await expire_member_due(c, member_id, now)  # nets any debt, then expires restored lots already due
        m = await fetchrow(c, "SELECT balance FROM members WHERE id = $1", [member_id])
        return SpendResult(entry_id=entry_id, amount=amount, balance=int(m["balance"]), duplicate=False,
                           allocations=[(int(a["bucket_id"]), int(a["amount"])) for a in allocations])


async def net_debt(c: BaseDBAsyncClient, member_id: int) -> int:
    """Pay a debt bucket off from positive buckets (no ledger entry: the balance does not change).

    Caller holds the member lock (or is the statement's transaction on SQLite). Returns the points netted.
    """
    debts = await fetch(c, "SELECT id, remaining FROM point_buckets WHERE member_id = $1 AND state = 'debt' "
                           "AND remaining < 0 ORDER BY id", [member_id])
    netted = 0
    for d in debts:
        owed = -int(d["remaining"])
        taken = sum(t for _, t in await consume_buckets(c, member_id, owed, None))
        if taken:
            await execute(c, "UPDATE point_buckets SET remaining = remaining + $1 WHERE id = $2", [taken, d["id"]])
            netted += taken
        if taken < owed:
            break  # nothing positive left
    return netted


UNNETTED = ("SELECT DISTINCT d.member_id FROM point_buckets d WHERE d.state = 'debt' AND d.remaining < 0 AND "
            "EXISTS (SELECT 1 FROM point_buckets a WHERE a.member_id = d.member_id AND a.state = 'active' "
            "AND a.remaining > 0)")
"""Members with a debt bucket beside a positive active bucket (what netting prevents; verify flags it)."""


async def net_debts_where(c: BaseDBAsyncClient, where: str, params: list[Any]) -> int:
    """Net every member matching `where` (on `d.member_id`; rows locked by the caller) that has a debt beside
    positive buckets: the set-based sweeps' netting, one cheap query when nobody in the batch is in debt."""
    rows = await fetch(c, f"{UNNETTED} AND {where}", params)
    netted = 0
    for r in rows:
        netted += await net_debt(c, int(r[0]))
    return netted


def _tier_after_debit(growth: int, pg: bool) -> str:
    """The tier after taking `growth` ($2) back: it follows the growth down at once (a refunded purchase must
    not keep the tier it bought until the monthly evaluation), never up; untouched when no growth moves."""
    if not growth:
        return "tier_level"
    least = "LEAST" if pg else "min"
    return f"{least}(tier_level, {tier_sql('members.growth - $2')})"


async def _tier_of(c: BaseDBAsyncClient, member_id: int) -> int:
    """The member's tier as the caller's row lock holds it (for the tier history only)."""
    row = await fetchrow(c, "SELECT tier_level FROM members WHERE id = $1", [member_id])
    return int(row["tier_level"]) if row else 0


async def apply_debit(c: BaseDBAsyncClient, member_id: int, amount: int, *, now: datetime, kind: str,
                      idem_key: str, source: str | None, trace: dict[str, Any], prefer_entry: int | None = None,
                      growth: int = 0) -> tuple[int, int]:
    """Take points even below zero (claw-back, negative adjustment); the shortfall becomes a debt bucket.

    Caller holds the member lock. Returns (entry id, new balance). Due buckets are expired first, so a
    claw-back never consumes points that were already past their expiry.
    """
    await expire_member_due(c, member_id, now)
    tier_before = await _tier_of(c, member_id) if growth else None
    m = await fetchrow(c, "UPDATE members SET balance = balance - $1, growth = growth - $2, "
                          f"tier_level = {_tier_after_debit(growth, is_postgres_conn(c))}, updated_at = $3 "
                          "WHERE id = $4 RETURNING balance, tier_level", [amount, growth, now, member_id])
    if tier_before is not None and int(m["tier_level"]) != tier_before:
        await execute(c, "INSERT INTO tier_changes (member_id, from_level, to_level, reason, created_at) "
                         "VALUES ($1, $2, $3, 'refund', $4)", [member_id, tier_before, m["tier_level"], now])
    entry_id = await insert_entry(c, member_id=member_id, account="available", amount=-amount, kind=kind,
                                  idem_key=idem_key, balance_after=int(m["balance"]), now=now, source=source,
                                  trace=trace, growth=-growth)
    taken = sum(t for _, t in await consume_buckets(c, member_id, amount, entry_id, prefer_entry))
    if taken < amount:
        await execute(c, f"INSERT INTO point_buckets ({BUCKET_COLS}) "
                         "VALUES ($1, $2, 'debt', $3, $3, 0, NULL, NULL, $4)",
                      [member_id, entry_id, -(amount - taken), now])
    return entry_id, int(m["balance"])



@dataclass
class ClawbackResult:
    duplicate: bool
    from_pending: int
    from_available: int
    balance: int
    pending: int


async def clawback(member_id: int, earn_entry_ids: list[int], amount: int, growth: int, idem_key: str, *,
                   now: datetime, source: str | None, trace: dict[str, Any] | None = None) -> ClawbackResult:
    """Take back points an earlier award granted (payment refund): its pending points first, then its own
    available buckets, then any other bucket, and a debt bucket for what was already spent."""
    async with in_transaction() as c:
        await lock_member(c, member_id)
        if await find_entry(c, member_id, idem_key) or await find_entry(c, member_id, f"{idem_key}:pending"):
            m = await fetchrow(c, "SELECT balance, pending FROM members WHERE id = $1", [member_id])
            return ClawbackResult(True, 0, 0, int(m["balance"]), int(m["pending"]))
        left = amount
        from_pending = 0
        if earn_entry_ids:
            marks = ", ".join(f"${i + 2}" for i in range(len(earn_entry_ids)))
            buckets = await fetch(c, f"SELECT id, remaining FROM point_buckets WHERE member_id = $1 AND state = "
                                     f"'pending' AND remaining > 0 AND entry_id IN ({marks}) ORDER BY id",
                                  [member_id, *earn_entry_ids])
            for b in buckets:
                take = min(left, int(b["remaining"]))
                if take <= 0:
                    break
                await execute(c, "UPDATE point_buckets SET remaining = remaining - $1 WHERE id = $2", [take, b["id"]])
                from_pending += take
                left -= take
        if from_pending:
            m = await fetchrow(c, "UPDATE members SET pending = pending - $1 WHERE id = $2 RETURNING pending",
                               [from_pending, member_id])
            await insert_entry(c, member_id=member_id, account="pending", amount=-from_pending, kind="refund",
                               idem_key=f"{idem_key}:pending", balance_after=int(m["pending"]), now=now,
                               source=source, trace=trace)
        if left > 0 or growth > 0:
            await apply_debit(c, member_id, left, now=now, kind="refund", idem_key=idem_key,
                                           source=source, trace=trace or {},
                                           prefer_entry=earn_entry_ids[0] if earn_entry_ids else None,
                                           growth=growth)
        m = await fetchrow(c, "SELECT balance, pending FROM members WHERE id = $1", [member_id])
        return ClawbackResult(False, from_pending, left, int(m["balance"]), int(m["pending"]))


async def adjust(member_id: int, amount: int, idem_key: str, *, now: datetime, reason: str, operator: str,
                 expires_at: datetime | None, trace_extra: dict[str, Any] | None = None) -> int:
    """Manual adjustment by an operator (audited in the entry's trace, with e.g. who requested an approved
    one). Returns the entry id."""
    trace = {"reason": reason, "operator": operator, **(trace_extra or {})}
    if amount > 0:
        posted = await post_earn(EarnPosting(
            member_id=member_id, amount=amount, growth=0, account="available", event="adjust",
            source=f"admin:{operator}", rule_id=None, idem_key=idem_key, trace=trace, expires_at=expires_at,
            release_at=None, now=now, counters=[], kind="adjust"))
        return posted.entry_id  # post_earn netted any debt in the same statement
    async with in_transaction() as c:
        await lock_member(c, member_id)
        existing = await find_entry(c, member_id, idem_key)
        if existing is not None:
            raise DuplicateKey(idem_key)
        entry_id, _ = await apply_debit(c, member_id, -amount, now=now, kind="adjust", idem_key=idem_key,
                                        source=f"admin:{operator}", trace=trace)
        return entry_id


@reconcile.check("ledger_debt_netting")
async def reconcile_debt_netting(rt: Runtime, repair: bool) -> list[reconcile.Finding]:
    """Debt left beside positive lots (by releases and follow-up netting before netting joined every credit's
    own transaction, or a crash between those commits): net it under the member lock, as every credit now
    does. Netting writes no entry and keeps the balance, so a second run finds nothing and changes nothing."""
    findings = []
    for r in await fetch(default_conn(), UNNETTED + " ORDER BY d.member_id"):
        member_id = int(r[0])
        finding = reconcile.Finding(check="ledger_debt_netting", subject=f"member:{member_id}",
                                    detail="debt bucket beside positive active buckets")
        if repair:
            try:
                async with in_transaction() as c:
                    await lock_member(c, member_id)
                    netted = await net_debt(c, member_id)
                finding.repaired = True
                finding.detail += f"; netted {netted} points"
            except Exception as exc:  # one member's failure must not stop the others' repair
                finding.error = repr(exc)
        findings.append(finding)
    return findings


_REOPENED = ("SELECT b.member_id, b.id FROM point_buckets b JOIN point_entries e ON e.member_id = b.member_id "
             "AND e.idem_key = 'expire:' || CAST(b.id AS TEXT) WHERE b.state = 'active' AND b.expires_at <= $1 "
             "AND b.remaining > 0 ORDER BY b.member_id, b.id")


@reconcile.check("ledger_reopened_lots")
async def reconcile_reopened_lots(rt: Runtime, repair: bool) -> list[reconcile.Finding]:
    """Expired lots that an older `reverse_spend` reopened: active again although their `expire:<lot>` entry
    exists, so the sweep's insert of that key failed and rolled back its whole batch every minute, and the
    member's spends failed the same way. Only lots the sweep would pick up are looked at (active, due,
    points left: the sweep's own index), so the check stays cheap. Repair, under the member lock, as
    reversal works now: the lot goes back to what the sweep left (expired, its entry's amount) and the points
    the reversal put in it lapse at once under `reopened:<lot>:expired`; a debt is netted first, as before
    every expiry. A repaired lot is no longer active, so a second run finds nothing."""
    findings = []
    for r in await fetch(default_conn(), _REOPENED, [rt.clock.now()]):
        member_id, bucket_id = int(r[0]), int(r[1])
        finding = reconcile.Finding(check="ledger_reopened_lots", subject=f"bucket:{bucket_id}",
                                    detail=f"member {member_id}: expired lot reopened beside its expire entry")
        if repair:
            try:
                lapsed = await _close_reopened_lot(member_id, bucket_id, rt.clock.now())
                finding.repaired = True
                finding.detail += f"; {lapsed} points lapsed again"
            except Exception as exc:  # one member's failure must not stop the others' repair
                finding.error = repr(exc)
        findings.append(finding)
    return findings


async def _close_reopened_lot(member_id: int, bucket_id: int, now: datetime) -> int:
    async with in_transaction() as c:
        await lock_member(c, member_id)
        await net_debt(c, member_id)
        b = await fetchrow(c, "SELECT state, remaining FROM point_buckets WHERE id = $1", [bucket_id])
        first = await find_entry(c, member_id, f"expire:{bucket_id}")
        if b is None or b["state"] != "active" or first is None:
            return 0  # repaired meanwhile
        left = int(b["remaining"])
        await execute(c, "UPDATE point_buckets SET state = 'expired', remaining = 0, expired_amount = $1 "
                         "WHERE id = $2", [-int(first["amount"]), bucket_id])
        m = await fetchrow(c, "UPDATE members SET balance = balance - $1, updated_at = $2 WHERE id = $3 "
                              "RETURNING balance", [left, now, member_id])
        if left:
            await insert_entry(c, member_id=member_id, account="available", amount=-left, kind="expire",
                               idem_key=f"reopened:{bucket_id}:expired", balance_after=int(m["balance"]), now=now,
                               source="expiry", trace={"bucket_id": bucket_id, "reopened": True})
        return left
