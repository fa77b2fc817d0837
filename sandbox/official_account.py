"""The official-account side of the sandbox (docs/wechat-protocols.md §2, §3.1-§3.3).

APIs: `media/uploadimg`, `material/add_material`, `draft/add`, `freepublish/submit` + `get`, `message/mass/sendall`
+ `get` + `preview`, with the official account's own appid/secret (tokens from the shared stable_token; a
mini-program's token is refused with 48001). Behaviour jifen must survive, as WeChat does it:

- `freepublish/submit` answers a publish_id at once and finishes after `publish_delay_ms`: `freepublish/get`
  turns from 1 (publishing) to `publish_outcome` (0 = success) and `PUBLISHJOBFINISH` is posted to the account's
  server URL, signed, and encrypted in safe mode;
- `message/mass/sendall`: mpnews of a draft's media_id, `clientmsgid` ≤ 64 bytes (45067); the same clientmsgid
  again within a minute is 45066, later 45065 with the existing msg_id (nothing sent twice); the quota: a
  subscription account's sendall succeeds once per Asia/Shanghai day, a service account's `is_to_all` four times
  per month, and a service account's follower receives at most four mass messages a month (the rest filtered);
  over quota: 45028. `MASSSENDJOBFINISH` (counts) is posted after `mass_delay_ms`;
- `message/mass/preview` only to a follower (43004).

Control API: `POST /__sandbox__/oa/config` (callback_url, account_type, safe_mode, delays, publish_outcome,
followers), `GET /__sandbox__/oa/state`, `POST /__sandbox__/oa/follow` (a follower subscribes: the event is
posted and jifen's passive reply returned, decrypted).
"""

from __future__ import annotations

import asyncio
import itertools
import secrets
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any
from zoneinfo import ZoneInfo

import aiohttp
from aiohttp import web
from wechatpy.crypto import WeChatCrypto
from wechatpy.utils import WeChatSigner

from sandbox.miniprogram import check_token, json_body, wx_error, wx_ok
from sandbox.state import STATE_KEY, SandboxState, state_of

OA_APPID = "wxsandboxoa000001"
OA_SECRET = "sandbox-oa-secret"
OA_TOKEN = "sandbox-oa-token"
OA_AES_KEY = "c2FuZGJveC1qaWZlbi1vZmZpY2lhbC1hY2NvdW50LWs"
OA_ORIGINAL_ID = "gh_sandboxoa0001"
SHANGHAI = ZoneInfo("Asia/Shanghai")
DEFAULT_CALLBACK_URL = "http://127.0.0.1:8000/wechat/oa/callback"  # `scripts/dev`'s jifen
MAX_IMAGE_BYTES = 1_000_000
# what WeChat takes (docs/wechat-protocols.md §2.1): uploadimg jpg/png under 1 MB; add_material type=image
# bmp/png/jpeg/jpg/gif up to 10 MB, type=thumb a jpg up to 64 KB. Extensions in any case; the bytes must start
# like that kind of image (a text file named fake.png is 40005, as WeChat answers it; WeChat decodes the whole
# image, the sandbox only looks at its first bytes)
MATERIAL_LIMITS = {"image": ((".bmp", ".png", ".jpeg", ".jpg", ".gif"), 10_000_000), "thumb": ((".jpg",), 64_000)}
IMAGE_MAGIC = {".png": (b"\x89PNG",), ".jpg": (b"\xff\xd8",), ".jpeg": (b"\xff\xd8",), ".gif": (b"GIF8",),
               ".bmp": (b"BM",)}
CLIENTMSGID_WINDOW = 60.0
ERRMSGS = {40007: "invalid media_id", 43004: "require subscribe", 45028: "has no masssend quota",
           45065: "clientmsgid exist", 45066: "same clientmsgid retry too fast", 45067: "clientmsgid size out of limit",
           48001: "api unauthorized", 53502: "Publish ID is invalid", 44003: "empty news data",
           45003: "title size out of limit", 45004: "description size out of limit",
           45002: "content size out of limit", 40008: "invalid message type"}


