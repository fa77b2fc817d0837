"""HTTP blueprints, one per audience: consumers (/api/v1), callbacks, guides (/guide/v1), admin (/admin/v1)."""

from sanic import Sanic


def register_blueprints(app: Sanic) -> None:
    from handlers.admin import bp as admin_bp
    from handlers.admin_coupons import bp as admin_coupons_bp
    from handlers.callbacks import make_blueprint as callbacks_blueprint
    from handlers.consumer import bp as consumer_bp
    from handlers.guide import bp as guide_bp
    from handlers.guide_coupons import bp as guide_coupons_bp
    from handlers.health import bp as health_bp

    for bp in (health_bp, consumer_bp, guide_bp, admin_bp):
        app.blueprint(bp)
    for bp in (callbacks_blueprint(app.ctx.settings), guide_coupons_bp, admin_coupons_bp):
        app.blueprint(bp)
