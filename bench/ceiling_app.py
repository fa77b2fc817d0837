"""Ceilings for jifen's request paths: a bare Sanic app doing the same SQL by hand through raw asyncpg.

Why a separate app: a ratio against a ceiling measured in the same run on the same machine is the only
figure that survives run-to-run drift (see ../shared/perf-notes.md). Each endpoint answers the same
request jifen answers (same bearer token, same body, same schema and rows) with the plainest code that
does the same database work, and nothing else:

- `/bare`: the framework alone (JSON `{"ok": true}`);
- `/checkin_raw`: the plain check-in transaction through an asyncpg pool — BEGIN, insert check-in (a
  conflict = already checked in), `UPDATE members … RETURNING balance`, insert ledger row, COMMIT, and the
  pool's default reset on release (what the perf notes measured as ceiling b);
- `/checkin_one`: the check-in a competent engineer would write today (issue #17 item 3): the same rate-limit
  work jifen does (one EVALSHA counting the member and the client-IP windows, 429 over the limit), then ONE
  hand-written data-modifying statement through an asyncpg pool whose reset on release is skipped (no session
  state is ever set): streak (yesterday + 1, else 1), the rule's repeating streak bonus, the tier multiplier,
  the check-in row as the per-member-day guard (a conflict or today's day already recorded = nothing else
  happens), balance/growth/tier/streak on the member, the ledger entry with its trace, the expiring bucket,
  and a debt paid off from the credit (only looked up when the balance was negative); the rule is read once
  at start-up (no campaigns: the benchmark configures none);
- `/ledger_raw`, `/points_raw`: the read queries jifen issues, through asyncpg, JSON out;
- `/login_raw`: code2session against the same sandbox with aiohttp, the member by openid, a token;
- `/notify_raw`: the WeChat Pay notification verified (RSA-SHA256) and decrypted (AES-256-GCM) with
  `cryptography` directly, then the payment's own SQL in one transaction: notification log, payment row,
  purchase points and the first-purchase bonus (counter, balance, ledger rows, buckets), the push row;
- `/notify_coupon_raw`: the same plus a post-payment coupon package (issue #17): the matching rule read, the
  template's stock taken with the conditional UPDATE, the coupon row and its WeChat Pay coupon outbox row;
- `/wecom_raw`: a WeCom callback verified and decrypted with wechatpy's `WeChatCrypto.decrypt_message`
  (signature and corp id), parsed, and one INSERT of the event into `wecom_events`; answers `success`;
- `/interaction_raw`: a community interaction: the source's secret read, the HMAC-SHA256 over timestamp and
  body checked, the JSON parsed, then the raw award transaction of a rule capped per day (the seed
  `community_interaction`: 10 points, 5 a day, 50 points a day): insert the interaction (a conflict on
  (source, ref) = duplicate), the member's day counter upserted only while under both caps (no row back =
  capped), `UPDATE members … RETURNING balance`, insert the ledger row, mark the interaction, COMMIT.

Tokens are verified with PyJWT exactly as jifen does, so the ceiling pays for authentication too.
Run: `python -m bench.ceiling_app --port P --workers N` (configuration from BENCH_* environment variables).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json as jsonlib
import os
import secrets
import time
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

import aiohttp
import asyncpg
import jwt
from sanic import Request, Sanic
from sanic.response import HTTPResponse, empty, json, text

SHANGHAI = ZoneInfo("Asia/Shanghai")
_ENTRY_COLS = ("member_id, account, amount, kind, event, source, rule_id, idem_key, balance_after, growth, trace, "
               "created_at")


def _member_id(request: Request) -> int | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        return None
    try:
        claims = jwt.decode(token.strip(), request.app.ctx.secret, algorithms=["HS256"])
    except jwt.PyJWTError:
        return None
    return int(claims["sub"]) if claims.get("role") == "member" else None


def _unauthorized() -> HTTPResponse:
    return json({"error": {"code": "invalid_token", "message": "invalid token"}}, status=401)


def _today(now: datetime) -> date:
    return now.astimezone(SHANGHAI).date()


async def bare(request: Request) -> HTTPResponse:
    return json({"ok": True})


async def checkin_raw(request: Request) -> HTTPResponse:
    member_id = _member_id(request)
    if member_id is None:
        return _unauthorized()
    now = datetime.now(UTC)
    day = _today(now)
    points = request.app.ctx.checkin_points
    async with request.app.ctx.pool.acquire() as c, c.transaction():
        done = await c.fetchval("INSERT INTO checkins (member_id, day, streak, makeup, created_at) "
                                "VALUES ($1, $2, 1, false, $3) ON CONFLICT (member_id, day) DO NOTHING RETURNING id",
                                member_id, day, now)
        if done is None:
            return json({"checked_in": False, "reason": "already_checked_in", "day": day.isoformat()})
        balance = await c.fetchval("UPDATE members SET balance = balance + $2, updated_at = $3 WHERE id = $1 "
                                   "RETURNING balance", member_id, points, now)
        entry_id = await c.fetchval(
            f"INSERT INTO point_entries ({_ENTRY_COLS}) VALUES ($1, 'available', $2, 'earn', 'check_in', $3, "
            "NULL, $3, $4, 0, NULL, $5) RETURNING id", member_id, points, f"checkin:{day.isoformat()}", balance, now)
    return json({"checked_in": True, "day": day.isoformat(), "points": points, "balance": balance,
                 "entry_id": entry_id}, status=201)


# The rate-limit script jifen runs (app/ratelimit.py): INCR each window, set its expiry on first use.
_RL_LUA = """
local out = {}
for i, key in ipairs(KEYS) do
  local n = redis.call('INCR', key)
  if n == 1 then redis.call('EXPIRE', key, ARGV[1]) end
  out[i] = n
