"""What a fresh install starts with: production never switches multiplier campaigns on by itself."""

from __future__ import annotations

from datetime import datetime

from app.clock import SHANGHAI, clock
from app.services.points.config_cache import config_cache
from app.services.points.seed import seed_first_install
from models import Campaign, EarningRule
from tests.conftest import Api


async def test_production_migrate_seeds_campaigns_switched_off(api: Api, rt) -> None:  # type: ignore[no-untyped-def]
    await seed_first_install(demo=False)
    config_cache.invalidate()
    assert await EarningRule.filter(code="check_in").exists()
    campaigns = await Campaign.all()
    assert campaigns and not any(c.active for c in campaigns)
    clock.set(datetime(2026, 12, 18, 10, tzinfo=SHANGHAI))  # member day in the member month
    token, _ = await api.login("seed-prod")
    status, body = await api.call("POST", "/api/v1/checkins", token=token)
    assert status == 201 and body["points"] == 5, body


async def test_dev_seed_shows_the_campaigns_running(api: Api, rt) -> None:  # type: ignore[no-untyped-def]
    await seed_first_install(demo=True)
    config_cache.invalidate()
    assert all(c.active for c in await Campaign.all())
    clock.set(datetime(2026, 12, 18, 10, tzinfo=SHANGHAI))
    token, _ = await api.login("seed-dev")
    status, body = await api.call("POST", "/api/v1/checkins", token=token)
    assert status == 201 and body["points"] == 15, body  # 5 x 3 (member day; the highest campaign wins)


async def test_seeding_again_leaves_an_operators_campaign_choice_alone(rt) -> None:  # type: ignore[no-untyped-def]
    await seed_first_install(demo=False)
    await Campaign.filter(name__startswith="会员日").update(active=True)
    await seed_first_install(demo=False)
    assert await Campaign.filter(active=True).count() == 1
