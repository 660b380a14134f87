"""What the browser tests do with the page: open it, talk, wait, read, take screenshots."""

from __future__ import annotations

import base64
import re
import time
from pathlib import Path
from typing import Any

import httpx
from playwright.sync_api import Browser, ConsoleMessage, Page, ViewportSize, expect

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"

DESKTOP: ViewportSize = {"width": 1280, "height": 900}
PHONE: ViewportSize = {"width": 390, "height": 844}

# A reply is over when no bubble is still being written.
WRITING = "#messages .message.streaming, #messages .message.pending"


class PageProblems:
    """Console errors, uncaught exceptions and CSP violations of one page: a test ends with none."""

    # The browser logs failed requests itself: expected ones (a 4xx the page explains, a
    # request cut by going offline) are not the page's fault.
    EXPECTED = re.compile(r"Failed to load resource|net::ERR_")

    def __init__(self) -> None:
        self.errors: list[str] = []

    def console(self, message: ConsoleMessage) -> None:
        if message.type == "error" and not self.EXPECTED.search(message.text):
            self.errors.append(message.text)

    def page_error(self, error: Exception) -> None:
        self.errors.append(f"uncaught: {error}")


_problems: dict[int, PageProblems] = {}


def new_page(browser: Browser, base_url: str, *, viewport: ViewportSize, locale: str) -> Page:
    """A page in a fresh browser profile (its own localStorage), watched for errors.

    The page's Content-Security-Policy stays on: the client must work under it.
    """
    context = browser.new_context(
        base_url=base_url,
        viewport=viewport,
        locale=locale,
        accept_downloads=True,
    )
    context.set_default_timeout(30_000)
    page = context.new_page()
    problems = PageProblems()
    page.on("console", problems.console)
    page.on("pageerror", problems.page_error)
    _problems[id(page)] = problems
    return page


def close_page(page: Page) -> list[str]:
    """Close the page's browser profile; returns the problems it had."""
    problems = _problems.pop(id(page), PageProblems())
    page.context.close()
    return problems.errors


def shot(page: Page, name: str, *, full_page: bool = False) -> Path:
    """Save a screenshot of the page's current state as a test artifact."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page, animations="disabled")
    return path


# --- talking ---------------------------------------------------------------------------


def send(page: Page, text: str) -> None:
    """Type a message and press Enter, once the page lets the person send."""
    expect(page.locator("#send")).to_be_enabled(timeout=60_000)
    box = page.get_by_role("textbox", name=re.compile("Your message|你的消息"))
    box.fill(text)
    box.press("Enter")


def wait_reply(page: Page, *, timeout: float = 60_000) -> None:
    """Wait until the guide's reply to the last message is written out."""
    expect(page.locator(WRITING)).to_have_count(0, timeout=timeout)


def bubbles(page: Page, role: str) -> list[str]:
    """The text of every message bubble of `role` (`user`, `assistant`), welcome excluded."""
    texts: list[str] = page.locator(
        f"#messages .message.{role}:not(.welcome) .text"
    ).all_text_contents()
    return texts


def session_id(page: Page) -> str:
    value = page.evaluate("() => window.careerstream.sessionId")
    assert isinstance(value, str), value
    return value


def stats(page: Page) -> dict[str, Any]:
    """The client's own counters: events, duplicates dropped, gaps, reconnects, mismatches."""
    value = page.evaluate("() => window.careerstream.stats()")
    assert isinstance(value, dict)
    return value


def snapshot(base_url: str, sid: str) -> dict[str, Any]:
    response = httpx.get(f"{base_url}/api/sessions/{sid}", timeout=30)
    response.raise_for_status()
    body: dict[str, Any] = response.json()
    return body


def history(base_url: str, sid: str, role: str) -> list[str]:
    return [m["content"] for m in snapshot(base_url, sid)["history"] if m["role"] == role]


def wait_status(base_url: str, sid: str, wanted: str, *, within_s: float = 180) -> None:
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        status = httpx.get(f"{base_url}/api/sessions/{sid}/status", timeout=30).json()["status"]
        if status == wanted:
            return
        time.sleep(0.25)
    raise AssertionError(f"session {sid} did not reach {wanted!r} within {within_s:g}s")


# --- files -----------------------------------------------------------------------------


def drop_file(page: Page, selector: str, name: str, content: bytes, media_type: str) -> None:
    """Drag a file onto an element, as a person dragging it from their desktop would."""
    page.evaluate(
        """([selector, name, data, type]) => {
            const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0))
            const transfer = new DataTransfer()
            transfer.items.add(new File([bytes], name, { type }))
            const target = document.querySelector(selector)
            for (const kind of ['dragenter', 'dragover', 'drop']) {
                const init = { bubbles: true, cancelable: true, dataTransfer: transfer }
                target.dispatchEvent(new DragEvent(kind, init))
            }
        }""",
        [selector, name, base64.b64encode(content).decode(), media_type],
    )


# --- the analysis ------------------------------------------------------------------------


def wait_report(page: Page, *, timeout: float = 180_000) -> None:
    """Wait for the run to complete and its report (chart, matches, PDF link) to show."""
    expect(page.locator("#pipeline")).to_have_attribute("data-status", "completed", timeout=timeout)
    expect(page.locator("#report-summary")).to_be_visible(timeout=30_000)
    expect(page.locator("#pdf-link")).to_be_visible()


def check_report_view(page: Page, report: dict[str, Any]) -> None:
    """The page shows this report: the Holland code, the chart, the top matches, the Markdown."""
    code = report["holland_code"]
    expect(page.locator("#holland .holland-letter b")).to_have_text(list(code))
    chart = page.locator("#chart svg.riasec-chart")
    expect(chart).to_have_attribute("role", "img")
    expect(chart.locator("text.label")).to_have_count(6)
    expect(chart.locator("polygon.area")).to_have_count(1)
    top = report["matches"][:5]
    expect(page.locator("#top-matches .match-title")).to_have_text([m["title"] for m in top])
    body = page.locator("#report-body")
    expect(body.locator("h3")).to_have_count(1)  # the report's own title, under the page's h2
    expect(body.locator("table").first).to_be_visible()
    expect(body).to_contain_text(top[0]["title"])
    # Nothing of the Markdown syntax shows through.
    text = body.text_content() or ""
    assert "**" not in text
    assert "| ---" not in text
    assert "O*NET" in text