end
return out
"""
_RL_SHA = hashlib.sha1(_RL_LUA.encode()).hexdigest()

# $1 member, $2 day, $3 now, $4 base points, $5 growth, $6 bonus period (days), $7 bonus points,
# $8 idem key, $9 rule id, $10 bucket expiry. Nothing past `g` happens unless today's row was inserted.
_CHECKIN_ONE_SQL = """
WITH m0 AS (
    SELECT id, tier_level, checkin_streak,
           CASE WHEN last_checkin_day = $2::date - 1 THEN checkin_streak + 1 ELSE 1 END AS streak
    FROM members WHERE id = $1 AND last_checkin_day IS DISTINCT FROM $2::date
), p AS (
    SELECT m0.id, m0.streak, m0.tier_level,
           CASE WHEN $6::int > 0 AND m0.streak % $6::int = 0 THEN $7::int ELSE 0 END AS bonus,
           COALESCE((SELECT multiplier_bp FROM tiers WHERE level = m0.tier_level), 10000) AS tier_bp
    FROM m0
), pts AS (
    SELECT p.*, (($4::int + p.bonus)::bigint * p.tier_bp / 10000)::int AS points FROM p
), g AS (
    INSERT INTO checkins (member_id, day, streak, makeup, created_at)
    SELECT id, $2::date, streak, false, $3::timestamptz FROM pts
    ON CONFLICT (member_id, day) DO NOTHING RETURNING member_id
), m AS (
    UPDATE members SET balance = members.balance + pts.points, growth = members.growth + $5::int,
           tier_level = GREATEST(members.tier_level, COALESCE((SELECT max(level) FROM tiers
                                                               WHERE growth_threshold <= members.growth + $5::int), 0)),
           checkin_streak = pts.streak, last_checkin_day = $2::date, updated_at = $3::timestamptz
    FROM pts, g WHERE members.id = pts.id
    RETURNING members.balance, members.tier_level, pts.points, pts.bonus, pts.tier_bp, pts.streak,
              pts.tier_level AS tier_before
), e AS (
    INSERT INTO point_entries (member_id, account, amount, kind, event, source, rule_id, idem_key, balance_after,
                               growth, trace, created_at)
    SELECT $1, 'available', m.points, 'earn', 'check_in', $8::text, $9::bigint, $8::text, m.balance, $5::int,
           jsonb_build_object('rule', 'check_in', 'rule_id', $9::bigint, 'event', 'check_in', 'base', $4::int,
                              'streak_bonus', m.bonus, 'tier_level', m.tier_before, 'tier_multiplier_bp', m.tier_bp,
                              'points', m.points, 'growth', $5::int),
           $3::timestamptz
    FROM m RETURNING id
), net AS (
    SELECT LEAST(m.points, GREATEST(0, m.points - m.balance)) AS take FROM m
), debt AS (
    SELECT d.id, d.remaining FROM point_buckets d, net
    WHERE net.take > 0 AND d.member_id = $1 AND d.state = 'debt' AND d.remaining < 0 FOR UPDATE OF d
), paid AS (
    UPDATE point_buckets SET remaining = point_buckets.remaining + x.alloc
    FROM (SELECT debt.id, LEAST(-debt.remaining, GREATEST(0, net.take - COALESCE(SUM(-debt.remaining)
              OVER (ORDER BY debt.id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0))) AS alloc
          FROM debt, net) x
    WHERE point_buckets.id = x.id AND x.alloc > 0 RETURNING point_buckets.id
), b AS (
    INSERT INTO point_buckets (member_id, entry_id, state, initial, remaining, expired_amount, expires_at,
                               release_at, created_at)
    SELECT $1, e.id, 'active', m.points, m.points - net.take, 0, $10::timestamptz, NULL, $3::timestamptz
    FROM e, m, net WHERE m.points > 0 RETURNING id
)
SELECT m0.checkin_streak AS current_streak, m.balance, m.points, m.streak, m.tier_level, e.id AS entry_id,
       (SELECT count(*) FROM b) + (SELECT count(*) FROM paid) AS touched
FROM m0 LEFT JOIN m ON true LEFT JOIN e ON true
"""


async def checkin_one(request: Request) -> HTTPResponse:
    member_id = _member_id(request)
    if member_id is None:
        return _unauthorized()
    ctx = request.app.ctx
    slot = int(time.time()) // 60
    counts = await ctx.redis.evalsha(_RL_SHA, 2, f"{ctx.rl_prefix}rl:checkin:member:{member_id}:{slot}",
                                     f"{ctx.rl_prefix}rl:checkin:ip:{request.remote_addr or request.ip}:{slot}", 61)
    if int(counts[0]) > ctx.checkin_per_member or int(counts[1]) > ctx.checkin_per_ip:
        return json({"error": {"code": "rate_limited", "message": "too many check-in requests"}}, status=429)
    now = datetime.now(UTC)
    day = _today(now)
    rule = ctx.checkin_rule
    async with ctx.pool_noreset.acquire() as c:
        row = await c.fetchrow(_CHECKIN_ONE_SQL, member_id, day, now, rule["points"], rule["growth"],
                               rule["bonus_every"], rule["bonus"], f"checkin:{day.isoformat()}", rule["id"],
                               datetime(day.year + 2, 1, 1, tzinfo=SHANGHAI))
    if row is None:
        return json({"error": {"code": "member_not_found", "message": "member not found"}}, status=404)
    if row["entry_id"] is None:
        return json({"checked_in": False, "reason": "already_checked_in", "day": day.isoformat(),
                     "streak": row["current_streak"], "points": 0})
    return json({"checked_in": True, "day": day.isoformat(), "streak": row["streak"], "points": row["points"],
                 "balance": row["balance"], "award": {"status": "awarded", "points": row["points"],
                                                      "entry_id": row["entry_id"], "balance": row["balance"],
                                                      "tier_level": row["tier_level"]}}, status=201)


class _NoResetConnection(asyncpg.connection.Connection):  # type: ignore[misc]
    """Skips asyncpg's reset query on release: `/checkin_one` sets no session state (no LISTEN, SET or
    advisory locks), and an open transaction is still rolled back by the pool."""

    def get_reset_query(self) -> str:
        return ""


async def _checkin_rule(c: asyncpg.Connection) -> dict[str, int]:
    """The seeded check-in rule's parameters (base points, growth, the repeating `N+` streak bonus)."""
    r = await c.fetchrow("SELECT id, points_fixed, growth_fixed, streak_bonuses FROM earning_rules "
                         "WHERE event = 'check_in' AND active ORDER BY id LIMIT 1")
    if r is None:
        return {"id": 0, "points": int(os.environ.get("BENCH_CHECKIN_POINTS", "5")), "growth": 0, "bonus_every": 0,
                "bonus": 0}
    bonuses = r["streak_bonuses"] or {}
    bonuses = jsonlib.loads(bonuses) if isinstance(bonuses, str) else bonuses
    every, bonus = next(((int(k[:-1]), int(v)) for k, v in bonuses.items() if k.endswith("+")), (0, 0))
    return {"id": r["id"], "points": r["points_fixed"], "growth": r["growth_fixed"], "bonus_every": every,
            "bonus": bonus}


