"""Images of articles, uploaded through the official account, and the rewriting of article HTML to them.

WeChat strips images in article content that are not `media/uploadimg` URLs, and a draft's cover must be a
permanent material (docs/wechat-protocols.md §2.1, §2.2). So a marketer uploads each image once to jifen
(`POST /admin/v1/content/images`, base64): jifen uploads it to WeChat at once (inline -> uploadimg URL; cover ->
add_material media_id) and keeps the result. Article HTML may then refer to it as `jifen-image:<id>`, by the
`source_url` given at upload (the brand CDN address the copywriter used) or by its WeChat URL; saving an article
rewrites every `<img src>` to the WeChat URL and refuses an image jifen does not know (no server-side fetching of
arbitrary URLs: nothing to forge a request with).

A file is judged by its bytes, not its name: the name may be anything a phone or a screenshot tool gives it
(`IMG_0001.PNG`, `截屏 2026-12-05 10.00.00.png`) as long as it is a file name (no path separator, no control
character) with an image extension, and the content must start with the magic number of a jpg, png, gif or bmp
(what add_material takes; uploadimg only jpg and png), or it is refused (422 bad_image) before WeChat sees it.
"""

from __future__ import annotations

import base64
import binascii
import re
from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator

from app.errors import ApiError, NotFound, ValidationFailed
from app.runtime import Runtime
from app.services.members.service import wechat_failure
from app.wechat.errors import WeChatError
from models import ContentImage

INLINE_MAX_BYTES = 1_000_000  # uploadimg: jpg/png under 1 MB (docs/wechat-protocols.md §2.1)
COVER_MAX_BYTES = 10_000_000  # add_material type=image: at most 10 MB (docs/wechat-protocols.md §2.1)
TYPES = {"jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif", "bmp": "image/bmp"}
INLINE_TYPES = ("jpg", "jpeg", "png")
# what the bytes start with, per type (the name says nothing: a text file renamed fake.png is still text)
MAGIC = (("png", (b"\x89PNG\r\n\x1a\n",)), ("jpeg", (b"\xff\xd8\xff",)), ("gif", (b"GIF87a", b"GIF89a")),
         ("bmp", (b"BM",)))
NOT_AN_IMAGE = "not a jpg, png, gif or bmp image (by its bytes)"
# a name as a phone or a screenshot tool makes it (IMG_0001.PNG, "截屏 2026-12-05 10.00.00.png") is fine; a path
# or a control character is not a file name
_BAD_NAME_CHARS = re.compile(r"[/\\\x00-\x1f\x7f-\x9f]")
IMG_SRC = re.compile(r"""(<img\b[^>]*?\bsrc\s*=\s*)(["'])(.*?)\2""", re.IGNORECASE | re.DOTALL)


class ImageIn(BaseModel):
    filename: str = Field(min_length=5, max_length=128)
    data_base64: str = Field(min_length=4)
    purpose: Literal["inline", "cover"] = "inline"
    source_url: str | None = Field(default=None, max_length=1024, pattern=r"^https?://")

    @field_validator("filename")
    @classmethod
    def _a_file_name(cls, name: str) -> str:
        """Any case and any spaces (what the marketer's files are called); the extension says which kinds are
        meant, the bytes are checked at upload."""
        if _BAD_NAME_CHARS.search(name):
            raise ValueError("a file name without path separators or control characters")
        if _extension(name) not in TYPES:
            raise ValueError("must end in .jpg, .jpeg, .png, .gif or .bmp")
        return name


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def sniff(content: bytes) -> str | None:
    """The image type the bytes are (png, jpeg, gif, bmp), by their magic number; None when they are none of
    them. Why not trust the file name: a text file renamed fake.png would go to WeChat (refused there, or kept as
    a broken cover)."""
    for kind, starts in MAGIC:
        if content.startswith(starts):
            return kind
    return None


def image_view(img: ContentImage) -> dict[str, Any]:
    return {"id": img.id, "purpose": img.purpose, "filename": img.filename, "source_url": img.source_url,
            "url": img.wx_url, "media_id": img.media_id, "ref": f"jifen-image:{img.id}"}


