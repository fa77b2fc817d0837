"""The console's new-edition form and the cover upload over plain HTTP (no browser needed: the refusals are in the
HTML answered): a mass send refused on a day whose slot is taken creates nothing (nor does a duplicate onto it)
and re-shows the form as typed with the reason, in the API's terms, next to the date; a blank date saves a draft
whatever the time field holds; a cover is judged by its bytes (a real PNG named `IMG_0001.PNG` or with spaces is
taken, a text file named `fake.png` is not), by jifen and by the sandbox's WeChat alike."""

from __future__ import annotations

import base64
from typing import Any

import aiohttp
import pytest

from app.errors import Conflict, ValidationFailed
from app.services.content import editions, images
from app.web.messages import zh_message
from app.wechat.errors import WeChatError
from models import ContentArticle, ContentEdition, ContentImage, ContentQuotaSlot
from tests.contenthelpers import PNG, make_edition, sandbox_oa, shanghai, upload

CSRF = "edition-form-csrf-token"
PNG_BYTES = base64.b64decode(PNG)
JPEG_BYTES = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"jpeg" * 10
GIF_BYTES = b"GIF89a" + b"\x01\x00\x01\x00" + b"gif" * 10
BMP_BYTES = b"BM" + b"\x00" * 40


async def post_form(app: Any, session: Any, token: str, path: str, fields: dict[str, str],
                    cover: tuple[str, bytes] | None = None) -> tuple[int, str, str]:
    """(status, page text, Location) of a console form posted as the browser posts it (multipart, CSRF)."""
    form = aiohttp.FormData()
    form.add_field("_csrf", CSRF)
    for name, value in fields.items():
        form.add_field(name, value)
    if cover is not None:
        form.add_field("cover", cover[1], filename=cover[0], content_type="image/png")
    async with session.post(app.ctx.test_url + path, data=form, allow_redirects=False,
                            headers={"Cookie": f"jifen_staff={token}; jifen_csrf={CSRF}"}) as resp:
        return resp.status, await resp.text(), resp.headers.get("Location", "")


def edition_form(title: str = "第50期 双十二", day: str = "2026-12-10", hm: str = "09:00",
                 mode: str = "mass") -> dict[str, str]:
    return {"title": title, "mode": mode, "article_title": "双十二积分翻倍", "article_content": "<p>积分翻倍</p>",
            "date": day, "time": hm}


async def test_a_mass_send_refused_on_a_taken_day_creates_nothing_and_says_why(
        app: Any, http_session: Any, staff_token: Any, sandbox: Any) -> None:
    """The second mass edition of a subscription account's day is refused (409) before anything is stored: no
    draft left behind, no slot taken, and the form comes back as typed with the reason next to the date."""
    sandbox_oa(sandbox, app)
    token = staff_token("marketer")
    await staff_token.flush()
    status, _, location = await post_form(app, http_session, token, "/console/editions", edition_form(),
                                          ("cover.png", PNG_BYTES))
    assert status == 303 and location.startswith("/console/calendar?month=2026-12"), location
    first = await ContentEdition.get()
    assert first.status == "scheduled"
    images_before = await ContentImage.all().count()
    for attempt in range(2):
        status, page, _ = await post_form(app, http_session, token, "/console/editions",
                                          edition_form("第51期 又一次群发", hm="20:30"), ("cover.png", PNG_BYTES))
        assert status == 409, (attempt, page)
        assert 'id="at-error"' in page and "2026-12-10" in page and f"#{first.id}" in page
        assert "当天的群发次数" in page and "本月" not in page
        assert 'value="第51期 又一次群发"' in page and 'value="20:30"' in page and 'value="2026-12-10"' in page
        assert "<option value=\"mass\" selected" in page  # what was typed is kept
    assert [e.id for e in await ContentEdition.all()] == [first.id]
    assert await ContentArticle.all().count() == 1
    assert await ContentImage.all().count() == images_before  # the cover was not even sent to WeChat again
    assert [s.edition_id for s in await ContentQuotaSlot.all()] == [first.id]