async def ledger_raw(request: Request) -> HTTPResponse:
    member_id = _member_id(request)
    if member_id is None:
        return _unauthorized()
    limit = 20
    async with request.app.ctx.pool.acquire() as c:
        rows = await c.fetch("SELECT id, account, amount, kind, event, source, balance_after, growth, trace, "
                             "created_at FROM point_entries WHERE member_id = $1 AND id < $2 ORDER BY id DESC "
                             "LIMIT $3", member_id, 2**62, limit + 1)
    items = [{"id": r["id"], "account": r["account"], "amount": r["amount"], "kind": r["kind"], "event": r["event"],
              "source": r["source"], "balance_after": r["balance_after"], "growth": r["growth"],
              "trace": jsonlib.loads(r["trace"]) if r["trace"] else None, "created_at": r["created_at"].isoformat()}
             for r in rows[:limit]]
    cursor = base64.urlsafe_b64encode(f"e{items[-1]['id']}".encode()).decode().rstrip("=") \
        if len(rows) > limit else None
    return json({"items": items, "next_cursor": cursor})


async def points_raw(request: Request) -> HTTPResponse:
    member_id = _member_id(request)
    if member_id is None:
        return _unauthorized()
    async with request.app.ctx.pool.acquire() as c:
        m = await c.fetchrow("SELECT balance, pending, growth, tier_level FROM members WHERE id = $1", member_id)
        expiring = await c.fetch("SELECT expires_at, SUM(remaining) AS amount FROM point_buckets WHERE member_id = $1 "
                                 "AND state = 'active' AND remaining > 0 AND expires_at IS NOT NULL "
                                 "GROUP BY expires_at ORDER BY expires_at", member_id)
        pending = await c.fetch("SELECT release_at, SUM(remaining) AS amount FROM point_buckets WHERE member_id = $1 "
                                "AND state = 'pending' GROUP BY release_at ORDER BY release_at", member_id)
    if m is None:
        return json({"error": {"code": "member_not_found"}}, status=404)
    eps = timedelta(microseconds=1)
    return json({
        "balance": m["balance"], "pending": m["pending"], "growth": m["growth"], "tier": {"level": m["tier_level"]},
        "expiring": [{"date": (r["expires_at"] - eps).astimezone(SHANGHAI).date().isoformat(),
                      "amount": int(r["amount"])} for r in expiring],
        "pending_releases": [{"release_at": r["release_at"].isoformat(), "amount": int(r["amount"])}
                             for r in pending if r["release_at"] is not None],
        "as_of": datetime.now(UTC).isoformat(),
    })


