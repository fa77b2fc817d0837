"""Per-process caches register how to forget themselves; `forget_all()` is the one reset.

Caches in front of the database or Redis (the points configuration snapshot, access tokens held in memory)
are correct as long as what they mirror changes through jifen. Tests reset the database and Redis under them
between cases, and call `forget_all()` so nothing stale survives; nothing else needs it.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

_forgetters: list[Callable[[], None]] = []
_objects: weakref.WeakSet[object] = weakref.WeakSet()


def register(forget: Callable[[], None]) -> None:
    """A module-level cache: `forget()` drops its content."""
    _forgetters.append(forget)


def register_object(obj: object) -> None:
    """An instance cache (e.g. one token store per client); it must have a `forget_local()` method."""
    _objects.add(obj)


def forget_all() -> None:
    for forget in _forgetters:
        forget()
    for obj in list(_objects):
        obj.forget_local()  # type: ignore[attr-defined]
