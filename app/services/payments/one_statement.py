"""PostgreSQL fast path for a payment notification: one read, then ONE statement credits the payment.

Why: the general path (`payments.settle`) is a chain of separately committed, individually keyed steps so that
any step can fail and the retry finishes the rest. In the common case - the payer is a member, the purchase
rule has no caps or pending period, the first-purchase rule is a plain once-per-member bonus, the year's
points budget (if any) stays below its warning line, no coupon rule can apply and no refund arrived first -
everything those steps write is known after one read. Then a single data-modifying statement writes all of it
atomically: the notification log (processed), the payment (linked, credited, tier), the purchase entry and the
first-purchase entry with their buckets and counter, the member's balance/growth/tier, tier history and the
push row; a member in debt has it paid from the new buckets in the same statement (`ledger.netting_ctes`,
from the balance the statement locked, not from the read). Either everything commits or nothing does, so the
answer can still be sent last.

The plans come from the same `calc.plan_award` / `engine.posting` as the general path, so the rows are the
same (tests compare both paths). The statement re-checks what the read saw (member tier and growth
unchanged, the payment not yet recorded, the bonus counter still free, the tier table as cached); when
anything moved it writes nothing and the caller runs the general path, which handles every case.
"""

from __future__ import annotations

import itertools
import logging
from datetime import datetime
from typing import TYPE_CHECKING, Any

from app.db import conn, is_postgres_conn
from app.runtime import Runtime
from app.services.payments import push as payment_push
from app.services.points import budget, ledger
from app.services.points.calc import Usage, best_campaign, keeps_counters, plan_award, tier_sql, top_tier
from app.services.points.config_cache import ConfigSnapshot, config_cache
from app.services.points.engine import posting
from app.sqlx import fetchrow
from app.wechatpay.crypto import Notification

if TYPE_CHECKING:
    from app.services.payments.service import Txn
    from app.services.staff.assignment import GuideCardInfo

log = logging.getLogger("jifen.payments")

_READ_SQL = """
SELECT m.id, m.tier_level, m.growth, m.balance,
       EXISTS (SELECT 1 FROM payments WHERE transaction_id = $2) AS paid,
       EXISTS (SELECT 1 FROM payment_refunds WHERE transaction_id = $2) AS refunded,
       EXISTS (SELECT 1 FROM wechatpay_notifications WHERE notification_id = $3) AS logged,
       EXISTS (SELECT 1 FROM point_entries WHERE member_id = m.id AND idem_key = 'first_purchase') AS had_bonus,
       EXISTS (SELECT 1 FROM coupon_rules WHERE active AND min_paid_fen <= $4
               AND (starts_at IS NULL OR starts_at <= $5) AND (ends_at IS NULL OR ends_at > $5)) AS coupons
FROM members m WHERE m.openid = $1
"""

_PAYMENT_COLS = ("transaction_id, out_trade_no, mchid, appid, openid, member_id, trade_type, total_fen, "
                 "payer_total_fen, currency, success_time, attach, tier_level, refunded_fen, credited_at, created_at, "
                 "updated_at")


def _applies(cfg: ConfigSnapshot, at: datetime) -> bool:
    purchase = cfg.rule_for("purchase", at)
    bonus = cfg.rule_for("first_purchase", at)
    if purchase is None or keeps_counters(purchase):
        return False
    return bonus is None or (bonus.once_per_member and bonus.daily_count_cap is None and bonus.pending_days == 0
                             and bonus.daily_points_cap is None and bonus.total_points_cap is None)


def _plans(cfg: ConfigSnapshot, txn: Txn, member: Any, at: datetime, day: Any) -> list[ledger.EarnPosting]:
    """The purchase award and (once per member) the first-purchase bonus, planned as `engine.award` would:
    the bonus sees the tier the purchase's growth may just have reached."""
    source = f"payment:{txn.transaction_id}"
    postings = []
    tier = int(member["tier_level"])
    growth = int(member["growth"])
    events = [("purchase", f"pay:{txn.transaction_id}", {"amount_fen": txn.payer_total, "source": source})]
    if not member["had_bonus"]:
        events.append(("first_purchase", "first_purchase", {"source": source}))
    for event, idem_key, context in events:
        rule = cfg.rule_for(event, at)
        if rule is None:
            continue
        plan = plan_award(rule, event=event, day=day, context=context, tier=cfg.tier(tier),
                          campaign=best_campaign(cfg.campaigns, event, tier, at), usage=Usage())
        if plan.points <= 0 and plan.growth <= 0:
            continue
        postings.append(posting(rule, plan, int(member["id"]), event, idem_key, context, at, None))
        growth += plan.growth
        tier = max(tier, top_tier(cfg.tiers, growth))
    return postings


