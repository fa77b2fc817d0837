"""WeCom customer-contact callbacks: `GET/POST /wecom/callback` (docs/wechat-protocols.md §3.4, §4).

WeCom's protocol, not ours: URL verification answers the decrypted echostr as plain text; an event is
verified (signature, corp, a timestamp within 5 minutes), decrypted, and recorded by one statement that also
refuses a replay (a signed request, named by its msg_signature, recorded before) and collapses WeCom's retries
(the unique content key), then answered `success` once that has committed. Nothing else is on the answer
path: recording signals this process's event worker (`service.signal`), which claims recorded events in
batches and defers to callbacks being answered, so a slow WeCom API or ledger, or a burst, never makes WeCom
retry. Refusals are 4xx JSON errors and record nothing.
"""

from __future__ import annotations

import logging
import time

from sanic import Request
from sanic.response import HTTPResponse, text
from sanic_ext.extensions.openapi import openapi

from app.services.community import events, service
from app.wechat.wecom.crypto import CallbackRejected, WeComCallbackCrypto, callback_crypto, check_timestamp, parse_xml
from handlers import Blueprint
from handlers.callbacks.transport import query_args, refusal, replayed

log = logging.getLogger("jifen.wecom")

bp = Blueprint("wecom_callbacks")


def _crypto(request: Request) -> WeComCallbackCrypto:
    cfg = request.app.ctx.rt.settings.wecom
    return callback_crypto(cfg.callback_token, cfg.callback_aes_key, cfg.corpid)


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
    # replay (the same signed request seen before), dedupe and record: one statement (events.record), run only
    # once the signature holds, so forgeries cannot burn nonces; nothing is kept if it fails
    outcome, _ = await events.record(msg, rt.clock.now(), delivery=sig)
    if outcome == events.REPLAYED:
        raise refusal(log, "WeCom", replayed())
    if outcome == events.NEW:
        service.signal(rt)
    if log.isEnabledFor(logging.DEBUG):
        log.debug("WeCom %s/%s recorded (%s)", msg.get("Event"), msg.get("ChangeType"), outcome)
    return text("success")
