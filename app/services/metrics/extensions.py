"""Extension points for domains that are not on main yet (the mall and lottery, issue 15).

Their redemptions need nothing here: they are ledger spends of kind `spend` / `mall_*` / `lottery_*` and count
as redeemed by kind (`classify.py`). What is specific to them registers here when their module is imported:

  @extensions.tier_metrics        async fn(tier_level, start, end) -> dict merged into the tier's figures
                                  (e.g. participation per redemption activity, members who moved up a tier
                                  after taking part)
  @extensions.funnel_step         async fn(start, end) -> (step name, members), placed after `checked_in`
                                  (e.g. ("browse_mall", n))
  @extensions.catalogue           async fn(points_per_yuan) -> [{"kind", "id", "name", "points"}]: what a
                                  balance can buy
                                  (annual report, threshold advice); coupons are the built-in provider
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any

TierFn = Callable[[int, date, date], Awaitable[dict[str, Any]]]
FunnelFn = Callable[[date, date], Awaitable[tuple[str, int]]]
CatalogueFn = Callable[[int], Awaitable[list[dict[str, Any]]]]

_tier: list[TierFn] = []
_funnel: list[FunnelFn] = []
_catalogue: list[CatalogueFn] = []


def _load_domains() -> None:
    from app import domains

    domains.load()  # providers register when their domain is imported


def tier_metrics(fn: TierFn) -> TierFn:
    if fn not in _tier:
        _tier.append(fn)
    return fn


def funnel_step(fn: FunnelFn) -> FunnelFn:
    if fn not in _funnel:
        _funnel.append(fn)
    return fn


def catalogue(fn: CatalogueFn) -> CatalogueFn:
    if fn not in _catalogue:
        _catalogue.append(fn)
    return fn


async def tier_extras(level: int, start: date, end: date) -> dict[str, Any]:
    _load_domains()
    out: dict[str, Any] = {}
    for fn in _tier:
        out.update(await fn(level, start, end))
    return out


async def funnel_steps(start: date, end: date) -> list[tuple[str, int]]:
    _load_domains()
    return [await fn(start, end) for fn in _funnel]


async def catalogue_items(points_per_yuan: int) -> list[dict[str, Any]]:
    _load_domains()
    items: list[dict[str, Any]] = []
    for fn in _catalogue:
        items += await fn(points_per_yuan)
    return sorted(items, key=lambda i: (i["points"], i["kind"], i["id"]))
