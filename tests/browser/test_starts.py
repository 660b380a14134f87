"""The other ways to start in the browser: a résumé, the questionnaire; and the PDF download."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from careerstream.contracts import ASSESSMENT_ITEM_IDS
from scripts.stack import Stack
from tests.browser.pages import (
    DESKTOP,
    PHONE,
    check_report_view,
    close_page,
    drop_file,
    new_page,
    session_id,
    shot,
    wait_report,
    wait_status,
)
from tests.e2e.test_pipeline import ANALYST_RESUME
from tests.support.documents import pdf_file

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.timeout(240)]

# Investigative liked most, then Artistic, then Social: the Holland code is IAS.
PREFERENCE = {"R": 1, "I": 5, "A": 4, "S": 3, "E": 2, "C": 2}


def report_of(base: str, sid: str) -> dict[str, object]:
    response = httpx.get(f"{base}/api/sessions/{sid}/report", timeout=30)
    assert response.status_code == 200, response.text
    body: dict[str, object] = response.json()
    return body


def test_a_resume_upload_runs_the_analysis(page: Page, web_stack: Stack, tmp_path: Path) -> None:
    base = web_stack.url()
    page.goto("/")
    status = page.locator("#upload-status")

    # A scan has no text to read: dropped on the zone, it is refused with a clear reason.
    drop_file(page, "#dropzone", "scan.pdf", pdf_file([[]]), "application/pdf")
    expect(status).to_have_text(re.compile("scanned image without a text layer"))
    expect(status).to_have_class(re.compile("error"))
    expect(page.locator("#pipeline")).to_be_hidden()
    shot(page, "11-resume-refused")

    # A real résumé, through the file picker.
    resume = tmp_path / "jane-doe.pdf"
    resume.write_bytes(pdf_file([ANALYST_RESUME]))
    page.get_by_label("choose a file").set_input_files(resume)
    expect(status).to_have_text("Résumé received: jane-doe.pdf. The analysis starts now.")
    expect(page.locator("#pipeline")).to_be_visible()
    shot(page, "12-resume-analysis")
    wait_report(page)

    sid = session_id(page)
    report = report_of(base, sid)
    assert report["riasec_source"] == "inferred"
    check_report_view(page, report)
    expect(page.locator("#holland")).to_contain_text("inferred from your words")
    expect(page.locator("#stages li[data-stage='parse'] .stage-detail")).to_contain_text(
        "skills found"
    )
    shot(page, "13-resume-report")


def test_the_questionnaire_runs_the_analysis(page: Page, web_stack: Stack) -> None:
    base = web_stack.url()
    page.goto("/")
    opener = page.get_by_role("button", name="Take the interest questionnaire (60 questions)")
    opener.click()
    dialog = page.get_by_role("dialog", name="Interest questionnaire")
    expect(dialog).to_be_visible()
    items = dialog.locator(".q-item")
    expect(items).to_have_count(60)
    expect(dialog.locator("#q-count")).to_have_text("0 of 60 answered")

    # By keyboard: the first item's options are a radio group; Space picks, arrows move.
    first = ASSESSMENT_ITEM_IDS[0]
    expect(dialog.locator(f"input[name='{first}'][value='1']")).to_be_focused()
    page.keyboard.press("Space")
    for _ in range(PREFERENCE[first[0]] - 1):
        page.keyboard.press("ArrowRight")
    expect(dialog.locator(f"input[name='{first}'][value='{PREFERENCE[first[0]]}']")).to_be_checked()

    # Half of the rest by pointer; the answers survive a reload.
    half = ASSESSMENT_ITEM_IDS[1:30]
    for item in half:
        dialog.locator(f"#q-{item} .q-option").nth(PREFERENCE[item[0]] - 1).click()
    expect(dialog.locator("#q-count")).to_have_text("30 of 60 answered")
    shot(page, "14-questionnaire-half")
    page.reload()
    opener.click()
    expect(dialog.locator("#q-count")).to_have_text("30 of 60 answered")

    # Submitting too early says what is missing and goes to it.
    dialog.get_by_role("button", name="Submit and start the analysis").click()
    expect(dialog.locator("#q-error")).to_have_text("30 questions are still unanswered.")
    missing = ASSESSMENT_ITEM_IDS[30]
    expect(dialog.locator(f"input[name='{missing}']").first).to_be_focused()
    shot(page, "15-questionnaire-missing")

    for item in ASSESSMENT_ITEM_IDS[30:]:
        dialog.locator(f"#q-{item} .q-option").nth(PREFERENCE[item[0]] - 1).click()
    expect(dialog.locator("#q-count")).to_have_text("60 of 60 answered")
    dialog.get_by_role("button", name="Submit and start the analysis").click()
    expect(dialog).to_be_hidden()
    expect(page.locator("#pipeline")).to_be_visible()
    wait_report(page)

    report = report_of(base, session_id(page))
    assert report["riasec_source"] == "assessment"
    assert report["holland_code"] == "IAS"
    check_report_view(page, report)
    expect(page.locator("#holland")).to_contain_text("from the questionnaire")
    shot(page, "16-questionnaire-report")


def test_the_report_downloads_as_a_pdf(browser: Browser, web_stack: Stack) -> None:
    """A finished session opened by link (`?session=`) offers its report as a PDF."""
    base = web_stack.url()
    sid = httpx.post(f"{base}/api/sessions", json={"locale": "zh"}, timeout=30).json()["session_id"]
    answers = {item: PREFERENCE[item[0]] for item in ASSESSMENT_ITEM_IDS}
    started = httpx.post(
        f"{base}/api/sessions/{sid}/assessment", json={"answers": answers}, timeout=30
    )
    assert started.status_code == 202, started.text
    wait_status(base, sid, "completed")

    page = new_page(browser, base, viewport=DESKTOP, locale="zh-CN")
    try:
        page.goto(f"/?session={sid}")
        wait_report(page)
        assert page.url == f"{base}/", "the link's session is kept, the address cleaned"
        link = page.get_by_role("link", name="下载 PDF")
        with page.expect_download() as info:
            link.click()
        download = info.value
        assert download.suggested_filename == f"careerstream-{sid}.pdf"
        content = Path(download.path()).read_bytes()
        assert content.startswith(b"%PDF")
        assert len(content) > 2000
        shot(page, "17-report-zh")

        # The same report on a phone: one column, nothing wider than the screen.
        page.set_viewport_size(PHONE)
        page.evaluate("() => document.getElementById('report').scrollIntoView()")
        assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
        shot(page, "22-phone-report-zh")
    finally:
        errors = close_page(page)
    assert not errors, errors
