"""`jifen` command line: serve, migrate, sandbox, scheduler, admin token/deactivate/activate/revoke, ledger verify,
metrics refresh/verify, reconcile, makemigrations."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from functools import partial

from app.config import Settings, ensure_auth_secret, load_settings

SERVER_APP_NAME = "jifen"  # the one name Sanic's main process and every worker know the app by

log = logging.getLogger("jifen.cli")


def _run(coro: object) -> object:
    try:
        import uvloop

        return uvloop.run(coro)  # type: ignore[arg-type]
    except ImportError:  # pragma: no cover
        return asyncio.run(coro)  # type: ignore[arg-type]


def cmd_migrate(settings: Settings, _: argparse.Namespace) -> int:
    from app import db
    from app.services.points.seed import seed_first_install

    applied = _run(db.migrate(settings, then=lambda: seed_first_install(demo=settings.sandbox.enabled)))
    print(f"migrations applied: {applied or 'none (up to date)'}")
    return 0


def cmd_makemigrations(settings: Settings, args: argparse.Namespace) -> int:
    import subprocess

    from app import db

    if args.dialect:
        print(f"{args.dialect}: {_run(db.make_migrations(args.name, args.dialect)) or 'no changes'}")
        return 0
    for kind in ("sqlite", "postgres"):
        subprocess.run([sys.executable, "-m", "jifen.cli", "makemigrations", args.name, "--dialect", kind], check=True)
    return 0


def cmd_serve(settings: Settings, args: argparse.Namespace) -> int:
    from sanic import Sanic
    from sanic.worker.loader import AppLoader

    from jifen.supervisor import attach_managed_processes

    settings.server.host = args.host or settings.server.host
    settings.server.port = args.port or settings.server.port
    settings.server.workers = args.workers or settings.server.workers
    if settings.redis.url.startswith("memory://") and settings.server.workers > 1:
        print("memory:// Redis is per process; use JIFEN_REDIS_URL=redis://... for several workers",
              file=sys.stderr)
        return 2
    ensure_auth_secret(settings)
    if not settings.database.is_postgres:
        cmd_migrate(settings, args)  # embedded default: migrate (and seed a fresh database) before workers start
    allow_worker_start(settings.server.worker_start_seconds)
    loader = AppLoader(factory=partial(_serve_factory, settings))
    # Sanic's main process serves no request: it starts, watches and stops the workers (and, in dev, the sandbox
    # and the scheduler). So it holds a bare app of the same name, and each worker builds the whole one through
    # `loader` (logging is set up in `main`, as for every command). Building the whole app here too (imports,
    # models, ~350 routes, the API document) was ~1.5 s of every start.
    app = Sanic(SERVER_APP_NAME)
    attach_managed_processes(app, settings)
    app.prepare(host=settings.server.host, port=settings.server.port, workers=settings.server.workers,
                access_log=False, motd=True)
    Sanic.serve(primary=app, app_loader=loader)
    return 0


def allow_worker_start(seconds: float) -> None:
    """Sanic's main process SIGKILLs the whole server when a worker has not acknowledged its start within
    `THRESHOLD` tenths of a second (30 s, a class constant with no setting); `[server] worker_start_seconds`."""
    from sanic.worker.manager import WorkerManager
    from sanic.worker.process import WorkerProcess

    WorkerProcess.THRESHOLD = WorkerManager.THRESHOLD = max(int(seconds * 10), 1)


def _serve_factory(settings: Settings):  # type: ignore[no-untyped-def]
    from jifen.server import create_app

    return create_app(settings, name=SERVER_APP_NAME)


def cmd_sandbox(settings: Settings, args: argparse.Namespace) -> int:
    from sandbox.server import run_sandbox

    run_sandbox(args.host or settings.sandbox.host, args.port or settings.sandbox.port)
    return 0


def cmd_scheduler(settings: Settings, _: argparse.Namespace) -> int:
    from tasks.scheduler import run_scheduler

    run_scheduler(settings)
    return 0


def cmd_admin_token(settings: Settings, args: argparse.Namespace) -> int:
    from app.errors import ApiError
    from app.services.staff.service import create_staff_token

    try:
        token = _run(create_staff_token(settings, args.role, args.name, args.wecom_userid))
    except ApiError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    print(token)
    return 0


def cmd_admin_create_user(settings: Settings, args: argparse.Namespace) -> int:
    """A console (password) user; the password from --password or, when omitted, asked for without echo."""
    import getpass

    from app import db
    from app.errors import ApiError
    from app.web.passwords import create_user

    password = args.password if args.password is not None else getpass.getpass("password: ")

    async def go() -> int:
        await db.connect(settings)
        try:
            staff = await create_user(args.role, args.name, password)
        finally:
            await db.close()
        print(f"staff user #{staff.id} {staff.name} ({staff.role}): sign in at /console/login")
        return 0

    try:
        return int(_run(go()))  # type: ignore[call-overload]
    except ApiError as exc:
        print(exc.message, file=sys.stderr)
        return 1


def cmd_admin_change(settings: Settings, args: argparse.Namespace) -> int:
    """deactivate / activate / revoke: print the staff user as it is now."""
    import json

    from app.errors import ApiError
    from app.services.staff.service import change_staff_cli

    change = {"deactivate": {"active": False}, "activate": {"active": True},
              "revoke": {"revoke": True}}[args.admin_command]
    try:
        view = _run(change_staff_cli(settings, args.staff_id, **change))
    except ApiError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    print(json.dumps(view, ensure_ascii=False))
    return 0


def cmd_ledger_verify(settings: Settings, _: argparse.Namespace) -> int:
    from app.services.points.verify import run_verify

    problems = _run(run_verify(settings))
    return 1 if problems else 0


def cmd_metrics(settings: Settings, args: argparse.Namespace) -> int:
    """`metrics refresh`: roll every settled ledger entry; `metrics verify`: roll-ups against a full scan of the
    ledger up to the watermark, every drifted figure printed, exit 1 on any drift."""
    from app.services.metrics import metrics_command

    return int(_run(metrics_command(settings, args.metrics_command)))  # type: ignore[call-overload]


def cmd_wecom_sync(settings: Settings, _: argparse.Namespace) -> int:
    """Pull WeCom customers, groups and tags for the configured guides into the graph, with progress lines."""
    from app.runtime import Runtime
    from app.services.community import sync

    async def go() -> int:
        from app import db

        await db.connect(settings)
        rt = await Runtime.create(settings)
        try:
            await sync.run(rt, progress=lambda line: print(line, flush=True))
        finally:
            await rt.close()
            await db.close()
        return 0

    return int(_run(go()))  # type: ignore[call-overload]


def cmd_reconcile(settings: Settings, args: argparse.Namespace) -> int:
    """Report (and unless --dry-run, repair) what a crash left half done; exit 1 if anything is left."""
    from app.runtime import Runtime
    from app.services import reconcile

    async def go() -> int:
        from app import db

        await db.connect(settings)
        rt = await Runtime.create(settings)
        try:
            findings = await reconcile.run(rt, repair=not args.dry_run)
        finally:
            await rt.close()
            await db.close()
        for f in findings:
            state = "repaired" if f.repaired else ("FAILED: " + f.error if f.error else "found")
            print(f"{f.check} {f.subject}: {f.detail} [{state}]")
        left = [f for f in findings if not f.repaired]
        print(f"reconcile: {len(findings)} finding(s), {len(findings) - len(left)} repaired"
              + (" - OK" if not findings else ""))
        return 1 if left else 0

    return int(_run(go()))  # type: ignore[call-overload]


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="jifen", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("serve", help="run the HTTP service (and, in dev, the sandbox and scheduler)")
    s.add_argument("--host")
    s.add_argument("--port", type=int)
    s.add_argument("--workers", type=int)
    s.set_defaults(fn=cmd_serve)
    sub.add_parser("migrate", help="apply database migrations (deploy step)").set_defaults(fn=cmd_migrate)
    m = sub.add_parser("makemigrations", help="developer: generate the next migration for both dialects")
    m.add_argument("name")
    m.add_argument("--dialect", choices=["sqlite", "postgres"], help="only this dialect (runs in-process)")
    m.set_defaults(fn=cmd_makemigrations)
    sb = sub.add_parser("sandbox", help="run the local WeChat / WeCom / WeChat Pay sandbox")
    sb.add_argument("--host")
    sb.add_argument("--port", type=int)
    sb.set_defaults(fn=cmd_sandbox)
    sub.add_parser("scheduler", help="run the scheduled-jobs process").set_defaults(fn=cmd_scheduler)
    a = sub.add_parser("admin", help="staff credentials")
    asub = a.add_subparsers(dest="admin_command", required=True)
    t = asub.add_parser("token", help="create a staff user and print its bearer token")
    t.add_argument("--role", default="admin", choices=["admin", "marketer", "guide"])
    t.add_argument("--name", default="operator")
    t.add_argument("--wecom-userid", default=None)
    t.set_defaults(fn=cmd_admin_token)
    cu = asub.add_parser("create-user", help="create a console user (marketer or admin) with a password")
    cu.add_argument("--role", default="marketer", choices=["admin", "marketer"])
    cu.add_argument("--name", required=True)
    cu.add_argument("--password", default=None, help="default: asked for on the terminal")
    cu.set_defaults(fn=cmd_admin_create_user)
    for name, text in (("deactivate", "deactivate a staff user (its tokens stop working at once)"),
                       ("activate", "reactivate a staff user (it needs a new token)"),
                       ("revoke", "revoke every token a staff user holds (e.g. a leaked one)")):
        c = asub.add_parser(name, help=text)
        c.add_argument("staff_id", type=int)
        c.set_defaults(fn=cmd_admin_change)
    lg = sub.add_parser("ledger", help="ledger tools")
    lsub = lg.add_subparsers(dest="ledger_command", required=True)
    lsub.add_parser("verify", help="check balance == entries == buckets for every member").set_defaults(
        fn=cmd_ledger_verify)
    mt = sub.add_parser("metrics", help="operator metrics: roll-up refresh and verification")
    msub = mt.add_subparsers(dest="metrics_command", required=True)
    msub.add_parser("refresh", help="roll every settled ledger entry into the daily roll-ups").set_defaults(
        fn=cmd_metrics)
    msub.add_parser("verify", help="compare the roll-ups with a full scan of the ledger; exit 1 on drift").set_defaults(
        fn=cmd_metrics)
    wc = sub.add_parser("wecom", help="WeCom tools")
    wsub = wc.add_subparsers(dest="wecom_command", required=True)
    wsub.add_parser("sync", help="pull customers, groups and tags from WeCom (backfill)").set_defaults(
        fn=cmd_wecom_sync)
    rc = sub.add_parser("reconcile", help="find and repair what a crash left half done (idempotent)")
    rc.add_argument("--dry-run", action="store_true", help="report only")
    rc.set_defaults(fn=cmd_reconcile)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from app.logging_setup import configure_logging

    settings = load_settings()
    configure_logging(settings.log.level)
    return int(args.fn(settings, args) or 0)


if __name__ == "__main__":
    sys.exit(main())
