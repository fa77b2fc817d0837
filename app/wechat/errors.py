"""Typed WeChat errors: every errcode maps to one exception class so callers branch on type, not numbers."""

from __future__ import annotations


class WeChatError(Exception):
    """An errcode answer (or transport failure) from WeChat, WeCom or WeChat Pay."""

    errcode: int = 0
    # the whole answer, for the errcodes whose body still carries data (mass send 45065: the existing msg_id)
    body: dict | None = None

    def __init__(self, errcode: int, errmsg: str = "", *, path: str = "") -> None:
        super().__init__(f"{path}: errcode={errcode} {errmsg}".strip())
        self.errcode = errcode
        self.errmsg = errmsg
        self.path = path


class WeChatUnavailable(WeChatError):
    """Network error, timeout, 5xx or errcode -1 after retries: try again later."""


class TokenInvalid(WeChatError):
    """40001 / 40014 / 42001: the access token is stale; the client refreshes once and replays."""


class InvalidCode(WeChatError):
    """40029: js_code / phone code invalid or expired."""


class CodeUsed(WeChatError):
    """40163: the code was already exchanged."""


class RiskyUser(WeChatError):
    """40226: WeChat blocked this user's login as high-risk."""


class RateLimited(WeChatError):
    """45009 daily quota / 45011 minute quota."""


class UserRefused(WeChatError):
    """43101: the user has not (or no longer) subscribed to this template."""


class InvalidOpenid(WeChatError):
    """40003."""


class ConfigError(WeChatError):
    """Credentials, appid, template or permission misconfigured (40013, 40125, 40164, 40037, 48001...)."""


class InvalidArgument(WeChatError):
    """47001 / 47003 / 41030: our request was malformed."""


class NotExternalContact(WeChatError):
    """WeCom 84061: the customer is not (or no longer) an external contact of that staff member."""


class NoPrivilege(ConfigError):
    """WeCom 60011: the member or customer is outside the app's visibility (an admin fixes the range)."""


class WelcomeNotSendable(WeChatError):
    """WeCom send_welcome_msg 41051 (the customer has started chatting / already welcomed) or 41096
    (another app is sending it): either way jifen's welcome is not to be retried."""


ERRCODE_MAP: dict[int, type[WeChatError]] = {
    -1: WeChatUnavailable,
    40001: TokenInvalid,
    40014: TokenInvalid,
    42001: TokenInvalid,
    40029: InvalidCode,
    40163: CodeUsed,
    40226: RiskyUser,
    45009: RateLimited,
    45011: RateLimited,
    43101: UserRefused,
    40003: InvalidOpenid,
    40002: ConfigError,
    40013: ConfigError,
    40125: ConfigError,
    40091: ConfigError,  # WeCom gettoken: secret is invalid
    40164: ConfigError,
    40037: ConfigError,
    41001: ConfigError,
    48001: ConfigError,
    45033: RateLimited,  # WeCom: too many concurrent calls
    48002: ConfigError,  # WeCom: API forbidden for this app
    60020: ConfigError,  # WeCom: caller IP not trusted
    60011: NoPrivilege,
    84061: NotExternalContact,
    41051: WelcomeNotSendable,
    41096: WelcomeNotSendable,
    47001: InvalidArgument,
    47003: InvalidArgument,
    41030: InvalidArgument,
}


def error_for(errcode: int, errmsg: str, path: str) -> WeChatError:
    return ERRCODE_MAP.get(errcode, WeChatError)(errcode, errmsg, path=path)
