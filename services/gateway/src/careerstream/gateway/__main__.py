"""`python -m careerstream.gateway`: serve on GATEWAY_HOST:GATEWAY_PORT (127.0.0.1:8000)."""

from __future__ import annotations

import uvicorn

from careerstream.gateway.app import create_app
from careerstream.gateway.settings import GatewaySettings


def main() -> None:
    settings = GatewaySettings()
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        log_level=settings.log_level.lower(),
        timeout_graceful_shutdown=5,
    )


if __name__ == "__main__":
    main()
