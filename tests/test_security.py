"""Roles on every route, members confined to their own data, rate limits, hostile request shapes."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest

from app.clock import clock
from tests.conftest import BACKEND, Api

PUBLIC = {"/api/v1/auth/login", "/healthz", "/readyz", "/wechatpay/notify", "/guide/v1/auth/wecom",
          "/guide/v1/auth/wecom/url"}


def routes(app, prefix: str) -> list[tuple[str, str]]:
    out = []
    for route in app.router.routes:
        path = "/" + route.path.lstrip("/")
        if not path.startswith(prefix) or path in PUBLIC:
            continue
        concrete = re.sub(r"<([a-z_]+)(:[^>]*)?>",
                          lambda m: "1" if "id" in m.group(1) or ":int" in (m.group(2) or "") else "X1", path)
        for method in route.methods:
            if method not in ("HEAD", "OPTIONS"):
                out.append((method, concrete))
    return sorted(set(out))


async def test_every_member_route_needs_a_member_token(api: Api, app, staff_token) -> None:
    checked = 0
    for method, path in routes(app, "/api/v1"):
        status, body = await api.call(method, path, json={})
        assert status == 401, (method, path, status, body)
        status, _ = await api.call(method, path, json={}, token=staff_token("admin"))
        assert status == 403, (method, path, status)  # every /api/v1 route is for members only
        checked += 1
    assert checked >= 6


async def test_every_admin_route_refuses_members_and_guides(api: Api, app, staff_token) -> None:
    token, _ = await api.login("sec-member")
    checked = 0
    for method, path in routes(app, "/admin/v1"):
        assert (await api.call(method, path, json={}))[0] == 401, (method, path)
        assert (await api.call(method, path, json={}, token=token))[0] == 403, (method, path)
        assert (await api.call(method, path, json={}, token=staff_token("guide")))[0] == 403, (method, path)
        checked += 1
    assert checked >= 2


async def test_guide_routes_refuse_members(api: Api, app) -> None:
    token, _ = await api.login("sec-member2")
    for method, path in routes(app, "/guide/v1"):
        assert (await api.call(method, path, json={}, token=token))[0] == 403, (method, path)


async def test_member_sees_only_own_data(api: Api, seeded) -> None:
    t1, m1 = await api.login("sec-a")
    t2, m2 = await api.login("sec-b")
    await api.call("POST", "/api/v1/checkins", token=t1)
    status, mine = await api.call("GET", "/api/v1/points/ledger", token=t1)
    status, theirs = await api.call("GET", "/api/v1/points/ledger", token=t2)
    assert len(mine["items"]) == 1 and theirs["items"] == []
    # a forged token claiming member 1 with another secret is rejected
    from app.auth import issue_token

    forged = issue_token("not-the-secret-not-the-secret-000", m1["id"], "member", int(clock.now().timestamp()), 60)
    assert (await api.call("GET", "/api/v1/me", token=forged))[0] == 401
    # a cursor from member 1 does not reveal member 1's entries to member 2
    first = mine["items"][0]["id"]
    import base64

    cursor = base64.urlsafe_b64encode(f"e{first + 1}".encode()).decode().rstrip("=")
    status, page = await api.call("GET", f"/api/v1/points/ledger?cursor={cursor}", token=t2)
    assert page["items"] == []


async def test_no_member_route_reveals_or_changes_another_members_data(api: Api, app, rt, seeded,
                                                                      staff_token) -> None:
    """Member A has a ledger, a check-in, a coupon and a profile; member B calls every /api/v1 route. B's
    answers never carry A's identifiers, and B's writes leave A's rows as they were."""
    import json

    from app.services.coupons import service as coupon_service
    from models import CouponTemplate, Member

    ta, a = await api.login("iso-a")
    tb, b = await api.login("iso-b")
    assert (await api.call("POST", "/api/v1/checkins", token=ta))[0] == 201
    assert (await api.call("PATCH", "/api/v1/me", token=ta, json={"nickname": "A-nick"}))[0] == 200
    template = await CouponTemplate.create(name="A的券", kind="amount_off", amount_off_fen=100, validity="days",
                                           valid_days=3)
    issued = await coupon_service.issue(rt, template, await Member.get(id=a["id"]), "iso-a-coupon",
                                        now=rt.clock.now())
    assert issued.coupon is not None
    _, a_ledger = await api.call("GET", "/api/v1/points/ledger", token=ta)
    assert a_ledger["items"]
    secrets_of_a = {a["openid"], a["invite_code"], "A-nick", issued.coupon.code}
    lot_id, draw_id = await _a_lottery_draw(api, staff_token("admin"), a["id"], ta)
    assert (lot_id, draw_id) == (1, 1)  # the ids the route walk below fills in
    catalogue = {"/api/v1/mall/lotteries"}  # the same for every member: items that are nobody's history
    absent_for_b = {f"/api/v1/mall/lotteries/draws/{draw_id}"}  # A's draw: 404 to B, as if it did not exist
    before = await Member.get(id=a["id"]).values("balance", "growth", "nickname", "checkin_streak", "phone")
    checked = 0
    for method, path in routes(app, "/api/v1"):
        if method == "GET":
            status, body = await api.call(method, path, token=tb)
            if path in absent_for_b:
                assert status == 404, (path, status, body)
                checked += 1
                continue
            if status == 404 and path.endswith("/1"):  # one object by id (a mall reward or redemption): not B's
                assert body["error"]["code"].endswith("_not_found"), (path, body)
                checked += 1
                continue
            assert status == 200, (path, status, body)
            text = json.dumps(body, ensure_ascii=False, separators=(", ", ": "))
            leaked = [s for s in secrets_of_a if s in text]
            assert not leaked, (path, leaked)
            if path not in catalogue:
                assert not body.get("items") and not body.get("days"), (path, body)  # B has no history yet
        else:  # B's writes: with A's identifiers wherever a body takes one
            payload = {"nickname": "B-nick", "code": issued.coupon.code, "day": rt.clock.today().isoformat(),
                       "member_id": a["id"], "openid": a["openid"]}
            status, _ = await api.call(method, path, token=tb, json=payload)
            assert status < 500, (method, path, status)
        checked += 1
    assert checked >= 10
    assert await Member.get(id=a["id"]).values("balance", "growth", "nickname", "checkin_streak", "phone") == before
    coupon = await coupon_service.get_by_code(issued.coupon.code)
    assert coupon.member_id == a["id"] and coupon.state == "issued" and coupon.used_at is None