async def login_raw(request: Request) -> HTTPResponse:
    ctx = request.app.ctx
    body = request.json or {}
    code = body.get("code")
    if not isinstance(code, str) or not code:
        return json({"error": {"code": "validation_failed"}}, status=422)
    async with ctx.http.get(f"{ctx.wechat_base}/sns/jscode2session", params={
            "appid": ctx.appid, "secret": ctx.app_secret, "js_code": code,
            "grant_type": "authorization_code"}) as resp:
        session = await resp.json(content_type=None)
    openid = session.get("openid")
    if not openid:
        return json({"error": {"code": "invalid_code"}}, status=400)
    async with ctx.pool.acquire() as c:
        m = await c.fetchrow("SELECT id, openid, unionid, invite_code, balance, pending, growth, tier_level "
                             "FROM members WHERE openid = $1", openid)
    if m is None:
        return json({"error": {"code": "member_not_found"}}, status=404)
    now = int(time.time())
    token = jwt.encode({"sub": str(m["id"]), "role": "member", "iat": now, "exp": now + 604800}, ctx.secret,
                       algorithm="HS256")
    return json({"token": token, "member": dict(m), "created": False})


async def notify_raw(request: Request) -> HTTPResponse:
    return await _notify(request, coupons=False)


async def notify_coupon_raw(request: Request) -> HTTPResponse:
    return await _notify(request, coupons=True)


