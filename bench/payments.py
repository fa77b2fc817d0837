"""Payment notifications end to end: distinct signed + encrypted TRANSACTION.SUCCESS notifications, each
paid by a different writer member, posted by wrk to `POST /wechatpay/notify` and to the raw ceiling.

Why pre-generated: RSA-2048 signing costs about a millisecond, far more than wrk can spend per request,
so the notifications are signed (on both cores, before the load starts) into a tab-separated file that
notify.lua cycles through. WeChat Pay rejects signatures older than 300 s, so the file is generated right
before each jifen / ceiling pair and regenerated if it grew too old.
"""

from __future__ import annotations

import random
import time
import uuid
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from bench import dataset
from bench.env import APPID, MCHID

MAX_AGE_SECONDS = 240
EXPECTED = (204,)


def available() -> tuple[bool, str]:
    """The notify endpoint and the signing helpers exist (the payment work has landed)."""
    try:
        from app.services.payments import service as payments
        from app.wechatpay.crypto import build_notification  # noqa: F401
        from handlers import callbacks  # noqa: F401
    except Exception as exc:
        return False, f"payment scenario skipped: {type(exc).__name__}: {exc}"
    if not hasattr(payments, "handle_notification"):
        return False, "payment scenario skipped: app.services.payments.service.handle_notification missing"
    return True, ""


def _sign_chunk(job: tuple[str, list[str], int, int]) -> list[str]:
    from app.wechatpay.crypto import build_notification, rfc3339
    from app.wechatpay.keys import generate_dev_keys

    keys_dir, openids, first, timestamp = job
    keys = generate_dev_keys(Path(keys_dir))
    private = keys.platform_private_key()
    rng = random.Random(first)
    day = time.strftime("%Y%m%d", time.localtime(timestamp))
    lines = []
    for n, openid in enumerate(openids, start=first):
        amount = rng.randrange(1_000, 50_000)
        txn = {"appid": APPID, "mchid": MCHID, "out_trade_no": f"BENCH{timestamp}{n:07d}",
               "transaction_id": f"4200{n:06d}{day}{timestamp % 10**10:010d}", "trade_type": "JSAPI",
               "trade_state": "SUCCESS", "trade_state_desc": "支付成功", "bank_type": "OTHERS", "attach": "",
               "success_time": rfc3339(timestamp), "payer": {"openid": openid},
               "amount": {"total": amount, "payer_total": amount, "currency": "CNY", "payer_currency": "CNY"}}
        headers, body = build_notification(private, keys.platform_public_key_id, keys.apiv3_key,
                                           "TRANSACTION.SUCCESS", txn, "transaction",
                                           notification_id=str(uuid.uuid4()), timestamp=timestamp)
        lines.append("\t".join([headers["Wechatpay-Timestamp"], headers["Wechatpay-Nonce"],
                                headers["Wechatpay-Signature"], headers["Wechatpay-Serial"], body.decode()]))
    return lines


async def _writer_openids(plan: Any, count: int) -> list[str]:
    ids = dataset.writer_ids(plan)
    c = await dataset.connect()
    try:
        rows = await c.fetch("SELECT openid FROM members WHERE id BETWEEN $1 AND $2", ids.start, ids.stop - 1)
    finally:
        await c.close()
    openids = [r["openid"] for r in rows]
    random.Random(7).shuffle(openids)
    return openids[:count]


def generate(ctx: Any, count: int) -> tuple[Path, float]:
    """`count` notifications (distinct payers and transaction ids) signed now; returns (file, signed at)."""
    from bench.runner import run_async

    openids = run_async(_writer_openids(ctx.plan, count))
    now = int(time.time())
    chunks = [openids[i:i + 500] for i in range(0, len(openids), 500)]
    jobs = [(str(ctx.keys_dir), chunk, i * 500, now) for i, chunk in enumerate(chunks)]
    with ProcessPoolExecutor(max_workers=2) as pool:
        lines = [line for part in pool.map(_sign_chunk, jobs) for line in part]
    path = ctx.work / "notifications.tsv"
    path.write_text("\n".join(lines) + "\n")
    return path, float(now)


def fresh_notifications(ctx: Any, count: int) -> Path:
    """A file of at least `count` notifications young enough for one more measurement.

    The database is reset before every measurement, so the same notifications are new to it each time;
    only their signature age (WeChat Pay's 300 s window) forces signing a new set."""
    cached = ctx.notifications
    young = cached is not None and time.time() - cached[1] < MAX_AGE_SECONDS - ctx.plan.duration - 10
    if cached is None or not young or cached[2] < count:
        from bench.runner import say

        t0 = time.perf_counter()
        path, signed = generate(ctx, count)
        ctx.notifications = (path, signed, count)
        say(f"  signed {count:,} notifications in {time.perf_counter() - t0:.1f}s")
        return path
    return cached[0]


async def _effects() -> dict[str, int]:
    c = await dataset.connect()
    try:
        await dataset.drain(c)
        row = await c.fetchrow("""
            SELECT (SELECT count(*) FROM payments WHERE credited_at IS NOT NULL) AS credited,
                   (SELECT count(*) FROM payments) AS payments,
                   (SELECT count(*) FROM point_entries WHERE idem_key LIKE 'pay:%') AS purchase_entries,
                   (SELECT count(*) FROM point_entries WHERE idem_key = 'first_purchase') AS bonus_entries,
                   (SELECT count(*) FROM outbox_messages WHERE kind = 'subscribe') AS pushes,
                   (SELECT count(*) FROM coupons) AS coupons,
                   (SELECT count(*) FROM outbox_messages WHERE kind = 'wxpay_coupon') AS wxpay_rows""")
        return {k: int(v) for k, v in dict(row).items()}
    finally:
        await c.close()


