"""The web client in a real browser: Playwright driving Debian's Chromium against the whole stack.

The stack is the Procfile's processes, as in tests/e2e, started once for this package and
stopped after it. It gets a broker of its own (`provide_broker()`: a fresh virtual host, or
container) so its gateway never shares journal shards with another stack of the same run,
and one SQLite database: what these tests check is the page, not the store. The guide types
slowly, so a reload or a dropped connection lands in the middle of a reply.

Chromium is `/usr/bin/chromium` (`scripts/ensure-browser.sh` installs it); Playwright's own
browser downloads are never used.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from scripts.stack import PORTS, Stack
from tests.browser.pages import DESKTOP, SCREENSHOTS, close_page, new_page
from tests.support.database import sqlite_database
from tests.support.onet import onet_dir
from tests.support.rabbit import provide_broker

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path(os.environ.get("CAREERSTREAM_CHROMIUM", "/usr/bin/chromium"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="package")
def web_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """Gateway, guide and the four pipeline workers, on their own broker and database."""
    # The gateway brings the schema up to date itself when it starts (GATEWAY_MIGRATE_ON_START).
    with provide_broker() as broker, sqlite_database(tmp_path_factory.mktemp("web-db")) as url:
        env = dict(os.environ)
        env.update({variable: str(free_port()) for variable, _ in PORTS.values()})
        env.update(
            {
                "RABBITMQ_URL": broker.url,
                "DATABASE_URL": url,
                # A reply takes a few seconds, in many small events: a reload lands mid-stream.
                "GUIDE_TYPING_PACE_MS": "45",
                "GUIDE_TOKEN_FLUSH_CHARS": "4",
                # The report is written over a few seconds, so its streaming can be seen.
                "REPORTER_TYPING_PACE_MS": "4",
                "GATEWAY_TURN_TIMEOUT_S": "60",
                "GATEWAY_HEARTBEAT_S": "2",
                "ONET_DIR": str(onet_dir()),
                "MATCHER_CACHE_DIR": str(tmp_path_factory.mktemp("matcher-cache")),
            }
        )
        stack = Stack(env=env, log_dir=ARTIFACTS / "logs" / "browser")
        stack.start()
        try:
            stack.wait_ready(timeout=150)
            yield stack
        finally:
            stack.stop()


@pytest.fixture(scope="package", autouse=True)
def fresh_screenshots() -> None:
    """This run's screenshots only: the previous run's are removed first."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS.glob("*.png"):
        old.unlink()


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    assert CHROMIUM.is_file(), f"{CHROMIUM} is missing: run scripts/ensure-browser.sh"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM))
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Browser, web_stack: Stack) -> Iterator[Page]:
    """A desktop-sized page in a fresh browser profile, English UI; it must log no errors."""
    opened = new_page(browser, web_stack.url(), viewport=DESKTOP, locale="en-US")
    errors: list[str] = []
    try:
        yield opened
    finally:
        errors = close_page(opened)
    assert not errors, errors