_COUPON_RULE_SQL = """
SELECT t.id, t.name, t.kind, t.amount_off_fen, t.min_spend_fen, t.valid_days, t.stock_id, t.stock_creator_mchid
FROM coupon_rules r JOIN coupon_packages k ON k.id = r.package_id AND k.active
JOIN coupon_templates t ON t.id = (k.items -> 0 ->> 'template_id')::bigint AND t.active
WHERE r.active AND r.min_paid_fen <= $1 ORDER BY r.id LIMIT 1"""


async def _notify(request: Request, *, coupons: bool) -> HTTPResponse:
    ctx = request.app.ctx
    h = request.headers
    body = request.body
    try:
        ts, nonce = h["wechatpay-timestamp"], h["wechatpay-nonce"]
        key = ctx.platform_keys[h["wechatpay-serial"].upper()]
        if abs(time.time() - int(ts)) >= 300:
            raise ValueError("stale")
        key.verify(base64.b64decode(h["wechatpay-signature"]), f"{ts}\n{nonce}\n".encode() + body + b"\n",
                   ctx.padding.PKCS1v15(), ctx.hashes.SHA256())
        envelope = jsonlib.loads(body)
        res = envelope["resource"]
        plain = ctx.aesgcm.decrypt(res["nonce"].encode(), base64.b64decode(res["ciphertext"]),
                                   (res.get("associated_data") or "").encode())
        txn = jsonlib.loads(plain)
    except Exception as exc:
        return json({"code": "SIGN_ERROR", "message": str(exc)[:100]}, status=401)
    now = datetime.now(UTC)
    payer_total = int(txn["amount"].get("payer_total", txn["amount"]["total"]))
    points = payer_total // 100
    tid = txn["transaction_id"]
    async with ctx.pool.acquire() as c, c.transaction():
        fresh = await c.fetchval(
            "INSERT INTO wechatpay_notifications (notification_id, event_type, resource_type, ref, resource, status, "
            "deliveries, created_at, processed_at) VALUES ($1, $2, $3, $4, $5, 'processed', 1, $6, $6) "
            "ON CONFLICT (notification_id) DO NOTHING RETURNING 1",
            envelope["id"], envelope["event_type"], envelope["resource_type"], tid, plain.decode(), now)
        if fresh is None:
            return empty(status=204)
        member = await c.fetchrow("SELECT id, openid FROM members WHERE openid = $1", txn["payer"]["openid"])
        await c.execute(
            "INSERT INTO payments (transaction_id, out_trade_no, mchid, appid, openid, member_id, trade_type, "
            "total_fen, payer_total_fen, currency, success_time, refunded_fen, credited_at, created_at, updated_at) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'CNY', $10, 0, $11, $11, $11)",
            tid, txn["out_trade_no"], txn["mchid"], txn["appid"], member["openid"], member["id"], txn["trade_type"],
            int(txn["amount"]["total"]), payer_total, datetime.fromisoformat(txn["success_time"]), now)
        bonus = 100 if await c.fetchval(
            "INSERT INTO award_counters (member_id, rule_id, period, count, points) VALUES ($1, $2, 'life', 1, 100) "
            "ON CONFLICT (member_id, rule_id, period) DO NOTHING RETURNING 1", member["id"], ctx.first_rule) else 0
        balance = await c.fetchval("UPDATE members SET balance = balance + $2, growth = growth + $3, updated_at = $4 "
                                   "WHERE id = $1 RETURNING balance", member["id"], points + bonus, points, now)
        expires = datetime(now.astimezone(SHANGHAI).year + 2, 1, 1, tzinfo=SHANGHAI)
        source = f"payment:{tid}"
        rows = [(member["id"], points, "purchase", f"pay:{tid}", balance - bonus, points)]
        if bonus:
            rows.append((member["id"], bonus, "first_purchase", "first_purchase", balance, 0))
        entry_ids = [await c.fetchval(
            f"INSERT INTO point_entries ({_ENTRY_COLS}) VALUES ($1, 'available', $2, 'earn', $3, $4, NULL, $5, $6, "
            "$7, NULL, $8) RETURNING id", mid, amount, event, source, key_, after, growth, now)
            for mid, amount, event, key_, after, growth in rows]
        await c.executemany(
            "INSERT INTO point_buckets (member_id, entry_id, state, initial, remaining, expired_amount, expires_at, "
            "created_at) VALUES ($1, $2, 'active', $3, $3, 0, $4, $5)",
            [(member["id"], eid, r[1], expires, now) for eid, r in zip(entry_ids, rows, strict=True)])
        issued = 0
        if coupons:  # the post-payment package: the rule, stock, the coupon, its WeChat Pay outbox row
            # (last, so the template's row lock - every payment takes it - is held the shortest)
            t = await c.fetchrow(_COUPON_RULE_SQL, payer_total)
            if t is not None and await c.fetchval(
                    "UPDATE coupon_templates SET issued_count = issued_count + 1 WHERE id = $1 AND active "
                    "AND (stock_total IS NULL OR issued_count < stock_total) RETURNING id", t["id"]):
                key = f"pay-{tid}-r0-i0-n0"
                until = datetime.combine(now.astimezone(SHANGHAI).date() + timedelta(days=t["valid_days"] or 1),
                                         datetime.min.time(), SHANGHAI)
                cid = await c.fetchval(
                    "INSERT INTO coupons (code, issue_key, template_id, member_id, payment_id, rule_id, name, kind, "
                    "amount_off_fen, min_spend_fen, valid_from, valid_until, state, issued_at, wxpay_stock_id, "
                    "wxpay_out_request_no, wxpay_status) VALUES ($1, $2, $3, $4, "
                    "(SELECT id FROM payments WHERE transaction_id = $5), NULL, $6, $7, $8, $9, $10, $11, 'issued', "
                    "$10, $12, $2, 'pending') RETURNING id",
                    secrets.token_hex(6).upper(), key, t["id"], member["id"], tid, t["name"], t["kind"],
                    t["amount_off_fen"], t["min_spend_fen"], now, until, t["stock_id"])
                await c.execute(
                    "INSERT INTO outbox_messages (kind, dedupe_key, member_id, payload, status, attempts, "
                    "next_attempt_at, created_at, updated_at) VALUES ('wxpay_coupon', $1, $2, $3, 'pending', 0, "
                    "$4, $4, $4)", f"wxcoupon:{cid}", member["id"],
                    jsonlib.dumps({"coupon_id": cid, "openid": member["openid"], "stock_id": t["stock_id"],
                                   "stock_creator_mchid": t["stock_creator_mchid"], "out_request_no": key}), now)
                issued = 1
        await c.execute(
            "INSERT INTO outbox_messages (kind, dedupe_key, member_id, payload, status, attempts, next_attempt_at, "
            "created_at, updated_at) VALUES ('subscribe', $1, $2, $3, 'pending', 0, $4, $4, $4)",
            f"pay-push:{tid}", member["id"],
            jsonlib.dumps({"openid": member["openid"], "template_id": "sandbox-tpl-points",
                           "data": {"character_string1": txn["out_trade_no"], "number3": str(points + bonus),
                                    "thing4": f"获得{issued}张优惠券" if issued else "本单无优惠券"}}), now)
    return empty(status=204)


