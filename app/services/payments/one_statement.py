"""PostgreSQL fast path for a payment notification: one read, then ONE statement credits the payment.

Why: the general path (`payments.settle`) is a chain of separately committed, individually keyed steps so that
any step can fail and the retry finishes the rest. In the common case - the payer is a member, the purchase
rule has no caps or pending period, the first-purchase rule is a plain once-per-member bonus, the year's
points budget (if any) stays below its warning line and no refund arrived first - everything those steps write
is known after one read. Then a single data-modifying statement writes all of it atomically: the notification
log (processed), the payment (linked, credited, tier), the purchase entry and the first-purchase entry with their
buckets and counter, the member's balance/growth/tier, tier history, the post-payment coupon packages (stock,
coupon rows, WeChat Pay coupon outbox rows) and the push row; a member in debt has it paid from the new
buckets in the same statement (`ledger.netting_ctes`, from the balance the statement locked, not from the read).
Either everything commits or nothing does, so the answer can still be sent last.

The plans come from the same `calc.plan_award` / `engine.posting` as the general path, so the rows are the
same (tests compare both paths). The statement re-checks what the read saw (member tier and growth
unchanged, the payment not yet recorded, the bonus counter still free, the tier table as cached, every
coupon template still in stock); when anything moved it writes nothing and the caller runs the general path,
which handles every case.

Coupons stay on this path except in two rare cases, left to the general path because only it can decide them
coupon by coupon: a template without the stock for all of the package (the general path issues what is left),
and a first-purchase-only coupon rule while no bonus takes the `first_purchase` key here and the member holds
none (`payments.decide_first_purchase` records that decision under the member's row lock).
"""

from __future__ import annotations

import itertools
import logging
from dataclasses import dataclass
from datetime import datetime
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

import asyncpg

from app.db import conn, is_postgres_conn
from app.runtime import Runtime
from app.services.coupons import service as coupon_service
from app.services.payments import push as payment_push
from app.services.points import budget, ledger
from app.services.points.calc import Usage, best_campaign, keeps_counters, plan_award, tier_sql, top_tier
from app.services.points.config_cache import ConfigSnapshot, config_cache
from app.services.points.engine import posting
from app.sqlx import fetchrow, to_dt, to_json
from app.wechatpay.crypto import Notification

if TYPE_CHECKING:
    from app.services.payments.service import Txn
    from app.services.staff.assignment import GuideCardInfo

log = logging.getLogger("jifen.payments")

# the coupon rules the payment satisfies by amount and date (what `coupons.issue_for_payment` walks)
_RULES_CTE = """
WITH cr AS (SELECT r.id, r.first_purchase_only, r.tier_levels, k.items FROM coupon_rules r
            JOIN coupon_packages k ON k.id = r.package_id AND k.active
            WHERE r.active AND r.min_paid_fen <= $4 AND (r.starts_at IS NULL OR r.starts_at <= $5)
              AND (r.ends_at IS NULL OR r.ends_at > $5))"""

