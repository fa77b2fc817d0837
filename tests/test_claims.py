"""Claims take at most their limit. `id IN (SELECT ... LIMIT n FOR UPDATE SKIP LOCKED)` can claim every due row on
PostgreSQL (a nested-loop semi-join re-runs the subquery per row and each run skips the rows already updated): on
the fresh, unanalysed outbox table the planner chose that plan and LIMIT 2 claimed all 12 rows (the first test
failed so). For the WeCom events' claim it picked another plan here, so its test shows the limit, not the bug; the
last tests hold every claim to the one builder, `app.sqlx.Claim`, whose form cannot re-run: the batch picked once,
in a MATERIALIZED CTE (app/sqlx.py, "Claims")."""

from __future__ import annotations

import asyncio
import contextvars
import re
from pathlib import Path
from types import SimpleNamespace

from app.services.community import events
from app.services.content import publisher
from app.services.outbox import service as outbox
from app.services.sop import wecom as sop_wecom
from models import OutboxMessage, WecomEvent


async def test_an_outbox_batch_takes_at_most_its_limit(rt) -> None:
    """Two deliverers' batches at once: each takes its limit, disjoint (PostgreSQL: the first batch's rows are
    locked and stepped over; SQLite: claimed into `sending`)."""
    now = rt.clock.now()
    for n in range(12):
        await outbox.enqueue("subscribe", f"claim-{n}", {"openid": f"o{n}"}, now=now, member_id=None)
    async with outbox.held_batch(now, 2) as first:
        if first.locked:  # a second deliverer, its own transaction, while the first batch is held
            async def other() -> set[int]:
                async with outbox.held_batch(now, 2) as second:
                    return {m.id for m in second.messages}

            second_ids = await asyncio.get_running_loop().create_task(other(), context=contextvars.Context())
        else:
            async with outbox.held_batch(now, 2) as second:
                second_ids = {m.id for m in second.messages}
        first_ids = {m.id for m in first.messages}
    assert len(first_ids) == 2 and len(second_ids) == 2 and not first_ids & second_ids
    held = await OutboxMessage.filter(status="sending").count()
    assert held == (0 if first.locked else 4)  # a lock changes no row; a claim moves it to `sending`


async def test_a_wecom_event_claim_takes_at_most_its_limit(rt) -> None:
    now = rt.clock.now()
    for n in range(12):
        await WecomEvent.create(event_key=f"claim:{n}", event="change_external_contact", change_type="x",
                                payload={"n": n}, next_attempt_at=now, received_at=now)
    claimed = await events.claim(now, 2)
    assert [e.payload["n"] for e in claimed] == [0, 1]
    assert await WecomEvent.filter(status="processing").count() == 2


def test_a_claim_statement_picks_its_batch_once_in_a_materialized_cte() -> None:
    """`Claim` is the one builder of claims; on PostgreSQL its text locks the pick and updates only the picked ids."""
    pg = SimpleNamespace(capabilities=SimpleNamespace(dialect="postgres"))  # all is_postgres_conn reads
    for claim in (outbox._CLAIM, events._CLAIM, events._CLAIM_ONE, publisher._CLAIM, sop_wecom._CLAIM_POLL,
                  sop_wecom._CLAIM_TAGGING):
        head, _, update = claim.text(pg).partition(")\nUPDATE ")
        assert head.startswith("WITH picked AS MATERIALIZED (SELECT ") and "LIMIT $" in head, claim
        assert head.endswith(" SKIP LOCKED"), claim
        assert "LIMIT" not in update and "WHERE id IN (SELECT id FROM picked)" in update, claim
    assert sop_wecom._CLAIM_TAGGING.text(pg).count("FOR UPDATE OF a SKIP LOCKED") == 1


def test_no_claim_is_written_outside_the_builder() -> None:
    """A claim hand-written again (`... LIMIT n FOR UPDATE SKIP LOCKED` in a service) fails here: SKIP LOCKED is
    spelled only in app/sqlx.py."""
    root = Path(__file__).resolve().parents[1]
    literal = re.compile(r"[\"'][^\"'\n]*SKIP LOCKED")  # in a string literal, not in prose
    spelled = [str(p.relative_to(root)) for d in ("app", "handlers", "tasks", "jifen")
               for p in sorted((root / d).rglob("*.py")) if literal.search(p.read_text())]
    assert spelled == ["app/sqlx.py"], spelled
