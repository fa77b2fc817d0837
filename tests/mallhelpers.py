"""Helpers for the mall tests: rewards through the admin API, points in lots, lot snapshots."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from app.clock import clock
from app.db import conn
from app.services.points import ledger
from app.sqlx import fetch
from models import MallAddress
from tests.conftest import Api


async def make_reward(api: Api, staff_token: Any, **fields: Any) -> dict[str, Any]:
    body = {"name": "保温杯", "kind": "gift", "points": 100, "stock": 10, **fields}
    status, reward = await api.call("POST", "/admin/v1/mall/rewards", token=staff_token("marketer"), json=body)
    assert status == 201, reward
    return reward


async def give_points(member_id: int, amount: int, *, expires_in_days: int | None = 365) -> None:
    """One lot of `amount` points expiring in the given days (an operator adjustment: a real lot)."""
    expires = clock.now() + timedelta(days=expires_in_days) if expires_in_days is not None else None
    await ledger.adjust(member_id, amount, f"test-grant:{uuid.uuid4().hex}", now=clock.now(), reason="test",
                        operator="test", expires_at=expires)


async def lots(member_id: int) -> list[tuple[int, str, int, int]]:
    """(lot id, state, remaining, expired_amount) of every lot, oldest first."""
    rows = await fetch(conn(), "SELECT id, state, remaining, expired_amount FROM point_buckets WHERE member_id = $1 "
                               "ORDER BY id", [member_id])
    return [(int(r["id"]), str(r["state"]), int(r["remaining"]), int(r["expired_amount"])) for r in rows]


async def balance(member_id: int) -> int:
    rows = await fetch(conn(), "SELECT balance FROM members WHERE id = $1", [member_id])
    return int(rows[0]["balance"])


async def redeem(api: Api, token: str, reward_id: int, key: str | None = None, **extra: Any) -> tuple[int, Any]:
    return await api.call("POST", "/api/v1/mall/redemptions", token=token,
                          headers={"Idempotency-Key": key or uuid.uuid4().hex},
                          json={"reward_id": reward_id, **extra})


def aware(moment: datetime) -> str:
    return moment.isoformat()


async def login(api: Api) -> tuple[str, dict[str, Any]]:
    """A new member with a default delivery address (gifts need one)."""
    token, member = await api.login()
    await MallAddress.create(member_id=member["id"], name="收件人", phone="13800000000", region="上海市",
                             detail="人民大道1号", is_default=True)
    return token, member