COUPON_RULE = "bench-pay-gift"


async def _coupon_rule(on: bool) -> None:
    """The coupon variant's configuration (issue #17): one rule for every payment, a package of one template
    mapped to a WeChat Pay stock (so each payment also writes the favor outbox row), unlimited stock. Not in
    the write tables the reset empties, so it is removed explicitly after the pair."""
    c = await dataset.connect()
    try:
        await c.execute("DELETE FROM coupon_rules WHERE name = $1", COUPON_RULE)
        await c.execute("DELETE FROM coupon_packages WHERE name = $1", COUPON_RULE)
        await c.execute("DELETE FROM coupon_templates WHERE name = $1", COUPON_RULE)
        if on:
            tid = await c.fetchval(
                "INSERT INTO coupon_templates (name, kind, amount_off_fen, min_spend_fen, validity, valid_days, "
                "issued_count, stock_id, stock_creator_mchid, active, created_at, updated_at) VALUES ($1, "
                "'amount_off', 500, 1000, 'days', 30, 0, '9856000', $2, true, now(), now()) RETURNING id",
                COUPON_RULE, MCHID)
            pid = await c.fetchval("INSERT INTO coupon_packages (name, items, active, created_at, updated_at) "
                                   "VALUES ($1, $2, true, now(), now()) RETURNING id", COUPON_RULE,
                                   f'[{{"template_id": {tid}, "quantity": 1}}]')
            await c.execute("INSERT INTO coupon_rules (name, package_id, min_paid_fen, first_purchase_only, active, "
                            "created_at, updated_at) VALUES ($1, $2, 0, false, true, now(), now())", COUPON_RULE, pid)
    finally:
        await c.close()


def http_pair(ctx: Any, workers: int, jifen: Any, ceiling: Any, coupons: bool = False) -> None:
    """The notification pair; `coupons`: every payment also issues a one-coupon package (WeChat Pay stock)."""
    from bench.report import Row
    from bench.runner import measure_pair, pair_row, reset_db, run_async, say

    plan = ctx.plan
    raw = ctx.res.runs.get(f"checkin_w{workers}_raw")
    # the raw check-in is cheaper than the raw payment, so its rate bounds how many notifications a run uses
    estimate = raw["rps"] if raw else (2_500 if plan.mode == "full" else 1_500)
    count = min(int(estimate * plan.duration * 1.3) + 1_000, len(dataset.writer_ids(plan)))
    w = f"w{workers}"
    name = f"notify_coupon_{w}" if coupons else f"notify_{w}"
    effects: list[dict[str, int]] = []  # effects[i]: what part i of the pair left in the database

    def before() -> None:
        if ctx.res.runs.get(f"_parts_{w}"):
            effects.append(run_async(_effects()))
        ctx.res.runs[f"_parts_{w}"] = True
        reset_db(ctx)
        run_async(_coupon_rule(coupons))
        fresh_notifications(ctx, count)  # re-signed (same file) when close to WeChat Pay's 300 s window

    path = fresh_notifications(ctx, count)
    args = [path, 0, plan.threads]
    raw_path = "/notify_coupon_raw" if coupons else "/notify_raw"
    try:
        j, c = measure_pair(ctx, name, (jifen, "notify.lua", [notify_path(), *args]),
                            (ceiling, "notify.lua", [raw_path, *args]), expected=EXPECTED, before=before)
        effects.append(run_async(_effects()))
    finally:
        run_async(_coupon_rule(False))
    ctx.res.runs.pop(f"_parts_{w}", None)
    reset_db(ctx)
    jifen_fx, raw_fx = effects[0], effects[1]  # parts run jifen first, then the ceiling
    ctx.res.runs[name]["effects_first_part"] = jifen_fx
    ctx.res.runs[f"{name}_raw"]["effects_first_part"] = raw_fx
    say(f"  effects of the first part: jifen {jifen_fx} / raw {raw_fx}")
    note = f"{jifen_fx['credited']:,} payments credited and {jifen_fx['pushes']:,} pushes queued in jifen's first part"
    if j.wraps or c.wraps:
        note += f"; notification list wrapped (jifen {j.wraps}, raw {c.wraps}): later copies were duplicates"
    scenario = "payment notification + coupon" if coupons else "payment notification"
    row: Row = pair_row(scenario, workers, j, c, "raw asyncpg txn", target=0.7, note=note)
    if jifen_fx["credited"] != jifen_fx["payments"] or jifen_fx["pushes"] != jifen_fx["credited"]:
        row.jifen_errors += 1
        row.note += "; some payments recorded but not credited or without their push"
    if coupons and (jifen_fx["coupons"] != jifen_fx["credited"] or jifen_fx["wxpay_rows"] != jifen_fx["coupons"]):
        row.jifen_errors += 1
        row.note += "; some credited payments without their coupon or its WeChat Pay outbox row"
    ctx.res.add(row)


def notify_path() -> str:
    """The route jifen serves notifications on (`[payments] notify_path`)."""
    try:
        from app.config import load_settings

        return load_settings().payments.notify_path
    except Exception:
        return "/wechatpay/notify"
