"""The PDF: valid A4, text extractable in both languages, chart and table in, markup-safe."""

from __future__ import annotations

import io
import re
from collections.abc import Callable

import pypdf
import pytest

from careerstream.contracts.matches import OccupationMatch
from careerstream.contracts.report import ReportDocument
from careerstream.contracts.requests import ReportRequested
from careerstream.reporter.pdf import inline, plain, render_pdf

Document = Callable[..., ReportDocument]


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def _text(pdf: bytes) -> str:
    return "\n".join(_pages(pdf))


def _fonts(pdf: bytes) -> set[str]:
    names: set[str] = set()
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        resources = page["/Resources"].get_object()
        assert isinstance(resources, pypdf.generic.DictionaryObject)
        fonts = resources.get("/Font")
        if isinstance(fonts, pypdf.generic.PdfObject):
            fonts = fonts.get_object()
            assert isinstance(fonts, pypdf.generic.DictionaryObject)
            names |= {str(f.get_object()["/BaseFont"]) for f in fonts.values()}
    return names


def _flat(text: str) -> str:
    """Extracted text with line breaks and spacing removed, for phrases that may wrap."""
    return re.sub(r"\s+", "", text)


def test_the_pdf_is_an_a4_document(document: Document, any_request: ReportRequested) -> None:
    pdf = render_pdf(document(any_request))
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 2
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert reader.metadata is not None
    assert reader.metadata.title


def test_chinese_text_is_drawn_with_the_cid_font_and_extracts_correctly(
    document: Document, zh_request: ReportRequested
) -> None:
    pdf = render_pdf(document(zh_request))
    text = _text(pdf)
    flat = _flat(text)
    assert "软件开发工程师" in text
    assert "王芳的职业发展报告" in flat
    assert "你的霍兰德代码：ICR" in flat
    assert "90天行动计划" in flat
    assert "O*NET" in text
    assert "/STSong-Light" in _fonts(pdf)
    # The table of matches: its header and each top title, with its score.
    assert "匹配度" in text
    for match in zh_request.matches[:5]:
        assert match.title in flat
        assert match.code is not None
        assert match.code in text


def test_the_english_pdf_has_title_code_chart_and_table(
    document: Document, en_request: ReportRequested
) -> None:
    pdf = render_pdf(document(en_request))
    text = _text(pdf)
    assert "Registered Nurse" in text
    assert "Your Holland code: SEC" in text
    assert "• Education: Associate degree in Nursing, Valley College" in text
    assert "\x7f" not in text
    assert "O*NET" in text
    assert "86%" in text
    # The chart's labels, in English.
    for label in ("Social S", "Enterprising E", "Conventional C", "92%"):
        assert label in text
    # The chart sits in the Holland section, the table of matches in the occupations one.
    holland, chart, occupations = (
        text.index("Your Holland code"),
        text.index("Enterprising E"),
        text.index("Occupations that fit you"),
    )
    assert holland < chart < occupations
    table = text.index(
        "Holland code\nScore\n1\nRegistered Nurse\n29-1141.00\nSIC\n86%", occupations
    )
    assert table < text.index("1. Registered Nurse — 86%")
    # Nothing in this report needs the CID font.
    assert "/STSong-Light" not in _fonts(pdf)
    assert "/Helvetica" in _fonts(pdf)


def test_the_chart_labels_are_in_chinese_for_a_chinese_report(
    document: Document, zh_request: ReportRequested
) -> None:
    text = _text(render_pdf(document(zh_request)))
    for label in ("现实型 R", "研究型 I", "艺术型 A", "社会型 S", "企业型 E", "常规型 C"):
        assert label in text


def test_the_attribution_ends_the_pdf_once_in_small_print(
    document: Document, any_request: ReportRequested
) -> None:
    pages = _pages(render_pdf(document(any_request)))
    whole = _flat("\n".join(pages))
    marker = _flat("Modified by the careerstream team.")
    assert whole.count(marker) == 1
    assert whole.endswith(marker)
    assert _flat("O*NET 29.3") in _flat(pages[-1])
    # Page footers are drawn before the page's content.
    assert all(page.startswith(f"careerstream · {n}") for n, page in enumerate(pages, 1))


