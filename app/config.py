"""Settings: `config.toml` embedded defaults, overridden by `JIFEN_<SECTION>_<KEY>` environment variables.

Twelve-factor: the file holds only safe defaults for the embedded dev setup; every deployment value
(database, Redis, WeChat bases and credentials) comes from the environment.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILE = ROOT / "config.toml"


@dataclass
class ServerConfig:
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    max_body_bytes: int = 1_048_576
    # the routes that take a file (an edition's cover image, up to WeChat's 10 MB, also as base64 in JSON; a codes
    # or shipping CSV): their bodies may be this large (handlers.accepts_upload)
    max_upload_bytes: int = 15_000_000
    embedded_scheduler: bool = True
    # how long Sanic's main process waits for every worker to report started before it kills them all (Sanic's
    # own limit is 30 s, a class constant: a worker that needs 2-3 s of CPU to import and migrate can wait
    # longer than that on a loaded 2-core host, and the whole server was SIGKILLed at start-up)
    worker_start_seconds: int = 120


@dataclass
class DatabaseConfig:
    url: str = "sqlite://var/jifen.sqlite3"
    pool_max: int = 10
    # the longest a query waits in line for a pooled connection before it fails (503 for a request)
    acquire_timeout_seconds: float = 10.0

    @property
    def is_postgres(self) -> bool:
        return self.url.startswith(("postgres://", "postgresql://", "asyncpg://"))

    def __post_init__(self) -> None:
        # an outbox batch holds one connection (its transaction) while its senders write on others: with one
        # connection every writing sender would wait out acquire_timeout_seconds and fail, batch after batch
        if int(self.pool_max) < 2:
            raise ValueError(f"[database] pool_max must be at least 2, not {self.pool_max!r}")
        if not float(self.acquire_timeout_seconds) > 0:
            raise ValueError("[database] acquire_timeout_seconds must be above 0, "
                             f"not {self.acquire_timeout_seconds!r}")


@dataclass
class RedisConfig:
    url: str = "memory://"
    prefix: str = "jifen:"


@dataclass
class AuthConfig:
    secret: str = ""
    token_ttl_seconds: int = 604_800
    # staff tokens (guides, marketers, admins); revocable per staff user besides (tokens_valid_after)
    staff_token_ttl_seconds: int = 604_800


@dataclass
class AdjustmentsConfig:
    """Manual adjustments by marketers above these need an admin's approval (admins have no limit)."""

    marketer_max_points: int = 5_000
    marketer_daily_points: int = 20_000


@dataclass
class SandboxConfig:
    enabled: bool = True
    host: str = "127.0.0.1"
    port: int = 8901
    # dev WeChat Pay keys shared by the sandbox and jifen (env JIFEN_SANDBOX_KEYS_DIR, as the sandbox reads it)
    keys_dir: str = "var/sandbox-keys"


@dataclass
class WechatConfig:
    api_base: str = "https://api.weixin.qq.com"
    timeout_seconds: float = 5.0
    retries: int = 2


@dataclass
class WecomConfig:
    api_base: str = "https://qyapi.weixin.qq.com"
    corpid: str = ""
    # the customer-contact callback (docs/wechat-protocols.md §3.4): Token and 43-character EncodingAESKey
    callback_token: str = ""
    callback_aes_key: str = ""
    # the secret whose token calls the customer-contact APIs (a self-built app's or the 客户联系 secret)
    contact_secret: str = ""
    # the self-built app that messages staff
    agent_id: int = 0
    agent_secret: str = ""
    # member-centre link sent as the welcome message of a new contact; empty = no welcome message
    welcome_url: str = ""
    welcome_text: str = ""
    # WeCom events and interactions of a customer with no member yet are credited if the member registers
    # within this many days
    pending_window_days: int = 30
    # a recorded event that failed is retried this many times before it is left for an admin (status failed)
    event_max_attempts: int = 8
    # the in-process event worker: events claimed per batch; per batch while callbacks are being answered
    # in the same process; and how long it defers to those answers at most before processing anyway
    worker_batch: int = 200
    worker_busy_batch: int = 20
    worker_max_defer_ms: int = 1000


@dataclass
class WechatPayConfig:
    api_base: str = "https://api.mch.weixin.qq.com"
    mchid: str = ""
    apiv3_key: str = ""
    public_key_path: str = ""
    public_key_id: str = ""
    private_key_path: str = ""
    cert_serial: str = ""
    # platform-certificate mode (alone or beside the public key during a migration): comma-separated PEM paths
    platform_cert_paths: str = ""
    # the appid payments are made under; empty = the mini-program's appid
    appid: str = ""


@dataclass
class MiniprogramConfig:
    appid: str = ""
    secret: str = ""
    subscribe_template_points: str = ""
    subscribe_template_expiry: str = ""
    subscribe_template_tier: str = ""
    subscribe_template_shipping: str = ""  # a mall gift shipped (app/services/mall/admin.py shipping_notice)


