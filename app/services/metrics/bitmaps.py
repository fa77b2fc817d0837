"""Member-id bitmaps (bit i set = member i): exact distinct-member counts of any period as the OR of its days.

Python ints hold the bits (OR and popcount run in C); stored little-endian and zlib-compressed (a day's
bitmap at a million members is 125 KB raw, far less for the sparse days of one kind).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable


def from_ids(ids: Iterable[int]) -> int:
    ids = list(ids)
    if not ids:
        return 0
    buf = bytearray(max(ids) // 8 + 1)
    for i in ids:
        buf[i >> 3] |= 1 << (i & 7)
    return int.from_bytes(buf, "little")


def pack(v: int) -> bytes:
    return zlib.compress(v.to_bytes((v.bit_length() + 7) // 8, "little"), 1)


def unpack(b: bytes | bytearray | memoryview | None) -> int:
    return int.from_bytes(zlib.decompress(bytes(b)), "little") if b else 0


def to_ids(v: int) -> set[int]:
    """The member ids of a bitmap (verification and tests; the metrics only count)."""
    out = set()
    for byte_no, byte in enumerate(v.to_bytes((v.bit_length() + 7) // 8, "little")):
        if byte:
            out.update(byte_no * 8 + k for k in range(8) if byte >> k & 1)
    return out


class Members:
    """A bitmap read for membership tests (bytes: testing a bit of a large int by shifting would copy it)."""

    def __init__(self, v: int) -> None:
        self.count = v.bit_count()
        self._buf = v.to_bytes((v.bit_length() + 7) // 8, "little")

    def __contains__(self, member_id: int) -> bool:
        i = member_id >> 3
        return i < len(self._buf) and bool(self._buf[i] >> (member_id & 7) & 1)

    def __len__(self) -> int:
        return self.count


def raw(v: int) -> bytes:
    """The bitmap's bytes as sent to the database as a parameter (bit i = byte i // 8, bit i % 8)."""
    return v.to_bytes((v.bit_length() + 7) // 8, "little")


def bit_sql(pg: bool, bits: str, size: str, col: str) -> str:
    """SQL testing bit `col` of the raw bitmap parameter `bits` (byte length `size`): 1 or 0.

    PostgreSQL's get_bit numbers bits the same way (bit 0 = the lowest bit of the first byte). SQLite has no
    bit access to blobs: the byte is read as two hex digits. Lets a statement split rows by a member set (the
    period's redeemers) in the database instead of shipping a row per member to Python.
    """
    if pg:
        return f"(CASE WHEN {col} < {size} * 8 THEN get_bit(({bits})::bytea, ({col})::bigint) ELSE 0 END)"
    digit = "(instr('0123456789ABCDEF', substr(hex(substr({b}, {c} / 8 + 1, 1)), {k}, 1)) - 1)"
    byte = f"({digit.format(b=bits, c=col, k=1)} * 16 + {digit.format(b=bits, c=col, k=2)})"
    return f"(CASE WHEN {col} < {size} * 8 THEN ({byte} >> ({col} % 8)) & 1 ELSE 0 END)"
