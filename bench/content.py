"""Official-account callback ingestion: distinct encrypted, signed `MASSSENDJOBFINISH` events posted by wrk to
jifen's `POST /wechat/oa/callback` and to a bare Sanic endpoint doing the same verification and decryption, in
the same run, alternating parts; the ratio jifen / bare is the figure.

jifen checks the timestamp window, verifies msg_signature and decrypts with wechatpy (AppID as receive id),
refuses replays (Redis SET NX), parses the event and updates the edition with that MsgID (its sent / filtered /
error counts: one SELECT and one UPDATE). The bare endpoint does the wechatpy verification + decryption and
parses the XML, nothing else: the ceiling of "verify + decrypt" on this machine.

Standalone (not a part of `python -m bench`): `python -m bench.content [--seconds 5] [--parts 2]`. It starts
`jifen serve` (one worker; embedded SQLite + in-process Redis in a temp directory unless JIFEN_DATABASE_URL /
JIFEN_REDIS_URL are set) and the bare endpoint as subprocesses, seeds mass-sent editions, and drives both with
`wrk` through bench/lua/wecom.lua (a query-string + body per line). Each line is signed right before its part,
so no request is stale or a replay.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

PATH = "/wechat/oa/callback"
RAW_PATH = "/oa_raw"
ORIGINAL_ID = "gh_benchoa000001"


def credentials() -> tuple[str, str, str]:
    """(Token, EncodingAESKey, AppID) jifen serves the callback with (config.toml's sandbox account)."""
    from app.config import load_settings

    cfg = load_settings().official_account
    return cfg.token, cfg.aes_key, cfg.appid


def generate(path: Path, count: int, editions: int) -> Path:
    """`count` distinct MASSSENDJOBFINISH events for msg_ids 1..editions, encrypted and signed now."""
    from wechatpy.utils import WeChatSigner

    from app.wechat.official_account import OACallbackCrypto

    token, aes_key, appid = credentials()
    crypto = OACallbackCrypto(token, aes_key, appid)
    now = int(time.time())
    ts, run = str(now), secrets.token_hex(4)
    lines = []
    for n in range(count):
        msg_id = n % editions + 1
        plain = (f"<xml><ToUserName><![CDATA[{ORIGINAL_ID}]]></ToUserName><FromUserName><![CDATA[oAdmin]]>"
                 f"</FromUserName><CreateTime>{now}</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                 f"<Event><![CDATA[MASSSENDJOBFINISH]]></Event><MsgID>{msg_id}</MsgID>"
                 f"<Status><![CDATA[send success]]></Status><TotalCount>{100 + n % 7}</TotalCount>"
                 f"<FilterCount>{100 + n % 7}</FilterCount><SentCount>{99 + n % 7}</SentCount>"
                 "<ErrorCount>1</ErrorCount></xml>")
        nonce = f"{run}{n:07d}"
        envelope = crypto.encrypt(plain, nonce, ts)
        encrypted = envelope.split("<Encrypt><![CDATA[", 1)[1].split("]]>", 1)[0]
        msg_sig = envelope.split("<MsgSignature><![CDATA[", 1)[1].split("]]>", 1)[0]
        signer = WeChatSigner()
        signer.add_data(token, ts, nonce)
        query = {"signature": signer.signature, "timestamp": ts, "nonce": nonce, "openid": "oAdmin",
                 "encrypt_type": "aes", "msg_signature": msg_sig}
        body = (f"<xml><ToUserName><![CDATA[{ORIGINAL_ID}]]></ToUserName>"
                f"<Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>")
        lines.append(urlencode(query) + "\t" + body)
    path.write_text("\n".join(lines) + "\n")
    return path


# -- the bare endpoint -----------------------------------------------------------------------------------------
def serve_bare(port: int) -> None:
    """`/oa_raw`: wechatpy's msg_signature check + decryption + XML parse, answering `success`."""
    import xml.etree.ElementTree as ET

    from sanic import Sanic
    from sanic.response import text
    from wechatpy.crypto import WeChatCrypto

    token, aes_key, appid = credentials()
    crypto = WeChatCrypto(token, aes_key, appid)
    app = Sanic("bench_oa_raw")

    @app.post(RAW_PATH)
    async def raw(request: Any) -> Any:
        q = request.args
        try:
            envelope = ET.fromstring(request.body)
            plain = crypto.decrypt_message({"Encrypt": envelope.findtext("Encrypt")}, q.get("msg_signature"),
                                           q.get("timestamp"), q.get("nonce"))
            ET.fromstring(plain)
        except Exception:
            return text("bad", status=400)
        return text("success")

    @app.get("/healthz")
    async def health(request: Any) -> Any:
        return text("ok")

    app.run(host="127.0.0.1", port=port, workers=1, access_log=False, motd=False, single_process=True)


# -- the run ---------------------------------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _seed(db_url: str, editions: int) -> None:
    """Mass-sent editions with msg_id 1..editions (what the events update)."""
    now = "2026-12-01 09:00:00+00:00"
    rows = [(f"bench {i}", "mass", "published", "submitted", 1, i, now, now) for i in range(1, editions + 1)]
    sql = ("INSERT INTO content_editions (title, mode, status, stage, attempts, msg_id, created_at, updated_at) "
           "VALUES ({})")
    if db_url.startswith("sqlite://"):
        with sqlite3.connect(db_url[len("sqlite://"):]) as c:
            c.execute("DELETE FROM content_editions")
            c.executemany(sql.format(", ".join("?" * 8)), rows)
        return
    import asyncpg

    async def go() -> None:
        c = await asyncpg.connect(db_url.replace("postgres://", "postgresql://", 1))
        try:
            await c.execute("DELETE FROM content_editions")
            await c.executemany(sql.format(", ".join(f"${i}" for i in range(1, 9)).replace("$7", "$7::timestamptz")
                                           .replace("$8", "$8::timestamptz")),
                                [(*r[:6], _ts(r[6]), _ts(r[7])) for r in rows])
        finally:
            await c.close()

    asyncio.run(go())


def _ts(value: str) -> Any:
    from datetime import datetime

    return datetime.fromisoformat(value)


def _updated(db_url: str) -> int:
    q = "SELECT COUNT(*) FROM content_editions WHERE total_count IS NOT NULL"
    if db_url.startswith("sqlite://"):
        with sqlite3.connect(db_url[len("sqlite://"):]) as c:
            return int(c.execute(q).fetchone()[0])
    import asyncpg

    async def go() -> int:
        c = await asyncpg.connect(db_url.replace("postgres://", "postgresql://", 1))
        try:
            return int(await c.fetchval(q))
        finally:
            await c.close()

    return asyncio.run(go())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.content", description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="per part and side")
    parser.add_argument("--parts", type=int, default=2, help="alternating parts per side")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--editions", type=int, default=1000)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--bare-port", type=int, help=argparse.SUPPRESS)  # internal: serve the bare endpoint
    args = parser.parse_args(argv)
    if args.bare_port:
        serve_bare(args.bare_port)
        return 0

    from bench import procs
    from bench.env import Plan
    from bench.wrk import merge, run_wrk

    procs.install_cleanup()
    work = Path(tempfile.mkdtemp(prefix="jifen-bench-content-"))
    db_url = os.environ.get("JIFEN_DATABASE_URL") or f"sqlite://{work}/bench.sqlite3"
    env = {**os.environ, "JIFEN_DATABASE_URL": db_url,
           "JIFEN_REDIS_URL": os.environ.get("JIFEN_REDIS_URL") or "memory://",
           "JIFEN_SANDBOX_ENABLED": "false", "JIFEN_SERVER_EMBEDDED_SCHEDULER": "false", "JIFEN_LOG_LEVEL": "WARNING",
           "JIFEN_AUTH_SECRET": os.environ.get("JIFEN_AUTH_SECRET") or secrets.token_urlsafe(32)}
    root = Path(__file__).resolve().parent.parent
    subprocess.run([sys.executable, "-m", "jifen.cli", "migrate"], env=env, cwd=root, check=True,
                   capture_output=True)
    jport, bport = _free_port(), _free_port()
    jifen = procs.start("jifen", [sys.executable, "-m", "jifen.cli", "serve", "--port", str(jport), "--workers", "1"],
                        env, work, cwd=root)
    bare = procs.start("bare", [sys.executable, "-m", "bench.content", "--bare-port", str(bport)], env, work, cwd=root)
    try:
        procs.wait_http(f"http://127.0.0.1:{jport}/healthz", jifen, 90)
        procs.wait_http(f"http://127.0.0.1:{bport}/healthz", bare, 60)
        _seed(db_url, args.editions)
        plan = Plan(mode="content", duration=args.seconds, warmup=0, threads=args.threads,
                    connections=args.connections)
        count = int(8_000 * args.seconds) + 2_000  # more than either side answers in a part: no line repeats
        parts: dict[str, list[Any]] = {"jifen": [], "bare": []}
        for part in range(args.parts):
            for side, port, path in (("jifen", jport, PATH), ("bare", bport, RAW_PATH)):
                lines = generate(work / f"{side}-{part}.tsv", count, args.editions)
                parts[side].append(run_wrk(f"content_{side}", f"http://127.0.0.1:{port}", "wecom.lua",
                                           [path, lines, 0, plan.threads], plan))
        j, b = merge("content_jifen", parts["jifen"]), merge("content_bare", parts["bare"])
        updated = _updated(db_url)
    finally:
        procs.stop(jifen)
        procs.stop(bare)
    ratio = j.rps / b.rps if b.rps else 0.0
    out = {"scenario": "oa_callback_ingestion", "date": time.strftime("%Y-%m-%d"), "database": db_url.split(":")[0],
           "jifen": j.to_json(), "bare": b.to_json(), "ratio": round(ratio, 3), "editions_updated": updated}
    print(f"OA callback ingestion (verify + decrypt + update) vs bare verify + decrypt, {args.parts} x "
          f"{args.seconds:g}s parts, {args.connections} connections")
    for r in (j, b):
        print(f"  {r.name:14s} {r.rps:9,.0f} req/s  p50 {r.p50_ms:6.1f} ms  p99 {r.p99_ms:6.1f} ms  "
              f"errors {r.errors}  statuses {r.statuses}  wraps {r.wraps}")
    print(f"  ratio jifen / bare: {ratio:.2f}x; editions updated by the events: {updated:,}/{args.editions:,}")
    if args.json:
        args.json.write_text(json.dumps(out, indent=2))
    return 0 if j.errors == 0 and b.errors == 0 and updated > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
