"""Official-account server APIs: material, draft, freepublish and mass send (docs/wechat-protocols.md
§2).

Thin mappings of one endpoint each over the client base; the official account has its own appid + secret and
so its own `stable_token` entry in the token store. Errcodes the publisher branches on are kept as constants
here (the quota codes 45009 / 45028, the clientmsgid codes 45065 / 45066), next to the calls that raise them.
"""

from __future__ import annotations

import hmac
from typing import Any

from wechatpy.crypto import WeChatCrypto
from wechatpy.exceptions import InvalidAppIdException, InvalidSignatureException
from wechatpy.utils import check_signature

from app.wechat.base import WeChatHttp
from app.wechat.errors import WeChatError
from app.wechat.tokens import TokenStore
from app.wechat.wecom.crypto import CallbackRejected, parse_xml, signature

QUOTA_ERRCODES = frozenset({45009, 45028})  # docs/wechat-protocols.md §2.4
CLIENTMSGID_EXISTS = 45065  # already sent: body has msg_id (docs/wechat-protocols.md §2.4)
CLIENTMSGID_TOO_FAST = 45066  # retried within a minute (docs/wechat-protocols.md §2.4)
BUSY_ERRCODES = frozenset({-1, 9500002, CLIENTMSGID_TOO_FAST})  # try again later


class OfficialAccountClient:
    def __init__(self, http: WeChatHttp, tokens: TokenStore, appid: str) -> None:
        self.http = http
        self.tokens = tokens
        self.appid = appid

    async def _post(self, path: str, body: dict[str, Any], *, replay_safe: bool = True) -> dict[str, Any]:
        return await self.http.call("POST", path, json_body=body, token=self.tokens.get, replay_safe=replay_safe)

    # -- material (docs/wechat-protocols.md §2.1) ---------------------------------------------------------
    async def upload_image(self, filename: str, content: bytes, content_type: str) -> str:
        """`media/uploadimg`: an image for article HTML -> its mmbiz URL (not counted in the material quota)."""
        body = await self.http.call("POST", "/cgi-bin/media/uploadimg", token=self.tokens.get,
                                    files={"media": (filename, content, content_type)})
        return str(body["url"])

    async def add_image_material(self, filename: str, content: bytes, content_type: str) -> tuple[str, str]:
        """`material/add_material?type=image`: a permanent image (a cover's `thumb_media_id`) -> (media_id, url)."""
        body = await self.http.call("POST", "/cgi-bin/material/add_material", params={"type": "image"},
                                    token=self.tokens.get, files={"media": (filename, content, content_type)})
        return str(body["media_id"]), str(body.get("url", ""))

    # -- draft and publish (docs/wechat-protocols.md §2.2, §2.3) ---------------------------------------------
    async def draft_add(self, articles: list[dict[str, Any]]) -> str:
        """`draft/add` with up to 8 articles -> the draft's media_id (used by freepublish and mass send)."""
        body = await self._post("/cgi-bin/draft/add", {"articles": articles}, replay_safe=False)
        return str(body["media_id"])

    async def freepublish_submit(self, media_id: str) -> str:
        """`freepublish/submit` -> publish_id (documented as a string, sometimes an integer: kept as a string)."""
        body = await self._post("/cgi-bin/freepublish/submit", {"media_id": media_id}, replay_safe=False)
        return str(body["publish_id"])

    async def freepublish_get(self, publish_id: str) -> dict[str, Any]:
        """`freepublish/get`: publish_status 0 success, 1 publishing, 2-6 failures (docs/wechat-protocols.md §2.3)."""
        return await self._post("/cgi-bin/freepublish/get", {"publish_id": publish_id})

    # -- mass send (docs/wechat-protocols.md §2.4) -------------------------------------------------------
    async def mass_sendall(self, media_id: str, clientmsgid: str, tag_id: int | None = None) -> dict[str, Any]:
        """`message/mass/sendall` of a draft (mpnews) to everyone or one tag, keyed by `clientmsgid`.

        45065 (that clientmsgid was already sent) is a success: its body carries the existing msg_id, which is
        what makes a retry after a crash between the call and its record send nothing twice."""
        flt: dict[str, Any] = {"is_to_all": tag_id is None}
        if tag_id is not None:
            flt["tag_id"] = tag_id
        try:
            return await self._post("/cgi-bin/message/mass/sendall", {
                "filter": flt, "msgtype": "mpnews", "mpnews": {"media_id": media_id}, "send_ignore_reprint": 0,
                "clientmsgid": clientmsgid}, replay_safe=True)  # safe: the clientmsgid dedupes a replay
        except WeChatError as exc:
            if exc.errcode == CLIENTMSGID_EXISTS and exc.body and exc.body.get("msg_id"):
                return {"msg_id": exc.body["msg_id"], "msg_data_id": exc.body.get("msg_data_id"), "duplicate": True}
            raise

    async def mass_get(self, msg_id: int | str) -> dict[str, Any]:
        """`message/mass/get` -> msg_status SEND_SUCCESS | SENDING | SEND_FAIL | DELETE."""
        return await self._post("/cgi-bin/message/mass/get", {"msg_id": int(msg_id)})

    async def mass_preview(self, openid: str, media_id: str) -> dict[str, Any]:
        """`message/mass/preview` of a draft to one follower (the marketer's own openid)."""
        return await self._post("/cgi-bin/message/mass/preview",
                                {"touser": openid, "msgtype": "mpnews", "mpnews": {"media_id": media_id}},
                                replay_safe=False)