@dataclass
class OfficialAccountConfig:
    """The brand's official account (公众号/服务号): its own appid and secret (own access token), the callback
    Token and EncodingAESKey (safe mode when set) and its type, which decides the mass-send quota
    (subscription: one per day; service: four per month; docs/wechat-protocols.md §2.4)."""

    appid: str = ""
    secret: str = ""
    token: str = ""
    aes_key: str = ""
    type: str = "subscription"
    # passive reply to a new follower (the seed's first exposure point): the points introduction and the
    # guide / customer-service entry; empty = acknowledge only
    subscribe_reply: str = ""
    # the publisher: attempts of one edition before it is failed, backoff between them (doubling), and how
    # often a submitted edition's status is polled when no finished event arrives
    max_attempts: int = 5
    backoff_seconds: int = 60
    poll_seconds: int = 60

    @property
    def service(self) -> bool:
        return self.type == "service"


@dataclass
class PointsConfig:
    expiry_reminder_days: str = "30,7"
    tier_window_days: int = 365
    tier_warning_days: int = 10
    sweep_batch_members: int = 20000
    # on PostgreSQL the common check-in and payment credit are one atomic statement each; off = every change
    # takes the step-by-step path (same rows, slower): a diagnostic switch, and how tests compare the two paths
    one_statement: bool = True

    @property
    def reminder_stages(self) -> list[int]:
        return sorted({int(x) for x in self.expiry_reminder_days.split(",") if x.strip()}, reverse=True)


@dataclass
class MetricsConfig:
    # what a point is worth: `points_per_yuan` points = 1 yuan (liability, savings, budget planner, the
    # expected cost of a lottery draw): one value for every yuan figure
    points_per_yuan: int = 100
    # ROI inputs the operator may also pass per request: gross profit margin (basis points of sales) and the
    # monthly labour cost of running the points programme (fen)
    profit_margin_bp: int = 3000
    labour_cost_fen_per_month: int = 0
    # roll-up: entries per scheduled run, and how old (seconds) an entry must be before it is rolled, so a
    # ledger transaction still in flight with a lower id is never skipped by the watermark
    rollup_batch: int = 50000
    rollup_settle_seconds: int = 5
    # threshold advice: the `metrics_reach` job's histogram of reach holds this earning window (days) and is
    # used while younger than reach_max_age_seconds (the job runs every 5 minutes); otherwise a ledger scan
    reach_window_days: int = 30
    reach_max_age_seconds: int = 900

    def __post_init__(self) -> None:
        # every yuan figure divides by it: refuse a zero or negative unit value at start-up, not per request
        if int(self.points_per_yuan) <= 0:
            raise ValueError(f"[metrics] points_per_yuan must be a positive integer, not {self.points_per_yuan!r}")


@dataclass
class PaymentsConfig:
    notify_path: str = "/wechatpay/notify"
    # a payer who registers within this many days of paying is credited for the payment
    link_window_days: int = 30
    # payments linked to a member but not credited for this long are re-run by the scheduler
    credit_retry_after_seconds: int = 120


@dataclass
class MallConfig:
    # an unpaid points + cash redemption holds its points this long, then the order is closed and they return
    hold_minutes: int = 15
    # the notify_url sent with mall JSAPI orders and refunds (WeChat Pay needs an absolute HTTPS URL)
    notify_url: str = "http://127.0.0.1:8000/wechatpay/notify"
    # the description shown on the member's WeChat Pay bill
    order_description: str = "积分商城兑换"


@dataclass
class OutboxConfig:
    max_attempts: int = 8
    backoff_seconds: int = 30
    backoff_max_seconds: int = 3600
    # rows stuck in `sending` this long (a SQLite deliverer that died) go back to pending
    reap_after_seconds: int = 300
    # rows one deliverer holds at a time (on PostgreSQL, one transaction's): PostgreSQL's cost per message falls
    # with it (bench/README "Issue 17, fifth round")
    batch: int = 400
    # a batch holds its rows at most this long (capped at a quarter of reap_after_seconds), then gives the unsent
    # rest back: it bounds a PostgreSQL batch transaction when WeChat is slow (the transaction sets its own
    # idle_in_transaction_session_timeout from it: outbox.service.idle_allowance)
    hold_seconds: int = 30
    concurrency: int = 10


@dataclass
class GuidesConfig:
    # after a payment, a member with no guide gets one: "round_robin" (the store's active guides in turn),
    # "daily" (the store's guide of the day: one guide per Shanghai day, in turn) or "off"
    assignment: str = "round_robin"
    # the store of a payment whose attach names none (empty: such payments assign no guide)
    default_store: str = ""
    # the workbench H5 page WeCom OAuth returns to (docs/wechat-protocols.md §5.12) and the browser host
    oauth_redirect_uri: str = ""
    oauth_authorize_base: str = "https://open.weixin.qq.com"
    # the mini-program page the payment push opens (with ?guide=<staff id>) and the subscribe template's
    # keyword that carries the guide's name (a thing keyword, ≤ 20 chars; empty = no keyword)
    card_page: str = "pages/guide/card"
    push_keyword: str = "thing7"