async def wecom_raw(request: Request) -> HTTPResponse:
    ctx = request.app.ctx
    try:
        q = request.args
        plain = ctx.wecom.decrypt_message(request.body.decode(), q.get("msg_signature"), q.get("timestamp"),
                                          q.get("nonce"))
        msg = {child.tag: child.text or "" for child in ElementTree.fromstring(plain)}
    except Exception as exc:
        return json({"error": {"code": "bad_signature", "message": str(exc)[:100]}}, status=401)
    now = datetime.now(UTC)
    key = f"{msg.get('Event', '')[:40]}:{msg.get('ChangeType', '')[:40]}:" + \
        hashlib.sha256(plain.encode()).hexdigest()[:40]
    async with ctx.pool.acquire() as c:
        await c.execute("INSERT INTO wecom_events (event_key, event, change_type, payload, status, attempts, "
                        "next_attempt_at, received_at) VALUES ($1, $2, $3, $4, 'pending', 0, $5, $5) "
                        "ON CONFLICT (event_key) DO NOTHING", key, msg.get("Event", "")[:48],
                        msg.get("ChangeType", "")[:48], jsonlib.dumps(msg), now)
    return text("success")


async def interaction_raw(request: Request) -> HTTPResponse:
    import hmac

    h = request.headers
    source_id, ts, sig = h.get("x-jifen-source", ""), h.get("x-jifen-timestamp", ""), h.get("x-jifen-signature", "")
    if not source_id.isdigit() or not ts.isdigit() or abs(int(ts) - time.time()) > 300:
        return json({"error": {"code": "bad_signature", "message": "bad source or timestamp"}}, status=401)
    body = request.body or b""
    async with request.app.ctx.pool.acquire() as c:
        secret = await c.fetchval("SELECT secret FROM community_sources WHERE id = $1 AND active", int(source_id))
        expected = hmac.new((secret or "-").encode(), ts.encode() + b"\n" + body, hashlib.sha256).hexdigest()
        if secret is None or not hmac.compare_digest(expected, sig.lower()):
            return json({"error": {"code": "bad_signature", "message": "bad source or signature"}}, status=401)
        data = jsonlib.loads(body)
        member_id, ref, points, now = int(data["member_id"]), str(data["ref"]), 10, datetime.now(UTC)
        async with c.transaction():
            row_id = await c.fetchval(
                "INSERT INTO community_interactions (source_id, ref, kind, member_id, group_id, status, occurred_at) "
                "VALUES ($1, $2, $3, $4, $5, 'new', $6) ON CONFLICT (source_id, ref) DO NOTHING RETURNING id",
                int(source_id), ref, str(data["kind"]), member_id, data.get("group_id"), now)
            if row_id is None:
                return json({"status": "duplicate", "ref": ref})
            day = f"d:{_today(now).isoformat()}"
            counted = await c.fetchval(
                "INSERT INTO award_counters (member_id, rule_id, period, count, points) VALUES ($1, $2, $3, 1, $4) "
                "ON CONFLICT (member_id, rule_id, period) DO UPDATE SET count = award_counters.count + 1, "
                "points = award_counters.points + excluded.points WHERE award_counters.count + 1 <= 5 "
                "AND award_counters.points + excluded.points <= 50 RETURNING count",
                member_id, request.app.ctx.interaction_rule, day, points)
            if counted is None:
                await c.execute("UPDATE community_interactions SET status = 'capped' WHERE id = $1", row_id)
                return json({"status": "capped", "interaction_id": row_id, "ref": ref})
            balance = await c.fetchval("UPDATE members SET balance = balance + $2, updated_at = $3 WHERE id = $1 "
                                       "RETURNING balance", member_id, points, now)
            await c.execute(
                f"INSERT INTO point_entries ({_ENTRY_COLS}) VALUES ($1, 'available', $2, 'earn', "
                "'community_interaction', $3, NULL, $3, $4, 1, NULL, $5)", member_id, points,
                f"community:{source_id}:{ref}", balance, now)
            await c.execute("UPDATE community_interactions SET status = 'awarded', result = $2 WHERE id = $1",
                            row_id, jsonlib.dumps({"points": points}))
    return json({"status": "awarded", "interaction_id": row_id, "ref": ref, "member_id": member_id,
                 "points": points, "balance": balance}, status=201)


