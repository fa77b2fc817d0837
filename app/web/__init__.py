"""The server-rendered pages (`/console/` for marketers and admins, `/workbench/` for guides): sessions, CSRF,
templates and form errors, shared by `handlers/console/*` and `handlers/workbench/*`.

- Session: the cookie holds a staff bearer token (the very token the APIs take, HS256 with the auth secret), so a
  page checks it exactly as `@require` does: signature, expiry, then `check_staff` (the row exists, is active, has
  the role, its tokens are not revoked). HttpOnly, SameSite=Lax, Secure when served over https.
- CSRF: double-submit. Every page sets a random `jifen_csrf` cookie (HttpOnly, SameSite=Lax) once and puts the
  same value in every form's hidden `_csrf` field; a POST whose field does not match the cookie is refused (403)
  before anything else runs, signed in or not (the login form too).
- Errors: the services raise ApiError; `field_errors` turns its details into {form field: message} so the page
  shows the refusal next to the input, in Chinese: app/web/messages.py maps the API's error codes (and the
  validation details) to 简体 text in one place; `error_page` is the whole-page refusal (404, 409...).
"""

from __future__ import annotations

import functools
import hmac
import secrets
from collections.abc import Awaitable, Callable
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, select_autoescape
from pydantic import BaseModel, ValidationError
from sanic import Request
from sanic.response import HTTPResponse, html, redirect

from app.auth import Principal, check_staff, decode_token
from app.clock import SHANGHAI
from app.errors import ApiError, Unauthorized, ValidationFailed
from app.web.messages import zh_code, zh_detail, zh_message, zh_text

SESSION_COOKIE = "jifen_staff"
CSRF_COOKIE = "jifen_csrf"
CSRF_FIELD = "_csrf"
TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates"

env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]),
                  trim_blocks=True, lstrip_blocks=True)

STATUS_ZH = {"draft": "草稿", "scheduled": "已排期", "publishing": "发布中", "published": "已发布", "failed": "失败",
             "cancelled": "已取消", "open": "待完成", "done": "已完成", "overdue": "已逾期", "pending": "待派发",
             "dispatched": "已派发", "unattractive": "吸引力不足", "threshold_too_low": "门槛过低"}
env.filters["zh"] = lambda value: STATUS_ZH.get(str(value), value)