async def _a_lottery_draw(api: Api, admin: str, member_id: int, token: str) -> tuple[int, int]:
    """A published lottery (a points consolation) and one draw of member A in it."""
    from app import db
    from tests.lottery_helpers import CONSOLATION, draw, give_points, make_lottery

    c = db.conn()
    if not db.is_postgres_conn(c):  # SQLite keeps counting ids across tests: start the (empty) tables at 1
        await c.execute_script("DELETE FROM sqlite_sequence WHERE name IN ('lotteries', 'lottery_draws')")
    await give_points(api, admin, member_id, 100)
    lot = await make_lottery(api, admin, [CONSOLATION])
    status, body = await draw(api, token, lot["id"])
    assert status == 201, body
    return lot["id"], body["id"]


async def test_checkin_rate_limited_per_ip(api: Api, seeded, tight_limits) -> None:
    """Many members behind one address (a script farming check-ins): the per-IP window stops them."""
    tight_limits.checkin_per_ip, tight_limits.checkin_per_member = 3, 100
    tokens = [(await api.login(f"rl-ip-{n}"))[0] for n in range(4)]
    statuses = [(await api.call("POST", "/api/v1/checkins", token=tok)) for tok in tokens]
    assert [s for s, _ in statuses[:3]] == [201, 201, 201]
    status, body = statuses[3]
    assert status == 429 and body["error"]["details"]["window"] == "ip"


async def test_expired_token_rejected(api: Api, rt) -> None:
    from app.auth import issue_token

    old = issue_token(rt.settings.auth.secret, 1, "member", int(clock.now().timestamp()) - 100, 50)
    status, body = await api.call("GET", "/api/v1/me", token=old)
    assert status == 401 and body["error"]["code"] == "token_expired"


@pytest.fixture
def tight_limits(rt):  # type: ignore[no-untyped-def]
    limits = rt.settings.ratelimit
    saved = (limits.login_per_ip, limits.login_per_openid, limits.checkin_per_ip, limits.checkin_per_member)
    limits.login_per_ip, limits.login_per_openid, limits.checkin_per_ip, limits.checkin_per_member = 5, 3, 50, 4
    yield limits
    limits.login_per_ip, limits.login_per_openid, limits.checkin_per_ip, limits.checkin_per_member = saved


async def test_login_rate_limited_per_openid_and_ip(api: Api, tight_limits) -> None:
    statuses = [(await api.call("POST", "/api/v1/auth/login", json={"code": "sandbox:rl"}))[0] for _ in range(4)]
    assert statuses[:3] != [429] * 3 and statuses[3] == 429
    assert (await api.call("POST", "/api/v1/auth/login", json={"code": "sandbox:rl-other"}))[0] == 201  # 5th
    status, body = await api.call("POST", "/api/v1/auth/login", json={"code": "sandbox:rl-third"})
    assert status == 429 and body["error"]["details"]["window"] == "ip"


