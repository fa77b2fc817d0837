"""Liveness and readiness probes."""

import asyncio

from sanic import Request
from sanic.response import HTTPResponse, json

from app import db
from handlers import Blueprint

bp = Blueprint("health")


@bp.get("/healthz")
async def healthz(request: Request) -> HTTPResponse:
    """Process is up."""
    return json({"status": "ok"})


@bp.get("/readyz")
async def readyz(request: Request) -> HTTPResponse:
    """Database and Redis both answer; 503 otherwise (load balancers stop routing here)."""
    checks: dict[str, str] = {}
    try:
        await asyncio.wait_for(db.conn().execute_query("SELECT 1"), 2)
        checks["database"] = "ok"
    except Exception as exc:
        checks["database"] = f"error: {type(exc).__name__}"
    try:
        await asyncio.wait_for(request.app.ctx.rt.redis.ping(), 2)
        checks["redis"] = "ok"
    except Exception as exc:
        checks["redis"] = f"error: {type(exc).__name__}"
    ready = all(v == "ok" for v in checks.values())
    if ready:
        return json({"status": "ready", "checks": checks})
    return json({"error": {"code": "not_ready", "message": "a dependency is down", "details": checks}},
                status=503)
