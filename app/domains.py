"""Domains register what they contribute (scheduled jobs, outbox message kinds, reconcile checks) when their
modules are imported; `load()` imports every module under `app/services/` once, so the scheduler, the outbox
deliverer and `jifen reconcile` see every domain's contributions without a hand-kept list.
"""

from __future__ import annotations

import importlib
import pkgutil

_loaded = False


def load() -> None:
    global _loaded
    if _loaded:
        return
    import app.services as services

    for info in pkgutil.walk_packages(services.__path__, prefix="app.services."):
        importlib.import_module(info.name)
    _loaded = True
