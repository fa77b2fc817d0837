"""WeCom callbacks: the published crypto vectors (docs/wechat-protocols.md §3.4, §3.5), URL verification and
event recording over real HTTP, and every refusal (forged signature, foreign corp, stale timestamp, replay)
answered 4xx with nothing recorded."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest

from app.logging_setup import flush
from app.services.community import service
from app.wechat.wecom.crypto import CallbackRejected, WeComCallbackCrypto
from models import WecomEvent
from tests.wecomhelpers import deliver, event_xml, signed_post

# A1: Tencent's WXBizMsgCrypt sample (weworkapi_python)
A1 = ("hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo", "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt", "ww1436e0e65a779aee")
A1_ECHO = ("012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb", "1476416373", "47744683",
           "fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==")
A1_POST_QS = ("0c3914025cb4b4d68103f6bfc8db550f79dcf48e", "1476422779", "1597212914")
A1_POST = (b"<xml><ToUserName><![CDATA[ww1436e0e65a779aee]]></ToUserName>\n<Encrypt><![CDATA["
           b"Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2"
           b"AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8"
           b"KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQ"
           b"DCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+]]></Encrypt>\n"
           b"<AgentID><![CDATA[1000002]]></AgentID>\n</xml>")
A1_PLAIN = ("<xml><ToUserName>ww1436e0e65a779aee</ToUserName><FromUserName>ChenJiaShun</FromUserName><CreateTime>"
            "1476422779</CreateTime><MsgType>text</MsgType><Content>你好</Content><MsgId>1456453720</MsgId>"
            "<AgentID>1000002</AgentID></xml>")
# A2: wechatpy's test suite
A2 = ("123456", "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR", "wx49f0ab532d5d035a")
A2_ECHO = ("dd6b9c95b495b3f7e2901bfbc76c664930ffdb96", "1411443780", "437374425",
           "4ByGGj+sVCYcvGeQYhaKIk1o0pQRNbRjxybjTGblXrBaXlTXeOo1+bXFXDQQb1o6co6Yh9Bv41n7hOchLF6p+Q==")
# E2: go-workwx (alphanumeric nonce)
E2 = ("kjr2TKI8umCBfVF3wAHk8JiPwma5VBme", "4Ma3YBrSBbX2aez8MJpXGBne5LSDwgGqHbhM9WPYIws", "ww6a112864f8022910")
E2_ECHO = ("1ba3cb09c0d2c2b3ed6900d37f91a6efae6cb011", "1583940690", "VHh7ymSeb0jc4lSb",
           "6KmUQuPVu7UhjyVqRdbo5SfcRqaHvbUlKSHFvBV2ZuR6TIlKsygcfeSd1GDplg1C5KSKr6UPHCaC/nIX3ZNt9w==")


def test_published_url_verification_vectors() -> None:
    assert WeComCallbackCrypto(*A1).verify_url(*A1_ECHO) == "1288432023552776189"
    assert WeComCallbackCrypto(*A2).verify_url(*A2_ECHO) == "5927782489442352469"
    assert WeComCallbackCrypto(*E2).verify_url(*E2_ECHO) == "94966531020182955848408"
    with pytest.raises(CallbackRejected) as bad:  # A2's negative case: the nonce off by one
        WeComCallbackCrypto(*A2).verify_url(A2_ECHO[0], A2_ECHO[1], "437374424", A2_ECHO[3])
    assert bad.value.code == "bad_signature"
    with pytest.raises(CallbackRejected):  # E2's negative case: the last hex digit changed
        WeComCallbackCrypto(*E2).verify_url(E2_ECHO[0][:-1] + "0", *E2_ECHO[1:])


def test_published_message_vector_and_foreign_corp() -> None:
    assert WeComCallbackCrypto(*A1).decrypt_envelope(*A1_POST_QS, A1_POST) == A1_PLAIN
    with pytest.raises(CallbackRejected) as foreign:  # the ciphertext names ww1436…, we are another corp
        WeComCallbackCrypto(A1[0], A1[1], "wwsomeoneelse0001").decrypt_envelope(
            *A1_POST_QS, A1_POST.replace(b"ww1436e0e65a779aee", b"wwsomeoneelse0001", 1))
    assert foreign.value.code == "foreign_corp"


@pytest.fixture
def a1_corp(rt, monkeypatch) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """jifen configured as the A1 sample corp, its clock's transport time at the vector's timestamps."""
    cfg = rt.settings.wecom
    monkeypatch.setattr(cfg, "callback_token", A1[0])
    monkeypatch.setattr(cfg, "callback_aes_key", A1[1])
    monkeypatch.setattr(cfg, "corpid", A1[2])
    yield


async def test_url_verification_over_http_with_the_published_vector(api, a1_corp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("handlers.callbacks.wecom.time.time", lambda: 1476416373.0)
    sig, ts, nonce, echo = A1_ECHO
    qs = urlencode({"msg_signature": sig, "timestamp": ts, "nonce": nonce, "echostr": echo})
    status, body = await api.call("GET", "/wecom/callback?" + qs)
    assert (status, str(body)) == (200, "1288432023552776189")
    assert api.last_headers["content-type"].startswith("text/plain")
    status, body = await api.call("GET", "/wecom/callback?" + qs.replace("47744683", "47744684"))
    assert status == 401 and body["error"]["code"] == "bad_signature"


async def test_published_message_is_recorded_and_kept_as_unknown(api, rt, a1_corp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("handlers.callbacks.wecom.time.time", lambda: 1476422779.0)
    sig, ts, nonce = A1_POST_QS
    path = "/wecom/callback?" + urlencode({"msg_signature": sig, "timestamp": ts, "nonce": nonce})
    status, body = await api.call("POST", path, data=A1_POST, headers={"content-type": "text/xml"})
    assert (status, body) == (200, "success")
    await service.drain()
    [event] = await WecomEvent.all()
    assert event.event == "text" and event.payload["Content"] == "你好" and event.status == "ignored"
    # the very same request again: a replay, refused, nothing more recorded
    status, body = await api.call("POST", path, data=A1_POST, headers={"content-type": "text/xml"})
    assert status == 409 and body["error"]["code"] == "replayed"
    assert await WecomEvent.all().count() == 1


ADD = {"Event": "change_external_contact", "ChangeType": "add_external_contact", "UserID": "guide01",
       "ExternalUserID": "wmREFUSED0001", "State": "qr-store-1"}


async def test_refusals_record_nothing(api, rt) -> None:  # type: ignore[no-untyped-def]
    cfg = rt.settings.wecom
    path, body = signed_post(cfg, event_xml(cfg.corpid, ADD))
    forged = re.sub(r"msg_signature=[0-9a-f]+", "msg_signature=" + "f" * 40, path)
    cases = {
        "bad_signature": (forged, body),
        "stale_timestamp": signed_post(cfg, event_xml(cfg.corpid, ADD), timestamp=int(time.time()) - 301),
        "foreign_corp": signed_post(cfg, event_xml(cfg.corpid, ADD), receive_id="wwforeign0000001"),
        "foreign_corp ": signed_post(cfg, event_xml(cfg.corpid, ADD), to_user="wwforeign0000001"),
    }
    for code, (p, b) in cases.items():
        status, answer = await api.call("POST", p, data=b, headers={"content-type": "text/xml"})
        assert 400 <= status < 500 and answer["error"]["code"] == code.strip(), (code, status, answer)
    status, answer = await api.call("POST", "/wecom/callback?msg_signature=x&timestamp=1&nonce=1",
                                    data=b"<xml><Encrypt>", headers={"content-type": "text/xml"})
    assert status in (400, 401)
    assert await WecomEvent.all().count() == 0
    # a genuine one is recorded; its replay (same timestamp, nonce, signature) is refused
    status, answer = await api.call("POST", path, data=body, headers={"content-type": "text/xml"})
    assert (status, answer) == (200, "success")
    status, answer = await api.call("POST", path, data=body, headers={"content-type": "text/xml"})
    assert status == 409 and answer["error"]["code"] == "replayed"
    await service.drain()
    assert await WecomEvent.all().count() == 1


async def test_retries_collapse_and_distinct_events_do_not(api, rt) -> None:  # type: ignore[no-untyped-def]
    cfg = rt.settings.wecom
    created = int(time.time())
    tag = {"Event": "change_external_tag", "ChangeType": "delete", "TagType": "tag", "CreateTime": created}
    # WeCom's retries: the same content, newly signed each time (new nonce)
    for _ in range(3):
        assert (await deliver(api, cfg, tag | {"Id": "et-1"}))[0] == 200
    # a burst of distinct events with the same FromUserName (sys) and CreateTime: all kept
    for i in range(2, 7):
        assert (await deliver(api, cfg, tag | {"Id": f"et-{i}"}))[0] == 200
    await service.drain()
    assert await WecomEvent.all().count() == 6


async def test_a_replay_of_any_delivery_is_refused_and_concurrent_copies_record_once(api, rt) -> None:  # type: ignore[no-untyped-def]
    """The replay check rides on the recording statement (the request's msg_signature noted on the event row):
    a retry (same content, new nonce) is answered `success` and noted, a replay of the first delivery or of
    the retry is refused 409, and copies of one request arriving together record one event and answer one
    `success`, the others 409."""
    import asyncio

    cfg = rt.settings.wecom
    plain = event_xml(cfg.corpid, {"Event": "change_external_tag", "ChangeType": "delete", "TagType": "tag",
                                   "Id": "et-replay", "CreateTime": int(time.time())})
    first, retry = signed_post(cfg, plain), signed_post(cfg, plain)
    for path, body in (first, retry):
        assert await api.call("POST", path, data=body, headers={"content-type": "text/xml"}) == (200, "success")
    for path, body in (retry, first):
        status, answer = await api.call("POST", path, data=body, headers={"content-type": "text/xml"})
        assert status == 409 and answer["error"]["code"] == "replayed"
    [event] = [e for e in await WecomEvent.all() if e.payload.get("Id") == "et-replay"]
    assert event.deliveries is not None and event.deliveries.count(";") == 2

    plain2 = plain.replace("et-replay", "et-burst")
    path, body = signed_post(cfg, plain2)
    answers = await asyncio.gather(*(api.call("POST", path, data=body, headers={"content-type": "text/xml"})
                                     for _ in range(4)))
    assert sorted(status for status, _ in answers) == [200, 409, 409, 409]
    await service.drain()
    assert len([e for e in await WecomEvent.all() if e.payload.get("Id") == "et-burst"]) == 1
    flush()  # the refusals' log lines are written now, not into a later test's captured stream
