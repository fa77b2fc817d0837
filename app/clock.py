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

    def now(self) -> datetime:
        """Aware UTC datetime."""
        if self._frozen is not None:
            return self._frozen
        return datetime.now(UTC) + self._offset

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

    def shift(self, delta: timedelta) -> None:
        if self._frozen is not None:
            self._frozen += delta
        else:
            self._offset += delta

    def reset(self) -> None:
        self._offset = timedelta(0)
        self._frozen = None


clock = Clock()
