"""`python -m careerstream.gateway [serve|migrate]`.

`serve` (the default) runs the API on GATEWAY_HOST:GATEWAY_PORT (127.0.0.1:8000);
`migrate` brings the database schema to the newest revision and exits.
"""

from __future__ import annotations

import asyncio
import sys

import uvicorn

from careerstream.gateway.app import create_app
from careerstream.gateway.journal.store.migrate import upgrade
from careerstream.gateway.settings import GatewaySettings


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "serve"
    settings = GatewaySettings()
    if command == "migrate":
        asyncio.run(upgrade(settings.resolved_database_url()))
        return 0
    if command != "serve":
        print(__doc__, file=sys.stderr)
        return 2
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        log_level=settings.log_level.lower(),
        timeout_graceful_shutdown=5,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
