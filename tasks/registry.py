"""The scheduler's job table: (name, job(rt), APScheduler trigger kwargs)."""

from __future__ import annotations

from typing import Any

JOBS: list[tuple[str, Any, dict[str, Any]]] = []