async def test_creating_with_a_time_is_one_transaction(rt: Any, api: Any, staff_token: Any, sandbox: Any,
                                                     app: Any) -> None:
    """`editions.create(..., at=)` (the console's new-edition form): created and scheduled together; a taken slot
    is a 409 and no edition, a past time a 422 and no edition, a free day an edition already scheduled with its
    slot."""
    sandbox_oa(sandbox, app)
    cover = await upload(api, staff_token("marketer"))
    body = editions.EditionIn.model_validate({"title": "第1期", "mode": "mass", "articles": [
        {"title": "t", "content": "<p>c</p>", "cover_image_id": cover["id"]}]})
    ed = await editions.create(rt, body, None, at=shanghai(2026, 12, 10, 9, 0))
    assert ed["status"] == "scheduled" and ed["scheduled_at"] == shanghai(2026, 12, 10, 9, 0).isoformat()
    with pytest.raises(Conflict) as refused:
        await editions.create(rt, body, None, at=shanghai(2026, 12, 10, 21, 0))
    assert refused.value.code == "mass_quota_exceeded" and refused.value.details["editions"] == [ed["id"]]
    with pytest.raises(ValidationFailed):
        await editions.create(rt, body, None, at=shanghai(2026, 11, 1, 9, 0))
    assert [e.id for e in await ContentEdition.all()] == [ed["id"]]
    assert await ContentArticle.all().count() == 1
    assert [s.edition_id for s in await ContentQuotaSlot.all()] == [ed["id"]]


async def test_duplicating_onto_a_taken_day_leaves_no_copy(api: Any, staff_token: Any, sandbox: Any,
                                                           app: Any) -> None:
    """Duplicate with `at` is one transaction too: refused by the quota, no draft copy is left behind."""
    sandbox_oa(sandbox, app)
    mkt = staff_token("marketer")
    cover = await upload(api, mkt)
    ed = await make_edition(api, mkt, cover["id"], mode="mass", at=shanghai(2026, 12, 10, 9, 0))
    status, err = await api.call("POST", f"/admin/v1/editions/{ed['id']}/duplicate", token=mkt,
                                 json={"at": shanghai(2026, 12, 10, 20, 0).isoformat()})
    assert status == 409 and err["error"]["code"] == "mass_quota_exceeded"
    assert await ContentEdition.all().count() == 1 and await ContentArticle.all().count() == 3


def test_the_quota_refusal_in_chinese_names_the_day_and_the_edition() -> None:
    """The API says one mass send a day (subscription) or four a month (service), taken by which editions; the
    console says the same, not "this month's quota is used up"."""
    day = Conflict("no mass-send quota left for 2026-12-10 (subscription account: 1 mass send a day): already taken "
                   "by edition #7; publish instead of mass sending, or pick another date", code="mass_quota_exceeded",
                   details={"period": "day:2026-12-10", "limit": 1, "editions": [7]})
    assert zh_message(day) == ("2026-12-10 当天的群发次数已被第 #7 期占用（订阅号每天只能群发 1 次）："
                               "请改为发布，或换一天群发")
    month = Conflict("no mass-send quota left for the month 2026-12 (service account: 4 mass sends a month): already "
                     "taken by edition #1, #2, #3, #4; publish instead of mass sending, or pick another date",
                     code="mass_quota_exceeded")
    assert zh_message(month) == ("2026-12 这个月的群发次数已被第 #1, #2, #3, #4 期用完（服务号每月最多群发 4 次）："
                                 "请改为发布，或换一个月群发")