def _statement(note: Notification, txn: Txn, member: Any, postings: list[ledger.EarnPosting],
               push: dict[str, Any] | None, tiers: list[int], now: datetime, at: datetime) -> tuple[str, list[Any]]:
    p = ledger.Params()
    mid = p(int(member["id"]))
    ctes = [
        f"p AS (INSERT INTO payments ({_PAYMENT_COLS}) SELECT {p(txn.transaction_id)}, {p(txn.out_trade_no)}, "
        f"{p(txn.mchid)}, {p(txn.appid)}, {p(txn.openid)}, m.id, {p(txn.trade_type)}, {p(txn.total)}, "
        f"{p(txn.payer_total)}, {p(txn.currency)}, {p(txn.success_time)}, {p(txn.attach)}, m.tier_level, 0, "
        f"{p(now)}, {p(now)}, {p(now)} FROM members m WHERE m.id = {mid} AND m.tier_level = {p(tiers[0])} "
        f"AND m.growth = {p(int(member['growth']))} ON CONFLICT (transaction_id) DO NOTHING RETURNING id)",
        "n AS (INSERT INTO wechatpay_notifications (notification_id, event_type, resource_type, ref, resource, "
        f"status, deliveries, created_at, processed_at) SELECT {p(note.id[:64])}, {p(note.event_type[:40])}, "
        f"{p(note.resource_type[:40])}, {p(txn.transaction_id)}, {p(note.resource)}::jsonb, 'processed', 1, "
        f"{p(now)}, {p(now)} FROM p ON CONFLICT (notification_id) DO UPDATE SET status = 'processed', "
        "processed_at = excluded.processed_at, last_error = NULL, "
        "deliveries = wechatpay_notifications.deliveries + 1 RETURNING 1)",
    ]
    checks = []
    bonus = next((x for x in postings if x.event == "first_purchase"), None)
    if bonus is not None:
        ctes.append(f"c AS (INSERT INTO award_counters (member_id, rule_id, period, count, points) SELECT {mid}, "
                    f"{p(bonus.rule_id)}, 'life', 1, {p(bonus.amount)} FROM p "
                    "ON CONFLICT (member_id, rule_id, period) DO NOTHING RETURNING 1)")
        checks.append("EXISTS (SELECT 1 FROM c)")
    select = "p.id"
    if postings:
        total_points = sum(x.amount for x in postings)
        growth = p(sum(x.growth for x in postings))
        ctes.append(
            f"m AS (UPDATE members SET balance = members.balance + {p(total_points)}, "
            f"growth = members.growth + {growth}, "
            f"tier_level = GREATEST(members.tier_level, {tier_sql(f'members.growth + {growth}')}), "
            f"updated_at = {p(at)} "
            f"FROM p WHERE members.id = {mid} RETURNING members.balance, members.pending, members.tier_level)")
        checks.append(f"m.tier_level = {p(tiers[-1])}")
        later = total_points
        rows = []
        for n, x in enumerate(postings):
            later -= x.amount  # balance_after of each entry: the final balance minus what later entries add
            earlier = total_points - later - x.amount  # what earlier buckets give to a debt before this one
            rows.append(f"({n}, {p(x.amount)}::int, {p(x.event)}::text, {p(x.rule_id)}::bigint, "
                        f"{p(x.idem_key)}::text, {p(later)}::int, {p(x.growth)}::int, {p(x.trace)}::jsonb, "
                        f"{p(x.expires_at)}::timestamptz, {p(earlier)}::int)")
        ctes.append(f"v (ord, amount, event, rule_id, idem_key, later, growth, trace, expires_at, earlier) AS "
                    f"(VALUES {', '.join(rows)})")
        ctes += ledger.netting_ctes(mid, f"{p(total_points)}::int")
        checks.append(ledger.NET_CHECK)
        ctes.append(
            f"e AS (INSERT INTO point_entries ({ledger.ENTRY_COLS}) SELECT {mid}, 'available', v.amount, 'earn', "
            f"v.event, {p(postings[0].source)}, v.rule_id, v.idem_key, m.balance - v.later, v.growth, v.trace, "
            f"{p(at)} FROM m, v ORDER BY v.ord RETURNING id, idem_key)")
        ctes.append(
            f"b AS (INSERT INTO point_buckets ({ledger.BUCKET_COLS}) SELECT {mid}, e.id, 'active', v.amount, "
            "v.amount - LEAST(v.amount, GREATEST(0, net.take - v.earlier)), 0, v.expires_at, NULL, "
            f"{p(at)} FROM net, e JOIN v ON v.idem_key = e.idem_key WHERE v.amount > 0 RETURNING 1)")
        changes = [(a, b) for a, b in itertools.pairwise(tiers) if a != b]
        if changes:
            values = ", ".join(f"({mid}, {p(a)}::int, {p(b)}::int, 'upgrade', {p(at)}::timestamptz)"
                               for a, b in changes)
            ctes.append(f"t AS (INSERT INTO tier_changes (member_id, from_level, to_level, reason, created_at) "
                        f"SELECT * FROM (VALUES {values}) AS x WHERE EXISTS (SELECT 1 FROM m) RETURNING 1)")
        select = "p.id, m.balance"
    if push is not None:
        ctes.append(
            "o AS (INSERT INTO outbox_messages (kind, dedupe_key, member_id, payload, status, attempts, "
            "next_attempt_at, created_at, updated_at) SELECT 'subscribe', "
            f"{p(payment_push.push_key(txn.transaction_id))}, {mid}, {p(push)}::jsonb, 'pending', 0, {p(now)}, "
            f"{p(now)}, {p(now)} FROM p "
            "ON CONFLICT (dedupe_key) DO NOTHING RETURNING 1)")
    check = " AND ".join(checks) or "true"
    joins = " LEFT JOIN m ON true" if postings else ""
    text = f"WITH {', '.join(ctes)} SELECT {select}, jifen_assert({check}, 'jifen:fastpay') AS ok FROM p{joins}"
    return text, p.values


