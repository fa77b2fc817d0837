"""`jifen reconcile` (and the `reconcile` job): find and repair what a crash left half done.

Every follow-up that can be stranded between two commits (a refund recorded but never clawed back, an award
owed but never made, a coupon whose delivery raced its revocation, ...) registers a *check* here: a function
that finds the stranded rows and, when asked, repairs them through the same idempotent service calls the normal
path uses. Running it twice changes nothing the second time (each repair is keyed like the original change);
running it on a healthy database finds nothing. Domains register their checks at import time with `@check`
(`app.domains.load()` imports them all): points (debt netting, reopened lots, unsent reminders, owed awards),
payments (refunds not clawed back, payments never credited), coupons (delivered after revocation).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from app.runtime import Runtime
from app.scheduling import scheduled

log = logging.getLogger("jifen.reconcile")


@dataclass
class Finding:
    """One stranded thing: what it is, which rows, whether this run repaired it (or why not)."""

    check: str
    subject: str
    detail: str
    repaired: bool = False
    error: str | None = None


CheckFn = Callable[[Runtime, bool], Awaitable[list[Finding]]]


@dataclass
class _Registry:
    checks: dict[str, CheckFn] = field(default_factory=dict)


_registry = _Registry()


def check(name: str) -> Callable[[CheckFn], CheckFn]:
    """Register `fn(rt, repair) -> findings` under `name` (unique across domains)."""

    def deco(fn: CheckFn) -> CheckFn:
        if name in _registry.checks and _registry.checks[name] is not fn:
            raise ValueError(f"reconcile check {name!r} registered twice")
        _registry.checks[name] = fn
        return fn

    return deco


def _load_domains() -> None:
    """Import every domain (they register their checks at import)."""
    from app import domains

    domains.load()


async def run(rt: Runtime, *, repair: bool) -> list[Finding]:
    """Run every registered check; a failing check is reported as a finding, the others still run."""
    _load_domains()
    out: list[Finding] = []
    for name, fn in sorted(_registry.checks.items()):
        try:
            out.extend(await fn(rt, repair))
        except Exception as exc:  # one broken check must not hide the others' findings
            log.exception("reconcile check %s failed", name)
            out.append(Finding(check=name, subject="-", detail="check failed", error=repr(exc)))
    return out


@scheduled("reconcile", trigger="interval", minutes=5)
async def job(rt: Runtime) -> dict[str, Any] | None:
    """The scheduled form: repair, log what was found."""
    findings = await run(rt, repair=True)
    if not findings:
        return None
    for f in findings:
        log.warning("reconcile %s %s: %s (repaired=%s%s)", f.check, f.subject, f.detail, f.repaired,
                    f", error={f.error}" if f.error else "")
    return {"found": len(findings), "repaired": sum(1 for f in findings if f.repaired)}