async def test_a_blank_date_saves_a_draft_whatever_the_time_field_holds(app: Any, http_session: Any,
                                                                       staff_token: Any, sandbox: Any) -> None:
    """The new-edition page prefills 09:00; with the date left blank (留空则存为草稿) the edition is a draft."""
    sandbox_oa(sandbox, app)
    token = staff_token("marketer")
    await staff_token.flush()
    async with http_session.get(app.ctx.test_url + "/console/editions/new", allow_redirects=False,
                                headers={"Cookie": f"jifen_staff={token}; jifen_csrf={CSRF}"}) as resp:
        assert resp.status == 200 and 'value="09:00"' in await resp.text()
    status, page, location = await post_form(app, http_session, token, "/console/editions",
                                             edition_form(day="", hm="09:00", mode="publish"), ("c.png", PNG_BYTES))
    assert status == 303, page
    ed = await ContentEdition.get()
    assert location == f"/console/editions/{ed.id}" and ed.status == "draft" and ed.scheduled_at is None
    # a bad date is still refused next to the field, with what was typed kept (the cover must be chosen again)
    status, page, _ = await post_form(app, http_session, token, "/console/editions",
                                      edition_form(title="第2期", day="2026-13-40"), ("c.png", PNG_BYTES))
    assert status == 422 and 'id="at-error"' in page and "请填写有效的日期和时间" in page
    assert 'value="第2期"' in page and 'value="双十二积分翻倍"' in page and "请重新选择封面图片" in page
    assert await ContentEdition.all().count() == 1


@pytest.mark.parametrize("name", ["IMG_0001.PNG", "截屏 2026-12-05 10.00.00.png", "cover.Jpg.png"],
                         ids=["upper-case", "spaces-and-chinese", "dots"])
async def test_real_images_are_taken_whatever_the_case_or_spaces(api: Any, staff_token: Any, sandbox: Any,
                                                                 app: Any, name: str) -> None:
    oa = sandbox_oa(sandbox, app)
    mkt = staff_token("marketer")
    status, img = await api.call("POST", "/admin/v1/content/images", token=mkt, json={
        "filename": name, "data_base64": PNG, "purpose": "cover"})
    assert status == 201, img
    assert img["filename"] == name and img["media_id"] in oa.materials


@pytest.mark.parametrize(("name", "data"), [("a.jpeg", JPEG_BYTES), ("b.GIF", GIF_BYTES), ("c.bmp", BMP_BYTES),
                                            ("d.jpg", PNG_BYTES)], ids=["jpeg", "gif", "bmp", "png-named-jpg"])
async def test_each_accepted_type_is_recognised_by_its_bytes(api: Any, staff_token: Any, sandbox: Any, app: Any,
                                                             name: str, data: bytes) -> None:
    """jpg, png, gif and bmp covers (WeChat's permanent image material); a PNG named .jpg goes as what it is."""
    oa = sandbox_oa(sandbox, app)
    mkt = staff_token("marketer")
    status, img = await api.call("POST", "/admin/v1/content/images", token=mkt, json={
        "filename": name, "data_base64": base64.b64encode(data).decode(), "purpose": "cover"})
    assert status == 201, img
    sent = oa.materials[img["media_id"]]["name"]
    assert sent.lower().endswith(".png" if data == PNG_BYTES else name.lower()[-4:])


async def test_what_is_not_an_image_is_refused_by_its_bytes(api: Any, staff_token: Any, sandbox: Any,
                                                            app: Any) -> None:
    oa = sandbox_oa(sandbox, app)
    mkt = staff_token("marketer")
    fake = base64.b64encode(b"just some text, not a picture\n").decode()
    for purpose in ("cover", "inline"):
        status, err = await api.call("POST", "/admin/v1/content/images", token=mkt, json={
            "filename": "fake.png", "data_base64": fake, "purpose": purpose})
        assert status == 422 and err["error"]["code"] == "bad_image", err
        assert err["error"]["details"] == [{"field": "data_base64",
                                            "message": "not a jpg, png, gif or bmp image (by its bytes)"}]
    # a gif is a cover, not an inline image (WeChat's uploadimg takes jpg and png only)
    status, err = await api.call("POST", "/admin/v1/content/images", token=mkt, json={
        "filename": "a.gif", "data_base64": base64.b64encode(GIF_BYTES).decode(), "purpose": "inline"})
    assert status == 422 and err["error"]["code"] == "bad_image"
    for name in ("../etc/x.png", "a\\b.png", "tab\there.png", "new\nline.png", "x.txt", "noext", "x.png "):
        status, err = await api.call("POST", "/admin/v1/content/images", token=mkt, json={
            "filename": name, "data_base64": PNG, "purpose": "cover"})
        assert status == 422, (name, err)
    assert oa.materials == {} and oa.images == {} and await ContentImage.all().count() == 0