@dataclass
class OAState:
    appid: str = OA_APPID
    token: str = OA_TOKEN
    aes_key: str = OA_AES_KEY
    account_type: str = "subscription"
    safe_mode: bool = True
    callback_url: str | None = DEFAULT_CALLBACK_URL
    publish_delay_ms: int = 100
    mass_delay_ms: int = 100
    publish_outcome: int = 0
    followers: dict[str, list[int]] = field(default_factory=dict)
    images: dict[str, int] = field(default_factory=dict)
    materials: dict[str, dict[str, Any]] = field(default_factory=dict)
    drafts: dict[str, dict[str, Any]] = field(default_factory=dict)
    publishes: dict[str, dict[str, Any]] = field(default_factory=dict)
    mass: dict[int, dict[str, Any]] = field(default_factory=dict)
    clientmsgids: dict[str, tuple[int, float]] = field(default_factory=dict)
    received: dict[tuple[str, str], int] = field(default_factory=dict)  # (openid, month) -> mass messages
    previews: list[dict[str, Any]] = field(default_factory=list)
    posted: list[dict[str, Any]] = field(default_factory=list)
    tasks: set[asyncio.Task[None]] = field(default_factory=set)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(2_247_483_001))

    def next_id(self) -> int:
        return next(self._ids)

    def reset(self) -> None:
        for task in self.tasks:
            task.cancel()
        fresh = OAState()
        for name in ("account_type", "safe_mode", "callback_url", "publish_delay_ms", "mass_delay_ms",
                     "publish_outcome", "followers", "images", "materials", "drafts", "publishes", "mass",
                     "clientmsgids", "received", "previews", "posted", "tasks"):
            setattr(self, name, getattr(fresh, name))
        self.followers = {f"oSandboxFollower{i:012d}": [] for i in range(1, 6)}

    def crypto(self) -> WeChatCrypto:
        return WeChatCrypto(self.token, self.aes_key, self.appid)


def oa_of(app: web.Application) -> OAState:
    return app[OA_KEY]


OA_KEY: web.AppKey[OAState] = web.AppKey("sandbox_oa", OAState)


def _err(code: int) -> web.Response:
    return wx_error(code, ERRMSGS.get(code))


def _authed(request: web.Request) -> tuple[SandboxState, OAState, web.Response | None]:
    state, oa = state_of(request.app), oa_of(request.app)
    appid, err = check_token(state, request)
    if err is None and appid != oa.appid:
        err = _err(48001)  # a mini-program's token cannot call the official account's APIs
    return state, oa, err


async def _media(request: web.Request) -> tuple[str, bytes] | None:
    """The multipart field `media` (docs/wechat-protocols.md §2.1), parsed with the standard MIME parser from
    the body the request log already read (the stream is consumed)."""
    if not request.content_type.startswith("multipart/"):
        return None
    raw = await request.read()
    head = f"Content-Type: {request.headers['Content-Type']}\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(head + raw)
    for part in message.iter_parts():
        if part.get_param("name", header="content-disposition") == "media":
            payload = part.get_payload(decode=True)
            return part.get_filename() or "", payload if isinstance(payload, bytes) else b""
    return None


def _an_image(name: str, data: bytes, extensions: tuple[str, ...], max_bytes: int) -> bool:
    """The file's extension (any case) is one of `extensions`, its bytes are an image of one of those kinds and
    it is not empty nor larger than `max_bytes`."""
    if not data or len(data) > max_bytes or not name.lower().endswith(extensions):
        return False
    return data.startswith(tuple(m for ext in extensions for m in IMAGE_MAGIC[ext]))


