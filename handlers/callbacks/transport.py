"""What every signed WeChat callback route shares before its product-specific part (WeCom, official account):
query parameters read with a size bound, refusals logged and answered the same way, and the replay check.

The replay check runs only after the signature holds (so forgeries cannot burn nonces) and is released by the
caller if recording fails, so WeChat's own retry of that request is not refused. (WeCom's callback does not
use it: its replay check rides on the statement that records the event, see `events.record`.)
"""

from __future__ import annotations

import logging
from typing import Any

from sanic import Request

from app.errors import ApiError
from app.wechat.wecom.crypto import CallbackRejected

REPLAY_TTL_SECONDS = 900  # longer than the 5-minute timestamp window on either side


def query_args(request: Request, *names: str) -> list[str]:
    values = [request.args.get(n) or "" for n in names]
    if not all(values) or any(len(v) > 1024 for v in values):
        raise ApiError("missing or oversized query parameters: " + ", ".join(names), code="bad_request")
    return values


def refusal(log: logging.Logger, product: str, exc: CallbackRejected) -> ApiError:
    log.warning("%s callback refused: %s %s", product, exc.code, exc.message)
    return ApiError(exc.message, code=exc.code, status=exc.status)


async def first_delivery(rt: Any, kind: str, ts: str, nonce: str, sig: str) -> str | None:
    """The replay key when this signed request is seen for the first time, None when it was seen before."""
    key = rt.key(kind, ts, nonce, sig.lower())
    return key if await rt.redis.set(key, "1", nx=True, ex=REPLAY_TTL_SECONDS) else None


def replayed() -> CallbackRejected:
    return CallbackRejected("replayed", "this callback was already received", status=409)
