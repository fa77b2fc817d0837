"""The one source of "now". Tests and the sandbox demo move time by setting an offset, never by sleeping.

Business days (check-ins, daily caps) are Asia/Shanghai calendar days.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")


class Clock:
    def __init__(self, tz: ZoneInfo = SHANGHAI) -> None:
        self.tz = tz
        self._offset = timedelta(0)
        self._frozen: datetime | None = None
        self._home: datetime | None = None

    def now(self) -> datetime:
        """Aware UTC datetime."""
        if self._frozen is not None:
            return self._frozen
        offset = self._offset
        return datetime.now(UTC) + offset if offset else datetime.now(UTC)

    def local_now(self) -> datetime:
        return self.now().astimezone(self.tz)

    def today(self) -> date:
        """Today's business day (Asia/Shanghai)."""
        return self.local_now().date()

    def day_of(self, moment: datetime) -> date:
        return moment.astimezone(self.tz).date()

    def day_start(self, day: date) -> datetime:
        """UTC instant at which a business day begins."""
        return datetime(day.year, day.month, day.day, tzinfo=self.tz).astimezone(UTC)

    # -- test / demo controls -------------------------------------------------
    def set(self, moment: datetime) -> None:
        """Freeze time at `moment` (aware)."""
        self._frozen = moment.astimezone(UTC)

    def travel_to(self, moment: datetime) -> None:
        """Move "now" to `moment` (aware) and let it run on from there, as real time does.

        The test harness starts every test here so that results never depend on the day the suite runs
        (a member day or a campaign month would multiply expected points).
        """
        self._frozen = None
        self._offset = moment.astimezone(UTC) - datetime.now(UTC)

    def shift(self, delta: timedelta) -> None:
        if self._frozen is not None:
            self._frozen += delta
        else:
            self._offset += delta

    def pin(self, home: datetime | None) -> None:
        """Make `reset()` return to `home` (running from there) instead of the machine's date.

        The test harness pins a plain weekday outside any seeded campaign, so expected points never depend on
        the day the suite runs; tests about dates still set their own moments.
        """
        self._home = home
        self.reset()

    def reset(self) -> None:
        self._frozen = None
        if self._home is None:
            self._offset = timedelta(0)
        else:
            self.travel_to(self._home)


clock = Clock()
