"""The long actions offered today: bulk shipping by CSV, the CSV exports, the WeCom sync.

Each calls the same service functions as its admin JSON route (one way to do each thing); the exports write the
very CSV the admin API answers where one exists (points series, SOP outcome). The files are read by marketers in
Excel, so what they read is the business's: every instant in Asia/Shanghai (`csv_time`, applied by `_csv` to its
`*_at` columns; the points series already counts Shanghai days), and every file starts with a UTF-8 BOM
(`Context.attach` adds it) so that Excel on Chinese Windows does not read it as GBK."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app import csvfile
from app.clock import SHANGHAI
from app.errors import Conflict
from app.runtime import Runtime
from app.services.operations.service import Context, operation
from models import PointEntry

MAX_CSV_CHARS = 2_000_000


def csv_time(value: str | datetime | None) -> str:
    """An instant (an API view's ISO string, any offset, or a datetime) as the exports write it: Asia/Shanghai,
    ISO 8601 with its +08:00 offset, to the second (`2026-12-05T04:14:14+08:00`).

    Why: the views carry UTC, and a marketer filtering a day in Excel put 04:14 Shanghai time on the day before;
    written this way the date is the business day the console shows, and the offset still says which instant it
    is. A naive value is UTC (the database's)."""
    if value is None or value == "":
        return ""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(SHANGHAI).isoformat(timespec="seconds")


def _csv(header: list[str], rows: list[list[Any]]) -> str:
    """The kinds' own tables: a header row, None as an empty cell, every `*_at` column (the code's name for an
    instant) through `csv_time`."""
    times = {i for i, name in enumerate(header) if name.endswith("_at")}
    return csvfile.write(header, ([csv_time(v) if i in times else v for i, v in enumerate(r)] for r in rows))


# -- bulk shipping -------------------------------------------------------------------------------------------------
class ShipCsvIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    csv: str = Field(min_length=1, max_length=MAX_CSV_CHARS, description="rows redemption_id,carrier,tracking_no")
    file_name: str | None = Field(default=None, max_length=120)

    @field_validator("csv", mode="before")
    @classmethod
    def _no_bom(cls, value: Any) -> Any:
        """A file saved by Excel starts with a BOM; the upload routes decode it away (`utf-8-sig`), but text posted
        to the admin API keeps it, and a header-less first row `<BOM>123,...` is not a redemption id: that row
        would be skipped as a header."""
        return value.removeprefix("\ufeff") if isinstance(value, str) else value


@operation("mall_ship_csv", label="批量发货", params=ShipCsvIn, repeatable=False)
async def ship_csv(ctx: Context) -> dict[str, Any]:
    """Not repeated after a crash: rows shipped before it would come back as not_shippable."""
    from app.services.mall import admin as mall_admin

    p: ShipCsvIn = ctx.params
    out = await mall_admin.ship_csv(ctx.rt, p.csv, lambda done, total: ctx.progress(done, total))
    ctx.attach(f"shipments-result-{ctx.run_id}.csv",
               _csv(["line", "redemption_id", "result", "error"],
                    [[r["line"], r.get("redemption_id"), "shipped" if r["ok"] else "failed", r.get("error")]
                     for r in out["results"]]))
    return out


# -- exports -------------------------------------------------------------------------------------------------------
class PointsExportIn(BaseModel):
    """As `GET /admin/v1/metrics/points?format=csv` takes it."""

    model_config = ConfigDict(populate_by_name=True, extra="forbid")
    from_: date | None = Field(default=None, alias="from")
    to: date | None = None
    granularity: Literal["day", "week", "month"] = "day"
    rule: str | None = Field(default=None, max_length=64)
    category: str | None = Field(default=None, max_length=24)
    tier: int | None = Field(default=None, ge=0, le=1000)
    store: int | None = Field(default=None, ge=1, le=2**63 - 1)
    channel: str | None = Field(default=None, min_length=1, max_length=64)


def _filters(p: PointsExportIn) -> Any:
    from app.services.metrics import points as metrics

    assert p.to is not None and p.from_ is not None
    return metrics.Filters(start=p.from_, end=p.to, granularity=p.granularity, rule=p.rule, category=p.category,
                           tier=p.tier, store=p.store, channel=p.channel)


async def _check_points(rt: Runtime, p: PointsExportIn) -> None:
    """The admin route's defaults (the last 30 days) fixed at start, and its range check."""
    p.to = p.to or rt.clock.today()
    p.from_ = p.from_ or p.to - timedelta(days=29)
    _filters(p).check()


def _file_safe(text: str) -> str:
    """A channel code in a file name: letters, digits, `-` and `_` kept, anything else `_`."""
    return "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_") else "_" for ch in text)[:64]


@operation("export_points", label="导出积分数据", params=PointsExportIn, check=_check_points)
async def export_points(ctx: Context) -> dict[str, Any]:
    from app.services.metrics import points as metrics

    f = _filters(ctx.params)
    await ctx.progress(0, 1, "汇总中")
    rows = (await metrics.series(ctx.rt, f))["series"]
    segment = f"-{f.segment[0]}-{_file_safe(f.segment[1])}" if f.segment else ""
    ctx.attach(f"points-{f.start}-{f.end}-{f.granularity}{segment}.csv", metrics.to_csv(rows))
    await ctx.progress(1, 1)
    return {"rows": len(rows)}


class SopOutcomeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    task_id: int = Field(ge=1, le=2**53)
    days: int = Field(default=7, ge=1, le=365)


async def _check_task(rt: Runtime, p: SopOutcomeIn) -> None:
    from app.errors import NotFound
    from models import SopTask

    if not await SopTask.exists(id=p.task_id):
        raise NotFound("no such task", code="task_not_found")


@operation("export_sop_outcome", label="导出 SOP 效果报告", params=SopOutcomeIn, check=_check_task)
async def export_sop_outcome(ctx: Context) -> dict[str, Any]:
    from app.services.sop import report

    p: SopOutcomeIn = ctx.params
    effect = await report.effect(p.task_id, p.days)
    rows = report.effect_rows(effect)
    ctx.attach(f"sop-effect-{p.task_id}-{p.days}d.csv", report.to_csv(rows))
    await ctx.progress(1, 1)
    return {"rows": len(rows)}


class RedemptionsExportIn(BaseModel):
    """The mall search's filters (`GET /admin/v1/mall/redemptions`), every page."""

    model_config = ConfigDict(extra="forbid")
    member_id: int | None = Field(default=None, ge=1, le=2**53)
    reward_id: int | None = Field(default=None, ge=1, le=2**53)
    state: Literal["pending_payment", "completed", "cancelled", "expired", "refunded"] | None = None
    fulfilment: Literal["ordered", "shipped", "delivered", "cancelled", "issued", "booked"] | None = None


REDEMPTION_COLUMNS = ["id", "created_at", "member_id", "reward_id", "reward_name", "kind", "points", "cash_fen",
                      "state", "fulfilment", "carrier", "tracking_no", "shipped_at", "delivered_at",
                      "address_name", "address_phone", "address_region", "address_detail", "out_trade_no",
                      "cancel_reason"]


@operation("export_redemptions", label="导出兑换单", params=RedemptionsExportIn)
async def export_redemptions(ctx: Context) -> dict[str, Any]:
    from app.services.mall import admin as mall_admin

    p: RedemptionsExportIn = ctx.params
    rows: list[list[Any]] = []
    page = 1
    while True:
        found = await mall_admin.search(mall_admin.SearchQuery(**p.model_dump(), page=page, size=200))
        for r in found["items"]:
            a = r.get("address") or {}
            rows.append([r.get(c) for c in REDEMPTION_COLUMNS[:14]]
                        + [a.get("name"), a.get("phone"), a.get("region"), a.get("detail"), r.get("out_trade_no"),
                           r.get("cancel_reason")])
        await ctx.progress(len(rows), found["total"])
        if len(found["items"]) < 200:
            break
        page += 1
    ctx.attach(f"redemptions-{ctx.run_id}.csv", _csv(REDEMPTION_COLUMNS, rows))
    return {"rows": len(rows)}


class LedgerExportIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    member_id: int = Field(ge=1, le=2**53)


async def _check_member(rt: Runtime, p: LedgerExportIn) -> None:
    from app.services.members.service import get_member

    await get_member(p.member_id)


LEDGER_COLUMNS = ["id", "created_at", "account", "kind", "event", "amount", "balance_after", "growth", "source"]


@operation("export_member_ledger", label="导出会员积分流水", params=LedgerExportIn, check=_check_member)
async def export_member_ledger(ctx: Context) -> dict[str, Any]:
    """Both accounts, newest first, every page of the admin API's ledger (`queries.ledger_page`)."""
    from app.services.points import queries

    p: LedgerExportIn = ctx.params
    total = await PointEntry.filter(member_id=p.member_id).count()
    rows: list[list[Any]] = []
    cursor = None
    while True:
        page = await queries.ledger_page(p.member_id, cursor, 500)
        rows.extend([e.get(c) for c in LEDGER_COLUMNS] for e in page["items"])
        await ctx.progress(len(rows), max(total, len(rows)))
        cursor = page["next_cursor"]
        if not cursor:
            break
    ctx.attach(f"member-{p.member_id}-ledger.csv", _csv(LEDGER_COLUMNS, rows))
    return {"rows": len(rows)}


# -- WeCom ---------------------------------------------------------------------------------------------------------
class NoParams(BaseModel):
    model_config = ConfigDict(extra="forbid")


@operation("wecom_sync", label="企业微信同步", params=NoParams, roles=("admin",))
async def wecom_sync(ctx: Context) -> dict[str, Any]:
    """The weekly job's pull (`community.sync.run`), under the same Redis lock: never two at once."""
    from app.services.community import sync

    rt = ctx.rt
    lock = rt.key("wecom-sync-lock")
    if not await rt.redis.set(lock, f"op:{ctx.run_id}", nx=True, ex=6 * 3600):
        raise Conflict("a WeCom sync is already running", code="sync_running")
    try:
        await ctx.progress(0, 0, "开始同步")
        return await sync.run(rt, ctx.say)
    finally:
        await rt.redis.delete(lock)