def test_without_attribution_no_attribution_is_printed(
    document: Document, en_request: ReportRequested
) -> None:
    text = _text(render_pdf(document(en_request.model_copy(update={"attribution": None}))))
    assert "USDOL/ETA" not in text
    assert "Data source: O*NET 29.3" in text


def test_markup_characters_survive_from_writing_to_pdf(
    document: Document, en_request: ReportRequested
) -> None:
    profile = en_request.profile.model_copy(update={"name": "A&B <Corp> *star*"})
    tricky = OccupationMatch(
        title="R&D Engineer <Lab>",
        title_en="R&D Engineer <Lab>",
        code="17-2199.00",
        score=0.9,
        reasons=["x < y & y > z", "**not closed"],
        skill_gaps=["C++ & C#", "a_b_c"],
    )
    request = en_request.model_copy(
        update={"profile": profile, "matches": [tricky, *en_request.matches]}
    )
    text = _text(render_pdf(document(request)))
    for literal in ("A&B <Corp> *star*", "R&D Engineer <Lab>", "x < y & y > z", "C++ & C#"):
        assert literal in text
    assert "**not closed" in text


def test_raw_markdown_with_tags_and_entities_renders_literally(
    document: Document, en_request: ReportRequested
) -> None:
    markdown = (
        "# Title & <b>co</b>\n\nA paragraph with <i>tags</i>, &amp; and a lone < sign.\n\n"
        "Just some text\nover two lines.\n\n- bullet with **bold** and *italic*\n"
        "1. first\n2. second\n\n> a quote\n\n---\n\n| a | b |\n| --- | --- |\n| 1 & 2 | <3 |\n"
        "#### deep heading\n\n|broken table\n\n**unclosed bold\n"
    )
    text = _text(render_pdf(document(en_request, markdown)))
    for literal in (
        "Title & <b>co</b>",
        "A paragraph with <i>tags</i>, &amp; and a lone < sign.",
        "Just some text over two lines.",
        "bullet with bold and italic",
        "1 & 2",
        "<3",
        "deep heading",
        "**unclosed bold",
    ):
        assert literal in text
    # The markdown had no known headings; the chart and the table are still included.
    assert "Social S" in text
    assert "Registered Nurse" in text


def test_a_chinese_name_in_an_english_report_is_kept(
    document: Document, en_request: ReportRequested
) -> None:
    profile = en_request.profile.model_copy(update={"name": "李明 (Ming Li)"})
    pdf = render_pdf(document(en_request.model_copy(update={"profile": profile})))
    assert "李明 (Ming Li)" in _text(pdf)
    assert "/STSong-Light" in _fonts(pdf)


def test_rendering_is_deterministic(document: Document, any_request: ReportRequested) -> None:
    doc = document(any_request)
    assert render_pdf(doc) == render_pdf(doc)


def test_the_pdf_stays_small(document: Document, any_request: ReportRequested) -> None:
    # How long rendering takes is measured in benchmarks/pipeline_stages.py.
    assert len(render_pdf(document(any_request))) < 200_000


@pytest.mark.parametrize(
    ("markdown", "markup", "text"),
    [
        ("**bold** and *it*", "<b>bold</b> and <i>it</i>", "bold and it"),
        ("a & b < c > d", "a &amp; b &lt; c &gt; d", "a & b < c > d"),
        ("O\\*NET \\<x\\>", "O*NET &lt;x&gt;", "O*NET <x>"),
        ("2 * 3 * 4", "2 * 3 * 4", "2 * 3 * 4"),
        ("**open", "**open", "**open"),
        ("snake_case_name", "snake_case_name", "snake_case_name"),
    ],
)
def test_inline_markdown(markdown: str, markup: str, text: str) -> None:
    assert inline(markdown) == markup
    assert plain(markdown) == text
