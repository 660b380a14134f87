"""Finding a real RabbitMQ for the tests; they never skip for want of one.

Order: `RABBITMQ_URL` from the environment; else a testcontainers broker when a
Docker engine answers; else the machine's RabbitMQ on 127.0.0.1:5672 (started
by `make test` through scripts/ensure-services.sh). Where `rabbitmqctl` can
reach the broker, the run gets a virtual host of its own, so a developer's
running stack and the tests never consume each other's messages.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import quote, urlsplit, urlunsplit

MACHINE_URL = "amqp://guest:guest@127.0.0.1:5672/"


@dataclass(frozen=True)
class BrokerUnderTest:
    url: str
    source: str
    vhost: str | None


def _say(message: str) -> None:
    print(f"[tests] {message}", file=sys.stderr)


def docker_answers() -> bool:
    if not os.environ.get("DOCKER_HOST") and not os.path.exists("/var/run/docker.sock"):
        return False
    try:
        import docker  # type: ignore[import-untyped]

        client = docker.from_env(timeout=3)
    except Exception:
        return False
    try:
        return bool(client.ping())
    except Exception:
        return False
    finally:
        client.close()


def _rabbitmqctl(*args: str) -> None:
    subprocess.run(["rabbitmqctl", "-q", *args], check=True, capture_output=True, timeout=60)


def _with_vhost(url: str, vhost: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + quote(vhost, safe=""), "", ""))


@contextmanager
def _container() -> Iterator[str]:
    from testcontainers.rabbitmq import RabbitMqContainer

    with RabbitMqContainer("rabbitmq:3.13-alpine") as container:
        host = container.get_container_host_ip()
        port = container.get_exposed_port(5672)
        yield f"amqp://guest:guest@{host}:{port}/"


@contextmanager
def provide_broker() -> Iterator[BrokerUnderTest]:
    env_url = os.environ.get("RABBITMQ_URL")
    if env_url:
        _say(f"using RABBITMQ_URL from the environment ({urlsplit(env_url).hostname})")
        yield from _isolated(env_url, "RABBITMQ_URL")
        return
    if docker_answers():
        _say("RABBITMQ_URL unset and a Docker engine answers: starting a testcontainers broker")
        with _container() as url:
            yield BrokerUnderTest(url=url, source="testcontainers", vhost=None)
        return
    _say(f"RABBITMQ_URL unset and no Docker engine: using the machine's RabbitMQ ({MACHINE_URL})")
    yield from _isolated(MACHINE_URL, "machine")


def _isolated(url: str, source: str) -> Iterator[BrokerUnderTest]:
    host = urlsplit(url).hostname or ""
    local = host in {"127.0.0.1", "localhost", "::1"}
    if not (local and shutil.which("rabbitmqctl")):
        yield BrokerUnderTest(url=url, source=source, vhost=None)
        return
    vhost = f"careerstream-test-{uuid.uuid4().hex[:8]}"
    user = urlsplit(url).username or "guest"
    _rabbitmqctl("add_vhost", vhost)
    try:
        _rabbitmqctl("set_permissions", "-p", vhost, user, ".*", ".*", ".*")
        _say(f"virtual host {vhost} for this run")
        yield BrokerUnderTest(url=_with_vhost(url, vhost), source=source, vhost=vhost)
    finally:
        _rabbitmqctl("delete_vhost", vhost)
