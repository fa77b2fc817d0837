"""Claims take at most their limit. `id IN (SELECT ... LIMIT n FOR UPDATE SKIP LOCKED)` can claim every due row on
PostgreSQL (a nested-loop semi-join re-runs the subquery per row and each run skips the rows already updated): on
the fresh, unanalysed outbox table the planner chose that plan and LIMIT 2 claimed all 12 rows (the first test
failed so). For the WeCom events' claim it picked another plan here, so its test shows the limit, not the bug; the
last test holds every claim to the one form that cannot re-run: the batch picked once, in a MATERIALIZED CTE
(app/sqlx.py, "Claims")."""

from __future__ import annotations

from app.services.community import events
from app.services.content import publisher
from app.services.outbox import service as outbox
from app.services.sop import wecom as sop_wecom
from models import OutboxMessage, WecomEvent


async def test_an_outbox_claim_takes_at_most_its_limit(rt) -> None:
    now = rt.clock.now()
    for n in range(12):
        await outbox.enqueue("subscribe", f"claim-{n}", {"openid": f"o{n}"}, now=now, member_id=None)
    first = await outbox.claim_batch(now, 2)
    second = await outbox.claim_batch(now, 2)
    assert len(first) == 2 and len(second) == 2 and not {m.id for m in first} & {m.id for m in second}
    assert await OutboxMessage.filter(status="sending").count() == 4


async def test_a_wecom_event_claim_takes_at_most_its_limit(rt) -> None:
    now = rt.clock.now()
    for n in range(12):
        await WecomEvent.create(event_key=f"claim:{n}", event="change_external_contact", change_type="x",
                                payload={"n": n}, next_attempt_at=now, received_at=now)
    claimed = await events.claim(now, 2)
    assert [e.payload["n"] for e in claimed] == [0, 1]
    assert await WecomEvent.filter(status="processing").count() == 2


def test_every_claim_picks_its_batch_in_a_materialized_cte() -> None:
    """The claims without a test of their own above (content editions, SOP polls and tag checks) use the same
    form; a claim written back as `id IN (SELECT ... LIMIT ...)` fails here."""
    for sql in (outbox._CLAIM, events._CLAIM, publisher._CLAIM, sop_wecom._CLAIM_POLL, sop_wecom._CLAIM_TAGGING):
        head, _, update = sql.strip().partition(")\nUPDATE ")
        assert head.startswith("WITH picked AS MATERIALIZED (SELECT ") and "LIMIT $" in head, sql
        assert "LIMIT" not in update and "IN (SELECT id FROM picked)" in update, sql