async def test_checkin_rate_limited_per_member(api: Api, seeded, tight_limits) -> None:
    token, _ = await api.login("rl-ck")
    statuses = [(await api.call("POST", "/api/v1/checkins", token=token))[0] for _ in range(6)]
    assert statuses[0] == 201 and statuses[4] == 429 and statuses[5] == 429


async def test_oversized_body_is_413_json(api: Api, rt) -> None:
    big = b'{"code": "' + b"x" * (rt.settings.server.max_body_bytes + 10) + b'"}'
    status, body = await api.call("POST", "/api/v1/auth/login", data=big, headers={"content-type": "application/json"})
    assert status == 413 and body["error"]["code"] == "payload_too_large"


async def test_a_cover_image_of_several_megabytes_is_taken_and_only_upload_routes_take_it(
        api: Api, rt, staff_token, sandbox, app) -> None:
    """A phone photo (2-5 MB) as an edition's cover: the image route's body may be `max_upload_bytes` (it had been
    refused at the 1 MB every route has, so WeChat's 10 MB could never be reached); past that, 413 there too;
    every other route keeps 1 MB."""
    import base64

    from tests.contenthelpers import sandbox_oa

    sandbox_oa(sandbox, app)
    mkt = staff_token("marketer")
    photo = b"\xff\xd8\xff\xe0" + b"\x00" * 3_000_000  # a 3 MB JPEG's first bytes, then its bulk
    status, body = await api.call("POST", "/admin/v1/content/images", token=mkt, json={
        "filename": "IMG_2024.jpg", "purpose": "cover", "data_base64": base64.b64encode(photo).decode()})
    assert status == 201, body
    huge = b'{"filename": "a.jpg", "purpose": "cover", "data_base64": "' + \
        b"A" * (rt.settings.server.max_upload_bytes + 10) + b'"}'
    status, body = await api.call("POST", "/admin/v1/content/images", token=mkt, data=huge,
                                  headers={"content-type": "application/json"})
    assert status == 413 and body["error"]["code"] == "payload_too_large"
    big = b'{"name": "' + b"x" * (rt.settings.server.max_body_bytes + 10) + b'"}'
    status, body = await api.call("POST", "/admin/v1/coupon-rules", token=mkt, data=big,
                                  headers={"content-type": "application/json"})
    assert status == 413 and body["error"]["code"] == "payload_too_large"


async def test_hostile_shapes_get_4xx_json(api: Api) -> None:
    token, _ = await api.login("hostile")
    cases = [
        ("POST", "/api/v1/checkins/makeup", b'{"day": "not-a-date"}', "application/json", 422),
        ("POST", "/api/v1/checkins/makeup", b"\xff\xfe", "application/json", 400),
        ("POST", "/api/v1/checkins/makeup", b"<xml/>", "application/xml", 415),
        ("POST", "/api/v1/checkins/makeup", b'"just a string"', "application/json", 422),
        ("GET", "/api/v1/points/ledger?limit=100000", None, None, 422),
        ("GET", "/api/v1/points/ledger?limit=abc", None, None, 422),
        ("GET", "/api/v1/checkins?month=2026-13", None, None, 422),
        ("DELETE", "/api/v1/me", None, None, 405),
    ]
    for method, path, data, ctype, expected in cases:
        headers = {"content-type": ctype} if ctype else {}
        status, body = await api.call(method, path, token=token, data=data, headers=headers)
        assert status == expected, (path, data, status, body)
        assert isinstance(body, dict) and "error" in body and body["error"]["code"], body


async def test_out_of_range_ids_and_nul_characters_are_4xx(api: Api, staff_token) -> None:
    admin = staff_token("admin")
    status, body = await api.call("POST", f"/admin/v1/rules/{10**30}/activate", token=admin)
    assert status == 404 and body["error"]["code"] == "not_found"
    member = (await api.login("nul"))[0]
    status, body = await api.call("PATCH", "/api/v1/me", token=member, json={"nickname": "a\x00b"})
    assert status == 422 and body["error"]["code"] == "validation_failed"
    status, body = await api.call("PATCH", "/api/v1/me", token=member, json={"nickname": "ok", "\x00": 1})
    assert status == 422  # a key counts too
    # a literal backslash before "u0000" is text, not a NUL (the parser looks for the escape before walking)
    status, body = await api.call("PATCH", "/api/v1/me", token=member, json={"nickname": "a\\u0000b"})
    assert status == 200 and body["member"]["nickname"] == "a\\u0000b"


