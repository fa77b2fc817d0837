"""Build WeChat Pay credentials from settings: the notification verifier and the merchant signing key.

Dev mode (the sandbox is enabled and no key path is configured) uses the sandbox's generated dev keys from
`[sandbox] keys_dir` (env `JIFEN_SANDBOX_KEYS_DIR`, the same variable the sandbox reads), so a payment played
by `jifen sandbox` verifies against `jifen serve` with no setup. Production names every key explicitly:
the WeChat Pay public key (`public_key_path` + `public_key_id`) and/or platform certificates
(`platform_cert_paths`), both at once during a migration, the APIv3 key, and the merchant API key + serial.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import rsa

from app.config import Settings
from app.wechatpay.crypto import NotificationVerifier, load_trusted_key
from app.wechatpay.keys import generate_dev_keys, load_private_key

log = logging.getLogger("jifen.wechatpay")


class WeChatPayMisconfigured(RuntimeError):
    """A key or id WeChat Pay needs is missing or unreadable."""


@dataclass(frozen=True)
class WeChatPayCredentials:
    mchid: str
    appid: str
    verifier: NotificationVerifier
    merchant_key: rsa.RSAPrivateKey | None
    merchant_serial: str
    # sent as Wechatpay-Serial on requests so answers are signed with the key we trust (docs/wechat-protocols.md §6.1.4)
    platform_serial: str | None
    dev: bool


def is_dev_mode(settings: Settings) -> bool:
    wp = settings.wechatpay
    return settings.sandbox.enabled and not (wp.public_key_path or wp.private_key_path or wp.platform_cert_paths)


def load_credentials(settings: Settings) -> WeChatPayCredentials:
    wp = settings.wechatpay
    appid = wp.appid or settings.miniprogram.appid
    if not wp.mchid:
        raise WeChatPayMisconfigured("JIFEN_WECHATPAY_MCHID is not set")
    if is_dev_mode(settings):
        dev = generate_dev_keys(Path(settings.sandbox.keys_dir))
        log.info("WeChat Pay: dev mode, sandbox keys from %s", dev.directory)
        return WeChatPayCredentials(
            mchid=wp.mchid, appid=appid,
            verifier=NotificationVerifier(dev.trusted_platform_keys(), dev.apiv3_key),
            merchant_key=dev.merchant_private_key(), merchant_serial=dev.merchant_serial,
            platform_serial=dev.platform_public_key_id, dev=True)
    if len(wp.apiv3_key.encode()) != 32:
        raise WeChatPayMisconfigured("JIFEN_WECHATPAY_APIV3_KEY must be the 32-character APIv3 key")
    trusted = {}
    try:
        if wp.public_key_path:
            if not wp.public_key_id:
                raise WeChatPayMisconfigured("JIFEN_WECHATPAY_PUBLIC_KEY_ID is required with the public key")
            key_id, key = load_trusted_key(Path(wp.public_key_path).read_bytes(), wp.public_key_id)
            trusted[key_id] = key
        for path in filter(None, (p.strip() for p in wp.platform_cert_paths.split(","))):
            serial, key = load_trusted_key(Path(path).read_bytes())
            trusted[serial] = key
        merchant_key = load_private_key(wp.private_key_path) if wp.private_key_path else None
    except (OSError, ValueError) as exc:
        raise WeChatPayMisconfigured(f"cannot load a WeChat Pay key: {exc}") from exc
    if not trusted:
        raise WeChatPayMisconfigured("set JIFEN_WECHATPAY_PUBLIC_KEY_PATH/_ID or JIFEN_WECHATPAY_PLATFORM_CERT_PATHS")
    if merchant_key is not None and not wp.cert_serial:
        raise WeChatPayMisconfigured("JIFEN_WECHATPAY_CERT_SERIAL is required with the merchant private key")
    return WeChatPayCredentials(
        mchid=wp.mchid, appid=appid, verifier=NotificationVerifier(trusted, wp.apiv3_key),
        merchant_key=merchant_key, merchant_serial=wp.cert_serial.upper(),
        platform_serial=wp.public_key_id or None, dev=False)
