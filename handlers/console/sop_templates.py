"""SOP templates in the console: the list, a new template (kind, name, the content guides study / forward / post
and what jifen sends), and "create a task from this template" (the task form with the template chosen).

Creation goes through `app.services.sop.service.create_template`, the function `POST /admin/v1/sop/templates`
calls; the form is validated by the API's own `TemplateIn` and a refusal is shown next to its field. A learning
template's quiz is typed one question a line: `question|option 1|option 2|...|number of the right option`."""

from __future__ import annotations

from typing import Any

from sanic import Request
from sanic.response import HTTPResponse, redirect

from app.errors import ApiError, ValidationFailed
from app.services.sop import service as svc
from app.web import field_errors, form_data, page, render, validate, whole_number
from app.web.messages import SOP_KIND_ZH
from handlers import Blueprint
from models import SopTemplate

bp = Blueprint("console_sop_templates")

LOGIN = "/console/login"
STAFF = ("marketer", "admin")
KIND_ZH = SOP_KIND_ZH
CHANNEL_ZH = {"single": "客户群发（单聊）", "group": "客户群群发", "moment": "朋友圈", "none": "导购手动发送"}
# API field -> form field
FIELDS = {"kind": "kind", "name": "name", "content.text": "text", "content.link_title": "link_title",
          "content.link_url": "link_url", "content.attachment_url": "attachment_url", "content.channel": "channel",
          "content.tag_ids": "tag_ids", "content.chat_ids": "chat_ids", "content.quiz.pass_mark": "pass_mark",
          "content.quiz": "quiz"}


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.replace("，", ",").split(",") if v.strip()]


def _quiz(text: str, pass_mark: str) -> dict[str, Any] | None:
    """`question|option|option|...|right option (1-based)` per line, as the API's Quiz; None when blank."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return None
    questions: list[dict[str, Any]] = []
    for n, line in enumerate(lines, start=1):
        parts = [p.strip() for p in line.split("|")]
        right = whole_number(parts[-1])
        if len(parts) < 4 or right is None or not 1 <= right <= len(parts) - 2:
            raise ValidationFailed(f"quiz line {n}: question|option|option|...|right option number", details=[
                {"field": "content.quiz", "message": f"第 {n} 行格式应为：题目|选项1|选项2|...|正确选项序号"}])
        questions.append({"q": parts[0], "options": parts[1:-1], "answer": int(parts[-1]) - 1})
    return {"questions": questions, "pass_mark": pass_mark or len(questions)}


def _template_in(data: dict[str, str]) -> dict[str, Any]:
    content: dict[str, Any] = {"text": data.get("text", ""), "channel": data.get("channel") or "single",
                               "tag_ids": _split(data.get("tag_ids", "")),
                               "chat_ids": _split(data.get("chat_ids", ""))}
    for f in ("link_title", "link_url", "attachment_url"):
        if data.get(f):
            content[f] = data[f]
    quiz = _quiz(data.get("quiz", ""), data.get("pass_mark", ""))
    if quiz is not None:
        content["quiz"] = quiz
    return {"kind": data.get("kind", ""), "name": data.get("name", ""), "content": content}


async def _page(request: Request, status: int = 200, form: dict[str, str] | None = None,
                errors: dict[str, str] | None = None) -> HTTPResponse:
    rows = await SopTemplate.all().order_by("-id").limit(500)
    return render(request, "console/sop_templates.html", status=status, nav="sop",
                  templates=[svc.template_view(t) for t in rows], kinds=KIND_ZH, channels=CHANNEL_ZH,
                  form=form or {"kind": "learning", "channel": "single"}, errors=errors or {})


@bp.get("/sop/templates")
@page(*STAFF, login=LOGIN)
async def templates(request: Request) -> HTTPResponse:
    """Role: marketer, admin. Every template (newest first, as the API lists them) and the new-template form."""
    return await _page(request)


@bp.post("/sop/templates")
@page(*STAFF, login=LOGIN)
async def create(request: Request) -> HTTPResponse:
    """Role: marketer, admin. A new template; then back to the list with it on top."""
    data = form_data(request)
    try:
        body = validate(svc.TemplateIn, _template_in(data))
        t = await svc.create_template(body, request.app.ctx.rt.clock.now())
    except ApiError as exc:
        return await _page(request, exc.status, data, field_errors(exc, FIELDS))
    return redirect(f"/console/sop/templates#t-{t.id}", status=303)
