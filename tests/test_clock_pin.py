"""The suite passes on any date: run date-sensitive tests as if the machine's date were a member day in December.

The seeded campaigns multiply awards on every 18th (3x) and all December (1.5x). The harness pins the business
clock to a plain weekday, so these tests' expected points hold whatever the wall clock says; the control run
without the pin shows the check can fail.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

SENSITIVE = [
    "tests/test_payments.py::test_partial_refund_before_the_payment_is_clawed_back_after_credit",
    "tests/test_payments.py::test_pending_points_show_at_once_and_refunds_take_pending_first",
    "tests/test_checkin.py",
]
MEMBER_DAY_IN_DECEMBER = "2026-12-18T10:00:00+08:00"


def _run(extra_env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "JIFEN_TEST_WALL_CLOCK": MEMBER_DAY_IN_DECEMBER, **extra_env}
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x", *SENSITIVE],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.skipif(os.environ.get("JIFEN_TEST_WALL_CLOCK") is not None, reason="the nested run itself")
def test_suite_passes_on_a_member_day_in_december() -> None:
    pinned = _run({})
    assert pinned.returncode == 0, pinned.stdout[-3000:]
    # control: the same tests on the same pretended date without the pin fail on the campaign multipliers
    unpinned = _run({"JIFEN_TEST_UNPINNED": "1"})
    assert unpinned.returncode != 0, "the pretended wall clock did not reach the business clock"
    assert "failed" in unpinned.stdout
