"""WeChat Pay API v3 signatures and AEAD, with `cryptography` only (docs/wechat-protocols.md §6.1-§6.3).

Why not the wechatpayv3 SDK: on a notification whose `Wechatpay-Serial` it doesn't know, the SDK downloads
platform certificates from inside `callback()`, so a forged header makes us call out. Here an unknown serial
is a plain rejection, and every check is a pure function of (headers, body, trusted keys, key, now).

Both directions share one primitive, RSA-SHA256 PKCS#1 v1.5 over LF-terminated lines:
- merchant → WeChat Pay (requests): `METHOD\\nURL\\nTS\\nNONCE\\nBODY\\n`, sent in `Authorization`;
- WeChat Pay → merchant (responses, notifications): `TS\\nNONCE\\nBODY\\n`, sent in `Wechatpay-*` headers.
Signatures are always computed over the exact body bytes, never over re-serialised JSON.
"""

from __future__ import annotations

import base64
import json
import re
import secrets
import string
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

AUTH_SCHEMA = "WECHATPAY2-SHA256-RSA2048"
SIGNATURE_TYPE = AUTH_SCHEMA
AEAD_ALGORITHM = "AEAD_AES_256_GCM"
SIGNTEST_PREFIX = "WECHATPAY/SIGNTEST/"
MAX_SKEW_SECONDS = 300
CHINA_TZ = timezone(timedelta(hours=8))
_NONCE_ALPHABET = string.ascii_letters + string.digits
_TIMESTAMP_RE = re.compile(r"[0-9]{1,12}")
_AUTH_PARAM_RE = re.compile(r'\s*([a-z_]+)="([^"]*)"\s*(?:,|$)')
_AUTH_FIELDS = ("mchid", "nonce_str", "signature", "timestamp", "serial_no")
# [U] summaries seen in docs/community for these events; the field is informative only
_SUMMARIES = {"TRANSACTION.SUCCESS": "支付成功", "REFUND.SUCCESS": "退款成功",
              "REFUND.ABNORMAL": "退款异常", "REFUND.CLOSED": "退款关闭"}

Headers = Mapping[str, str]


# -- errors ------------------------------------------------------------------------------------------------


class SignatureError(Exception):
    """A signature (or the Authorization header carrying it) does not verify."""


class WeChatPayNotificationError(Exception):
    """Why a notification or signed response was refused; `code` is stable for logs and the reply body."""

    code = "BAD_REQUEST"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotificationBadRequest(WeChatPayNotificationError):
    """Missing headers, malformed timestamp, JSON or envelope fields."""

    code = "BAD_REQUEST"


class UnknownSerial(WeChatPayNotificationError):
    """`Wechatpay-Serial` names no trusted key; refused without fetching anything."""

    code = "UNKNOWN_SERIAL"


class StaleTimestamp(WeChatPayNotificationError):
    """|now − Wechatpay-Timestamp| ≥ max skew: a replay or a badly wrong clock."""

    code = "STALE_TIMESTAMP"


class NotificationSignatureError(WeChatPayNotificationError, SignatureError):
    """Signature missing, of an unsupported type, undecodable or not matching the trusted key."""

    code = "SIGN_ERROR"


class SignatureProbe(NotificationSignatureError):
    """WeChat Pay's deliberate bad-signature probe (`WECHATPAY/SIGNTEST/…`); must get a non-2xx reply."""


class DecryptError(WeChatPayNotificationError):
    """The signed envelope is fine but its resource can't be decrypted (wrong APIv3 key, corrupt data)."""

    code = "DECRYPT_ERROR"


class UnsupportedAlgorithm(DecryptError):
    """`resource.algorithm` is not AEAD_AES_256_GCM."""


# -- primitives --------------------------------------------------------------------------------------------


def _as_bytes(data: str | bytes) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


def random_nonce(length: int = 32) -> str:
    """Alphanumeric nonce; 32 chars for signatures, 12 for AES-GCM resources (12 bytes = GCM nonce)."""
    return "".join(secrets.choice(_NONCE_ALPHABET) for _ in range(length))


def sign_message(private_key: rsa.RSAPrivateKey, message: str | bytes) -> str:
    """base64(RSA-SHA256 PKCS#1 v1.5): deterministic, so vectors can pin exact values."""
    raw = private_key.sign(_as_bytes(message), padding.PKCS1v15(), hashes.SHA256())
    return base64.b64encode(raw).decode("ascii")