def local_time(value: str | datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """An ISO time (any offset) as the staff read it: Asia/Shanghai."""
    if not value:
        return ""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.astimezone(SHANGHAI).strftime(fmt)


env.filters["local"] = local_time
env.filters["zh_text"] = zh_text

Handler = Callable[..., Awaitable[HTTPResponse]]
M = TypeVar("M", bound=BaseModel)


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTTPResponse:
    context.setdefault("principal", getattr(request.ctx, "principal", None))
    context.setdefault("errors", {})
    context.setdefault("form", {})
    context.setdefault("workbench", request.path.startswith("/workbench"))  # whose pages: a guide's or the console
    context["csrf"] = csrf_token(request)
    response = html(env.get_template(template).render(**context), status=status)
    return with_csrf_cookie(request, response)


def csrf_token(request: Request) -> str:
    token = getattr(request.ctx, "csrf", None)
    if token is None:
        token = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(24)
        request.ctx.csrf = token
    return str(token)


def _secure(request: Request) -> bool:
    return request.scheme == "https"


def with_csrf_cookie(request: Request, response: HTTPResponse) -> HTTPResponse:
    token = csrf_token(request)
    if request.cookies.get(CSRF_COOKIE) != token:
        response.add_cookie(CSRF_COOKIE, token, path="/", httponly=True, samesite="Lax", secure=_secure(request))
    return response


def csrf_ok(request: Request) -> bool:
    cookie = request.cookies.get(CSRF_COOKIE) or ""
    field = (request.form.get(CSRF_FIELD) if request.form else None) or ""
    return bool(cookie) and hmac.compare_digest(cookie.encode(), field.encode())


def forbidden(request: Request, message: str) -> HTTPResponse:
    return render(request, "forbidden.html", status=403, message=message)


def start_session(request: Request, response: HTTPResponse, token: str, max_age: int) -> HTTPResponse:
    response.add_cookie(SESSION_COOKIE, token, path="/", httponly=True, samesite="Lax", secure=_secure(request),
                        max_age=max_age)
    return response


def end_session(response: HTTPResponse) -> HTTPResponse:
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


async def session_principal(request: Request) -> Principal | None:
    """The signed-in staff user, checked as the APIs check a bearer token; None when there is none (or no more)."""
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        return None
    rt = request.app.ctx.rt
    try:
        principal = decode_token(rt.settings.auth.secret, token, int(rt.clock.now().timestamp()))
        if principal.role == "member":
            return None
        await check_staff(rt, principal)
    except Unauthorized:
        return None
    return principal


def csrf_protected(handler: Handler) -> Handler:
    """A POST without the form's CSRF token matching its cookie is refused (403) before the handler runs."""

    @functools.wraps(handler)
    async def inner(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
        if request.method == "POST" and not csrf_ok(request):
            return forbidden(request, "表单已失效（缺少或错误的 CSRF 令牌），请刷新页面后重试。")
        return await handler(request, *args, **kwargs)

    return inner


def page(*roles: str, login: str) -> Callable[[Handler], Handler]:
    """A page for these staff roles: CSRF on POST, then the session (none: to `login`), then the role (403)."""

    def wrap(handler: Handler) -> Handler:
        @functools.wraps(handler)
        @csrf_protected
        async def inner(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
            principal = await session_principal(request)
            if principal is None:
                return redirect(f"{login}?next={quote(request.path)}")
            if principal.role not in roles:
                request.ctx.principal = principal  # the refusal page links to where this role works
                return forbidden(request, "你的账号无权访问此页面。")
            request.ctx.principal = principal
            return await handler(request, *args, **kwargs)

        inner.__jifen_page__ = (roles, login)  # type: ignore[attr-defined]  # for the API document (app/api_docs.py)
        return inner

    return wrap


def whole_number(value: str | None, *, limit: int = 2**62) -> int | None:
    """`value` (an id, a cursor, a page number or an index from a URL or a form) as an int in 0..`limit`, or None
    when it is not one. Why not `s.isdigit()` then `int(s)`: isdigit accepts digits int refuses ('²') and numbers
    longer than any database integer, and both had reached a handler or the database as a 500."""
    if not value or not value.isascii() or not value.isdigit() or len(value) > 19:
        return None
    number = int(value)
    return number if number <= limit else None


def hundredths(value: str) -> int | None:
    """A number typed with at most two decimals (yuan, a percentage) times 100, exactly: "12.5" -> 1250; None when
    it is not one (blank, not a number, more decimals, infinite, NaN, or beyond 10^30). Why Decimal, not float:
    float("1e400") is infinite and "0.29" * 100 is 28.999..., and the former had reached the database as a 500."""
    try:
        number = Decimal(value.strip())
    except (ArithmeticError, ValueError):
        return None
    if not number.is_finite() or number.adjusted() > 30:
        return None
    scaled = number * 100
    return int(scaled) if scaled == scaled.to_integral_value() else None


def fen_typed(data: dict[str, str], form_field: str, api_field: str,
              model: type[BaseModel] | None = None) -> int | None:
    """A money field typed in yuan (up to two decimals, as every console form asks) -> integer fen; blank -> None.
    A typo is refused under the API's field name, so `field_errors` puts the message next to the input. With the
    API's `model`, its bounds on the field are checked here and said in yuan: the model's own message would give
    them in fen ("不能大于 100000000" beside a field labelled 元, a hundred times the real limit)."""
    raw = data.get(form_field, "")
    if raw == "":
        return None
    fen = hundredths(raw)
    if fen is None:
        raise ValidationFailed(f"{api_field}: yuan with at most 2 decimals", details=[
            {"field": api_field, "message": "请填写金额（元，最多两位小数）"}])
    for bound in model.model_fields[api_field].metadata if model is not None else ():
        low, high = getattr(bound, "ge", None), getattr(bound, "le", None)
        if high is not None and fen > high:
            raise ValidationFailed(f"{api_field}: at most {high} fen", details=[
                {"field": api_field, "message": f"不能大于 {yuan_text(high)} 元"}])
        if low is not None and fen < low:
            raise ValidationFailed(f"{api_field}: at least {low} fen", details=[
                {"field": api_field, "message": f"不能小于 {yuan_text(low)} 元"}])
    return fen


def yuan_text(fen: int | None) -> str:
    """Integer fen as a form shows it in yuan: 1250 -> "12.50", 1000 -> "10", None -> ""."""
    if fen is None:
        return ""
    sign, fen = ("-" if fen < 0 else ""), abs(int(fen))
    return f"{sign}{fen // 100}" if fen % 100 == 0 else f"{sign}{fen // 100}.{fen % 100:02d}"


def refuse_nul(request: Request) -> None:
    """422 when a query parameter or posted field of a page holds a NUL character (`nul_field`)."""
    if field := nul_field(request):
        raise ValidationFailed(f"{field}: NUL character", details=[{"field": field, "message": "NUL character"}])


def nul_field(request: Request) -> str | None:
    """The name of a query parameter or posted form field holding a NUL character, if any. No text column stores
    one (PostgreSQL refuses it) and nobody types one; the APIs refuse it in JSON and queries (app/validation.py),
    and jifen/server.py refuses it here for every page before a handler sees it."""
    for source in (request.args, request.form if request.method == "POST" else None):
        for name, values in (source or {}).items():
            if "\x00" in name or any(isinstance(v, str) and "\x00" in v for v in values):
                return name.replace("\x00", "")
    return None


def form_data(request: Request) -> dict[str, str]:
    """The submitted fields (first value of each), stripped; files are read by the handler."""
    return {k: (v[0] if isinstance(v, list) else v).strip() for k, v in (request.form or {}).items()
            if k != CSRF_FIELD}


def validate(model: type[M], data: dict[str, Any]) -> M:
    """Validate form input with the API's own model; failures as the API reports them (ValidationFailed)."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = [{"field": ".".join(str(p) for p in err["loc"]) or "body", "message": err["msg"]}
                  for err in exc.errors()]
        raise ValidationFailed("; ".join(f"{e['field']}: {e['message']}" for e in errors), details=errors) from exc


def field_errors(exc: ApiError, fields: dict[str, str]) -> dict[str, str]:
    """{form field: message}: each detail whose API field maps to a form field lands next to it; everything
    else (and an error without details) under "_" at the top of the form. `fields` maps API field -> form field
    (an API field `a.b.c` matches its longest mapped prefix)."""
    out: dict[str, str] = {}
    details = exc.details if isinstance(exc.details, list) else []
    for d in details:
        if not isinstance(d, dict):
            continue
        api_field = str(d.get("field", ""))
        target = None
        parts = api_field.split(".")
        for n in range(len(parts), 0, -1):
            target = fields.get(".".join(parts[:n]))
            if target:
                break
        key = target or "_"
        message = zh_detail(str(d.get("message", "")))
        out[key] = f"{out[key]}；{message}" if key in out else message
    if not out or "_" in out:
        out["_"] = zh_message(exc)
    return out


def error_page(request: Request, status: int, error: ApiError | str) -> HTTPResponse:
    """A whole-page refusal (no such record, a state that forbids the action) in Chinese: an ApiError, or an
    error code with no exception at hand."""
    message = zh_message(error) if isinstance(error, ApiError) else (zh_code(error) or error)
    return render(request, "forbidden.html", status=status, message=message)


Refused = Callable[[ApiError, dict[str, str]], Awaitable[HTTPResponse]]


async def form_action(request: Request, action: Callable[[dict[str, str]], Awaitable[Any]], refused: Refused,
                      done: str) -> HTTPResponse:
    """One form post on a record's page: run `action` with the posted fields, then back to the page (303,
    post/redirect/get). A refusal re-renders the page through `refused(exc, fields)` with what was typed and the
    messages next to their fields; no such record (404), or a record gone before its page could be drawn again,
    is a whole-page refusal."""
    data = form_data(request)
    try:
        await action(data)
    except ApiError as exc:
        if exc.status == 404:
            return error_page(request, 404, exc)
        try:
            return await refused(exc, data)
        except ApiError as gone:  # the form was refused before the record was looked up, and there is none
            return error_page(request, gone.status, gone)
    return redirect(done, status=303)