# -- material ------------------------------------------------------------------------------------------------
async def uploadimg(request: web.Request) -> web.Response:
    """POST /cgi-bin/media/uploadimg: jpg/png under 1 MB -> an mmbiz URL."""
    _, oa, err = _authed(request)
    if err is not None:
        return err
    media = await _media(request)
    if media is None:
        return wx_error(41005, "media data missing")
    name, data = media
    if not _an_image(name, data, (".jpg", ".jpeg", ".png"), MAX_IMAGE_BYTES - 1):
        return wx_error(40005, "invalid file type")
    url = f"http://mmbiz.qpic.cn/sandbox_jpg/{secrets.token_hex(16)}/0"
    oa.images[url] = len(data)
    return web.json_response({"url": url})


async def add_material(request: web.Request) -> web.Response:
    """POST /cgi-bin/material/add_material?type=image|thumb: a permanent material -> media_id (+ url for images)."""
    _, oa, err = _authed(request)
    if err is not None:
        return err
    kind = request.query.get("type")
    if kind not in ("image", "thumb"):
        return wx_error(40004, "invalid media type")
    media = await _media(request)
    if media is None:
        return wx_error(41005, "media data missing")
    name, data = media
    if not _an_image(name, data, *MATERIAL_LIMITS[kind]):
        return wx_error(40005, "invalid file type")
    media_id = secrets.token_urlsafe(32)
    url = f"http://mmbiz.qpic.cn/sandbox_material/{secrets.token_hex(16)}/0"
    oa.materials[media_id] = {"type": kind, "name": name, "url": url, "size": len(data)}
    return web.json_response({"media_id": media_id, "url": url} if kind == "image" else {"media_id": media_id})


# -- draft and publish ---------------------------------------------------------------------------------------
async def draft_add(request: web.Request) -> web.Response:
    """POST /cgi-bin/draft/add: 1-8 news articles with a permanent thumb_media_id (40007 otherwise)."""
    state, oa, err = _authed(request)
    if err is not None:
        return err
    body = await json_body(request)
    articles = body.get("articles") if body else None
    if not isinstance(articles, list) or not 1 <= len(articles) <= 8:
        return _err(44003)
    for a in articles:
        if not isinstance(a, dict) or not a.get("title") or len(str(a["title"])) > 32:
            return _err(45003)
        if not a.get("content") or len(str(a["content"])) >= 20_000:
            return _err(45002)
        if len(str(a.get("digest", ""))) > 128:
            return _err(45004)
        if a.get("thumb_media_id") not in oa.materials:
            return _err(40007)
    media_id = secrets.token_urlsafe(32)
    oa.drafts[media_id] = {"articles": articles, "created": state.now()}
    return web.json_response({"media_id": media_id})


async def freepublish_submit(request: web.Request) -> web.Response:
    state, oa, err = _authed(request)
    if err is not None:
        return err
    body = await json_body(request)
    media_id = body.get("media_id") if body else None
    if media_id not in oa.drafts:
        return _err(40007)
    publish_id = str(oa.next_id())
    pub = {"publish_id": publish_id, "media_id": media_id, "publish_status": 1, "article_id": None, "urls": [],
           "time": state.now()}
    oa.publishes[publish_id] = pub
    _later(oa, oa.publish_delay_ms, _finish_publish(state, oa, pub))
    return wx_ok(publish_id=publish_id, msg_data_id=oa.next_id())


async def _finish_publish(state: SandboxState, oa: OAState, pub: dict[str, Any]) -> None:
    status = oa.publish_outcome
    pub["publish_status"] = status
    count = len(oa.drafts[pub["media_id"]]["articles"])
    if status == 0:
        pub["article_id"] = secrets.token_urlsafe(32)
        pub["urls"] = [f"http://mp.weixin.qq.com/s/{secrets.token_urlsafe(16)}" for _ in range(count)]
    items = "".join(f"<item><idx>{i + 1}</idx><article_url><![CDATA[{u}]]></article_url></item>"
                    for i, u in enumerate(pub["urls"]))
    fails = "".join(f"<fail_idx>{i}</fail_idx>" for i in range(1, count + 1)) if status in (2, 4) else ""
    info = (f"<PublishEventInfo><publish_id>{pub['publish_id']}</publish_id><publish_status>{status}"
            f"</publish_status><article_id><![CDATA[{pub['article_id'] or ''}]]></article_id>"
            f"<article_detail><count>{len(pub['urls'])}</count>{items}</article_detail>{fails}</PublishEventInfo>")
    await post_event(state, oa, "PUBLISHJOBFINISH", info, from_user="oSandboxAdmin")


