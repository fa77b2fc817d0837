"""Console sign-in with a password (`jifen admin create-user`), sign-out, and the console's front door."""

from __future__ import annotations

from sanic import Request
from sanic.response import HTTPResponse, redirect

from app.errors import ApiError
from app.services.staff.service import staff_token
from app.web import csrf_protected, end_session, form_data, page, render, session_principal, start_session
from app.web.passwords import CONSOLE_ROLES, authenticate
from handlers import Blueprint

bp = Blueprint("console_session")

LOGIN = "/console/login"


def _next(request: Request) -> str:
    """Back to the page that asked for the sign-in, only ever within the console (no open redirect)."""
    target = request.args.get("next") or (request.form.get("next") if request.form else None) or ""
    return target if target.startswith("/console/") and "//" not in target else "/console/dashboard"


@bp.get("/")
async def front(request: Request) -> HTTPResponse:
    """Public. The console's address: the dashboard when signed in, else the sign-in page."""
    return redirect("/console/dashboard" if await session_principal(request) else LOGIN)


@bp.get("/login")
async def login_form(request: Request) -> HTTPResponse:
    """Public. The sign-in form (its CSRF cookie is set here)."""
    return render(request, "console/login.html", next=_next(request))


@bp.post("/login")
@csrf_protected
async def login(request: Request) -> HTTPResponse:
    """Public. Name + password -> the console session cookie (a staff token, checked on every page)."""
    data = form_data(request)
    errors: dict[str, str] = {}
    if not data.get("name"):
        errors["name"] = "请输入用户名"
    if not data.get("password"):
        errors["password"] = "请输入密码"
    if not errors:
        try:
            staff = await authenticate(data["name"], data["password"])
        except ApiError as exc:
            errors = {"_": "用户名或密码错误" if exc.code == "bad_credentials" else "该账号已停用"}
    if errors:
        return render(request, "console/login.html", status=401 if "_" in errors else 422, errors=errors,
                      form={"name": data.get("name", "")}, next=_next(request))
    assert staff.role in CONSOLE_ROLES
    rt = request.app.ctx.rt
    response = redirect(_next(request), status=303)
    return start_session(request, response, staff_token(rt.settings, staff, rt.clock.now()),
                         rt.settings.auth.staff_token_ttl_seconds)


@bp.post("/logout")
@page("marketer", "admin", login=LOGIN)
async def logout(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Sign out of this browser."""
    return end_session(redirect(LOGIN, status=303))

