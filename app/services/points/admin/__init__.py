"""Operator side of the points engine: earning rules, campaigns, tiers, budgets, manual adjustments, awards.

Why this module exists: the engine (`engine`, `calc`, `ledger`) trusts its configuration (e.g. `rule_for`
returns the first active rule of an event, `validity == "days"` falls back to 365 days when unset). Every
configuration write therefore goes through here, where it is validated as a whole (field-level 422s) and
checked against the rows already stored, inside one transaction holding a configuration lock, so two
operators cannot create conflicting configuration at once. After each change the per-process config cache
is invalidated: this worker applies the change to the very next award, other workers within the cache TTL.

Configuration changes never rewrite ledger entries: every entry carries its own trace (rule, base points,
multipliers, caps), so history stays as it was when awarded.

Operating notes:
  * At most one active earning rule per event whose window overlaps from now on. To replace a rule,
    deactivate the old one first (or give the new one a window starting where the old one ends).
    Rules are never deleted: entries and cap counters refer to them by id.
  * Campaigns: of overlapping campaigns the highest multiplier wins (see `calc.best_campaign`).
  * Manual adjustments and operator awards use their own idempotency-key namespaces (`admin-adjust:`,
    `admin-award:`), so an operator's key can never collide with an engine key such as `checkin:<day>`.
"""
