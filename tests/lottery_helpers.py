"""Shared set-up for the lottery tests: a published lottery built through the admin API, members with points."""

from __future__ import annotations

import uuid
from typing import Any

from tests.conftest import Api

BASE = "/admin/v1/mall/lotteries"


async def give_points(api: Api, admin: str, member_id: int, amount: int) -> None:
    body = {"amount": amount, "reason": "lottery test", "idempotency_key": uuid.uuid4().hex}
    status, body = await api.call("POST", f"/admin/v1/members/{member_id}/adjustments", token=admin, json=body)
    assert status == 201, body


async def make_lottery(api: Api, admin: str, prizes: list[dict[str, Any]], *, publish: bool = True,
                       **fields: Any) -> dict[str, Any]:
    """A lottery with `prizes` (PrizeIn bodies); published unless told otherwise. Returns the admin detail."""
    spec = {"name": "幸运大转盘", "cost_points": 10, **fields}
    status, lot = await api.call("POST", BASE, token=admin, json=spec)
    assert status == 201, lot
    for p in prizes:
        status, body = await api.call("POST", f"{BASE}/{lot['id']}/prizes", token=admin, json=p)
        assert status == 201, body
    if publish:
        status, body = await api.call("POST", f"{BASE}/{lot['id']}/publish", token=admin)
        assert status == 200, body
    status, lot = await api.call("GET", f"{BASE}/{lot['id']}", token=admin)
    assert status == 200
    return lot


def prize_id(lot: dict[str, Any], name: str) -> int:
    return next(p["id"] for p in lot["prizes"] if p["name"] == name)


async def draw(api: Api, token: str, lottery_id: int, key: str | None = None) -> tuple[int, Any]:
    return await api.call("POST", f"/api/v1/mall/lotteries/{lottery_id}/draws", token=token,
                          headers={"Idempotency-Key": key or uuid.uuid4().hex})


async def balance(api: Api, token: str) -> int:
    status, body = await api.call("GET", "/api/v1/points", token=token)
    assert status == 200, body
    return int(body["balance"])


CONSOLATION = {"name": "谢谢参与·2积分", "kind": "points", "points": 2, "weight": 1000, "consolation": True}
