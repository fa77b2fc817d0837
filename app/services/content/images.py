"""Images of articles, uploaded through the official account, and the rewriting of article HTML to them.

WeChat strips images in article content that are not `media/uploadimg` URLs, and a draft's cover must be a
permanent material (docs/wechat-protocols.md §2.1, §2.2). So a marketer uploads each image once to jifen
(`POST /admin/v1/content/images`, base64): jifen uploads it to WeChat at once (inline -> uploadimg URL; cover ->
add_material media_id) and keeps the result. Article HTML may then refer to it as `jifen-image:<id>`, by the
`source_url` given at upload (the brand CDN address the copywriter used) or by its WeChat URL; saving an article
rewrites every `<img src>` to the WeChat URL and refuses an image jifen does not know (no server-side fetching of
arbitrary URLs: nothing to forge a request with).
"""

from __future__ import annotations

import base64
import binascii
import re
from typing import Any, Literal

from pydantic import BaseModel, Field

from app.errors import ApiError, NotFound, ValidationFailed
from app.runtime import Runtime
from app.services.members.service import wechat_failure
from app.wechat.errors import WeChatError
from models import ContentImage

INLINE_MAX_BYTES = 1_000_000  # uploadimg: jpg/png under 1 MB (docs/wechat-protocols.md §2.1)
TYPES = {"jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif", "bmp": "image/bmp"}
INLINE_TYPES = ("jpg", "jpeg", "png")
IMG_SRC = re.compile(r"""(<img\b[^>]*?\bsrc\s*=\s*)(["'])(.*?)\2""", re.IGNORECASE | re.DOTALL)


class ImageIn(BaseModel):
    filename: str = Field(min_length=5, max_length=128, pattern=r"^[\w.\-]+\.(jpg|jpeg|png|gif|bmp)$")
    data_base64: str = Field(min_length=4)
    purpose: Literal["inline", "cover"] = "inline"
    source_url: str | None = Field(default=None, max_length=1024, pattern=r"^https?://")


def image_view(img: ContentImage) -> dict[str, Any]:
    return {"id": img.id, "purpose": img.purpose, "filename": img.filename, "source_url": img.source_url,
            "url": img.wx_url, "media_id": img.media_id, "ref": f"jifen-image:{img.id}"}


async def upload(rt: Runtime, data: ImageIn) -> ContentImage:
    ext = data.filename.rsplit(".", 1)[1].lower()
    try:
        content = base64.b64decode(data.data_base64, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValidationFailed("data_base64 is not base64", code="bad_image") from exc
    if data.purpose == "inline" and (ext not in INLINE_TYPES or len(content) >= INLINE_MAX_BYTES):
        raise ValidationFailed("an inline image is a jpg or png under 1 MB (WeChat's uploadimg)", code="bad_image")
    if not content:
        raise ValidationFailed("empty image", code="bad_image")
    oa = rt.official_account
    try:
        if data.purpose == "inline":
            url, media_id = await oa.upload_image(data.filename, content, TYPES[ext]), None
        else:
            media_id, url = await oa.add_image_material(data.filename, content, TYPES[ext])
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
