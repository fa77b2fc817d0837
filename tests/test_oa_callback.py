"""The official account's callback: published crypto vectors (docs/wechat-protocols.md §3.3), URL verification, the
subscribe reply (encrypted in safe mode), the finished events, and forged, stale, replayed and plaintext
pushes refused with 4xx and nothing changed."""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import urlencode

import pytest
from wechatpy.utils import WeChatSigner

from app.wechat.official_account import OACallbackCrypto
from app.wechat.wecom.crypto import CallbackRejected
from models import ContentEdition
from sandbox.official_account import OA_ORIGINAL_ID, OAState, signed_request
from tests.contenthelpers import sandbox_oa

E1_ENCRYPT = ("+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzaz"
              "hZv6JsXUnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSq"
              "FIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04=")
E5_ENCRYPT = ("rTNFcsut4LfGuAFKEUVVpwcaCOTJzOd9twZdIW910jb3k+iicx2uvhttIZ3Qg9Qgty3BEF2xbOrz6boTfb30dMomcgrkTqdFPwnhq"
              "bk+kIQ7rZiwny9D7NUrTgA5kpX3KsZvrXzUZyP2x9YOlxbgm572lmxKvM7HAQQhIQ/p6HBmoY30bGXFK0BtIu1pW9TjhOYrLQoU18"
              "nWYjWqDA1ynkmOytpv7QRI1P1+0NoxL0q2zO1DgeSvnE8CZGo/o5Ap/WHK5W2RAsinpzN4/LjPnmB6U01I5XCoJoC0GK/yMZycd2O"
              "h8Nq6+wBkC1U85oy0ktOY4nLvsQMLrourmMGdZHuTbqpeJ8Ao/5PRYJ+WBvRUwPfGKBL2+2IKZF49vAJqkcGWSHGE76ZN2erXeuNa"
              "zf/o9o3lIE3q739o4c8t9QGPe31GT2Go/rOz1BsrASwvauNulCh+++yz+CQzBIuikA==")
E5_PLAIN = ("<xml><URL><![CDATA[http://wechat.laravel.so/server]]></URL><ToUserName><![CDATA[asdasdasd]]></ToUserName>"
            "<FromUserName><![CDATA[asdasdasdsadasd]]></FromUserName><CreateTime>1234567898</CreateTime><MsgType>"
            "<![CDATA[text]]></MsgType><Content><![CDATA[hello]]></Content><MsgId>12345</MsgId></xml>")


def test_e1_signatures_and_safe_mode_decryption() -> None:
    crypto = OACallbackCrypto("AAAAA", "A" * 43, "wxba5fad812f8e6fb9")
    crypto.check_plain("f464b24fc39322e44b38aa78f5edd27bd1441696", "1714036504", "1514711492")  # URL verify
    crypto.check_plain("899cf89e464efb63f54ddac96b0a0a235f53aa78", "1714037059", "486452656")  # plain POST
    crypto.check_plain("6c5c811b55cc85e0e1b54100749188c20beb3f5d", "1714112445", "415670741")  # safe POST
    assert crypto.decrypt("046e02f8204d34f8ba5fa3b1db94908f3df2e9b3", "1714112445", "415670741", E1_ENCRYPT) == (
        '{"ToUserName":"gh_97417a04a28d","FromUserName":"o9AgO5Kd5ggOC-bXrbNODIiE3bGY","CreateTime":1714112445,'
        '"MsgType":"event","Event":"debug_demo","debug_str":"hello world"}')
    with pytest.raises(CallbackRejected) as bad:
        crypto.check_plain("f464b24fc39322e44b38aa78f5edd27bd1441697", "1714036504", "1514711492")
    assert bad.value.code == "bad_signature" and bad.value.status == 401


