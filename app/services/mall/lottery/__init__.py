"""The mall's guaranteed-win lottery: `pool` (the decision and expected cost, pure), `service` (drawing, members'
views, replay), `admin` (marketers: lotteries, prizes, versions, stock, gifts)."""