@dataclass
class RateLimitConfig:
    login_per_ip: int = 60
    login_per_openid: int = 10
    checkin_per_ip: int = 600
    checkin_per_member: int = 20


@dataclass
class ClockConfig:
    settable: bool = False
    timezone: str = "Asia/Shanghai"


@dataclass
class SopConfig:
    # the guide's task page in the WeCom workbench (the app message links there: <task_url>/<assignment id>)
    task_url: str = "https://example.com/guide/tasks"
    poll_seconds: int = 300  # WeCom group-send / moment results are pulled this often per assignment
    notify_per_minute: int = 30  # app messages per staff (docs/wechat-protocols.md §5.2); more are deferred
    notify_per_hour: int = 1000
    backoff_seconds: int = 60  # after 45009 (frequency) the kind waits this long; 45033 (concurrency) 5 s
    monthly_group_sends: int = 0  # per customer a month; 0 = the month's days (docs/wechat-protocols.md §5.10)
    dispatch_batch: int = 20  # tasks fanned out per scheduler run


@dataclass
class LogConfig:
    level: str = "INFO"


@dataclass
class Settings:
    server: ServerConfig = field(default_factory=ServerConfig)
    database: DatabaseConfig = field(default_factory=DatabaseConfig)
    redis: RedisConfig = field(default_factory=RedisConfig)
    auth: AuthConfig = field(default_factory=AuthConfig)
    adjustments: AdjustmentsConfig = field(default_factory=AdjustmentsConfig)
    sandbox: SandboxConfig = field(default_factory=SandboxConfig)
    wechat: WechatConfig = field(default_factory=WechatConfig)
    wecom: WecomConfig = field(default_factory=WecomConfig)
    wechatpay: WechatPayConfig = field(default_factory=WechatPayConfig)
    miniprogram: MiniprogramConfig = field(default_factory=MiniprogramConfig)
    official_account: OfficialAccountConfig = field(default_factory=OfficialAccountConfig)
    points: PointsConfig = field(default_factory=PointsConfig)
    ratelimit: RateLimitConfig = field(default_factory=RateLimitConfig)
    guides: GuidesConfig = field(default_factory=GuidesConfig)
    payments: PaymentsConfig = field(default_factory=PaymentsConfig)
    metrics: MetricsConfig = field(default_factory=MetricsConfig)
    outbox: OutboxConfig = field(default_factory=OutboxConfig)
    mall: MallConfig = field(default_factory=MallConfig)
    clock: ClockConfig = field(default_factory=ClockConfig)
    sop: SopConfig = field(default_factory=SopConfig)
    log: LogConfig = field(default_factory=LogConfig)

    @property
    def embedded(self) -> bool:
        """True on the zero-setup developer default (SQLite + in-process Redis)."""
        return not self.database.is_postgres and self.redis.url.startswith("memory://")


def _coerce(raw: str, target: Any) -> Any:
    if isinstance(target, bool):
        if raw.lower() in ("1", "true", "yes", "on"):
            return True
        if raw.lower() in ("0", "false", "no", "off", ""):
            return False
        raise ValueError(f"not a boolean: {raw!r}")
    if isinstance(target, int):
        return int(raw)
    if isinstance(target, float):
        return float(raw)
    return raw


def load_settings(path: Path | None = None, env: dict[str, str] | None = None) -> Settings:
    """Build settings from the TOML file, then apply `JIFEN_<SECTION>_<KEY>` overrides."""
    env = dict(os.environ if env is None else env)
    path = Path(env.get("JIFEN_CONFIG", path or DEFAULT_FILE))
    data: dict[str, dict[str, Any]] = {}
    if path.exists():
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    settings = Settings()
    for section in fields(Settings):
        section_obj = getattr(settings, section.name)
        values = data.get(section.name, {})
        for f in fields(section_obj):
            value = values.get(f.name, getattr(section_obj, f.name))
            env_key = f"JIFEN_{section.name.upper()}_{f.name.upper()}"
            if env_key in env:
                value = _coerce(env[env_key], getattr(section_obj, f.name))
            setattr(section_obj, f.name, value)
        check = getattr(section_obj, "__post_init__", None)
        if check is not None:
            check()  # a section's own sanity checks, on the values actually loaded
    return settings


def ensure_auth_secret(settings: Settings) -> str:
    """Return the token signing key; in dev mode create one under var/ so all workers share it."""
    if settings.auth.secret:
        return settings.auth.secret
    if settings.database.is_postgres:
        raise RuntimeError("JIFEN_AUTH_SECRET must be set when running on PostgreSQL")
    secret_file = ROOT / "var" / "dev-auth-secret"
    secret_file.parent.mkdir(parents=True, exist_ok=True)
    if not secret_file.exists():
        import secrets

        tmp = secret_file.with_suffix(f".{os.getpid()}")
        tmp.write_text(secrets.token_urlsafe(48))
        os.replace(tmp, secret_file) if not secret_file.exists() else tmp.unlink()
    settings.auth.secret = secret_file.read_text().strip()
    return settings.auth.secret
