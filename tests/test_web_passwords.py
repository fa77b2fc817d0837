"""Console passwords: argon2id hashes, `jifen admin create-user`, and one refusal for every wrong sign-in."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher

from app.errors import ApiError
from app.web.passwords import authenticate, create_user, hash_password
from models import StaffUser

ROOT = Path(__file__).resolve().parent.parent


def test_cli_create_user_stores_an_argon2_hash(tmp_path: Path) -> None:
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("JIFEN_")},
           "JIFEN_DATABASE_URL": f"sqlite://{tmp_path / 'cli.sqlite3'}", "JIFEN_REDIS_URL": "memory://",
           "JIFEN_AUTH_SECRET": "cli-test-secret"}

    def jifen(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "jifen.cli", *args], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=60)

    assert jifen("migrate").returncode == 0
    done = jifen("admin", "create-user", "--role", "marketer", "--name", "小李", "--password", "冬季会员日-2026")
    assert done.returncode == 0, done.stderr
    assert "小李 (marketer)" in done.stdout
    short = jifen("admin", "create-user", "--role", "marketer", "--name", "小张", "--password", "short")
    assert short.returncode == 1 and "at least 8" in short.stderr
    guide = jifen("admin", "create-user", "--role", "guide", "--name", "导购", "--password", "longenough")
    assert guide.returncode != 0  # guides sign in through WeCom, not with a password
    rows = sqlite3.connect(tmp_path / "cli.sqlite3").execute(
        "SELECT name, role, password_hash FROM staff_users").fetchall()
    assert [(n, r) for n, r, _ in rows] == [("小李", "marketer")]
    assert rows[0][2].startswith("$argon2id$") and PasswordHasher().verify(rows[0][2], "冬季会员日-2026")
    # the same name as another console role is refused (names sign in); so is a token of another role for a
    # WeCom userid that is already someone's (it had returned the guide's token as if it were a marketer's)
    same = jifen("admin", "create-user", "--role", "admin", "--name", "小李", "--password", "admin-pass-77")
    assert same.returncode == 1 and "already exists" in same.stderr
    first = jifen("admin", "token", "--role", "guide", "--name", "李导购", "--wecom-userid", "guide01")
    assert first.returncode == 0, first.stderr
    again = jifen("admin", "token", "--role", "guide", "--name", "李导购", "--wecom-userid", "guide01")
    assert again.returncode == 0 and again.stdout.strip()  # a new token for the same guide
    other = jifen("admin", "token", "--role", "marketer", "--name", "市场部", "--wecom-userid", "guide01")
    assert other.returncode == 1 and "already staff" in other.stderr and not other.stdout.strip()
    staff = sqlite3.connect(tmp_path / "cli.sqlite3").execute(
        "SELECT name, role FROM staff_users ORDER BY id").fetchall()
    assert staff == [("小李", "marketer"), ("李导购", "guide")]
    # a token-only user (no password: signs in nowhere) does not hold its name: the marketer of that name can still
    # be given a password, again and again
    assert jifen("admin", "token", "--role", "admin", "--name", "小王").returncode == 0
    for password in ("pass-1111", "pass-2222"):
        done = jifen("admin", "create-user", "--role", "marketer", "--name", "小王", "--password", password)
        assert done.returncode == 0, done.stderr
    # a name with spaces around it could never sign in (the form trims what is typed): refused
    padded = jifen("admin", "create-user", "--role", "admin", "--name", " 小李", "--password", "admin-pass-77")
    assert padded.returncode == 1 and "spaces" in padded.stderr


async def test_sign_in_refuses_wrong_unknown_passwordless_and_deactivated_alike(rt: Any) -> None:
    staff = await create_user("admin", "老王", "correct-horse")
    assert (await authenticate("老王", "correct-horse")).id == staff.id
    await StaffUser.create(name="无密码", role="marketer")
    await StaffUser.create(name="导购", role="guide", password_hash=staff.password_hash)  # never a console user
    for name, password in (("老王", "wrong-horse"), ("没有这个人", "correct-horse"), ("无密码", "anything-1"),
                           ("导购", "correct-horse")):
        with pytest.raises(ApiError) as err:
            await authenticate(name, password)
        assert err.value.code == "bad_credentials"
    await StaffUser.filter(id=staff.id).update(active=False)
    with pytest.raises(ApiError) as err:
        await authenticate("老王", "correct-horse")
    assert err.value.code == "staff_deactivated"
    again = await create_user("admin", "老王", "new-password-2")  # a new password for the same user
    assert again.id == staff.id and again.password_hash != staff.password_hash



def test_unknown_names_are_verified_against_a_hash_as_costly_as_a_real_one() -> None:
    """The dummy hash an unknown name is checked against is a literal (no hashing at import); it must carry the
    parameters real hashes get, or a wrong name would answer faster than a wrong password."""
    from app.web import passwords

    real = passwords.hash_password("correct-horse")
    params = PasswordHasher().check_needs_rehash
    assert not params(passwords._DUMMY) and not params(real)
    assert passwords._DUMMY.split("$")[:4] == real.split("$")[:4]  # algorithm, version, m/t/p
    assert not passwords._verify(passwords._DUMMY, "jifen-no-such-user")


async def test_a_console_name_is_one_user_and_old_duplicates_can_both_sign_in(rt: Any) -> None:
    """Names sign in: a marketer and an admin of one name made the admin unable to ever sign in (only the first
    row's hash was checked). A second console user of a name is refused; duplicates already stored both work."""
    marketer = await create_user("marketer", "小李", "other-pass-99")
    with pytest.raises(ApiError) as err:
        await create_user("admin", "小李", "admin-pass-77")
    assert (err.value.status, err.value.code) == (409, "staff_name_taken")
    assert await StaffUser.filter(name="小李").count() == 1
    # written before the rule: the admin row beside the marketer's
    admin = await StaffUser.create(name="小李", role="admin", password_hash=hash_password("admin-pass-77"))
    assert (await authenticate("小李", "admin-pass-77")).id == admin.id
    assert (await authenticate("小李", "other-pass-99")).id == marketer.id
    with pytest.raises(ApiError) as err:
        await authenticate("小李", "neither-pass-1")
    assert err.value.code == "bad_credentials"
