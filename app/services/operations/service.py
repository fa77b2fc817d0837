"""Long actions started from the console or the admin API: one `operation_runs` row per run, run off the request.

Why one mechanism: bulk shipping by CSV, the CSV exports and the WeCom sync all take longer than a page should
wait, and a person wants to see them move and come back to their answer. `start` validates the kind's parameters
(a refusal is an ordinary 4xx, nothing is queued), inserts the row `queued` and kicks it off in the process that
took the request; the scheduler's `operations_run` job is the backstop (it runs what nobody took and recovers runs
whose worker died). Every taker claims with one conditional UPDATE (queued -> running, attempts + 1), as the
outbox claims its rows, so a run fires once across instances.

While it works, a run renews `heartbeat_at` (a background beat every HEARTBEAT_SECONDS, and each progress write);
a `running` row whose heartbeat is older than STALE_SECONDS lost its worker (a crash, a deploy): `reap` queues it
again when its kind is safe to repeat (exports, the WeCom sync: idempotent) and attempts remain, otherwise marks it
failed with the reason (bulk shipping: a row shipped before the crash would be reported again as not shippable).
The outcome is written only by the attempt that holds the row (`attempts` matches), never by a reaped one.

Kinds register with `@operation(...)` beside the code they call (see `kinds.py`); each gets its parameters model,
the roles that may start it, and a function `fn(ctx)` that reports progress through `ctx.progress` and returns a
JSON summary, optionally attaching a file (`ctx.attach`, served as a download; it starts with a UTF-8 BOM for
Excel).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from pydantic import BaseModel, ValidationError

from app.auth import Principal
from app.errors import ApiError, Forbidden, NotFound, ValidationFailed
from app.runtime import Runtime
from models import OperationRun

log = logging.getLogger("jifen.operations")

STAFF = ("marketer", "admin")
HEARTBEAT_SECONDS = 10.0
STALE_SECONDS = 90
MAX_ATTEMPTS = 3
PROGRESS_EVERY = 0.3  # seconds between progress writes (the last one is always written)
BOM = "\ufeff"  # starts every attached file: Excel then reads it as UTF-8

RunFn = Callable[["Context"], Awaitable[dict[str, Any]]]
CheckFn = Callable[[Runtime, Any], Awaitable[None]]


@dataclass(frozen=True)
class Kind:
    name: str
    label: str
    params: type[BaseModel]
    fn: RunFn
    roles: tuple[str, ...]
    repeatable: bool
    check: CheckFn | None


_KINDS: dict[str, Kind] = {}


def operation(name: str, *, label: str, params: type[BaseModel], roles: tuple[str, ...] = STAFF,
              repeatable: bool = True, check: CheckFn | None = None) -> Callable[[RunFn], RunFn]:
    """Register a kind of long action. `check(rt, params)` runs at start (a refusal there queues nothing);
    `repeatable`: may a run whose worker died be run again from the start?"""

    def deco(fn: RunFn) -> RunFn:
        existing = _KINDS.get(name)
        if existing is not None and existing.fn is not fn:
            raise ValueError(f"operation {name!r} registered twice")
        _KINDS[name] = Kind(name, label, params, fn, roles, repeatable, check)
        return fn

    return deco


def kinds() -> dict[str, Kind]:
    from app import domains

    domains.load()
    return dict(_KINDS)


def kind_of(name: str) -> Kind:
    k = kinds().get(name)
    if k is None:
        raise ValidationFailed(f"unknown operation kind {name!r}", code="unknown_operation",
                               details=[{"field": "kind", "message": f"one of {', '.join(sorted(_KINDS))}"}])
    return k


@dataclass
class Context:
    """What a running kind sees: its run id, validated parameters, progress and file attachment."""

    rt: Runtime
    run_id: int
    attempt: int
    params: Any
    done: int = 0
    total: int = 0
    note: str | None = None
    file_name: str | None = None
    file_body: str | None = None
    _written: float = field(default=0.0)

    async def progress(self, done: int, total: int | None = None, note: str | None = None) -> None:
        """Record how far the run is (throttled; also renews the heartbeat)."""
        self.done = done
        if total is not None:
            self.total = total
        if note is not None:
            self.note = note[:255]
        if time.monotonic() - self._written >= PROGRESS_EVERY:
            await self.flush()

    def say(self, note: str) -> None:
        """A progress line from synchronous code (the WeCom sync's callback): written by the next beat."""
        self.note = note[:255]
        self.done += 1

    async def flush(self) -> None:
        self._written = time.monotonic()
        await OperationRun.filter(id=self.run_id, status="running", attempts=self.attempt).update(
            done=self.done, total=self.total, note=self.note, heartbeat_at=self.rt.clock.now())

    def attach(self, name: str, body: str) -> None:
        """The run's file, as it is downloaded (console and admin API alike). Every file is a CSV a marketer opens
        in Excel, which reads a CSV without a BOM in the machine's code page (GBK on Chinese Windows) and garbles
        the Chinese: so each starts with a UTF-8 BOM, added here once for every kind."""
        self.file_name, self.file_body = name, body if body.startswith(BOM) else BOM + body


def run_view(run: OperationRun) -> dict[str, Any]:
    k = _KINDS.get(run.kind)
    percent = None
    if run.status == "done":
        percent = 100
    elif run.total:
        percent = min(99, run.done * 100 // run.total)
    return {"id": run.id, "kind": run.kind, "label": k.label if k else run.kind, "status": run.status,
            "done": run.done, "total": run.total, "percent": percent, "note": run.note, "params": run.params,
            "result": run.result, "error": run.error, "file_name": run.file_name,
            "has_file": run.file_name is not None, "attempts": run.attempts, "created_by": run.created_by,
            "created_at": run.created_at.isoformat(),
            "started_at": run.started_at.isoformat() if run.started_at else None,
            "finished_at": run.finished_at.isoformat() if run.finished_at else None}


def _validate(model: type[BaseModel], data: dict[str, Any]) -> BaseModel:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = [{"field": ".".join(str(p) for p in err["loc"]) or "params", "message": err["msg"]}
                  for err in exc.errors()]
        raise ValidationFailed("; ".join(f"{e['field']}: {e['message']}" for e in errors), details=errors) from exc


_tasks: set[asyncio.Task[Any]] = set()


async def start(rt: Runtime, kind: str, params: dict[str, Any], principal: Principal, *,
                kick: bool = True) -> OperationRun:
    """Validate and queue a run (refused: 4xx, nothing queued); the process that took the request starts it
    at once (`kick`), the scheduler takes it otherwise."""
    k = kind_of(kind)
    if principal.role not in k.roles:
        raise Forbidden(f"{kind} is for {', '.join(k.roles)}", code="operation_forbidden")
    p = _validate(k.params, params)
    if k.check is not None:
        await k.check(rt, p)
    now = rt.clock.now()
    run = await OperationRun.create(kind=kind, status="queued", params=p.model_dump(mode="json", by_alias=True),
                                    created_by=f"{principal.role}:{principal.subject_id}", created_at=now)
    if kick:
        task = asyncio.ensure_future(run_one(rt, run.id))
        _tasks.add(task)
        task.add_done_callback(_tasks.discard)
    return run


async def get(run_id: int) -> OperationRun:
    run = await OperationRun.get_or_none(id=run_id)
    if run is None:
        raise NotFound("no such operation run", code="operation_not_found")
    return run


async def recent(kind: str | None, page: int, size: int) -> dict[str, Any]:
    q = OperationRun.filter(kind=kind) if kind else OperationRun.all()
    total = await q.count()
    rows = await q.order_by("-id").offset((page - 1) * size).limit(size)
    return {"items": [run_view(r) for r in rows], "total": total, "page": page, "size": size}


async def claim(rt: Runtime, run_id: int) -> OperationRun | None:
    """queued -> running for this taker only (a conditional UPDATE: concurrent takers, one winner)."""
    run = await OperationRun.get_or_none(id=run_id)
    if run is None or run.status != "queued":
        return None
    now = rt.clock.now()
    won = await OperationRun.filter(id=run_id, status="queued", attempts=run.attempts).update(
        status="running", attempts=run.attempts + 1, started_at=now, heartbeat_at=now, error=None)
    if not won:
        return None
    await run.refresh_from_db()
    return run


async def run_one(rt: Runtime, run_id: int) -> str | None:
    """Claim and run one queued run; returns its final status (None: someone else has it)."""
    run = await claim(rt, run_id)
    if run is None:
        return None
    return await _execute(rt, run)


async def _execute(rt: Runtime, run: OperationRun) -> str:
    k = _KINDS.get(run.kind)
    ctx = Context(rt, run.id, run.attempts, None)

    async def beat() -> None:
        while True:
            await asyncio.sleep(HEARTBEAT_SECONDS)
            with contextlib.suppress(Exception):  # a missed beat is retried; only a dead worker stops beating
                await ctx.flush()

    beating = asyncio.ensure_future(beat())
    status, error, result = "done", None, None
    try:
        if k is None:
            raise ValidationFailed(f"unknown operation kind {run.kind!r}", code="unknown_operation")
        ctx.params = k.params.model_validate(run.params)
        result = await k.fn(ctx)
    except ApiError as exc:  # a refusal of the service (e.g. the sync's lock is held): the run's answer
        status, error = "failed", f"{exc.code}: {exc.message}"[:255]
    except Exception as exc:  # the run's failure is its answer, not the worker's
        log.exception("operation %s (%s) failed", run.id, run.kind)
        status, error = "failed", f"{type(exc).__name__}: {exc}"[:255]
    finally:
        beating.cancel()
    updated = await OperationRun.filter(id=run.id, status="running", attempts=run.attempts).update(
        status=status, error=error, result=result, done=ctx.total if status == "done" and ctx.total else ctx.done,
        total=ctx.total, note=ctx.note, file_name=ctx.file_name, file_body=ctx.file_body,
        heartbeat_at=rt.clock.now(), finished_at=rt.clock.now())
    if not updated:
        log.warning("operation %s: the outcome of attempt %s came after the run was taken back", run.id, run.attempts)
    return status


async def reap(rt: Runtime) -> dict[str, int]:
    """Runs whose worker stopped beating: queued again (repeatable kinds, attempts left) or failed with why."""
    now = rt.clock.now()
    cutoff = now - timedelta(seconds=STALE_SECONDS)
    out = {"requeued": 0, "failed": 0}
    for run in await OperationRun.filter(status="running", heartbeat_at__lt=cutoff):
        k = _KINDS.get(run.kind)
        again = k is not None and k.repeatable and run.attempts < MAX_ATTEMPTS
        if again:
            n = await OperationRun.filter(id=run.id, status="running", attempts=run.attempts).update(
                status="queued", note="重新排队：上次执行的进程已停止", heartbeat_at=None)
            out["requeued"] += n
        else:
            reason = ("interrupted: its worker stopped (no heartbeat); rows done before stay done, upload again "
                      "to finish the rest" if k is not None and not k.repeatable else
                      "interrupted: its worker stopped (no heartbeat) too many times")
            n = await OperationRun.filter(id=run.id, status="running", attempts=run.attempts).update(
                status="failed", error=reason, finished_at=now)
            out["failed"] += n
        if n:
            log.warning("operation %s (%s) lost its worker: %s", run.id, run.kind, "requeued" if again else "failed")
    return out


async def work(rt: Runtime, seconds: float) -> dict[str, int]:
    """The scheduler's backstop: recover stale runs, then run queued ones (oldest first) while time is left."""
    kinds()  # every domain's kinds registered
    out = await reap(rt)
    deadline = time.monotonic() + seconds
    ran = 0
    while time.monotonic() < deadline:
        ids = await OperationRun.filter(status="queued").order_by("id").limit(5).values_list("id", flat=True)
        if not ids:
            break
        for run_id in ids:
            if await run_one(rt, int(run_id)) is not None:
                ran += 1
    out["ran"] = ran
    return out