async def freepublish_get(request: web.Request) -> web.Response:
    _, oa, err = _authed(request)
    if err is not None:
        return err
    body = await json_body(request)
    pub = oa.publishes.get(str((body or {}).get("publish_id")))
    if pub is None:
        return _err(53502)
    out: dict[str, Any] = {"publish_id": pub["publish_id"], "publish_status": pub["publish_status"]}
    if pub["publish_status"] == 0:
        out["article_id"] = pub["article_id"]
        out["article_detail"] = {"count": len(pub["urls"]), "item": [{"idx": i + 1, "article_url": u}
                                                                     for i, u in enumerate(pub["urls"])]}
    out["fail_idx"] = []
    return web.json_response(out)


# -- mass send -----------------------------------------------------------------------------------------------
def _local(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, UTC).astimezone(SHANGHAI)


async def sendall(request: web.Request) -> web.Response:
    """POST /cgi-bin/message/mass/sendall: mpnews of a draft, deduped by clientmsgid, under the account's quota."""
    state, oa, err = _authed(request)
    if err is not None:
        return err
    body = await json_body(request)
    if body is None:
        return wx_error(47001)
    if body.get("msgtype") != "mpnews":
        return _err(40008)
    media_id = (body.get("mpnews") or {}).get("media_id")
    flt = body.get("filter") or {}
    cmid = body.get("clientmsgid")
    now = state.now()
    if cmid is not None:
        if not isinstance(cmid, str) or len(cmid.encode()) > 64:
            return _err(45067)
        if cmid in oa.clientmsgids:
            msg_id, first = oa.clientmsgids[cmid]
            if now - first < CLIENTMSGID_WINDOW:
                return _err(45066)
            return web.json_response({"errcode": 45065, "errmsg": f"{ERRMSGS[45065]} rid: {secrets.token_hex(4)}",
                                      "msg_id": msg_id})
    if media_id not in oa.drafts:
        return _err(40007)
    to_all = bool(flt.get("is_to_all"))
    tag = flt.get("tag_id")
    local = _local(now)
    day, month = local.date().isoformat(), f"{local:%Y-%m}"
    done = [m for m in oa.mass.values()]
    if oa.account_type == "subscription":
        if any(m["day"] == day for m in done):
            return _err(45028)
    elif to_all and sum(1 for m in done if m["month"] == month and m["to_all"]) >= 4:
        return _err(45028)
    audience = [o for o, tags in oa.followers.items() if to_all or tag in tags]
    filtered = [o for o in audience
                if oa.account_type == "service" and oa.received.get((o, month), 0) >= 4]
    sent = [o for o in audience if o not in filtered]
    for o in sent:
        oa.received[(o, month)] = oa.received.get((o, month), 0) + 1
    msg_id = oa.next_id()
    job = {"msg_id": msg_id, "msg_data_id": oa.next_id(), "clientmsgid": cmid, "media_id": media_id, "to_all": to_all,
           "tag_id": tag, "day": day, "month": month, "status": "SENDING", "total": len(audience),
           "filtered": len(filtered), "sent": len(sent), "errors": 0, "time": now}
    oa.mass[msg_id] = job
    if cmid is not None:
        oa.clientmsgids[cmid] = (msg_id, now)
    _later(oa, oa.mass_delay_ms, _finish_mass(state, oa, job))
    return web.json_response({"errcode": 0, "errmsg": "send job submission success", "msg_id": msg_id,
                              "msg_data_id": job["msg_data_id"]})