# -- the official account's callbacks (docs/wechat-protocols.md §3.1-§3.3) ------------------------------------
class OACallbackCrypto:
    """Signature checks and safe-mode crypto of the official account's server URL, over wechatpy
    (`check_signature`, `wechatpy.crypto.WeChatCrypto`); refusals are the WeCom callback's `CallbackRejected`.

    Plain mode: `signature = sha1(sort(token, timestamp, nonce))`. Safe mode (`encrypt_type=aes`):
    `msg_signature = sha1(sort(token, timestamp, nonce, Encrypt))` is what is verified, then the AES frame is
    decrypted with the AppID as receive id. URL verification is plain in both modes.
    See docs/wechat-protocols.md §3.3, §3.5."""

    def __init__(self, token: str, aes_key: str, appid: str) -> None:
        self.token = token
        self.aes_key = aes_key
        self.appid = appid

    def check_plain(self, signature: str, timestamp: str, nonce: str) -> None:
        try:
            check_signature(self.token, (signature or "").lower(), timestamp, nonce)
        except InvalidSignatureException as exc:
            raise CallbackRejected("bad_signature", "signature does not match", status=401) from exc

    def decrypt(self, msg_signature: str, timestamp: str, nonce: str, encrypted: str) -> str:
        """The plaintext of one `Encrypt` value (XML, or JSON for a JSON-configured account)."""
        if not self.aes_key:
            raise CallbackRejected("safe_mode_off", "no EncodingAESKey configured for safe mode")
        # constant time, before anything is decrypted (wechatpy compares with !=)
        if not hmac.compare_digest(signature(self.token, timestamp, nonce, encrypted), (msg_signature or "").lower()):
            raise CallbackRejected("bad_signature", "msg_signature does not match", status=401)
        try:
            return str(WeChatCrypto(self.token, self.aes_key, self.appid).decrypt_message(
                {"Encrypt": encrypted}, (msg_signature or "").lower(), timestamp, nonce))
        except InvalidSignatureException as exc:
            raise CallbackRejected("bad_signature", "msg_signature does not match", status=401) from exc
        except InvalidAppIdException as exc:
            raise CallbackRejected("foreign_app", "the message was encrypted for another AppID") from exc
        except Exception as exc:  # bad base64, padding, length: garbage that happened to be signed
            raise CallbackRejected("bad_ciphertext", "the message cannot be decrypted") from exc

    def decrypt_envelope(self, msg_signature: str, timestamp: str, nonce: str, body: bytes) -> str:
        envelope = parse_xml(body)
        encrypted = envelope.get("Encrypt")
        if not isinstance(encrypted, str) or not encrypted:
            raise CallbackRejected("bad_xml", "no Encrypt element")
        return self.decrypt(msg_signature, timestamp, nonce, encrypted)

    def encrypt(self, plaintext: str, nonce: str, timestamp: str) -> str:
        """The encrypted envelope `<xml><Encrypt/><MsgSignature/><TimeStamp/><Nonce/></xml>` of a reply
        (docs/wechat-protocols.md §3.3; also how the sandbox posts events in safe mode)."""
        return str(WeChatCrypto(self.token, self.aes_key, self.appid).encrypt_message(plaintext, nonce, timestamp))


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def text_reply(to_user: str, from_user: str, content: str, now: int) -> str:
    """A passive text reply (被动回复): addressed back to the follower, from the account."""
    return (f"<xml><ToUserName>{cdata(to_user)}</ToUserName><FromUserName>{cdata(from_user)}</FromUserName>"
            f"<CreateTime>{now}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
            f"<Content>{cdata(content)}</Content></xml>")
