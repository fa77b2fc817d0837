"""WeCom callback verification and decryption (docs/wechat-protocols.md §3.4, §3.5).

The cipher itself is wechatpy's WeCom crypto (`wechatpy.enterprise.crypto.WeChatCrypto`); this module adds
what a callback endpoint needs around it: a constant-time signature check done *before* anything is
decrypted, the outer envelope parsed without trusting it, the receive id pinned to our corp, and one
exception type whose `code` says why a callback was refused.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from wechatpy.enterprise.crypto import PrpCrypto, WeChatCrypto
from wechatpy.enterprise.exceptions import InvalidCorpIdException

MAX_SKEW_SECONDS = 300


class CallbackRejected(Exception):
    """A callback refused before anything is recorded; `code` names the reason, `status` the 4xx."""

    def __init__(self, code: str, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status


def signature(token: str, timestamp: str, nonce: str, encrypted: str) -> str:
    """sha1 over the byte-wise sorted (token, timestamp, nonce, encrypted), lowercase hex
    (docs/wechat-protocols.md §3.5.6)."""
    return hashlib.sha1("".join(sorted([token, timestamp, nonce, encrypted])).encode()).hexdigest()


def parse_xml(text: str | bytes) -> dict[str, str | list[str]]:
    """A flat WeCom XML message as a dict; a child with `<Item>` children becomes their list. The standard
    parser resolves no external entities, and expat >= 2.4.1 refuses entity expansion bombs."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise CallbackRejected("bad_xml", f"malformed XML: {exc}") from exc
    out: dict[str, str | list[str]] = {}
    for child in root:
        items = [(item.text or "").strip() for item in child if item.tag == "Item"]
        out[child.tag] = items if items else (child.text or "").strip()
    return out


@dataclass(frozen=True)
class WeComCallbackCrypto:
    token: str
    aes_key: str
    corpid: str

    @functools.cached_property
    def _wechatpy(self) -> WeChatCrypto:
        return WeChatCrypto(self.token, self.aes_key, self.corpid)

    @functools.cached_property
    def _cipher(self) -> PrpCrypto:
        """wechatpy's cipher for our key (its own decrypt pins the receive id), built once."""
        return PrpCrypto(self._wechatpy.key)

    def _check(self, msg_signature: str, timestamp: str, nonce: str, encrypted: str) -> None:
        expected = signature(self.token, timestamp, nonce, encrypted)
        if not hmac.compare_digest(expected, (msg_signature or "").lower()):
            raise CallbackRejected("bad_signature", "msg_signature does not match", status=401)

    def _decrypt(self, msg_signature: str, timestamp: str, nonce: str, encrypted: str) -> str:
        # the signature is checked here in constant time; wechatpy's decrypt_message would only check it again
        self._check(msg_signature, timestamp, nonce, encrypted)
        try:
            return str(self._cipher.decrypt(encrypted, self.corpid))
        except InvalidCorpIdException as exc:
            raise CallbackRejected("foreign_corp", "the message was encrypted for another corp") from exc
        except Exception as exc:  # bad base64, padding, length: garbage that happened to be signed
            raise CallbackRejected("bad_ciphertext", "the message cannot be decrypted") from exc

    def verify_url(self, msg_signature: str, timestamp: str, nonce: str, echostr: str) -> str:
        """URL verification (docs/wechat-protocols.md §3.4): the decrypted echostr, to be answered verbatim."""
        return self._decrypt(msg_signature, timestamp, nonce, echostr)

    def decrypt_envelope(self, msg_signature: str, timestamp: str, nonce: str, body: bytes) -> str:
        """An event POST (docs/wechat-protocols.md §3.4): check the envelope's ToUserName and signature,
        then decrypt (receive id must be our corp id) -> the plaintext XML."""
        envelope = parse_xml(body)
        encrypted = envelope.get("Encrypt")
        if not isinstance(encrypted, str) or not encrypted:
            raise CallbackRejected("bad_xml", "no Encrypt element")
        to = envelope.get("ToUserName")
        if isinstance(to, str) and to and to != self.corpid:
            raise CallbackRejected("foreign_corp", "the message is addressed to another corp")
        return self._decrypt(msg_signature, timestamp, nonce, encrypted)

    def encrypt(self, plaintext: str, nonce: str, timestamp: str) -> tuple[str, str]:
        """(Encrypt, msg_signature) of a message as WeCom would send it (the sandbox plays WeCom with this)."""
        reply = parse_xml(self._wechatpy.encrypt_message(plaintext, nonce, timestamp))
        return str(reply["Encrypt"]), str(reply["MsgSignature"])


@functools.lru_cache(maxsize=8)
def callback_crypto(token: str, aes_key: str, corpid: str) -> WeComCallbackCrypto:
    """One instance per configuration (per process), so its wechatpy objects are built once, not per callback."""
    return WeComCallbackCrypto(token, aes_key, corpid)


def check_timestamp(timestamp: str, now_epoch: int) -> None:
    """Refuse a callback more than 5 minutes off our clock (a replay window, as for WeChat Pay)."""
    if not timestamp.isdigit() or len(timestamp) > 12:
        raise CallbackRejected("bad_timestamp", "timestamp is not a unix time")
    if abs(int(timestamp) - now_epoch) > MAX_SKEW_SECONDS:
        raise CallbackRejected("stale_timestamp", "timestamp more than 5 minutes off", status=401)
