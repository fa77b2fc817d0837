"""The workbench's front door: WeCom opens `/workbench/?code=...` (OAuth, docs/wechat-protocols.md §5.12), the
code is exchanged by the guide sign-in service (the one `POST /guide/v1/auth/wecom` uses) for a guide token,
which becomes the session cookie; the code is then dropped from the address bar by a redirect."""

from __future__ import annotations

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


@bp.get("/")
async def front(request: Request) -> HTTPResponse:
    """Public. With ?code= from WeCom: sign in; otherwise my tasks when signed in, else how to open it."""
    rt = request.app.ctx.rt
    code = request.args.get("code")
    if code:
        try:
            out = await wecom_signin.sign_in(rt, code[:512])
        except ApiError as exc:
            return render(request, "workbench/signin.html", status=exc.status,
                          error=SIGNIN_ZH.get(exc.code) or zh_message(exc))
        response = redirect("/workbench/tasks", status=303)
        return start_session(request, response, out["token"], rt.settings.auth.staff_token_ttl_seconds)
    principal = await session_principal(request)
    if principal is not None and principal.role == "guide":
        return redirect("/workbench/tasks")
    auth_url = None
    if rt.settings.guides.oauth_redirect_uri:
        auth_url = wecom_signin.authorize_url(rt, "jifen")
    return render(request, "workbench/signin.html", auth_url=auth_url)


@bp.post("/logout")
@page("guide", login="/workbench/")
async def logout(request: Request) -> HTTPResponse:
    """Role: guide."""
    return end_session(redirect("/workbench/", status=303))