def test_e5_xml_safe_mode_and_its_negative_cases() -> None:
    args = ("4f3ad57b6989f09f4eb392acce4f9e93942ed890", "1458300676", "260774613")
    body = f"<xml><ToUserName><![CDATA[asdasdasd]]></ToUserName><Encrypt><![CDATA[{E5_ENCRYPT}]]></Encrypt></xml>"
    crypto = OACallbackCrypto("pamtest", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "wxb11529c136998cb6")
    assert crypto.decrypt_envelope(*args, body.encode()) == E5_PLAIN
    with pytest.raises(CallbackRejected) as forged:
        crypto.decrypt_envelope("invalid-signature", *args[1:], body.encode())
    assert forged.value.code == "bad_signature"
    with pytest.raises(CallbackRejected) as foreign:
        OACallbackCrypto("pamtest", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "invalid appid").decrypt_envelope(
            *args, body.encode())
    assert foreign.value.code == "foreign_app"


def _sign(token: str, ts: str, nonce: str) -> str:
    signer = WeChatSigner()
    signer.add_data(token, ts, nonce)
    return str(signer.signature)


async def test_url_verification_echoes_only_when_signed(api: Any, rt: Any) -> None:
    token = rt.settings.official_account.token
    ts, nonce = str(int(time.time())), "12345"
    q = {"signature": _sign(token, ts, nonce), "timestamp": ts, "nonce": nonce, "echostr": "4375120948345356249"}
    assert await api.call("GET", "/wechat/oa/callback?" + urlencode(q)) == (200, 4375120948345356249)
    status, body = await api.call("GET", "/wechat/oa/callback?" + urlencode({**q, "nonce": "12346"}))
    assert status == 401 and body["error"]["code"] == "bad_signature"
    old = str(int(time.time()) - 600)
    status, body = await api.call("GET", "/wechat/oa/callback?" + urlencode(
        {**q, "timestamp": old, "signature": _sign(token, old, nonce)}))
    assert status == 401 and body["error"]["code"] == "stale_timestamp"


def _event(event: str, inner: str = "", from_user: str = "oFollower000000000000000001") -> str:
    return (f"<xml><ToUserName><![CDATA[{OA_ORIGINAL_ID}]]></ToUserName><FromUserName><![CDATA[{from_user}]]>"
            f"</FromUserName><CreateTime>{int(time.time())}</CreateTime><MsgType><![CDATA[event]]></MsgType>"
            f"<Event><![CDATA[{event}]]></Event>{inner}</xml>")


async def _post(api: Any, oa: OAState, xml: str, *, now: int | None = None, tamper: bool = False) -> tuple[int, Any]:
    query, body = signed_request(oa, xml, now or int(time.time()), "oFollower000000000000000001")
    if tamper:
        key = "msg_signature" if oa.safe_mode else "signature"
        query[key] = query[key][:-1] + ("0" if query[key][-1] != "0" else "1")
    return await api.call("POST", "/wechat/oa/callback?" + urlencode(query), data=body.encode(),
                          headers={"content-type": "text/xml"})


async def test_subscribe_gets_the_points_introduction_encrypted(api: Any, rt: Any, sandbox: Any, app: Any) -> None:
    oa = sandbox_oa(sandbox, app)
    record = await _post_follow(oa, sandbox)
    assert record["status"] == 200 and "<Encrypt>" in record["body"] and "会员" not in record["body"]
    reply = record["reply"]
    assert "<MsgType><![CDATA[text]]></MsgType>" in reply
    assert "<ToUserName><![CDATA[oNewFan]]></ToUserName>" in reply
    assert f"<FromUserName><![CDATA[{OA_ORIGINAL_ID}]]></FromUserName>" in reply
    assert rt.settings.official_account.subscribe_reply in reply and "导购" in reply


async def _post_follow(oa: OAState, sandbox: Any) -> dict[str, Any]:
    from sandbox.official_account import post_event

    return await post_event(sandbox.state, oa, "subscribe", "<EventKey><![CDATA[]]></EventKey>", from_user="oNewFan")