def create_app(name: str = "ceiling") -> Sanic:
    app = Sanic(name)
    app.config.ACCESS_LOG = False
    app.add_route(bare, "/bare", methods=["GET"])
    app.add_route(checkin_raw, "/checkin_raw", methods=["POST"])
    app.add_route(checkin_one, "/checkin_one", methods=["POST"])
    app.add_route(ledger_raw, "/ledger_raw", methods=["GET"])
    app.add_route(points_raw, "/points_raw", methods=["GET"])
    app.add_route(login_raw, "/login_raw", methods=["POST"])
    app.add_route(notify_raw, "/notify_raw", methods=["POST"])
    app.add_route(notify_coupon_raw, "/notify_coupon_raw", methods=["POST"])
    app.add_route(wecom_raw, "/wecom_raw", methods=["POST"])
    app.add_route(interaction_raw, "/interaction_raw", methods=["POST"])

    @app.before_server_start
    async def open_resources(app: Sanic) -> None:
        env = os.environ
        ctx = app.ctx
        ctx.secret = env["BENCH_SECRET"]
        ctx.checkin_points = int(env.get("BENCH_CHECKIN_POINTS", "5"))
        ctx.pool = await asyncpg.create_pool(env["BENCH_DSN"], min_size=1,
                                             max_size=int(env.get("BENCH_POOL_MAX", "10")))
        # a second pool for /checkin_one only: its idle connections close after 5 s, so outside that scenario
        # the ceiling holds no more PostgreSQL connections than before (max_connections is shared)
        ctx.pool_noreset = await asyncpg.create_pool(env["BENCH_DSN"], min_size=0,
                                                     max_size=int(env.get("BENCH_POOL_MAX", "10")),
                                                     max_inactive_connection_lifetime=5.0,
                                                     connection_class=_NoResetConnection)
        from redis.asyncio import Redis

        ctx.redis = Redis.from_url(env.get("JIFEN_REDIS_URL", "redis://127.0.0.1:6379/9"), decode_responses=True)
        await ctx.redis.script_load(_RL_LUA)
        ctx.rl_prefix = env.get("JIFEN_REDIS_PREFIX", "jifen-bench:") + "ceiling:"
        ctx.checkin_per_member = int(env.get("JIFEN_RATELIMIT_CHECKIN_PER_MEMBER", "20"))
        ctx.checkin_per_ip = int(env.get("JIFEN_RATELIMIT_CHECKIN_PER_IP", "600"))
        ctx.http = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=200))
        ctx.wechat_base = env.get("BENCH_WECHAT_BASE", "http://127.0.0.1:8901")
        ctx.appid, ctx.app_secret = env.get("BENCH_APPID", ""), env.get("BENCH_APP_SECRET", "")
        async with ctx.pool.acquire() as c:
            ctx.checkin_rule = await _checkin_rule(c)
            ctx.first_rule = await c.fetchval("SELECT id FROM earning_rules WHERE code = 'first_purchase'") or 0
            ctx.interaction_rule = await c.fetchval(
                "SELECT id FROM earning_rules WHERE code = 'community_interaction'") or 0
        from wechatpy.enterprise.crypto import WeChatCrypto

        ctx.wecom = WeChatCrypto(env.get("BENCH_WECOM_TOKEN", ""), env.get("BENCH_WECOM_AES_KEY", "A" * 43),
                                 env.get("BENCH_WECOM_CORPID", ""))
        ctx.platform_keys = {}
        keys_dir = env.get("BENCH_KEYS_DIR")
        if keys_dir:
            from cryptography.hazmat.primitives import hashes, serialization
            from cryptography.hazmat.primitives.asymmetric import padding
            from cryptography.hazmat.primitives.ciphers.aead import AESGCM

            manifest = jsonlib.loads((Path(keys_dir) / "dev-keys.json").read_text())
            public = serialization.load_pem_public_key((Path(keys_dir) / "platform-public.pem").read_bytes())
            ctx.platform_keys = {manifest["platform_public_key_id"].upper(): public}
            ctx.aesgcm = AESGCM(manifest["apiv3_key"].encode())
            ctx.padding, ctx.hashes = padding, hashes

    @app.after_server_stop
    async def close_resources(app: Sanic) -> None:
        await app.ctx.http.close()
        await app.ctx.redis.aclose()
        await app.ctx.pool.close()
        await app.ctx.pool_noreset.close()

    return app


def main() -> None:
    from sanic.worker.loader import AppLoader

    p = argparse.ArgumentParser(description="bench ceiling app")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--workers", type=int, default=1)
    args = p.parse_args()
    loader = AppLoader(factory=partial(create_app, "ceiling"))
    app = loader.load()
    app.prepare(host="127.0.0.1", port=args.port, workers=args.workers, access_log=False, motd=False)
    Sanic.serve(primary=app, app_loader=loader)


if __name__ == "__main__":
    main()
