"""The official account's server URL: `GET/POST /wechat/oa/callback` (docs/wechat-protocols.md §3.1-§3.3).

WeChat's protocol, not ours: URL verification echoes `echostr` verbatim once `signature` holds; a push is
verified (a timestamp within 5 minutes of the wall clock, `signature` in plain mode or `msg_signature` over the
ciphertext in safe mode, the AppID as receive id), refused if the same signed request was seen before (Redis,
only once the signature holds, so forgeries cannot burn nonces), then applied (content/events.py) and answered
`success` or with a passive reply, encrypted in safe mode. With an EncodingAESKey configured, plaintext pushes
are refused. Refusals are 4xx JSON errors and change nothing.
"""

from __future__ import annotations

import logging
import secrets
import time

from sanic import Request
from sanic.response import HTTPResponse, text
from sanic_ext.extensions.openapi import openapi

from app.services.content import events
from app.wechat.official_account import OACallbackCrypto
from app.wechat.wecom.crypto import CallbackRejected, check_timestamp
from handlers import Blueprint
from handlers.callbacks.transport import first_delivery, query_args, refusal, replayed

log = logging.getLogger("jifen.content")

bp = Blueprint("official_account_callbacks")


def _crypto(request: Request) -> OACallbackCrypto:
    cfg = request.app.ctx.rt.settings.official_account
    return OACallbackCrypto(cfg.token, cfg.aes_key, cfg.appid)


@bp.get("/wechat/oa/callback")
@openapi.summary("Official-account server URL verification")
async def verify_url(request: Request) -> HTTPResponse:
    """Answers `echostr` verbatim (plain text) when `signature` holds (docs/wechat-protocols.md §3.3)."""
    sig, ts, nonce, echostr = query_args(request, "signature", "timestamp", "nonce", "echostr")
    try:
        check_timestamp(ts, int(time.time()))  # transport time: the wall clock, never the business clock
        _crypto(request).check_plain(sig, ts, nonce)
    except CallbackRejected as exc:
        raise refusal(log, "official-account", exc) from exc
    return text(echostr)


@bp.post("/wechat/oa/callback")
@openapi.summary("Official-account messages and events")
async def receive(request: Request) -> HTTPResponse:
    """PUBLISHJOBFINISH / MASSSENDJOBFINISH update their edition; subscribe gets the points introduction."""
    rt = request.app.ctx.rt
    crypto = _crypto(request)
    sig, ts, nonce = query_args(request, "signature", "timestamp", "nonce")
    safe = request.args.get("encrypt_type") == "aes"
    try:
        check_timestamp(ts, int(time.time()))
        if safe:
            (sig,) = query_args(request, "msg_signature")
            plaintext: str | bytes = crypto.decrypt_envelope(sig, ts, nonce, request.body)
        elif crypto.aes_key:
            raise CallbackRejected("plaintext_refused", "safe mode is configured: plaintext pushes are refused")
        else:
            crypto.check_plain(sig, ts, nonce)
            plaintext = request.body
        msg = events.parse(plaintext)
    except CallbackRejected as exc:
        raise refusal(log, "official-account", exc) from exc
    replay_key = await first_delivery(rt, "oa-cb", ts, nonce, sig)
    if replay_key is None:
        raise refusal(log, "official-account", replayed())
    try:
        reply = await events.handle(rt, msg)
    except Exception:
        await rt.redis.delete(replay_key)  # WeChat's retry of it must not be refused
        raise
    if reply is None:
        return text("success")
    if safe:
        reply = crypto.encrypt(reply, str(secrets.randbelow(10**10)), str(int(time.time())))
    return text(reply, content_type="application/xml; charset=utf-8")
