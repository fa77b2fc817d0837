"""Staff credentials: malformed tokens are 401 (never 500), staff tokens live only while their staff user is
active and has not revoked them, and the till's coupon routes refuse input that cannot be a coupon."""

from __future__ import annotations

import base64
import json
from datetime import timedelta
from typing import Any

import jwt

from app.auth import issue_token
from app.clock import clock
from app.services.coupons import service as coupon_service
from app.services.staff import service as staff_service
from models import Coupon, CouponTemplate, Member, StaffUser
from tests.conftest import Api

PROTECTED = [("GET", "/api/v1/me"), ("GET", "/guide/v1/whoami"), ("GET", "/admin/v1/whoami")]


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def signed(secret: str, header: Any, claims: Any) -> str:
    """A correctly signed token over an arbitrary header and payload (what a leaked key or a bug could mint)."""
    import hashlib
    import hmac

    head = b64(json.dumps(header).encode())
    body = b64(json.dumps(claims).encode())
    sig = hmac.new(secret.encode(), f"{head}.{body}".encode(), hashlib.sha256).digest()
    return f"{head}.{body}.{b64(sig)}"


async def test_malformed_headers_and_subjects_are_401_on_every_protected_route(api: Api, rt) -> None:
    secret = rt.settings.auth.secret
    now = int(clock.now().timestamp())
    claims = {"sub": "1", "role": "member", "iat": now, "exp": now + 60}
    tokens = {
        "header is a list": signed(secret, [1, 2], claims),
        "header is a string": signed(secret, "HS256", claims),
        "header is a number": signed(secret, 7, claims),
        "header nests 5000 arrays": f"{b64(b'[' * 5000)}.{b64(json.dumps(claims).encode())}.x",
        "sub is not a number": jwt.encode({**claims, "sub": "abc"}, secret, algorithm="HS256"),
        "sub is empty": jwt.encode({**claims, "sub": ""}, secret, algorithm="HS256"),
        "sub is a float": jwt.encode({**claims, "sub": "1.5"}, secret, algorithm="HS256"),
        "sub is beyond BIGINT": jwt.encode({**claims, "sub": str(10**30)}, secret, algorithm="HS256"),
        "sub is negative": jwt.encode({**claims, "sub": "-3"}, secret, algorithm="HS256"),
        "sub is missing": jwt.encode({k: v for k, v in claims.items() if k != "sub"}, secret, algorithm="HS256"),
        "sub is a list": signed(secret, {"alg": "HS256"}, {**claims, "sub": [1]}),
        "sub is unicode digits": jwt.encode({**claims, "sub": "١٢"}, secret, algorithm="HS256"),
        "iat is text": signed(secret, {"alg": "HS256"}, {**claims, "iat": "now"}),
        "staff sub is not a number": jwt.encode({**claims, "sub": "x", "role": "admin"}, secret, algorithm="HS256"),
    }
    for label, token in tokens.items():
        for method, path in PROTECTED:
            status, body = await api.call(method, path, token=token)
            assert status == 401 and body["error"]["code"] == "invalid_token", (label, path, status, body)


async def test_staff_token_needs_an_existing_staff_user_of_its_role(api: Api, rt, staff_token) -> None:
    secret = rt.settings.auth.secret
    now = int(clock.now().timestamp())
    assert (await api.call("GET", "/guide/v1/whoami", token=staff_token("guide", staff_id=5)))[0] == 200
    ghost = issue_token(secret, 999_999, "guide", now, 3600)  # no such staff user
    status, body = await api.call("GET", "/guide/v1/whoami", token=ghost)
    assert status == 401 and body["error"]["code"] == "invalid_token", body
    status, body = await api.call("POST", "/guide/v1/coupons/ABCDEFGHJKMN/redeem", token=ghost, json={})
    assert status == 401, body
    # user 5 is a guide: a token claiming it is an admin (minted before a role change, say) is refused
    promoted = issue_token(secret, 5, "admin", now, 3600)
    status, body = await api.call("GET", "/admin/v1/whoami", token=promoted)
    assert status == 401 and body["error"]["code"] == "token_revoked", body