async def _finish_mass(state: SandboxState, oa: OAState, job: dict[str, Any]) -> None:
    job["status"] = "SEND_SUCCESS"
    fields = (f"<MsgID>{job['msg_id']}</MsgID><Status><![CDATA[send success]]></Status>"
              f"<TotalCount>{job['total']}</TotalCount><FilterCount>{job['total'] - job['filtered']}</FilterCount>"
              f"<SentCount>{job['sent']}</SentCount><ErrorCount>{job['errors']}</ErrorCount>"
              "<CopyrightCheckResult><Count>0</Count><ResultList></ResultList><CheckState>1</CheckState>"
              "</CopyrightCheckResult>")
    await post_event(state, oa, "MASSSENDJOBFINISH", fields, from_user="oSandboxAdmin")


async def mass_get(request: web.Request) -> web.Response:
    _, oa, err = _authed(request)
    if err is not None:
        return err
    body = await json_body(request)
    job = oa.mass.get(int((body or {}).get("msg_id") or 0))
    if job is None:
        return wx_error(40007, "invalid msg_id")
    return web.json_response({"msg_id": job["msg_id"], "msg_status": job["status"]})


async def mass_preview(request: web.Request) -> web.Response:
    state, oa, err = _authed(request)
    if err is not None:
        return err
    body = await json_body(request)
    if body is None:
        return wx_error(47001)
    touser = body.get("touser")
    if touser not in oa.followers:
        return _err(43004)
    media_id = (body.get("mpnews") or {}).get("media_id")
    if media_id not in oa.drafts:
        return _err(40007)
    msg_id = oa.next_id()
    oa.previews.append({"touser": touser, "media_id": media_id, "msg_id": msg_id, "time": state.now()})
    return web.json_response({"errcode": 0, "errmsg": "preview success", "msg_id": msg_id})


# -- callbacks to jifen --------------------------------------------------------------------------------------
def _later(oa: OAState, delay_ms: int, coro: Any) -> None:
    async def run() -> None:
        try:
            await asyncio.sleep(delay_ms / 1000)
        except asyncio.CancelledError:
            coro.close()  # reset before it was due: it never runs
            raise
        await coro

    task = asyncio.ensure_future(run())
    oa.tasks.add(task)
    task.add_done_callback(oa.tasks.discard)


def signed_request(oa: OAState, xml: str, now: int, openid: str) -> tuple[dict[str, str], str]:
    """(query, body) of a push as WeChat sends it, plain or in safe mode's envelope
    (docs/wechat-protocols.md §3.2, §3.3)."""
    nonce = str(secrets.randbelow(10**10))
    signer = WeChatSigner()
    signer.add_data(oa.token, str(now), nonce)
    query = {"signature": signer.signature, "timestamp": str(now), "nonce": nonce, "openid": openid}
    if not oa.safe_mode:
        return query, xml
    root = ET.fromstring(oa.crypto().encrypt_message(xml, nonce, str(now)))
    query.update({"encrypt_type": "aes", "msg_signature": root.findtext("MsgSignature") or ""})
    body = (f"<xml><ToUserName><![CDATA[{OA_ORIGINAL_ID}]]></ToUserName>"
            f"<Encrypt><![CDATA[{root.findtext('Encrypt')}]]></Encrypt></xml>")
    return query, body


async def post_event(state: SandboxState, oa: OAState, event: str, inner: str, *, from_user: str,
                     url: str | None = None) -> dict[str, Any]:
    """Post an event to the account's server URL; returns (and records) jifen's answer, decrypted if need be."""
    url = url or oa.callback_url
    now = int(state.now())
    xml = (f"<xml><ToUserName><![CDATA[{OA_ORIGINAL_ID}]]></ToUserName><FromUserName><![CDATA[{from_user}]]>"
           f"</FromUserName><CreateTime>{now}</CreateTime><MsgType><![CDATA[event]]></MsgType>"
           f"<Event><![CDATA[{event}]]></Event>{inner}</xml>")
    record: dict[str, Any] = {"event": event, "url": url, "status": None, "body": None}
    oa.posted.append(record)
    if not url:
        return record
    query, body = signed_request(oa, xml, now, from_user)
    try:
        async with aiohttp.ClientSession() as session, session.post(
                url, params=query, data=body.encode(), headers={"content-type": "text/xml"}) as resp:
            record["status"], record["body"] = resp.status, await resp.text()
    except aiohttp.ClientError as exc:
        record["status"], record["body"] = None, f"{type(exc).__name__}: {exc}"
        return record
    text = record["body"] or ""
    if oa.safe_mode and "<Encrypt>" in text:
        env = ET.fromstring(text)
        record["reply"] = oa.crypto().decrypt_message(
            {"Encrypt": env.findtext("Encrypt")}, env.findtext("MsgSignature"), env.findtext("TimeStamp"),
            env.findtext("Nonce"))
    elif text.startswith("<xml>"):
        record["reply"] = text
    return record


