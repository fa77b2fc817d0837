"""Mini-program consumer API (/api/v1): login and profile, points, coupons."""