async def test_deactivation_and_revocation_end_staff_tokens(api: Api, rt, staff_token) -> None:
    admin = staff_token("admin")
    guide_row = await StaffUser.create(name="导购小王", role="guide")
    guide = staff_service.staff_token(rt.settings, guide_row, rt.clock.now())
    assert (await api.call("GET", "/guide/v1/whoami", token=guide))[1] == {"staff_id": guide_row.id, "role": "guide"}

    status, view = await api.call("POST", f"/admin/v1/staff/{guide_row.id}/deactivate", token=admin)
    assert status == 200 and view["active"] is False and view["tokens_valid_after"], view
    status, body = await api.call("GET", "/guide/v1/whoami", token=guide)  # at once: the cached row was dropped
    assert status == 401 and body["error"]["code"] == "staff_deactivated", body
    status, _ = await api.call("POST", f"/admin/v1/staff/{guide_row.id}/activate", token=admin)
    assert status == 200
    status, body = await api.call("GET", "/guide/v1/whoami", token=guide)  # the old token stays dead
    assert status == 401 and body["error"]["code"] == "token_revoked", body
    fresh = staff_service.staff_token(rt.settings, await StaffUser.get(id=guide_row.id), rt.clock.now())
    assert (await api.call("GET", "/guide/v1/whoami", token=fresh))[0] == 200  # even within the same second

    # a leaked token: revoke everything issued so far, the guide stays active
    status, _ = await api.call("POST", f"/admin/v1/staff/{guide_row.id}/revoke-tokens", token=admin)
    assert status == 200
    status, body = await api.call("GET", "/guide/v1/whoami", token=fresh)
    assert status == 401 and body["error"]["code"] == "token_revoked"
    rt.clock.shift(timedelta(seconds=5))
    later = staff_service.staff_token(rt.settings, await StaffUser.get(id=guide_row.id), rt.clock.now())
    assert (await api.call("GET", "/guide/v1/whoami", token=later))[0] == 200

    # only admins manage staff; unknown ids are 404
    status, _ = await api.call("POST", f"/admin/v1/staff/{guide_row.id}/deactivate", token=staff_token("marketer", 2))
    assert status == 403
    status, body = await api.call("POST", "/admin/v1/staff/424242/deactivate", token=admin)
    assert status == 404 and body["error"]["code"] == "staff_not_found"


async def test_deactivated_marketer_is_refused_even_from_the_cache(api: Api, rt, staff_token) -> None:
    """The staff row is cached: the first request fills the cache, the deactivation must still win."""
    marketer = staff_token("marketer", staff_id=9)
    assert (await api.call("GET", "/admin/v1/whoami", token=marketer))[0] == 200
    assert await rt.redis.get(f"{rt.prefix}staff:9") == "1|marketer|0"
    await staff_service.change_staff(rt.redis, rt.prefix, 9, rt.clock.now(), active=False)
    status, body = await api.call("GET", "/admin/v1/rules", token=marketer)
    assert status == 401 and body["error"]["code"] == "staff_deactivated"


async def _coupon(rt, member_id: int, **template: Any) -> Coupon:
    values = {"name": "券", "kind": "amount_off", "amount_off_fen": 500, "validity": "days", "valid_days": 5,
              **template}
    t = await CouponTemplate.create(**values)
    issued = await coupon_service.issue(rt, t, await Member.get(id=member_id), f"test-{t.id}", now=rt.clock.now())
    assert issued.coupon is not None
    return issued.coupon


async def test_redeeming_needs_the_order_amount_when_the_coupon_depends_on_it(api: Api, rt, staff_token) -> None:
    guide = staff_token("guide")
    _, member = await api.login("till")
    min_spend = await _coupon(rt, member["id"], min_spend_fen=5000)
    percent = await _coupon(rt, member["id"], kind="percent_off", amount_off_fen=None, percent_off_bp=1000)
    plain = await _coupon(rt, member["id"])
    for coupon in (min_spend, percent):
        status, body = await api.call("POST", f"/guide/v1/coupons/{coupon.code}/redeem", token=guide, json={})
        assert status == 422 and body["error"]["code"] == "order_amount_required", body
        assert (await Coupon.get(id=coupon.id)).state == "issued"
    status, body = await api.call("POST", f"/guide/v1/coupons/{min_spend.code}/redeem", token=guide,
                                  json={"order_amount_fen": 6000})
    assert status == 200 and body["discount_fen"] == 500
    status, body = await api.call("POST", f"/guide/v1/coupons/{percent.code}/redeem", token=guide,
                                  json={"order_amount_fen": 3000})
    assert status == 200 and body["discount_fen"] == 300
    status, body = await api.call("POST", f"/guide/v1/coupons/{plain.code}/redeem", token=guide, json={})
    assert status == 200 and body["discount_fen"] == 500  # face value recorded


async def test_guide_routes_answer_4xx_for_codes_that_cannot_be_coupons(api: Api, rt, staff_token) -> None:
    guide = staff_token("guide")
    for code in ("A" * 25, "ABCDEFGHJKMN" * 10, "%20%20", "A" * 2000):
        status, body = await api.call("GET", f"/guide/v1/coupons/{code}", token=guide)
        assert status == 404 and body["error"]["code"] == "coupon_not_found", (code, status, body)
        status, body = await api.call("POST", f"/guide/v1/coupons/{code}/redeem", token=guide,
                                      json={"order_amount_fen": 100})
        assert status == 404 and body["error"]["code"] == "coupon_not_found", (code, status, body)