_READ_SQL = _RULES_CTE + """
SELECT m.id, m.tier_level, m.growth, m.balance,
       EXISTS (SELECT 1 FROM payments WHERE transaction_id = $2) AS paid,
       EXISTS (SELECT 1 FROM payment_refunds WHERE transaction_id = $2) AS refunded,
       EXISTS (SELECT 1 FROM wechatpay_notifications WHERE notification_id = $3) AS logged,
       EXISTS (SELECT 1 FROM point_entries WHERE member_id = m.id AND idem_key = 'first_purchase') AS had_bonus,
       EXISTS (SELECT 1 FROM coupon_rules WHERE active AND first_purchase_only) AS first_only,
       (SELECT json_agg(json_build_object('id', cr.id, 'first', cr.first_purchase_only, 'tiers', cr.tier_levels,
                                          'items', cr.items) ORDER BY cr.id) FROM cr) AS rules,
       (SELECT json_agg(json_build_object('id', t.id, 'validity', t.validity, 'valid_from', t.valid_from,
                                          'valid_until', t.valid_until, 'valid_days', t.valid_days))
        FROM coupon_templates t WHERE t.active AND t.id IN (
            SELECT (i->>'template_id')::bigint FROM cr, jsonb_array_elements(cr.items) i)) AS templates
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


@dataclass(frozen=True)
class PlannedCoupon:
    """One coupon of a post-payment package, planned as `coupons.issue_for_payment` would issue it."""

    template_id: int
    rule_id: int
    issue_key: str
    valid_from: datetime
    valid_until: datetime


def _plan_coupons(rt: Runtime, txn: Txn, member: Any, postings: list[ledger.EarnPosting],
                  now: datetime) -> list[PlannedCoupon] | None:
    """The coupons the payment's rules issue, in the general path's order (rule id, package item, n); None
    when only the general path can decide: a first-purchase-only rule exists while no bonus takes the
    `first_purchase` key in this statement and the member holds none (`payments.decide_first_purchase`
    records the decision under the member's lock)."""
    rules = to_json(member["rules"]) or []
    if not rules:
        return []
    if member["had_bonus"]:
        first = False  # the key is held by an earlier payment (this one is not recorded yet)
    elif any(x.event == "first_purchase" for x in postings):
        first = True  # this statement takes the key with the bonus
    elif member["first_only"]:
        return None
    else:
        first = False  # no first-purchase-only rule: nothing depends on the answer
    templates = {int(t["id"]): SimpleNamespace(
        validity=t["validity"], valid_from=to_dt(t["valid_from"]), valid_until=to_dt(t["valid_until"]),
        valid_days=t["valid_days"]) for t in to_json(member["templates"]) or []}
    tier = int(member["tier_level"])  # the payment's tier_level: the tier held when first credited
    planned = []
    for rule in rules:
        if rule["first"] and not first:
            continue
        if rule["tiers"] and tier not in rule["tiers"]:
            continue
        for idx, item in enumerate(rule["items"] or []):
            template = templates.get(int(item["template_id"]))
            if template is None:
                continue  # inactive or missing: the general path skips it too
            window = coupon_service.validity_window(rt, template, now)  # type: ignore[arg-type]
            if window is None:
                continue  # a fixed window that has ended
            for n in range(max(int(item.get("quantity", 1)), 1)):
                planned.append(PlannedCoupon(int(item["template_id"]), int(rule["id"]),
                                             f"pay-{txn.transaction_id}-r{rule['id']}-i{idx}-n{n}", *window))
    return planned


def _coupon_ctes(p: ledger.Params, mid: str, txn: Txn, coupons: list[PlannedCoupon],
                 now: datetime) -> tuple[list[str], str]:
    """Stock, coupon rows and their WeChat Pay outbox rows (what `coupons.issue` commits per coupon), and the
    check that every template had the stock: otherwise the statement aborts and the general path issues what
    is left coupon by coupon. Stock is taken with the same conditional UPDATE, once per template for all of
    its coupons (templates in id order, so two statements lock them in the same order)."""
    counts: dict[int, int] = {}
    for x in coupons:
        counts[x.template_id] = counts.get(x.template_id, 0) + 1
    stock = ", ".join(f"({p(tid)}::bigint, {p(k)}::int)" for tid, k in sorted(counts.items()))
    rows = ", ".join(
        f"({n}, {p(x.template_id)}::bigint, {p(coupon_service.new_code())}::text, {p(x.issue_key)}::text, "
        f"{p(x.rule_id)}::bigint, {p(x.valid_from)}::timestamptz, {p(x.valid_until)}::timestamptz)"
        for n, x in enumerate(coupons))
    ctes = [
        f"s AS (UPDATE coupon_templates t SET issued_count = t.issued_count + x.k FROM (VALUES {stock}) AS x (id, k), "
        "p WHERE t.id = x.id AND t.active AND (t.stock_total IS NULL OR t.issued_count + x.k <= t.stock_total) "
        "RETURNING t.id)",
        "cp AS (INSERT INTO coupons (code, issue_key, template_id, member_id, payment_id, rule_id, name, kind, "
        "amount_off_fen, percent_off_bp, max_discount_fen, min_spend_fen, valid_from, valid_until, state, "
        "issued_at, wxpay_stock_id, wxpay_out_request_no, wxpay_status) "
        f"SELECT x.code, x.issue_key, t.id, {mid}, p.id, x.rule_id, t.name, t.kind, t.amount_off_fen, "
        f"t.percent_off_bp, t.max_discount_fen, t.min_spend_fen, x.valid_from, x.valid_until, 'issued', "
        f"{p(now)}, t.stock_id, CASE WHEN t.stock_id <> '' THEN x.issue_key END, "
        "CASE WHEN t.stock_id <> '' THEN 'pending' END "
        f"FROM p, (VALUES {rows}) AS x (ord, template_id, code, issue_key, rule_id, valid_from, valid_until) "
        "JOIN coupon_templates t ON t.id = x.template_id ORDER BY x.ord "
        "RETURNING id, issue_key, template_id, wxpay_stock_id)",
    ]
    wx = ("SELECT cp.id AS ord, 'wxpay_coupon' AS kind, 'wxcoupon:' || cp.id AS dedupe_key, "
          f"jsonb_build_object('coupon_id', cp.id, 'openid', {p(txn.openid)}::text, 'stock_id', t.stock_id, "
          "'stock_creator_mchid', t.stock_creator_mchid, 'out_request_no', cp.issue_key) AS payload "
          "FROM cp JOIN coupon_templates t ON t.id = cp.template_id WHERE cp.wxpay_stock_id <> ''")
    return ctes, wx


def _statement(note: Notification, txn: Txn, member: Any, postings: list[ledger.EarnPosting],
               push: dict[str, Any] | None, tiers: list[int], now: datetime, at: datetime,
               coupons: list[PlannedCoupon] | None = None) -> tuple[str, list[Any]]:
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
    outbox = []  # one INSERT, so the rows get ids in the general path's order: the coupons', then the push
    if coupons:
        more, wx = _coupon_ctes(p, mid, txn, coupons, now)
        ctes += more
        checks.append(f"(SELECT count(*) FROM s) = {p(len({x.template_id for x in coupons}))}")
        outbox.append(wx)
    if push is not None:
        outbox.append(f"SELECT 0, 'subscribe', {p(payment_push.push_key(txn.transaction_id))}::text, "
                      f"{p(push)}::jsonb FROM p")
    if outbox:
        ctes.append(
            "o AS (INSERT INTO outbox_messages (kind, dedupe_key, member_id, payload, status, attempts, "
            f"next_attempt_at, created_at, updated_at) SELECT x.kind, x.dedupe_key, {mid}, x.payload, 'pending', 0, "
            f"{p(now)}, {p(now)}, {p(now)} FROM ({' UNION ALL '.join(f'({q})' for q in outbox)}) "
            "AS x (ord, kind, dedupe_key, payload) ORDER BY x.kind = 'subscribe', x.ord "
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
    if member is None or member["paid"] or member["refunded"] or member["logged"]:
        return False
    postings = _plans(cfg, txn, member, at, rt.clock.day_of(at))
    coupons = _plan_coupons(rt, txn, member, postings, now)
    if coupons is None:
        return False
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
        payer_total_fen=txn.payer_total, success_time=txn.success_time, points=points, pending=0,
        coupon_count=len(coupons), guide=guide)
    text, values = _statement(note, txn, member, postings, push, tiers, now, at, coupons)
    try:
        row = await fetchrow(c, text, values)
    except asyncpg.DeadlockDetectedError:
        return False  # lost a lock-order race (templates, member): rolled back, the general path decides
    except asyncpg.UniqueViolationError as exc:
        if exc.constraint_name is None or "code" not in exc.constraint_name:
            raise
        return False  # a drawn coupon code was taken (as `coupons.issue` draws again): nothing was written
    except Exception as exc:
        if "jifen:fastpay" not in str(exc):
            raise
        # a concurrent award moved the counter, the tier table changed or a template ran out of stock: nothing
        # was written, and the general path issues coupon by coupon what the stock still allows
        return False
    if row is None:
        return False  # recorded meanwhile (a parallel copy) or the member changed: the general path decides
    await budget.record_issued(rt, cfg, at, points)
    return True
