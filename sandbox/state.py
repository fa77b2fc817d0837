"""In-memory state of the WeChat sandbox: apps, tokens, codes, quotas, faults and a request log.

Everything a test wants to arrange or inspect lives here, so tests can drive the sandbox either over the
`/__sandbox__/` control API or directly through this object when they run the server in-process.
Time comes from `now()` (an injectable `clock` plus an offset) so expiry is tested without sleeping.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import secrets
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from aiohttp import web

DEFAULT_APPID = "wxsandbox0000001"
DEFAULT_SECRET = "sandbox-secret"
DEFAULT_CORPID = "wwsandbox00000001"
DEFAULT_CORP_SECRET = "sandbox-corp-secret"
# the customer-contact secret and callback credentials of the sandbox corp (jifen's config.toml defaults)
DEFAULT_CONTACT_SECRET = "sandbox-contact-secret"
DEFAULT_CALLBACK_TOKEN = "sandbox-callback-token"
DEFAULT_CALLBACK_AES_KEY = "c2FuZGJveC1qaWZlbi13ZWNvbS1hZXMta2V5LTMyYnk"
TOKEN_TTL = 7200
CODE_TTL = 300
MAX_RECORDED_REQUESTS = 50_000

TokenKind = Literal["classic", "stable", "wecom"]


@dataclass
class TokenRecord:
    """One issued access token; `valid=False` once replaced or invalidated (WeChat answers 40001).

    `appid` is the corpid for WeCom tokens (kind "wecom"), which only WeCom APIs accept.
    """

    appid: str
    kind: TokenKind
    expires_at: float
    valid: bool = True


@dataclass
class LoginCode:
    """A `wx.login` code: single-use and valid for CODE_TTL seconds, like the real one."""

    appid: str
    openid: str
    unionid: str | None
    issued_at: float
    used: bool = False


@dataclass
class PhoneCode:
    """A `getPhoneNumber` button code: single-use, CODE_TTL seconds."""

    appid: str
    phone: str
    issued_at: float
    used: bool = False


@dataclass
class Fault:
    """An injected failure for the next `count` requests to `path` (a trailing `*` matches a prefix).

    `errcode` answers the WeChat JSON envelope with HTTP 200; `http_status` answers that status (with `body`
    as JSON if given, else plain text), after sleeping `delay_ms`. A delay-only fault lets the real handler
    run and then holds the answer back: a slow response whose side effects already happened.
    """

    path: str
    count: int = 1
    errcode: int | None = None
    errmsg: str | None = None
    http_status: int | None = None
    delay_ms: int = 0
    body: Any = None

    def matches(self, path: str) -> bool:
        if self.path.endswith("*"):
            return path.startswith(self.path[:-1])
        return path == self.path

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "count": self.count, "errcode": self.errcode, "errmsg": self.errmsg,
                "http_status": self.http_status, "delay_ms": self.delay_ms, "body": self.body}


def _stable_id(prefix: str, seed: str) -> str:
    """28-char id (like real openids/unionids) derived deterministically from `seed`."""
    digest = hashlib.sha256(seed.encode()).digest()
    return prefix + base64.urlsafe_b64encode(digest).decode()[:27]


def openid_for(appid: str, name: str) -> str:
    """Openids are per app in WeChat, so the app id is part of the seed."""
    return _stable_id("o", f"openid:{appid}:{name}")


def unionid_for(name: str) -> str:
    """Unionids are shared across apps of one Open Platform account, so only the name is the seed."""
    return _stable_id("u", f"unionid:{name}")


@dataclass
class SandboxState:
    """Everything the fake WeChat knows; `apps` given to the constructor are added to the default app."""

    apps: dict[str, str] = field(default_factory=lambda: {DEFAULT_APPID: DEFAULT_SECRET})
    clock: Callable[[], float] = time.time
    clock_offset: float = 0.0

    tokens: dict[str, TokenRecord] = field(default_factory=dict)
    # current token per appid, separately for cgi-bin/token and cgi-bin/stable_token (isolated in WeChat)
    current_classic: dict[str, str] = field(default_factory=dict)
    current_stable: dict[str, str] = field(default_factory=dict)
    last_force_refresh: dict[str, float] = field(default_factory=dict)
    # None = off; WeChat allows a forced stable_token refresh only every 30 s (answer 45009 otherwise)
    force_refresh_min_interval: float | None = None
    # WeCom: secrets per corpid (one per self-built app / customer contact) and the current token of each
    corps: dict[str, set[str]] = field(default_factory=lambda: {DEFAULT_CORPID: {DEFAULT_CORP_SECRET,
                                                                                 DEFAULT_CONTACT_SECRET}})
    current_wecom: dict[tuple[str, str], str] = field(default_factory=dict)
    wecom_messages: list[dict[str, Any]] = field(default_factory=list)
    # WeCom customer contact: customers (external_userid -> {external_contact, follow_user[]}), groups
    # (chat_id -> group_chat), the corp tag catalogue (tag groups), welcome messages sent
    wecom_contacts: dict[str, dict[str, Any]] = field(default_factory=dict)
    wecom_groups: dict[str, dict[str, Any]] = field(default_factory=dict)
    wecom_tag_groups: list[dict[str, Any]] = field(default_factory=list)
    wecom_welcomes: list[dict[str, Any]] = field(default_factory=list)
    wecom_welcome_codes: set[str] = field(default_factory=set)

    login_codes: dict[str, LoginCode] = field(default_factory=dict)
    phone_codes: dict[str, PhoneCode] = field(default_factory=dict)

    faults: list[Fault] = field(default_factory=list)
    requests: deque[dict[str, Any]] = field(default_factory=lambda: deque(maxlen=MAX_RECORDED_REQUESTS))

    auto_subscribe: bool = True
    subscribe_quota: dict[tuple[str, str], int] = field(default_factory=dict)
    subscribe_rate_per_second: float | None = None
    known_templates: set[str] | None = None  # None = accept any template_id; else others get 40037
    strict_keywords: bool = True  # enforce keyword length limits (thing ≤ 20 chars, ...) with 47003
    sent_messages: list[dict[str, Any]] = field(default_factory=list)
    recent_sends: dict[str, deque[float]] = field(default_factory=dict)

    # free space for other sandbox modules (e.g. sandbox.pay) to keep their stores
    ext: dict[str, Any] = field(default_factory=dict)
    _msgids: itertools.count[int] = field(default_factory=lambda: itertools.count(3_000_000_000_000_000))

    def __post_init__(self) -> None:
        # extra apps are added beside the default one, which `jifen serve`'s embedded config relies on
        self.apps = {DEFAULT_APPID: DEFAULT_SECRET, **self.apps}

    # -- time -----------------------------------------------------------------------------------------
    def now(self) -> float:
        return self.clock() + self.clock_offset

    # -- tokens ---------------------------------------------------------------------------------------
    def issue_token(self, appid: str, kind: TokenKind) -> tuple[str, TokenRecord]:
        """New token; a new classic token replaces the app's previous classic one (stable: caller decides)."""
        token = f"{secrets.randbelow(90) + 10}_{secrets.token_urlsafe(96)}"
        record = TokenRecord(appid=appid, kind=kind, expires_at=self.now() + TOKEN_TTL)
        self.tokens[token] = record
        if kind == "wecom":
            return token, record  # the caller keeps the current token per (corpid, secret)
        current = self.current_classic if kind == "classic" else self.current_stable
        if kind == "classic" and appid in current:
            self.tokens[current[appid]].valid = False
        current[appid] = token
        return token, record

    def expire_tokens(self) -> int:
        now = self.now()
        live = [r for r in self.tokens.values() if r.valid and r.expires_at > now]
        for record in live:
            record.expires_at = now - 1
        return len(live)

    def invalidate_tokens(self) -> int:
        live = [r for r in self.tokens.values() if r.valid]
        for record in live:
            record.valid = False
        return len(live)

    # -- codes ----------------------------------------------------------------------------------------
    def mint_login_code(self, appid: str = DEFAULT_APPID, *, openid: str | None = None,
                        unionid: str | None = None, name: str | None = None,
                        with_unionid: bool = True) -> tuple[str, LoginCode]:
        """Single-use login code for a user given by `name` (deterministic ids) or explicit/random ids."""
        if openid is None:
            openid = openid_for(appid, name) if name is not None else _stable_id("o", secrets.token_hex(16))
        if unionid is None and with_unionid:
            unionid = unionid_for(name) if name is not None else _stable_id("u", f"unionid-of:{openid}")
        code = secrets.token_hex(16)
        self.login_codes[code] = LoginCode(appid=appid, openid=openid, unionid=unionid,
                                           issued_at=self.now())
        return code, self.login_codes[code]

    def mint_phone_code(self, phone: str, appid: str = DEFAULT_APPID) -> str:
        code = secrets.token_hex(32)
        self.phone_codes[code] = PhoneCode(appid=appid, phone=phone, issued_at=self.now())
        return code

    # -- faults ---------------------------------------------------------------------------------------
    def take_fault(self, path: str) -> Fault | None:
        """Consume one use of the first armed fault for `path`."""
        for fault in self.faults:
            if fault.count > 0 and fault.matches(path):
                fault.count -= 1
                return fault
        return None

    # -- subscribe messages ---------------------------------------------------------------------------
    def next_msgid(self) -> int:
        return next(self._msgids)

    def reset(self) -> None:
        """Forget runtime data; keep registered apps, configuration knobs and other modules' `ext` stores."""
        for store in (self.tokens, self.current_classic, self.current_stable, self.last_force_refresh,
                      self.current_wecom, self.login_codes, self.phone_codes, self.subscribe_quota,
                      self.recent_sends):
            store.clear()
        self.faults.clear()
        self.requests.clear()
        self.sent_messages.clear()
        self.wecom_messages.clear()
        for wecom in (self.wecom_contacts, self.wecom_groups, self.wecom_welcome_codes):
            wecom.clear()
        self.wecom_tag_groups.clear()
        self.wecom_welcomes.clear()
        self.clock_offset = 0.0


STATE_KEY: web.AppKey[SandboxState] = web.AppKey("sandbox_state", SandboxState)


def state_of(app: web.Application) -> SandboxState:
    return app[STATE_KEY]
