"""The one CSV writer of jifen's exports (the console's long actions and the admin API's `format=csv` answers).

Why one: these files are opened by marketers in Excel or WPS, where a cell that starts with `=`, `+`, `-`, `@`
(or a tab or carriage return before one) is a formula. Text a member typed (an address, a nickname, a note) must
never run as one (`=HYPERLINK(...)`, DDE): such a cell is written with a leading apostrophe, which spreadsheets
show as text and do not evaluate (OWASP, "CSV Injection"). Numbers are written as they are: a negative amount
stays a number.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> Any:
    """A value as a CSV cell: None empty, text that a spreadsheet would read as a formula neutralised."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A header row, then each row's cells through `cell` (`\\n` line ends)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows([cell(v) for v in r] for r in rows)
    return buf.getvalue()
