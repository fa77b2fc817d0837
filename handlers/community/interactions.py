"""`POST /community/v1/interactions`: the group bot and community tools report member interactions.

Signed per source (see `app.services.community.interactions`); the body is validated only after the
signature holds, and the answer names the outcome with the rule trace.
"""

from __future__ import annotations

import time

from sanic import Request
from sanic.response import HTTPResponse, json
from sanic_ext.extensions.openapi import openapi

from app.services.community import interactions as svc
from app.validation import inline_schema, parse_json
from handlers import Blueprint

bp = Blueprint("community_interactions")


@bp.post("/interactions")
@openapi.summary("Report a community interaction (HMAC-signed by a source)")
@openapi.body({"application/json": inline_schema(svc.InteractionIn)})
@openapi.parameter("X-Jifen-Source", str, "header", required=True)
@openapi.parameter("X-Jifen-Timestamp", str, "header", required=True)
@openapi.parameter("X-Jifen-Signature", str, "header", required=True,
                   description='hex HMAC-SHA256(secret, timestamp + "\\n" + raw body)')
async def report(request: Request) -> HTTPResponse:
    """201 awarded; 200 duplicate / capped / none; 202 pending_registration; 401 bad or stale signature."""
    rt = request.app.ctx.rt
    # transport time (the wall clock, as for WeChat's signatures), never the business clock
    source = await svc.authenticate(request.headers, request.body or b"", time.time())
    body = parse_json(request, svc.InteractionIn)
    status, answer = await svc.report(rt, source, body)
    return json(answer, status=status)