# Each role's fuzzing runs once per CI, on one backend, and the runs are split so the two passes (which run side by
# side) take about as long: member and guide (~20 s) on PostgreSQL, marketer and admin (~50 s each, the whole admin
# API) on the embedded defaults.
_FUZZ_RUNS: dict[str, tuple[str, str, str]] = {
    "member": ("postgres", "--exclude-path-regex", "^/(admin|guide)/"),
    "guide": ("postgres", "--include-path-regex", "^/guide/"),
    "marketer": ("embedded", "--include-path-regex", "^/admin/"),
    "admin": ("embedded", "--include-path-regex", "^/admin/"),
}


@pytest.mark.parametrize("role", [role for role, (backend, *_) in _FUZZ_RUNS.items() if backend == BACKEND])
async def test_schemathesis_finds_no_server_errors(api: Api, app, staff_token, role: str) -> None:
    """Property-based fuzzing of every documented operation over real HTTP, by role (member, guide, marketer,
    admin), each on the operations of its own audience, the only ones where its token gets past the role check
    (another audience's routes refuse it before reading the input): no 5xx, whatever the input. The member's
    run also covers the public routes (login, callbacks, the community API)."""
    import asyncio
    import sys
    from pathlib import Path

    _, scope, paths = _FUZZ_RUNS[role]
    if role == "member":
        token = (await api.login("fuzz"))[0]
    else:
        token = staff_token(role, staff_id={"guide": 2, "marketer": 3, "admin": 1}[role])
        await staff_token.flush()
    exe = str(Path(sys.executable).with_name("schemathesis"))
    proc = await asyncio.create_subprocess_exec(
        exe, "run", f"{app.ctx.test_url}/docs/openapi.json", "--checks", "not_a_server_error",
        "--max-examples", "12", "--seed", "1", "-H", f"Authorization: Bearer {token}", scope, paths,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    out, _ = await asyncio.wait_for(proc.communicate(), 240)
    assert proc.returncode == 0, out.decode()[-4000:]


async def test_tokens_with_other_algorithms_or_tampered_claims_are_rejected(api: Api, rt) -> None:
    import base64
    import json

    import jwt

    now = int(clock.now().timestamp())
    none_alg = jwt.encode({"sub": "1", "role": "admin", "exp": now + 60}, key=None, algorithm="none")
    assert (await api.call("GET", "/admin/v1/whoami", token=none_alg))[0] == 401
    from app.auth import issue_token

    good = issue_token(rt.settings.auth.secret, 1, "member", now, 60)
    header, payload, sig = good.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims["role"] = "admin"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    assert (await api.call("GET", "/admin/v1/whoami", token=f"{header}.{forged}.{sig}"))[0] == 401
    assert (await api.call("GET", "/api/v1/me", token=good))[0] in (200, 404)


def test_hand_built_tokens_are_standard_hs256_jwts() -> None:
    """Tokens are built and checked without PyJWT; PyJWT (any JWT library) must agree both ways."""
    import jwt

    from app.auth import decode_token, issue_token

    secret = "s" * 40
    now = int(time.time())  # PyJWT checks exp against the wall clock
    ours = issue_token(secret, 42, "guide", now, 60)
    assert jwt.decode(ours, secret, algorithms=["HS256"]) == {"sub": "42", "role": "guide", "iat": now,
                                                              "exp": now + 60}
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(ours, "t" * 40, algorithms=["HS256"])
    theirs = jwt.encode({"sub": "7", "role": "member", "iat": now, "exp": now + 60}, secret, algorithm="HS256")
    principal = decode_token(secret, theirs, now)
    assert (principal.subject_id, principal.role) == (7, "member")


async def test_a_value_too_long_for_its_column_is_the_clients_input_not_a_crash(rt: Any) -> None:
    """The last line of defence (jifen/server.py `_is_data_error`): Tortoise refuses a value longer than its column
    even in a filter, before PostgreSQL would; like PostgreSQL's own refusals it is answered 422 invalid_input, not
    500. (tests/formfuzz.py found two console filters reaching it; they now check their input themselves.)"""
    from tortoise.exceptions import ValidationError as ColumnRefused

    from jifen.server import _is_data_error
    from models import Member

    with pytest.raises(ColumnRefused) as caught:
        await Member.filter(phone="9" * 3000)
    assert _is_data_error(caught.value)
    try:
        raise RuntimeError("wrapped") from caught.value
    except RuntimeError as wrapped:
        assert _is_data_error(wrapped)
    assert not _is_data_error(RuntimeError("a bug of ours"))
