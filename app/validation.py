"""Request bodies and query strings are pydantic models: one place that validates and documents them."""

from __future__ import annotations

import functools
import json
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from sanic import Request
from sanic_ext.extensions.openapi import openapi
from sanic_ext.extensions.openapi.builders import OperationStore

from app.errors import BadRequest, UnsupportedMediaType, ValidationFailed

M = TypeVar("M", bound=BaseModel)


def _field_errors(exc: ValidationError) -> list[dict[str, Any]]:
    return [{"field": ".".join(str(p) for p in err["loc"]) or "body", "message": err["msg"]}
            for err in exc.errors()]


def parse_json(request: Request, model: type[M]) -> M:
    ctype = request.headers.get("content-type", "")
    if request.body and "json" not in ctype.lower():
        raise UnsupportedMediaType("send the body as application/json")
    body = request.body or b"{}"
    try:
        raw = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadRequest(f"malformed JSON: {exc}", code="malformed_json") from exc
    # json.loads refuses a raw control character in a string, so a NUL can only arrive escaped: without
    # `\u0000` in the bytes there is nothing to walk for (the walk is most of a small body's parse)
    if b"\\u0000" in body and _has_nul(raw):
        raise ValidationFailed("text fields may not contain NUL characters",
                               details=[{"field": "body", "message": "NUL character"}])
    if not isinstance(raw, dict):
        raise ValidationFailed("the body must be a JSON object", details=[{"field": "body",
                                                                         "message": "expected an object"}])
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        errors = _field_errors(exc)
        raise ValidationFailed("; ".join(f"{e['field']}: {e['message']}" for e in errors), details=errors) from exc


def _has_nul(node: Any) -> bool:
    if isinstance(node, str):
        return "\x00" in node
    if isinstance(node, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in node.items())
    if isinstance(node, list):
        return any(_has_nul(v) for v in node)
    return False


def parse_query(request: Request, model: type[M]) -> M:
    data = {k: v[0] if len(v) == 1 else v for k, v in request.args.items()}
    if _has_nul(data):
        raise ValidationFailed("query parameters may not contain NUL characters",
                               details=[{"field": "query", "message": "NUL character"}])
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = _field_errors(exc)
        raise ValidationFailed("; ".join(f"{e['field']}: {e['message']}" for e in errors), details=errors) from exc


Handler = Callable[..., Awaitable[Any]]

_JSON_TYPES: dict[str, type] = {"integer": int, "number": float, "boolean": bool, "string": str}


def inline_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON schema with nested `$defs` inlined (the spec then needs no extra components)."""
    schema = model.model_json_schema()
    defs = schema.pop("$defs", {})

    def resolve(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                return resolve(defs[ref.rsplit("/", 1)[1]])
            out = {k: resolve(v) for k, v in node.items()}
            # pydantic emits JSON Schema 2020-12 numeric bounds; OpenAPI 3.0 wants minimum + a boolean flag
            for exclusive, bound in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
                value = out.get(exclusive)
                if isinstance(value, int | float) and not isinstance(value, bool):
                    out[bound], out[exclusive] = value, True
            return out
        if isinstance(node, list):
            return [resolve(v) for v in node]
        return node

    return resolve(schema)


def _param_type(prop: dict[str, Any]) -> type:
    """Query parameters are documented by their scalar type (optional values are `anyOf [T, null]`)."""
    for option in prop.get("anyOf", [prop]):
        if option.get("type") in _JSON_TYPES:
            return _JSON_TYPES[option["type"]]
    return str


def body(model: type[BaseModel]) -> Callable[[Handler], Handler]:
    """Validate the JSON body into `request.ctx.body` and document it in the OpenAPI spec."""

    def wrap(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def inner(request: Request, *args: Any, **kwargs: Any) -> Any:
            request.ctx.body = parse_json(request, model)
            return await handler(request, *args, **kwargs)

        # documented as sanic-ext's `openapi.body` would, without its wrapper: that adds a coroutine per
        # request (~2 % of a login) to validate nothing (we validate above)
        store = OperationStore()
        if handler in store:
            store[inner] = store.pop(handler)
        store[inner].body({"application/json": inline_schema(model)}, required=True)
        return inner

    return wrap


def query(model: type[BaseModel]) -> Callable[[Handler], Handler]:
    def wrap(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def inner(request: Request, *args: Any, **kwargs: Any) -> Any:
            request.ctx.query = parse_query(request, model)
            return await handler(request, *args, **kwargs)

        schema = inline_schema(model)
        for name, prop in schema.get("properties", {}).items():
            inner = openapi.parameter(name, _param_type(prop), "query", required=name in schema.get("required", []),
                                      description=prop.get("description", ""))(inner)
        return inner

    return wrap
