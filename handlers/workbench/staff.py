"""The workbench's front door: WeCom opens `/workbench/?code=...` (OAuth, docs/wechat-protocols.md §5.12), the
code is exchanged by the guide sign-in service (the one `POST /guide/v1/auth/wecom` uses) for a guide token,
which becomes the session cookie; the code is then dropped from the address bar by a redirect."""

from __future__ import annotations

import re

from sanic import Request
from sanic.response import HTTPResponse, redirect

from app.errors import ApiError
from app.services.staff import wecom_signin
from app.web import end_session, page, render, session_principal, start_session
from app.web.messages import zh_message
from handlers import Blueprint

bp = Blueprint("workbench_staff")

SIGNIN_ZH = {"invalid_code": "登录码无效或已过期，请从企业微信工作台重新打开。",
             "not_corp_member": "你不是本企业的成员。", "not_a_guide": "你还不是积分系统中的导购，请联系管理员。",
             "staff_inactive": "你的导购账号已停用。"}


HOME = "/workbench/tasks"
_PAGE = re.compile(r"/workbench/[A-Za-z0-9/_-]{0,52}")  # a workbench page (hex-encoded, it fits WeCom's 128 B)


def _page_or_none(path: str | None) -> str | None:
    """A page of the workbench to land on after sign-in, or None: never another site (an open redirect)."""
    return path if path and _PAGE.fullmatch(path) and "//" not in path else None


def _state_for(path: str | None) -> str:
    """WeCom's OAuth `state` comes back unchanged but allows only [a-zA-Z0-9], at most 128 bytes: the page the guide
    was opening (a task from a notification) rides in it hex-encoded, so sign-in lands there, not on the list."""
    return "p" + path.encode().hex() if path else "jifen"


def _page_of_state(state: str | None) -> str | None:
    if not state or not state.startswith("p"):
        return None
    try:
        return _page_or_none(bytes.fromhex(state[1:]).decode())
    except ValueError:
        return None


@bp.get("/")
async def front(request: Request) -> HTTPResponse:
    """Public. With ?code= from WeCom: sign in and land on the page asked for (?state=, see `_state_for`) or my
    tasks; otherwise that page or my tasks when signed in, else how to open it (?next= the page asked for)."""
    rt = request.app.ctx.rt
    code = request.args.get("code")
    # the page asked for: ?next= from a sign-in redirect, or, back from WeCom with a refused code, its state
    wanted = _page_or_none(request.args.get("next")) or _page_of_state(request.args.get("state"))
    auth_url = wecom_signin.authorize_url(rt, _state_for(wanted)) if rt.settings.guides.oauth_redirect_uri else None
    if code:
        try:
            out = await wecom_signin.sign_in(rt, code[:512])
        except ApiError as exc:  # with the way to try again (a code is used once, or has expired)
            return render(request, "workbench/signin.html", status=exc.status, auth_url=auth_url,
                          error=SIGNIN_ZH.get(exc.code) or zh_message(exc))
        response = redirect(wanted or HOME, status=303)
        return start_session(request, response, out["token"], rt.settings.auth.staff_token_ttl_seconds)
    principal = await session_principal(request)
    if principal is not None and principal.role == "guide":
        return redirect(wanted or HOME)
    return render(request, "workbench/signin.html", auth_url=auth_url)


@bp.post("/logout")
@page("guide", login="/workbench/")
async def logout(request: Request) -> HTTPResponse:
    """Role: guide."""
    return end_session(redirect("/workbench/", status=303))
