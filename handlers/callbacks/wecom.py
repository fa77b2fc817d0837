"""WeCom customer-contact callbacks: `GET/POST /wecom/callback` (docs/wechat-protocols.md §3.4, §4).

WeCom's protocol, not ours: URL verification answers the decrypted echostr as plain text; an event is
verified (signature, corp, a timestamp within 5 minutes, a (timestamp, nonce, signature) never seen before),
decrypted, recorded (one INSERT, ON CONFLICT DO NOTHING on the content key), and answered `success` once the
record has committed. Nothing else is on the answer path: recording signals this process's event worker
(`service.signal`), which claims recorded events in batches and defers to callbacks being answered, so a slow
WeCom API or ledger, or a burst, never makes WeCom retry. Refusals are 4xx JSON errors and record nothing.
"""

from __future__ import annotations

import logging
import time

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, text
from sanic_ext.extensions.openapi import openapi

from app.services.community import events, service
from app.wechat.wecom.crypto import CallbackRejected, WeComCallbackCrypto, check_timestamp, parse_xml
from handlers.callbacks.transport import first_delivery, query_args, refusal, replayed

log = logging.getLogger("jifen.wecom")

bp = Blueprint("wecom_callbacks")


def _crypto(request: Request) -> WeComCallbackCrypto:
    cfg = request.app.ctx.rt.settings.wecom
    return WeComCallbackCrypto(cfg.callback_token, cfg.callback_aes_key, cfg.corpid)


@bp.get("/wecom/callback")
@openapi.summary("WeCom callback URL verification")
async def verify_url(request: Request) -> HTTPResponse:
    """Answers the decrypted `echostr` (plain text) when `msg_signature` holds."""
    sig, ts, nonce, echostr = query_args(request, "msg_signature", "timestamp", "nonce", "echostr")
    try:
        check_timestamp(ts, int(time.time()))  # transport time: the wall clock, never the business clock
        return text(_crypto(request).verify_url(sig, ts, nonce, echostr))
    except CallbackRejected as exc:
        raise refusal(log, "WeCom", exc) from exc


@bp.post("/wecom/callback")
@openapi.summary("WeCom customer-contact events")
async def receive(request: Request) -> HTTPResponse:
    """change_external_contact / change_external_chat / change_external_tag (others stored for admins)."""
    with service.answering():  # the event worker of this process defers to answers
        return await _receive(request)


async def _receive(request: Request) -> HTTPResponse:
    rt = request.app.ctx.rt
    sig, ts, nonce = query_args(request, "msg_signature", "timestamp", "nonce")
    try:
        check_timestamp(ts, int(time.time()))  # transport time: the wall clock, never the business clock
        plaintext = _crypto(request).decrypt_envelope(sig, ts, nonce, request.body)
        msg = parse_xml(plaintext)
    except CallbackRejected as exc:
        raise refusal(log, "WeCom", exc) from exc
    # replay: the same signed request seen before (only checked once the signature holds, so forgeries
    # cannot burn nonces); released again if recording fails, so WeCom's retry of it is not refused
    replay_key = await first_delivery(rt, "wecom-cb", ts, nonce, sig)
    if replay_key is None:
        raise refusal(log, "WeCom", replayed())
    try:
        event_id, new = await events.record(msg, rt.clock.now())
    except Exception:
        await rt.redis.delete(replay_key)
        raise
    if new and event_id is not None:
        service.signal(rt)
    if log.isEnabledFor(logging.DEBUG):
        log.debug("WeCom %s/%s recorded%s", msg.get("Event"), msg.get("ChangeType"), "" if new else " (duplicate)")
    return text("success")
