"""The client on a phone and in Chinese, its accessibility, and its two delicate modules
(the Markdown renderer and the event stream) exercised inside the browser."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from scripts.stack import Stack
from tests.browser.pages import PHONE, close_page, new_page, send, shot, wait_reply

HERE = Path(__file__).resolve().parent

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.timeout(240)]

# Form controls that a screen reader could not name.
UNNAMED_CONTROLS = """() =>
    [...document.querySelectorAll('button, select, textarea, input, a[href]')]
        .filter((el) => el.getClientRects().length > 0)
        .filter((el) => !(
            (el.labels && el.labels.length) ||
            el.getAttribute('aria-label') ||
            el.getAttribute('aria-labelledby') ||
            el.textContent.trim()
        ))
        .map((el) => el.outerHTML.slice(0, 80))
"""

# Scripts evaluated in the page against the client's own modules.
CHECKS = {path.stem: path.read_text(encoding="utf-8") for path in (HERE / "js").glob("*.js")}

MODULE_BASE = """() => document.querySelector('script[type=module]').src.replace(/app\\.js$/, '')"""


def test_on_a_phone_in_chinese(browser: Browser, web_stack: Stack) -> None:
    page = new_page(browser, web_stack.url(), viewport=PHONE, locale="zh-CN")
    try:
        page.goto("/")
        expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
        expect(page.get_by_role("button", name="发送")).to_be_visible()
        expect(page.locator("#messages .welcome")).to_contain_text("职业向导")
        assert page.evaluate(UNNAMED_CONTROLS) == []

        # The first Tab reaches the skip link, which takes the keyboard to the message box.
        page.keyboard.press("Tab")
        skip = page.get_by_role("link", name="跳到对话")
        expect(skip).to_be_focused()
        page.keyboard.press("Enter")
        expect(page.get_by_role("textbox", name="你的消息")).to_be_focused()

        send(page, "你好")
        wait_reply(page)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
        page.evaluate("() => window.scrollTo(0, 0)")
        shot(page, "18-phone-zh-chat")
        page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
        shot(page, "19-phone-zh-starts")

        opener = page.get_by_role("button", name="做兴趣问卷（60 题）")
        opener.click()
        dialog = page.get_by_role("dialog", name="兴趣问卷")
        expect(dialog.locator(".q-item")).to_have_count(60)
        expect(dialog.locator(".q-item").first).to_contain_text("制作橱柜")
        expect(dialog.locator(".q-option").first).to_contain_text("非常不喜欢")
        box = dialog.bounding_box()
        assert box is not None
        assert box["width"] <= PHONE["width"]
        assert page.evaluate(UNNAMED_CONTROLS) == []
        shot(page, "20-phone-zh-questionnaire")
        page.keyboard.press("Escape")
        expect(dialog).to_be_hidden()
        expect(opener).to_be_focused()

        # The interface language switches in place; the conversation stays.
        page.get_by_label("界面语言").select_option("en")
        expect(page.locator("html")).to_have_attribute("lang", "en")
        expect(page.get_by_role("button", name="Send")).to_be_visible()
        expect(page.get_by_role("heading", name="Talk with the guide")).to_be_visible()
        expect(page.locator("#messages .message.user .text")).to_have_text(["你好"])
        page.evaluate("() => window.scrollTo(0, 0)")
        shot(page, "21-phone-switched-to-en")
        page.reload()
        expect(page.get_by_role("button", name="Send")).to_be_visible()  # the choice is kept
    finally:
        errors = close_page(page)
    assert not errors, errors


def test_markdown_is_rendered_safely(page: Page) -> None:
    page.goto("/")
    result: dict[str, Any] = page.evaluate(
        CHECKS["markdown-check"],
        page.evaluate(MODULE_BASE),
    )
    assert result["dangerous"] == 0
    assert "<script>alert(1)</script>" in result["text"]
    assert "<img src=x onerror=alert(1)>" in result["text"]
    assert result["links"] == ["https://www.onetonline.org/"]
    assert "[bad](javascript:alert(1))" in result["text"]
    assert result["headings"] == ["H3:Title <script>alert(1)</script>", "H5:Sub — heading"]
    assert result["cells"] == ["|Realistic (R)", "align-right|10%", "|a | b", "align-right|5%"]
    assert result["bullets"] == ["one", "two b"]
    assert result["numbered"] == ["first", "second"]
    assert result["strong"] == ["bold", "b"]
    assert result["em"] == ["it"]
    assert "O*NET" in result["text"]
    assert "snake_case_name" in result["text"]
    assert "Some **unfinished" in result["partial"]


def test_the_event_stream_drops_repeats_fills_gaps_and_follows_resets(page: Page) -> None:
    """The stream module against a scripted server: what the app is handed, what is asked."""
    page.goto("/")
    result: dict[str, Any] = page.evaluate(
        CHECKS["stream-check"],
        page.evaluate(MODULE_BASE),
    )
    assert result["delivered"] == [
        "token:1",
        "token:2",
        "token:3",
        "token:4",
        "token:5",
        "reset:9",
        "token:10",
    ]
    assert result["asked"] == ["0", "3", "5", "10"]
    assert result["stats"]["duplicates"] == 2
    assert result["stats"]["gaps"] == 1
    assert result["stats"]["resets"] == 1
    assert result["fatal"] == "session_not_found"
    assert result["calls"] == 1
    assert result["goneState"] == "closed"


def test_a_link_to_an_unknown_session_says_so_and_starts_afresh(page: Page) -> None:
    page.goto("/?session=no-such-session")
    notice = page.get_by_role("alert").filter(has_text="no longer exists")
    expect(notice).to_be_visible()
    expect(notice.locator("p")).to_have_text(
        "That conversation no longer exists; a new one has been started."
    )
    expect(page.locator("#connection")).to_have_attribute("data-state", "idle")
    expect(page.locator("#messages .message")).to_have_count(1)  # the welcome
    shot(page, "23-unknown-session")
    page.get_by_role("button", name="Dismiss").click()
    expect(page.locator("#notice")).to_be_hidden()
    page.reload()  # the unknown id was not kept
    expect(page.locator("#notice")).to_be_hidden()
