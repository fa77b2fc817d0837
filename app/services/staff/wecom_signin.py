"""Guides sign in from the WeCom workbench (docs/wechat-protocols.md §5.12).

The workbench opens jifen's H5 page through WeCom's OAuth link; WeCom hands the page a code, the page posts it
to `POST /guide/v1/auth/wecom`, and `auth/getuserinfo` names the corp member. jifen answers a guide token for
the active guide with that `wecom_userid`. Refusals are explicit: a code WeCom rejects (bad, used, older than
5 minutes: 40029) is 401 `invalid_code`; a visitor who is not a member of the corp (WeCom answers an openid) is
403 `not_corp_member`; a member jifen does not know as a guide is 403 `not_a_guide`; a deactivated guide is
403 `staff_inactive`.
"""

from __future__ import annotations

from typing import Any

from app.errors import ApiError, Forbidden, Unauthorized
from app.runtime import Runtime
from app.services.members.service import wechat_failure
from app.services.staff.service import staff_token, staff_view
from app.wechat import errors as wx
from app.wechat.wecom.oauth import WeComOAuth
from models import StaffUser


def authorize_url(rt: Runtime, state: str, redirect_uri: str | None = None) -> str:
    uri = redirect_uri or rt.settings.guides.oauth_redirect_uri
    if not uri:
        raise ApiError("no redirect_uri given and [guides] oauth_redirect_uri is not configured",
                       code="redirect_uri_required", status=422)
    return WeComOAuth(rt).authorize_url(uri, state)


async def sign_in(rt: Runtime, code: str) -> dict[str, Any]:
    try:
        visitor = await WeComOAuth(rt).visitor(code)
    except (wx.InvalidCode, wx.CodeUsed) as exc:
        raise Unauthorized("the WeCom code is invalid, used or expired: open the page from the workbench again",
                           code="invalid_code") from exc
    except wx.WeChatError as exc:
        raise wechat_failure(exc, "WeCom sign-in") from exc
    if not visitor.userid:
        raise Forbidden("this WeCom visitor is not a member of the corp", code="not_corp_member")
    staff = await StaffUser.get_or_none(wecom_userid=visitor.userid)
    if staff is None or staff.role != "guide":
        raise Forbidden(f"WeCom user {visitor.userid} is not a guide in jifen", code="not_a_guide")
    if not staff.active:
        raise Forbidden(f"guide {visitor.userid} is deactivated", code="staff_inactive")
    return {"token": staff_token(rt.settings, staff, rt.clock.now()), "staff": staff_view(staff)}