async def credit(rt: Runtime, note: Notification, txn: Txn, now: datetime,
                 guide: GuideCardInfo | None = None) -> bool:
    """Credit a TRANSACTION.SUCCESS in one statement; False: nothing was written, use the general path.
    `guide`: the payer's guide card for the push (assigned before the credit)."""
    c = conn()
    if not is_postgres_conn(c):
        return False
    at = min(txn.success_time, now)  # campaign multipliers follow the payment time, as in settle()
    cfg = await config_cache.get()
    if not _applies(cfg, at):
        return False
    member = await fetchrow(c, _READ_SQL, [txn.openid, txn.transaction_id, note.id[:64], txn.payer_total,
                                           txn.success_time])
    if member is None or member["paid"] or member["refunded"] or member["logged"] or member["coupons"]:
        return False
    postings = _plans(cfg, txn, member, at, rt.clock.day_of(at))
    tiers = [int(member["tier_level"])]
    growth = int(member["growth"])
    for x in postings:
        growth += x.growth
        tiers.append(max(tiers[-1], top_tier(cfg.tiers, growth)))
    points = sum(x.amount for x in postings)
    if cfg.budgets and not await budget.fits(rt, cfg, at, points):
        return False  # near or past the budget's warning line: the general path checks each award exactly
    push = payment_push.push_payload(
        rt, openid=txn.openid, transaction_id=txn.transaction_id, out_trade_no=txn.out_trade_no,
        payer_total_fen=txn.payer_total, success_time=txn.success_time, points=points, pending=0, coupon_count=0,
        guide=guide)
    text, values = _statement(note, txn, member, postings, push, tiers, now, at)
    try:
        row = await fetchrow(c, text, values)
    except Exception as exc:
        if "jifen:fastpay" not in str(exc):
            raise
        return False  # a concurrent award moved the counter or the tier table changed: nothing was written
    if row is None:
        return False  # recorded meanwhile (a parallel copy) or the member changed: the general path decides
    await budget.record_issued(rt, cfg, at, points)
    return True