async def test_the_console_refuses_a_fake_cover_in_chinese_next_to_the_field(app: Any, http_session: Any,
                                                                            staff_token: Any, sandbox: Any) -> None:
    oa = sandbox_oa(sandbox, app)
    token = staff_token("marketer")
    await staff_token.flush()
    status, page, _ = await post_form(app, http_session, token, "/console/editions",
                                      edition_form(day="", mode="publish"), ("fake.png", b"hello, not an image"))
    assert status == 422 and 'id="cover-error"' in page
    assert "不是有效的图片" in page and 'value="第50期 双十二"' in page
    assert await ContentEdition.all().count() == 0 and oa.materials == {}
    status, _, _ = await post_form(app, http_session, token, "/console/editions",
                                   edition_form(day="", mode="publish"), ("截屏 2026-12-05 10.00.00.PNG", PNG_BYTES))
    assert status == 303 and await ContentEdition.all().count() == 1


def test_image_type_by_magic_number() -> None:
    assert images.sniff(PNG_BYTES) == "png" and images.sniff(JPEG_BYTES) == "jpeg"
    assert images.sniff(GIF_BYTES) == "gif" and images.sniff(b"GIF87a...") == "gif" and images.sniff(BMP_BYTES) == "bmp"
    for junk in (b"", b"\x89PN", b"hello", b"\xff\xd8", b"GIF88a", b"<svg/>"):
        assert images.sniff(junk) is None, junk
    with pytest.raises(ValueError):
        images.ImageIn(filename="a/b.png", data_base64=PNG)


async def test_the_sandbox_takes_what_wechat_takes(rt: Any, sandbox: Any, app: Any) -> None:
    """The sandbox's uploads as docs/wechat-protocols.md §2.1 says: permanent images bmp/png/jpeg/jpg/gif (any case
    of extension), inline jpg/png; bytes that are no image are 40005, so jifen sending one would show in tests."""
    oa = sandbox_oa(sandbox, app)
    client = rt.official_account
    media_id, _ = await client.add_image_material("IMG_0001.PNG", PNG_BYTES, "image/png")
    assert oa.materials[media_id]["name"] == "IMG_0001.PNG"
    media_id, _ = await client.add_image_material("截屏 2026-12-05 10.00.00.gif", GIF_BYTES, "image/gif")
    assert oa.materials[media_id]["name"].lower().endswith(".gif")
    assert await client.upload_image("A.JPG", JPEG_BYTES, "image/jpeg") in oa.images
    for call in (client.add_image_material("fake.png", b"just text", "image/png"),
                 client.add_image_material("a.txt", PNG_BYTES, "text/plain"),
                 client.upload_image("a.gif", GIF_BYTES, "image/gif")):
        with pytest.raises(WeChatError) as refused:
            await call
        assert refused.value.errcode == 40005


async def test_a_phone_photo_of_several_megabytes_is_a_cover_from_the_console(
        app: Any, http_session: Any, staff_token: Any, sandbox: Any) -> None:
    """A 3 MB photo chosen as the cover: the form's body is past the 1 MB every other route takes (it had been a
    whole-page 413 with everything typed lost); the upload routes take `max_upload_bytes`."""
    sandbox_oa(sandbox, app)
    token = staff_token("marketer")
    await staff_token.flush()
    photo = JPEG_BYTES + b"\x00" * 3_000_000
    status, page, location = await post_form(app, http_session, token, "/console/editions",
                                             edition_form(day="", mode="publish"), ("IMG_2024.JPG", photo))
    assert status == 303, page[-500:]
    ed = await ContentEdition.get()
    assert location == f"/console/editions/{ed.id}"
    # its fields are still checked for NUL characters, as every page's are (the body is read by the route itself)
    status, page, _ = await post_form(app, http_session, token, "/console/editions",
                                      {**edition_form(day="", mode="publish"), "title": "坏\x00标题"},
                                      ("c.png", PNG_BYTES))
    assert status == 422, page[-300:]
    assert await ContentEdition.all().count() == 1
