"""The whole stack as real processes (the Procfile) against the real broker and database."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.stack import PORTS, Stack
from tests.support.onet import onet_dir

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def matcher_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One vector cache for every stack of the run: only the first embeds the occupations."""
    return tmp_path_factory.mktemp("matcher-cache")


@pytest.fixture(scope="session")
def stack(rabbitmq_url: str, database_url: str, matcher_cache: Path) -> Iterator[Stack]:
    """Six services plus a second gateway replica (`gateway-b`) on the same broker and database."""
    env = dict(os.environ)
    env.update({variable: str(free_port()) for variable, _ in PORTS.values()})
    env.update(
        {
            "RABBITMQ_URL": rabbitmq_url,
            "DATABASE_URL": database_url,
            # Slow enough that a reply spans many events and reconnects land mid-stream.
            "GUIDE_TYPING_PACE_MS": "8",
            "GUIDE_TOKEN_FLUSH_CHARS": "6",
            "GATEWAY_TURN_TIMEOUT_S": "30",
            "GATEWAY_HEARTBEAT_S": "1",
            # The real O*NET release, read in place, as `make up` does.
            "ONET_DIR": str(onet_dir()),
            "MATCHER_CACHE_DIR": str(matcher_cache),
        }
    )
    backend = "postgresql" if database_url.startswith("postgresql") else "sqlite"
    running = Stack(env=env, log_dir=ARTIFACTS / "logs" / backend)
    running.start()
    try:
        running.wait_ready(timeout=120)
        # Started second, the replica stands by on every journal shard: killing `gateway`
        # makes it take the shards over.
        running.start_one("gateway-b", like="gateway", port=free_port())
        running.wait_ready(timeout=120, names=("gateway-b",))
        yield running
    finally:
        running.stop()
