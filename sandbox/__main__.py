"""`python -m sandbox --host 127.0.0.1 --port 8901`: the WeChat sandbox as a standalone process."""

from __future__ import annotations

import argparse
import logging

from sandbox.server import run_sandbox


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m sandbox", description="Local fake of the WeChat APIs")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8901)
    parser.add_argument("--log-level", default="INFO")
    args = parser.parse_args(argv)
    logging.basicConfig(level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s %(message)s")
    run_sandbox(args.host, args.port)


if __name__ == "__main__":
    main()
