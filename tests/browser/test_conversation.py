"""A conversation in the browser: to a finished report, and across a reload and a dropped line."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from scripts.stack import Stack
from tests.browser.pages import (
    DESKTOP,
    bubbles,
    check_report_view,
    close_page,
    history,
    new_page,
    send,
    session_id,
    shot,
    snapshot,
    stats,
    wait_reply,
    wait_report,
)
from tests.e2e.test_interview import SCRIPTS

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.timeout(240)]


def test_a_whole_conversation_ends_in_a_report(page: Page, web_stack: Stack) -> None:
    base = web_stack.url()
    page.goto("/")
    expect(page.locator("#connection")).to_have_attribute("data-state", "idle")
    expect(page.locator("#messages .welcome")).to_contain_text("careerstream guide")
    shot(page, "01-welcome")

    for turn, message in enumerate(SCRIPTS["en"]):
        send(page, message)
        if turn == 0:
            # The reply appears piece by piece in a bubble marked as being written.
            expect(page.locator("#messages .message.streaming .text")).to_have_text(
                re.compile(r"\w+")
            )
            expect(page.locator("#connection")).to_have_attribute("data-state", "live")
            shot(page, "02-reply-streaming")
        wait_reply(page)
    sid = session_id(page)
    assert bubbles(page, "user") == SCRIPTS["en"]
    assert bubbles(page, "assistant") == history(base, sid, "assistant")

    # Enough is known: the analysis runs and the chat waits for it.
    expect(page.locator("#pipeline")).to_be_visible()
    expect(page.locator("#send")).to_be_disabled()
    shot(page, "03-analysis-started")
    # The report appears as it is written, already formatted.
    expect(page.locator("#report-writing")).to_be_visible(timeout=120_000)
    expect(page.locator("#report-body h3")).to_have_count(1)
    shot(page, "04-report-writing")
    wait_report(page)
    expect(page.locator("#stages li[data-state='done']")).to_have_count(4)
    expect(page.locator("#run-progress")).to_have_attribute("aria-valuenow", "100")

    report = httpx.get(f"{base}/api/sessions/{sid}/report", timeout=30).json()
    assert report["riasec_source"] == "inferred"
    check_report_view(page, report)
    expect(page.locator("#pdf-link")).to_have_attribute("href", f"/api/sessions/{sid}/report/pdf")
    # Chat is open again, for questions about the report.
    expect(page.locator("#send")).to_be_enabled()
    expect(page.locator("#chat-hint")).to_contain_text("report is ready")
    shot(page, "05-report")
    shot(page, "05-report-full-page", full_page=True)
    assert stats(page)["mismatches"] == 0


def test_a_reload_in_the_middle_of_a_reply_loses_and_repeats_nothing(
    browser: Browser, web_stack: Stack
) -> None:
    base = web_stack.url()
    page = new_page(browser, base, viewport=DESKTOP, locale="zh-CN")
    try:
        page.goto("/")
        expect(page.locator("#send")).to_have_text("发送")
        send(page, SCRIPTS["zh"][0])
        writing = page.locator("#messages .message.streaming .text")
        expect(writing).to_have_text(re.compile(r"\S{3,}"))
        sid = session_id(page)
        before = writing.text_content() or ""
        shot(page, "06-before-reload")

        with page.expect_response(lambda r: r.url == f"{base}/api/sessions/{sid}") as loaded:
            page.reload()
        partial = loaded.value.json()["streaming"]
        assert partial is not None, "the reload should land while the reply is being written"
        # Rebuilt from the snapshot, still being written, then continued from the stream.
        expect(page.locator("#messages .message.user .text")).to_have_text([SCRIPTS["zh"][0]])
        shot(page, "07-after-reload-mid-reply")
        wait_reply(page)

        reply = history(base, sid, "assistant")
        assert len(reply) == 1
        assert bubbles(page, "assistant") == reply
        assert reply[0].startswith(before)
        assert reply[0].startswith(partial["text"])
        assert len(partial["text"]) < len(reply[0])
        counters = stats(page)
        assert counters["mismatches"] == 0
        assert counters["events"] > 0, "the rest of the reply came through the event stream"
        assert counters["cursor"] == snapshot(base, sid)["last_seq"]

        # The next turn continues on the same page, the same way.
        send(page, SCRIPTS["zh"][1])
        wait_reply(page)
        assert bubbles(page, "assistant") == history(base, sid, "assistant")
        shot(page, "08-after-reload-next-turn")

        # A new chat starts empty; the earlier one is a click away in the history.
        page.get_by_role("button", name="新对话").click()
        expect(page.locator("#messages .message")).to_have_count(1)  # the welcome only
        page.get_by_text("历史对话").click()
        earlier = page.locator("#history-list .history-item", has_text=SCRIPTS["zh"][0])
        expect(earlier).to_have_count(1)
        earlier.click()
        expect(page.locator("#messages .message.user .text")).to_have_text(SCRIPTS["zh"][:2])
        assert session_id(page) == sid
    finally:
        errors = close_page(page)
    assert not errors, errors


def test_a_dropped_connection_resumes_with_nothing_lost_or_repeated(
    page: Page, web_stack: Stack
) -> None:
    base = web_stack.url()
    page.goto("/")
    send(page, SCRIPTS["en"][0])
    writing = page.locator("#messages .message.streaming .text")
    expect(writing).to_have_text(re.compile(r"\w+"))
    sid = session_id(page)

    page.context.set_offline(True)
    connection = page.locator("#connection")
    expect(connection).to_have_attribute("data-state", "offline")
    expect(connection).to_contain_text("offline")
    shot(page, "09-connection-offline")
    page.wait_for_timeout(1500)  # the guide keeps writing meanwhile
    page.context.set_offline(False)

    expect(connection).to_have_attribute("data-state", "live")
    wait_reply(page)
    assert bubbles(page, "assistant") == history(base, sid, "assistant")
    counters = stats(page)
    assert counters["connects"] >= 2
    assert counters["mismatches"] == 0
    assert counters["gaps"] == 0
    shot(page, "10-connection-back")
