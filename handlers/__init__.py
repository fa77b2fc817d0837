"""HTTP blueprints, one per audience: consumers (/api/v1), callbacks, guides (/guide/v1), admin (/admin/v1)."""

from sanic import Sanic


def register_blueprints(app: Sanic) -> None:
    from handlers.admin import bp as admin_bp
    from handlers.consumer import bp as consumer_bp
    from handlers.guide import bp as guide_bp
    from handlers.health import bp as health_bp

    for bp in (health_bp, consumer_bp, guide_bp, admin_bp):
        app.blueprint(bp)
