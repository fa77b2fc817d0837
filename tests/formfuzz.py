"""A form-aware crawler and fuzzer for the console and the workbench (the pages people use), over real HTTP.

Why: the API fuzzing (schemathesis, tests/test_security.py) runs with bearer tokens, so on the cookie-session pages
it only ever reaches the sign-in redirect; and the pages' forms are not in the OpenAPI document as form bodies.
This signs in as a role (the session cookie holds a staff token, the CSRF cookie and field are a pair we choose),
follows the links a person can follow from the landing page, reads every form on every page reached, and submits
each form with one field at a time replaced by a hostile value (empty, negative, huge, non-numeric, NUL,
full-width digits, a digit `int()` refuses, impossible dates, markup, very long), plus each form as rendered, a
form with an unknown field, every query parameter of the pages reached (filters, cursors, page numbers) the same
way, and every record URL with a zero, negative, huge or non-numeric id. Whatever the input, a page must answer a
page (2xx/3xx/4xx), never a 5xx, never the APIs' JSON error (raw JSON is all a person would see), and never the
page the server answers when the database itself refused a value the handler let through (the form and its
message next to the field is what a person needs).

Plain stdlib (urllib, html.parser): it drives a running `jifen serve` from a synchronous test.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from html.parser import HTMLParser

from app.web.messages import zh_code

CSRF = "formfuzz-csrf-0123456789"
HOSTILE = ("", "-1", "0", "99999999999999999999999", "1.5", "abc", "a\x00b", "２０", "²", "2026-02-30", "9" * 3000,
           "<script>alert(1)</script>", "' OR 1=1 --")
BAD_IDS = ("0", "-1", "99999999999999999999", "abc", "1.5", "²")
API_ERROR = '{"error":'
INVALID_INPUT = str(zh_code("invalid_input"))  # the page for jifen/server.py `_is_data_error`: the database refused
# posting these ends the session or the staff user's access, which would stop the crawl, not test a form
SKIP_ACTIONS = re.compile(r"/(logout|signout|deactivate|revoke)\b")


@dataclass
class Form:
    action: str
    method: str
    multipart: bool
    fields: list[tuple[str, str, str]] = field(default_factory=list)  # (name, value, input type)


class _Page(HTMLParser):
    """Links and forms of one page (inputs, textareas, selects with their selected or first option, named
    buttons)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._textarea: tuple[str, list[str]] | None = None
        self._select: tuple[str, str | None, str | None] | None = None  # name, selected, first

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "form":
            self._form = Form(a.get("action", ""), a.get("method", "get").lower(),
                              "multipart" in a.get("enctype", ""))
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input" and a.get("name"):
            kind = a.get("type", "text").lower()
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self._form.fields.append((a["name"], a.get("value", "on" if kind == "checkbox" else ""), kind))
        elif tag == "button" and a.get("name"):
            self._form.fields.append((a["name"], a.get("value", ""), "button"))
        elif tag == "textarea" and a.get("name"):
            self._textarea = (a["name"], [])
        elif tag == "select" and a.get("name"):
            self._select = (a["name"], None, None)
        elif tag == "option" and self._select is not None:
            name, selected, first = self._select
            value = a.get("value", "")
            self._select = (name, value if "selected" in a else selected, first if first is not None else value)

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._textarea[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "textarea" and self._textarea is not None and self._form is not None:
            self._form.fields.append((self._textarea[0], "".join(self._textarea[1]), "textarea"))
            self._textarea = None
        elif tag == "select" and self._select is not None and self._form is not None:
            name, selected, first = self._select
            self._form.fields.append((name, selected if selected is not None else first or "", "select"))
            self._select = None


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


@dataclass
class Fuzzer:
    """One role's crawl and fuzz against `base` (e.g. http://127.0.0.1:8000) with a staff `token`."""

    base: str
    token: str
    roots: tuple[str, ...]
    max_pages: int = 120
    per_pattern: int = 2
    failures: list[str] = field(default_factory=list)
    requests: int = 0
    forms_posted: int = 0
    _opener: urllib.request.OpenerDirector = field(
        default_factory=lambda: urllib.request.build_opener(_NoRedirect))

    def request(self, method: str, path: str, body: bytes | None = None, content_type: str | None = None,
                ) -> tuple[int, str, str]:
        """(status, body text, Location) of one request with the session and CSRF cookies."""
        headers = {"Cookie": f"jifen_staff={self.token}; jifen_csrf={CSRF}"}
        if content_type:
            headers["Content-Type"] = content_type
        req = urllib.request.Request(urllib.parse.urljoin(self.base, path), data=body, method=method,
                                     headers=headers)
        self.requests += 1
        try:
            with self._opener.open(req, timeout=60) as resp:
                return resp.status, resp.read().decode("utf-8", "replace"), resp.headers.get("Location", "")
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode("utf-8", "replace"), exc.headers.get("Location", "")

    def check(self, what: str, status: int, text: str) -> None:
        if status >= 500:
            self.failures.append(f"{what} -> {status}: {text[:300]!r}")
        elif text.startswith(API_ERROR):  # the APIs' JSON where a person expects a page
            self.failures.append(f"{what} -> {status}, an API's JSON error instead of a page: {text[:200]!r}")
        elif INVALID_INPUT in text:  # a page, but jifen/server.py's last line of defence: the database refused it
            self.failures.append(f"{what} -> {status}, a value the validators let through: {text[:200]!r}")

    def crawl(self) -> dict[str, _Page]:
        """Pages reachable by links from the roots (GET only), at most `per_pattern` per URL shape."""
        seen: dict[str, _Page] = {}
        shapes: dict[str, int] = {}
        todo = list(self.roots)
        while todo and len(seen) < self.max_pages:
            path = todo.pop(0)
            if path in seen:
                continue
            shape = re.sub(r"\d+", "N", path)
            if shapes.get(shape, 0) >= self.per_pattern:
                continue
            shapes[shape] = shapes.get(shape, 0) + 1
            status, text, location = self.request("GET", path)
            self.check(f"GET {path}", status, text)
            if status in (301, 302, 303, 307) and location:
                todo.append(self._local(location, path) or "")
            if status != 200:
                continue
            page = _Page()
            page.feed(text)
            seen[path] = page
            for href in page.links:
                local = self._local(href, path)
                if local and local not in seen:
                    todo.append(local)
        return seen

    def _local(self, href: str, current: str) -> str | None:
        url = urllib.parse.urlsplit(urllib.parse.urljoin(urllib.parse.urljoin(self.base, current), href))
        if f"{url.scheme}://{url.netloc}" != self.base or not url.path.startswith(self.roots):
            return None
        return url.path + (f"?{url.query}" if url.query else "")

    def fuzz(self) -> None:
        pages = self.crawl()
        assert pages, f"nothing reachable from {self.roots}"
        posted: set[tuple[str, tuple[str, ...]]] = set()
        for path, page in pages.items():
            self._bad_ids(path)
            self._bad_queries(path)
            for form in page.forms:
                action = self._local(form.action or path, path)
                if action is None or SKIP_ACTIONS.search(action):
                    continue
                key = (re.sub(r"\d+", "N", action), tuple(sorted(n for n, _, _ in form.fields)))
                if key in posted:
                    continue
                posted.add(key)
                self._fuzz_form(action, form)

    def _bad_ids(self, path: str) -> None:
        parts = path.split("?")[0].split("/")
        for i, part in enumerate(parts):
            if part.isdigit():
                for bad in BAD_IDS:
                    probe = "/".join([*parts[:i], urllib.parse.quote(bad), *parts[i + 1:]])
                    status, text, _ = self.request("GET", probe)
                    self.check(f"GET {probe}", status, text)

    def _bad_queries(self, path: str) -> None:
        """A page's own query parameters (filters, cursors, page numbers), one at a time hostile."""
        route, _, query = path.partition("?")
        params = urllib.parse.parse_qsl(query, keep_blank_values=True)
        for i, (name, _) in enumerate(params):
            for value in HOSTILE:
                probe = f"{route}?{urllib.parse.urlencode([*params[:i], (name, value), *params[i + 1:]])}"
                status, text, _ = self.request("GET", probe)
                self.check(f"GET {route} [{name}={value[:20]!r}]", status, text)

    def _fuzz_form(self, action: str, form: Form) -> None:
        base = [(n, v, t) for n, v, t in form.fields if n != "_csrf"]
        variants: list[tuple[str, list[tuple[str, str, str]]]] = [
            ("as rendered", base), ("unknown field", [*base, ("zz_unknown", "1", "text")])]
        for i, (name, _, kind) in enumerate(base):
            if kind == "button":
                continue
            for value in HOSTILE:
                variants.append((f"{name}={value[:20]!r}", [*base[:i], (name, value, kind), *base[i + 1:]]))
            variants.append((f"without {name}", base[:i] + base[i + 1:]))
        for label, fields in variants:
            self.forms_posted += 1
            if form.method == "get":
                query = urllib.parse.urlencode([(n, v) for n, v, _ in fields])
                status, text, _ = self.request("GET", f"{action.split('?')[0]}?{query}")
            else:
                body, ctype = self._encode(form.multipart, fields)
                status, text, _ = self.request("POST", action, body, ctype)
            self.check(f"{form.method.upper()} {action} [{label}]", status, text)

    @staticmethod
    def _encode(multipart: bool, fields: list[tuple[str, str, str]]) -> tuple[bytes, str]:
        pairs = [("_csrf", CSRF, "hidden"), *fields]
        if not multipart:
            return (urllib.parse.urlencode([(n, v) for n, v, t in pairs if t != "file"]).encode(),
                    "application/x-www-form-urlencoded")
        boundary = uuid.uuid4().hex
        out = bytearray()
        for name, value, kind in pairs:
            out += f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"".encode()
            if kind == "file":  # a file field carries its hostile value as the file's content
                out += b"; filename=\"fuzz.txt\"\r\nContent-Type: text/plain"
            out += b"\r\n\r\n" + value.encode() + b"\r\n"
        out += f"--{boundary}--\r\n".encode()
        return bytes(out), f"multipart/form-data; boundary={boundary}"