# -- control -------------------------------------------------------------------------------------------------
async def ctl_config(request: web.Request) -> web.Response:
    """POST /__sandbox__/oa/config {callback_url?, account_type?, safe_mode?, publish_delay_ms?, mass_delay_ms?,
    publish_outcome?, followers?: {openid: [tag ids]}}."""
    oa = oa_of(request.app)
    body = await json_body(request)
    if body is None:
        return web.json_response({"error": "a JSON object"}, status=400)
    if body.get("account_type") not in (None, "subscription", "service"):
        return web.json_response({"error": "account_type: subscription | service"}, status=400)
    for key in ("callback_url", "account_type", "safe_mode", "publish_delay_ms", "mass_delay_ms", "publish_outcome",
                "followers"):
        if key in body:
            setattr(oa, key, body[key])
    return web.json_response({"account_type": oa.account_type, "safe_mode": oa.safe_mode,
                              "callback_url": oa.callback_url, "followers": len(oa.followers)})


async def ctl_state(request: web.Request) -> web.Response:
    oa = oa_of(request.app)
    return web.json_response({
        "drafts": len(oa.drafts), "images": len(oa.images), "materials": len(oa.materials),
        "publishes": list(oa.publishes.values()), "mass": list(oa.mass.values()), "previews": oa.previews,
        "posted": oa.posted})


async def ctl_follow(request: web.Request) -> web.Response:
    """POST /__sandbox__/oa/follow {openid, callback_url?}: the follower subscribes; jifen's answer back."""
    state, oa = state_of(request.app), oa_of(request.app)
    body = await json_body(request)
    openid = (body or {}).get("openid")
    if not isinstance(openid, str) or not openid:
        return web.json_response({"error": "openid"}, status=400)
    oa.followers.setdefault(openid, [])
    record = await post_event(state, oa, "subscribe", "<EventKey><![CDATA[]]></EventKey>", from_user=openid,
                              url=(body or {}).get("callback_url"))
    return web.json_response(record)


async def _shutdown(app: web.Application) -> None:
    for task in list(oa_of(app).tasks):
        task.cancel()


def setup(app: web.Application) -> None:
    oa = OAState()
    oa.reset()
    app[OA_KEY] = oa
    state = app.get(STATE_KEY)
    if state is not None:
        state.apps.setdefault(OA_APPID, OA_SECRET)
        state.ext["official_account"] = oa
    app.on_cleanup.append(_shutdown)
    r = app.router
    r.add_post("/cgi-bin/media/uploadimg", uploadimg)
    r.add_post("/cgi-bin/material/add_material", add_material)
    r.add_post("/cgi-bin/draft/add", draft_add)
    r.add_post("/cgi-bin/freepublish/submit", freepublish_submit)
    r.add_post("/cgi-bin/freepublish/get", freepublish_get)
    r.add_post("/cgi-bin/message/mass/sendall", sendall)
    r.add_post("/cgi-bin/message/mass/get", mass_get)
    r.add_post("/cgi-bin/message/mass/preview", mass_preview)
    r.add_post("/__sandbox__/oa/config", ctl_config)
    r.add_get("/__sandbox__/oa/state", ctl_state)
    r.add_post("/__sandbox__/oa/follow", ctl_follow)
