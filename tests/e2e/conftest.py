"""The whole stack as real processes (the Procfile) against the real broker."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.stack import PORTS, Stack

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def stack(rabbitmq_url: str) -> Iterator[Stack]:
    env = dict(os.environ)
    env.update({variable: str(free_port()) for variable, _ in PORTS.values()})
    env.update(
        {
            "RABBITMQ_URL": rabbitmq_url,
            "GUIDE_TYPING_PACE_MS": "0",
            "GUIDE_TOKEN_FLUSH_CHARS": "16",
            "GATEWAY_TURN_TIMEOUT_S": "30",
        }
    )
    running = Stack(env=env, log_dir=ARTIFACTS / "logs")
    running.start()
    try:
        running.wait_ready(timeout=120)
        yield running
    finally:
        running.stop()