def verify_signature(public_key: rsa.RSAPublicKey, message: str | bytes, signature_b64: str) -> None:
    """Raise SignatureError unless `signature_b64` is a valid signature of `message`."""
    try:
        signature = base64.b64decode(signature_b64, validate=True)
    except ValueError as exc:  # binascii.Error included
        raise SignatureError("signature is not valid base64") from exc
    try:
        public_key.verify(signature, _as_bytes(message), padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature as exc:
        raise SignatureError("signature does not verify") from exc


def _request_message(method: str, canonical_url: str, timestamp: int | str, nonce: str,
                     body: str | bytes) -> bytes:
    return f"{method.upper()}\n{canonical_url}\n{timestamp}\n{nonce}\n".encode() + _as_bytes(body) + b"\n"


def _response_message(timestamp: int | str, nonce: str, body: str | bytes) -> bytes:
    return f"{timestamp}\n{nonce}\n".encode() + _as_bytes(body) + b"\n"


# -- merchant → WeChat Pay: Authorization header ------------------------------------------------------------


def sign_request(private_key: rsa.RSAPrivateKey, method: str, canonical_url: str, body: str | bytes, *,
                 mchid: str, serial_no: str, timestamp: int | None = None, nonce: str | None = None) -> str:
    """The `Authorization` header value for one API call (docs/wechat-protocols.md §6.1).

    `canonical_url` is the path plus `?query` exactly as sent, without scheme and host; `body` is the exact
    request body ("" for GET). Parameter order follows wechatpayv3, which vector B4 pins.
    """
    timestamp = int(time.time()) if timestamp is None else timestamp
    nonce = nonce or secrets.token_hex(16).upper()
    signature = sign_message(private_key, _request_message(method, canonical_url, timestamp, nonce, body))
    return (f'{AUTH_SCHEMA} mchid="{mchid}",nonce_str="{nonce}",signature="{signature}",'
            f'timestamp="{timestamp}",serial_no="{serial_no}"')


def parse_authorization(header: str) -> dict[str, str]:
    """Split `WECHATPAY2-SHA256-RSA2048 k="v",…` into its five fields; SignatureError if malformed."""
    schema, _, params = (header or "").strip().partition(" ")
    if schema != AUTH_SCHEMA:
        raise SignatureError(f"authorization schema must be {AUTH_SCHEMA}")
    fields: dict[str, str] = {}
    pos = 0
    while pos < len(params):
        match = _AUTH_PARAM_RE.match(params, pos)
        if not match or match.group(1) in fields:
            raise SignatureError("malformed authorization parameters")
        fields[match.group(1)] = match.group(2)
        pos = match.end()
    missing = [name for name in _AUTH_FIELDS if not fields.get(name)]
    if missing:
        raise SignatureError(f"authorization lacks {', '.join(missing)}")
    return fields


def verify_request_authorization(public_key: rsa.RSAPublicKey, method: str, canonical_url: str,
                                 body: str | bytes, header: str, *, now: float,
                                 max_skew: int = MAX_SKEW_SECONDS) -> dict[str, str]:
    """What WeChat Pay (our sandbox) does with a merchant request; returns the parsed fields.

    The caller still checks `mchid` and `serial_no` against the merchant it expects.
    """
    fields = parse_authorization(header)
    if not _TIMESTAMP_RE.fullmatch(fields["timestamp"]):
        raise SignatureError("authorization timestamp is not unix seconds")
    if abs(now - int(fields["timestamp"])) >= max_skew:
        raise SignatureError("authorization timestamp is outside the allowed window")
    message = _request_message(method, canonical_url, fields["timestamp"], fields["nonce_str"], body)
    verify_signature(public_key, message, fields["signature"])
    return fields


# -- WeChat Pay → merchant: Wechatpay-* headers --------------------------------------------------------------


def sign_response_headers(private_key: rsa.RSAPrivateKey, serial: str, body: str | bytes, *,
                          timestamp: int | None = None, nonce: str | None = None) -> dict[str, str]:
    """The signature headers WeChat Pay puts on API responses and notifications (docs/wechat-protocols.md §6.2)."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    nonce = nonce or random_nonce()
    return {
        "Wechatpay-Timestamp": str(timestamp),
        "Wechatpay-Nonce": nonce,
        "Wechatpay-Signature": sign_message(private_key, _response_message(timestamp, nonce, body)),
        "Wechatpay-Serial": serial,
        "Wechatpay-Signature-Type": SIGNATURE_TYPE,
    }


def certificate_serial(cert: x509.Certificate) -> str:
    """Upper-hex serial as WeChat Pay writes it (big-endian bytes, so even length, like wechatpay-go)."""
    digits = format(cert.serial_number, "X")
    return digits.zfill(len(digits) + len(digits) % 2)


def public_key_from_pem(pem: str | bytes) -> tuple[rsa.RSAPublicKey, str | None]:
    """The RSA key in a PEM public key or X.509 certificate, plus the certificate's serial (None if a key)."""
    data = _as_bytes(pem)
    serial: str | None = None
    if b"-----BEGIN CERTIFICATE-----" in data:
        cert = x509.load_pem_x509_certificate(data)
        key: Any = cert.public_key()
        serial = certificate_serial(cert)
    else:
        key = serialization.load_pem_public_key(data)
    if not isinstance(key, rsa.RSAPublicKey):
        raise ValueError("WeChat Pay keys are RSA")
    return key, serial


def load_trusted_key(pem: str | bytes, key_id: str | None = None) -> tuple[str, rsa.RSAPublicKey]:
    """(id, key) for NotificationVerifier: a PEM public key needs its `PUB_KEY_ID_…` as `key_id`
    (public-key mode); a certificate is filed under its serial (platform-certificate mode)."""
    key, serial = public_key_from_pem(pem)
    key_id = key_id or serial
    if not key_id:
        raise ValueError("a bare public key needs its PUB_KEY_ID_… id")
    return key_id, key


# -- AES-256-GCM resources --------------------------------------------------------------------------------


def encrypt_resource(apiv3_key: str | bytes, plaintext: str, associated_data: str,
                     nonce: str | None = None) -> dict[str, str]:
    """The `resource` fields WeChat Pay sends, minus `original_type` (docs/wechat-protocols.md §6.3).

    `ciphertext` is base64(ct ‖ tag16).
    """
    nonce = nonce or random_nonce(12)
    aead = AESGCM(_as_bytes(apiv3_key))
    sealed = aead.encrypt(nonce.encode(), plaintext.encode(), associated_data.encode())
    return {"algorithm": AEAD_ALGORITHM, "ciphertext": base64.b64encode(sealed).decode("ascii"),
            "associated_data": associated_data, "nonce": nonce}


def decrypt_resource(apiv3_key: str | bytes, resource: Mapping[str, Any]) -> str:
    """Plaintext of a `resource`; DecryptError (or UnsupportedAlgorithm) if it can't be opened.

    The key goes to AES-GCM as given, so Tencent's 16-byte test keys (vector A5) select AES-128.
    """
    if resource.get("algorithm") != AEAD_ALGORITHM:
        raise UnsupportedAlgorithm(f"unsupported resource algorithm {resource.get('algorithm')!r}")
    nonce, ciphertext = resource.get("nonce"), resource.get("ciphertext")
    associated_data = resource.get("associated_data") or ""
    if not (isinstance(nonce, str) and isinstance(ciphertext, str) and isinstance(associated_data, str)):
        raise DecryptError("resource lacks nonce or ciphertext")
    try:
        sealed = base64.b64decode(ciphertext, validate=True)
        plain = AESGCM(_as_bytes(apiv3_key)).decrypt(nonce.encode(), sealed, associated_data.encode())
        return plain.decode("utf-8")
    except (InvalidTag, ValueError) as exc:  # bad tag, bad base64, bad key length, non-UTF-8
        raise DecryptError("resource does not decrypt with the APIv3 key") from exc


# -- notifications -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Notification:
    """A verified, decrypted notification; `resource` is the decrypted JSON (transaction, refund, …)."""

    id: str
    create_time: str
    event_type: str
    resource_type: str
    summary: str
    original_type: str
    resource: dict[str, Any]


def rfc3339(moment: float) -> str:
    """WeChat Pay's timestamp format: seconds precision, +08:00."""
    return datetime.fromtimestamp(moment, CHINA_TZ).isoformat(timespec="seconds")


def notification_body(apiv3_key: str | bytes, event_type: str, resource_plain: Mapping[str, Any],
                      original_type: str, *, notification_id: str | None = None,
                      create_time: float | None = None, resource_nonce: str | None = None,
                      summary: str | None = None) -> bytes:
    """The body WeChat Pay posts: compact literal-UTF-8 JSON, AAD = original_type (docs/wechat-protocols.md §6.3)."""
    plaintext = json.dumps(resource_plain, ensure_ascii=False, separators=(",", ":"))
    envelope = {
        "id": notification_id or str(uuid.uuid4()),
        "create_time": rfc3339(time.time() if create_time is None else create_time),
        "resource_type": "encrypt-resource",
        "event_type": event_type,
        "summary": _SUMMARIES.get(event_type, event_type) if summary is None else summary,
        "resource": {"original_type": original_type,
                     **encrypt_resource(apiv3_key, plaintext, original_type, resource_nonce)},
    }
    return json.dumps(envelope, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def build_notification(private_key: rsa.RSAPrivateKey, serial: str, apiv3_key: str | bytes, event_type: str,
                       resource_plain: Mapping[str, Any], original_type: str, *,
                       notification_id: str | None = None, timestamp: int | None = None,
                       nonce: str | None = None, resource_nonce: str | None = None,
                       create_time: float | None = None,
                       summary: str | None = None) -> tuple[dict[str, str], bytes]:
    """(headers, body) of a notification as WeChat Pay sends it, signed with the platform key under `serial`
    (certificate serial or PUB_KEY_ID_…); create_time defaults to the signature timestamp."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    body = notification_body(apiv3_key, event_type, resource_plain, original_type,
                             notification_id=notification_id, resource_nonce=resource_nonce, summary=summary,
                             create_time=timestamp if create_time is None else create_time)
    headers = sign_response_headers(private_key, serial, body, timestamp=timestamp, nonce=nonce)
    headers["Content-Type"] = "application/json"
    return headers, body


_REQUIRED_HEADERS = ("wechatpay-timestamp", "wechatpay-nonce", "wechatpay-signature", "wechatpay-serial")


class NotificationVerifier:
    """Checks WeChat Pay's signed traffic against keys we already trust, and opens notification resources.

    `keys` maps `Wechatpay-Serial` values to public keys: `PUB_KEY_ID_…` (public-key mode) and/or platform
    certificate serials, both at once during a migration (docs/wechat-protocols.md §6.2.4). Build entries with
    `load_trusted_key`.
    """

    def __init__(self, keys: Mapping[str, rsa.RSAPublicKey], apiv3_key: str | bytes, *,
                 max_skew_seconds: int = MAX_SKEW_SECONDS) -> None:
        if not keys:
            raise ValueError("at least one trusted WeChat Pay key is required")
        self.keys = {serial.upper(): key for serial, key in keys.items()}
        self.apiv3_key = _as_bytes(apiv3_key)
        self.max_skew_seconds = max_skew_seconds

    def verify_signed(self, headers: Headers, body: bytes, *, now: float) -> None:
        """Signature checks shared by notifications and API responses, cheapest first.

        `now` must be wall-clock time (time.time()), never a shifted business clock.
        """
        lowered = {name.lower(): value for name, value in headers.items()}
        missing = [name for name in _REQUIRED_HEADERS if not lowered.get(name)]
        if missing:
            raise NotificationBadRequest(f"missing header(s): {', '.join(missing)}")
        signature_type = lowered.get("wechatpay-signature-type") or SIGNATURE_TYPE
        if signature_type != SIGNATURE_TYPE:
            raise NotificationSignatureError(f"unsupported signature type {signature_type!r}")
        signature = lowered["wechatpay-signature"]
        if signature.startswith(SIGNTEST_PREFIX):
            raise SignatureProbe("signature probe (WECHATPAY/SIGNTEST/) rejected")
        timestamp = lowered["wechatpay-timestamp"]
        if not _TIMESTAMP_RE.fullmatch(timestamp):
            raise NotificationBadRequest("Wechatpay-Timestamp is not unix seconds")
        if abs(now - int(timestamp)) >= self.max_skew_seconds:
            raise StaleTimestamp(f"Wechatpay-Timestamp {timestamp} is too far from now")
        key = self.keys.get(lowered["wechatpay-serial"].upper())
        if key is None:
            raise UnknownSerial(f"untrusted Wechatpay-Serial {lowered['wechatpay-serial'][:64]!r}")
        try:
            verify_signature(key, _response_message(timestamp, lowered["wechatpay-nonce"], body), signature)
        except SignatureError as exc:
            raise NotificationSignatureError(str(exc)) from exc

    def verify_and_decrypt(self, headers: Headers, body: bytes, *, now: float) -> Notification:
        """Verify a notification over its raw body bytes, then decrypt its resource."""
        body = _as_bytes(body)
        self.verify_signed(headers, body, now=now)
        envelope = _parse_envelope(body)
        resource = envelope["resource"]
        try:
            plain = json.loads(decrypt_resource(self.apiv3_key, resource))
        except ValueError as exc:
            raise DecryptError("decrypted resource is not JSON") from exc
        if not isinstance(plain, dict):
            raise DecryptError("decrypted resource is not a JSON object")
        return Notification(id=envelope["id"], create_time=envelope["create_time"],
                            event_type=envelope["event_type"], resource_type=envelope["resource_type"],
                            summary=envelope.get("summary") or "",
                            original_type=resource.get("original_type") or "", resource=plain)


def _parse_envelope(body: bytes) -> dict[str, Any]:
    try:
        envelope = json.loads(body)
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError
        raise NotificationBadRequest("body is not JSON") from exc
    if not isinstance(envelope, dict) or not isinstance(envelope.get("resource"), dict):
        raise NotificationBadRequest("body lacks a resource object")
    for name in ("id", "create_time", "event_type", "resource_type"):
        if not isinstance(envelope.get(name), str):
            raise NotificationBadRequest(f"body lacks {name}")
    return envelope


def verify_response(verifier: NotificationVerifier, headers: Headers, body: bytes, *, now: float) -> None:
    """Verify a WeChat Pay API response (same header scheme as notifications, nothing to decrypt)."""
    verifier.verify_signed(headers, _as_bytes(body), now=now)