async def test_plain_mode_reply_and_plaintext_refused_in_safe_mode(api: Any, rt: Any, sandbox: Any, app: Any,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    oa = sandbox_oa(sandbox, app, safe_mode=False)
    status, body = await _post(api, oa, _event("subscribe"))
    assert status == 400 and body["error"]["code"] == "plaintext_refused"  # jifen is configured for safe mode
    monkeypatch.setattr(rt.settings.official_account, "aes_key", "")
    status, body = await _post(api, oa, _event("subscribe"))
    assert status == 200 and "<Content><![CDATA[欢迎关注" in body
    status, body = await _post(api, oa, _event("subscribe"), tamper=True)
    assert status == 401 and body["error"]["code"] == "bad_signature"
    assert (await _post(api, oa, _event("CLICK")))[1] == "success"  # anything else: acknowledged


async def _publishing(publish_id: str, rt: Any) -> ContentEdition:
    now = rt.clock.now()
    return await ContentEdition.create(title="t", mode="publish", status="publishing", stage="submitted",
                                       publish_id=publish_id, next_attempt_at=now, created_at=now, updated_at=now)


def _finished(publish_id: str, status: int) -> str:
    return _event("PUBLISHJOBFINISH", f"<PublishEventInfo><publish_id>{publish_id}</publish_id><publish_status>"
                  f"{status}</publish_status><article_id><![CDATA[ART1]]></article_id><article_detail><count>1</count>"
                  "<item><idx>1</idx><article_url><![CDATA[http://mp.weixin.qq.com/s/a]]></article_url></item>"
                  "</article_detail></PublishEventInfo>", from_user="oAdmin")


async def test_forged_stale_and_replayed_events_change_nothing(api: Any, rt: Any, sandbox: Any, app: Any) -> None:
    oa = sandbox_oa(sandbox, app)
    ed = await _publishing("2247503051", rt)
    # forged: the signature does not hold
    status, body = await _post(api, oa, _finished("2247503051", 0), tamper=True)
    assert status == 401 and body["error"]["code"] == "bad_signature"
    # stale: correctly signed, but ten minutes old
    status, body = await _post(api, oa, _finished("2247503051", 0), now=int(time.time()) - 600)
    assert status == 401 and body["error"]["code"] == "stale_timestamp"
    # encrypted for another account
    other = OAState(appid="wxsomeoneelse00001")
    other.safe_mode = True
    status, body = await _post(api, other, _finished("2247503051", 0))
    assert status == 400 and body["error"]["code"] == "foreign_app"
    assert (await ContentEdition.get(id=ed.id)).status == "publishing"

    # the real event publishes it
    query, raw = signed_request(oa, _finished("2247503051", 0), int(time.time()), "oAdmin")
    path = "/wechat/oa/callback?" + urlencode(query)
    assert await api.call("POST", path, data=raw.encode(), headers={"content-type": "text/xml"}) == (200, "success")
    e = await ContentEdition.get(id=ed.id)
    assert (e.status, e.article_id, e.article_urls) == ("published", "ART1", {"urls": ["http://mp.weixin.qq.com/s/a"]})
    # replayed: refused before anything is applied
    status, body = await api.call("POST", path, data=raw.encode(), headers={"content-type": "text/xml"})
    assert status == 409 and body["error"]["code"] == "replayed"
    # a later, genuine but contradictory event for a settled edition changes nothing either
    assert (await _post(api, oa, _finished("2247503051", 3)))[0] == 200
    assert (await ContentEdition.get(id=ed.id)).status == "published"


async def test_failed_publish_event_fails_the_edition(api: Any, rt: Any, sandbox: Any, app: Any) -> None:
    oa = sandbox_oa(sandbox, app)
    ed = await _publishing("99", rt)
    assert (await _post(api, oa, _finished("99", 4).replace("</PublishEventInfo>",
                                                            "<fail_idx>1</fail_idx></PublishEventInfo>")))[0] == 200
    e = await ContentEdition.get(id=ed.id)
    assert e.status == "failed" and e.wx_status == "audit rejected" and "articles 1" in (e.last_error or "")
