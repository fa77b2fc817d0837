"""Callbacks from WeChat Pay: `POST /wechatpay/notify` (path: `[payments] notify_path`).

This route speaks WeChat Pay's protocol, not ours (docs/wechat-protocols.md §6.4): 204 once everything is
committed; a refused notification gets 4xx `{"code", "message"}` (never retried into success); an internal
failure gets 5xx with the same shape, so WeChat Pay retries and the idempotent steps finish the work.
"""

from __future__ import annotations

import asyncio
import logging

from sanic import Request
from sanic.response import HTTPResponse, empty, json
from sanic_ext.extensions.openapi import openapi

from app.config import Settings
from app.services.payments import service as payments
from app.wechatpay.crypto import DecryptError, NotificationBadRequest, WeChatPayNotificationError
from handlers import Blueprint

log = logging.getLogger("jifen.wechatpay")


def _status_for(exc: WeChatPayNotificationError) -> int:
    if isinstance(exc, NotificationBadRequest | DecryptError | payments.MerchantMismatch):
        return 400
    return 401  # signature, serial, timestamp


def _retrieve(task: asyncio.Future[payments.NotifyOutcome]) -> None:
    """Consume the outcome of a run whose caller went away (it is logged in the notification row)."""
    if not task.cancelled():
        task.exception()


async def notify(request: Request) -> HTTPResponse:
    """WeChat Pay API v3 notifications (TRANSACTION.SUCCESS, REFUND.SUCCESS; others acknowledged)."""
    rt = request.app.ctx.rt
    # shielded: if WeChat Pay hangs up, the steps still run to the end instead of stopping half way
    work = asyncio.ensure_future(payments.handle_notification(rt, dict(request.headers), request.body))
    work.add_done_callback(_retrieve)
    try:
        outcome = await asyncio.shield(work)
    except WeChatPayNotificationError as exc:
        log.warning("WeChat Pay notification refused: %s %s", exc.code, exc.message)
        return json({"code": exc.code, "message": exc.message}, status=_status_for(exc))
    except Exception:
        log.exception("WeChat Pay notification failed; answering 500 so it is retried")
        return json({"code": "FAIL", "message": "internal error, please retry"}, status=500)
    log.info("WeChat Pay notification %s %s: %s", outcome.event_type, outcome.ref, outcome.status)
    return empty(status=204)


def make_blueprint(settings: Settings) -> Blueprint:
    bp = Blueprint("wechatpay_callbacks")
    bp.add_route(openapi.summary("WeChat Pay v3 notifications")(notify), settings.payments.notify_path,
                 methods=["POST"], name="wechatpay_notify")
    return bp
