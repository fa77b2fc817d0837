"""Shared ground of the content-calendar tests: the sandbox official account pointed at the test app, images
uploaded through it, editions created and scheduled over real HTTP."""

from __future__ import annotations

import asyncio
import base64
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from app.clock import SHANGHAI
from sandbox.official_account import OAState, oa_of

PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"sandbox-image" * 10).decode()


def sandbox_oa(sandbox: Any, app: Any, **config: Any) -> OAState:
    """The sandbox's official account, reset, posting its events to the test app's callback."""
    oa = oa_of(sandbox.app)
    oa.reset()
    oa.callback_url = app.ctx.test_url + "/wechat/oa/callback"
    for key, value in config.items():
        setattr(oa, key, value)
    return oa


def shanghai(*args: int) -> datetime:
    return datetime(*args, tzinfo=SHANGHAI)  # type: ignore[misc]


async def upload(api: Any, token: str, purpose: str = "cover", source_url: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"filename": "pic.png", "data_base64": PNG, "purpose": purpose}
    if source_url:
        body["source_url"] = source_url
    status, out = await api.call("POST", "/admin/v1/content/images", token=token, json=body)
    assert status == 201, out
    return out


def article(cover_id: int, role: str = "headline", title: str = "会员日", content: str = "<p>hello</p>") -> dict:
    return {"role": role, "title": title, "content": content, "cover_image_id": cover_id, "author": "品牌",
            "digest": "摘要"}


async def make_edition(api: Any, token: str, cover_id: int, *, mode: str = "publish", title: str = "第1期",
                       at: datetime | None = None, **extra: Any) -> dict[str, Any]:
    status, ed = await api.call("POST", "/admin/v1/editions", token=token, json={
        "title": title, "mode": mode, "articles": [article(cover_id), article(cover_id, "brand", "品牌故事"),
                                                   article(cover_id, "points_activity", "积分换礼")], **extra})
    assert status == 201, ed
    if at is not None:
        status, ed = await api.call("POST", f"/admin/v1/editions/{ed['id']}/schedule", token=token,
                                    json={"at": at.isoformat()})
        assert status == 200, ed
    return ed


async def eventually(check: Callable[[], Awaitable[bool]], tries: int = 250) -> None:
    """Wait for something the sandbox does on its own (a finished event posted back after its delay)."""
    for _ in range(tries):
        if await check():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("timed out waiting")
