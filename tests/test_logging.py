"""The access log and other records leave the event loop as captured data and are written by one thread."""

from __future__ import annotations

import io
import json
import logging

from app import logging_setup
from app.logging_setup import configure_logging, log_access, request_id_var


def _lines(stream: io.StringIO) -> list[dict]:
    logging_setup.flush()
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_access_and_records_keep_order_request_id_and_fields() -> None:
    stream = io.StringIO()
    configure_logging("INFO", stream=stream)
    try:
        token = request_id_var.set("req-1")
        log_access("POST", "/api/v1/checkins", 201, 1.25)
        logging.getLogger("jifen.test").warning("value %s", 42)
        request_id_var.reset(token)
        try:
            raise RuntimeError("boom")
        except RuntimeError:
            logging.getLogger("jifen.test").exception("failed")
        lines = _lines(stream)
    finally:
        configure_logging("INFO")
    assert [line["msg"] for line in lines] == ["request", "value 42", "failed"]
    access = lines[0]
    assert access["request_id"] == "req-1" and access["logger"] == "jifen.http"
    assert (access["method"], access["path"], access["status"], access["duration_ms"]) == \
        ("POST", "/api/v1/checkins", 201, 1.25)
    # the request id is the one current when the record was made, not when the thread wrote it
    assert lines[1]["request_id"] == "req-1" and lines[1]["level"] == "WARNING"
    assert lines[2]["request_id"] == "-" and "RuntimeError: boom" in lines[2]["exc"]


def test_access_line_is_skipped_above_info() -> None:
    stream = io.StringIO()
    configure_logging("WARNING", stream=stream)
    try:
        log_access("GET", "/healthz", 200, 0.1)
        logging.getLogger("jifen.test").info("quiet")
        logging.getLogger("jifen.test").error("loud")
        lines = _lines(stream)
    finally:
        configure_logging("INFO")
    assert [line["msg"] for line in lines] == ["loud"]


def test_many_lines_from_the_loop_are_all_written() -> None:
    stream = io.StringIO()
    configure_logging("INFO", stream=stream)
    try:
        for i in range(2000):
            log_access("GET", f"/p/{i}", 200, 0.5)
        lines = _lines(stream)
    finally:
        configure_logging("INFO")
    assert [line["path"] for line in lines] == [f"/p/{i}" for i in range(2000)]


def test_access_line_escapes_what_the_client_sent() -> None:
    stream = io.StringIO()
    configure_logging("INFO", stream=stream)
    try:
        token = request_id_var.set('r"1\\')
        log_access("GET", '/api/v1/"积分"\n\\x', 404, 0.25)
        request_id_var.reset(token)
        [line] = _lines(stream)
    finally:
        configure_logging("INFO")
    assert line["path"] == '/api/v1/"积分"\n\\x' and line["request_id"] == 'r"1\\' and line["status"] == 404


def test_response_headers_are_still_sanitised() -> None:
    """jifen replaces Sanic's header sanitising with a faster one (jifen/server.py): CR, LF and NUL still go."""
    from sanic.response import json as json_response

    import jifen.server  # noqa: F401  (installs the replacement)

    response = json_response({}, headers={"X-Request-ID": "r1\r\nSet-Cookie: a=1\x00", "X-Plain": "积分 ok"})
    headers = {name.lower(): value for name, value in response.processed_headers}
    assert headers[b"x-request-id"] == b"r1Set-Cookie: a=1"
    assert headers[b"x-plain"] == "积分 ok".encode(errors="surrogateescape")
    assert headers[b"content-type"] == b"application/json"
