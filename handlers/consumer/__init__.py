"""Mini-program consumer API under /api/v1."""

from sanic import Blueprint

from handlers.consumer.auth import bp as auth_bp
from handlers.consumer.coupons import bp as coupons_bp
from handlers.consumer.points import bp as points_bp

bp = Blueprint.group(auth_bp, points_bp, coupons_bp, url_prefix="/api/v1")
