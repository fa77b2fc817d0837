"""Operator configuration (rules, campaigns, tiers, budgets) cached per process for the hot path.

Why a cache: every check-in needs the rule, the tier multipliers and the active campaigns; reading them
from the database each time would double the round trips. The cache reloads after `TTL_SECONDS` or when
this process changes configuration (`invalidate()`); other workers follow within the TTL.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from datetime import datetime

from app import caches
from app.db import detached
from models import Campaign, EarningRule, PointsBudget, Tier

TTL_SECONDS = 5.0


@dataclass
class ConfigSnapshot:
    rules_by_event: dict[str, list[EarningRule]] = field(default_factory=dict)
    campaigns: list[Campaign] = field(default_factory=list)
    tiers: list[Tier] = field(default_factory=list)
    budgets: dict[int, PointsBudget] = field(default_factory=dict)
    loaded_at: float = 0.0

    def rule_for(self, event: str, now: datetime) -> EarningRule | None:
        """The active rule for an event (at most one is active per event at a time, enforced by admin)."""
        for rule in self.rules_by_event.get(event, []):
            if rule.starts_at and now < rule.starts_at:
                continue
            if rule.ends_at and now >= rule.ends_at:
                continue
            return rule
        return None

    def tier(self, level: int) -> Tier | None:
        for t in self.tiers:
            if t.level == level:
                return t
        return None


class ConfigCache:
    def __init__(self) -> None:
        self._snap = ConfigSnapshot()
        self._reloading: asyncio.Task[ConfigSnapshot] | None = None
        self._generation = 0

    async def get(self) -> ConfigSnapshot:
        """The cached snapshot; when stale, ONE task reloads while the others keep serving the old one
        (only a first load, with nothing to serve yet, makes callers wait - for that same single reload)."""
        if time.monotonic() - self._snap.loaded_at <= TTL_SECONDS:
            return self._snap
        if self._reloading is None or self._reloading.done():
            self._reloading = detached(self.reload())  # never on a caller's transaction
        if self._snap.loaded_at == 0.0:
            return await asyncio.shield(self._reloading)
        return self._snap

    async def reload(self) -> ConfigSnapshot:
        generation = self._generation
        snap = ConfigSnapshot(loaded_at=time.monotonic())
        for rule in await EarningRule.filter(active=True).order_by("-id"):
            snap.rules_by_event.setdefault(rule.event, []).append(rule)
        snap.campaigns = list(await Campaign.filter(active=True))
        snap.tiers = list(await Tier.all().order_by("level"))
        snap.budgets = {b.year: b for b in await PointsBudget.all()}
        if generation == self._generation:  # a load that began before invalidate() must not win
            self._snap = snap
        return snap

    def invalidate(self) -> None:
        """Drop the snapshot: the next `get()` waits for a fresh load (used right after config changes)."""
        self._generation += 1
        self._snap = ConfigSnapshot()
        self._reloading = None


config_cache = ConfigCache()
caches.register(config_cache.invalidate)