def _sent_name(filename: str, kind: str) -> str:
    """The file name WeChat gets: the marketer's, with the extension of what the bytes are when it says another
    type (a PNG saved as photo.jpg goes as photo.png, image/png); WeChat goes by the extension."""
    if TYPES[_extension(filename)] == TYPES[kind]:
        return filename
    return f"{filename.rsplit('.', 1)[0]}.{kind}"


def _bad_image(message: str) -> ValidationFailed:
    """A refusal of the file's content, on `data_base64` (the console shows it next to its cover input)."""
    return ValidationFailed(f"data_base64: {message}", code="bad_image",
                            details=[{"field": "data_base64", "message": message}])


async def upload(rt: Runtime, data: ImageIn) -> ContentImage:
    try:
        content = base64.b64decode(data.data_base64, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise _bad_image("not base64") from exc
    if not content:
        raise _bad_image("empty image")
    kind = sniff(content)
    if kind is None:
        raise _bad_image(NOT_AN_IMAGE)
    if data.purpose == "inline" and (kind not in INLINE_TYPES or len(content) >= INLINE_MAX_BYTES):
        raise _bad_image("an inline image is a jpg or png under 1 MB (WeChat's uploadimg)")
    if data.purpose == "cover" and len(content) > COVER_MAX_BYTES:
        raise _bad_image("a cover image is at most 10 MB (WeChat's permanent material)")
    name, ctype = _sent_name(data.filename, kind), TYPES[kind]
    oa = rt.official_account
    try:
        if data.purpose == "inline":
            url, media_id = await oa.upload_image(name, content, ctype), None
        else:
            media_id, url = await oa.add_image_material(name, content, ctype)
    except WeChatError as exc:
        raise wechat_failure(exc, "image upload") from exc
    return await ContentImage.create(purpose=data.purpose, filename=data.filename, source_url=data.source_url,
                                     wx_url=url, media_id=media_id, created_at=rt.clock.now())


async def get_image(image_id: int) -> ContentImage:
    img = await ContentImage.get_or_none(id=image_id)
    if img is None:
        raise NotFound(f"no image #{image_id}", code="image_not_found")
    return img


async def cover(image_id: int, field: str) -> ContentImage:
    img = await ContentImage.get_or_none(id=image_id)
    if img is None or img.purpose != "cover" or not img.media_id:
        raise ValidationFailed(f"{field}: #{image_id} is not an uploaded cover image", code="bad_cover",
                               details=[{"field": field, "message": "upload it with purpose=cover"}])
    return img


async def rewrite(html: str, field: str) -> str:
    """`html` with every `<img src>` pointing at the official account's URL of an uploaded image."""
    sources = {m.group(3).strip() for m in IMG_SRC.finditer(html)}
    if not sources:
        return html
    ids = [int(s.split(":", 1)[1]) for s in sources if re.fullmatch(r"jifen-image:\d{1,18}", s)]
    urls = [s for s in sources if not s.startswith("jifen-image:")]
    known: dict[str, str] = {}
    for img in await ContentImage.filter(id__in=ids) if ids else []:
        known[f"jifen-image:{img.id}"] = img.wx_url
    if urls:
        for img in await ContentImage.filter(source_url__in=urls):
            known[str(img.source_url)] = img.wx_url
        for img in await ContentImage.filter(wx_url__in=urls):
            known[img.wx_url] = img.wx_url
    unknown = sorted(sources - known.keys())
    if unknown:
        raise ApiError(f"{field}: images not uploaded through jifen (WeChat would strip them): "
                       + ", ".join(u[:80] for u in unknown[:5]), code="unknown_image", status=422,
                       details=[{"field": field, "message": f"unknown image {u[:200]}"} for u in unknown[:20]])
    return IMG_SRC.sub(lambda m: f"{m.group(1)}{m.group(2)}{known[m.group(3).strip()]}{m.group(2)}", html)
