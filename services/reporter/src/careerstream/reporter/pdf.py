"""The report as an A4 PDF: its Markdown laid out, plus the chart and the table of matches.

Only the Markdown that `writing.py` produces needs to look good (headings, paragraphs,
`-` and `1.` lists, pipe tables, **bold**, backslash escapes); anything else is kept as
plain text rather than dropped or allowed to break the layout.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

from careerstream.contracts.common import Locale
from careerstream.contracts.progress import Progress, no_progress
from careerstream.contracts.report import ReportDocument
from careerstream.reporter.chart import riasec_chart
from careerstream.reporter.fonts import (
    BULLET,
    CJK,
    LATIN,
    LATIN_BOLD,
    needs_cjk,
    register_fonts,
)
from careerstream.reporter.writing import HOLLAND_HEADING, OCCUPATIONS_HEADING, TOP_MATCHES, md

_MARGIN = 18 * mm
_FRAME_WIDTH = A4[0] - 2 * _MARGIN
_INK = colors.HexColor("#1b2433")
_ACCENT = colors.HexColor("#1f3a68")
_RULE = colors.HexColor("#c8ccd4")
_HEADER_FILL = colors.HexColor("#e9edf4")

# --- inline markup -----------------------------------------------------------------

_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])")
# Escaped characters are parked in the Private Use Area while the markup is matched.
_PARK = 0xE000


def _park(match: re.Match[str]) -> str:
    return chr(_PARK + ord(match.group(1)))


def _unpark(text: str) -> str:
    return re.sub("[\ue000-\ue07f]", lambda m: chr(ord(m.group()) - _PARK), text)


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def inline(text: str) -> str:
    """One line of Markdown as reportlab Paragraph markup (bold, italic, escapes)."""
    parked = _ESCAPED.sub(_park, text)
    markup = _xml(parked)
    markup = _BOLD.sub(r"<b>\1</b>", markup)
    markup = _ITALIC.sub(r"<i>\1</i>", markup)
    return _xml_unpark(markup)


def _xml_unpark(markup: str) -> str:
    # Parked characters come back as text, so they are escaped on their way back.
    return re.sub("[\ue000-\ue07f]", lambda m: _xml(chr(ord(m.group()) - _PARK)), markup)


def plain(text: str) -> str:
    """The visible text of one line of Markdown (markers and escapes removed)."""
    parked = _ESCAPED.sub(_park, text)
    parked = _BOLD.sub(r"\1", parked)
    parked = _ITALIC.sub(r"\1", parked)
    return _unpark(parked)


# --- styles ------------------------------------------------------------------------


@dataclass
class _Styles:
    """Paragraph styles, with a CID-font twin of each made on first use."""

    base: dict[str, ParagraphStyle] = field(default_factory=dict)
    _cjk: dict[str, ParagraphStyle] = field(default_factory=dict)

    def __post_init__(self) -> None:
        def style(name: str, **kw: Any) -> None:
            options: dict[str, Any] = {
                "fontName": LATIN,
                "fontSize": 10,
                "leading": 14.5,
                "textColor": _INK,
                "alignment": TA_LEFT,
            }
            options.update(kw)
            self.base[name] = ParagraphStyle(name, **options)

        # Headings stay on the page of what follows them.
        style(
            "h1",
            keepWithNext=1,
            fontName=LATIN_BOLD,
            fontSize=20,
            leading=25,
            spaceAfter=6,
            textColor=_ACCENT,
        )
        style(
            "h2",
            keepWithNext=1,
            fontName=LATIN_BOLD,
            fontSize=14,
            leading=18,
            spaceBefore=12,
            spaceAfter=5,
            textColor=_ACCENT,
        )
        style(
            "h3",
            keepWithNext=1,
            fontName=LATIN_BOLD,
            fontSize=11.5,
            leading=15,
            spaceBefore=8,
            spaceAfter=3,
        )
        style("body", spaceAfter=5)
        style("bullet", leftIndent=20, bulletIndent=4, spaceAfter=2.5, bulletFontName=BULLET)
        style("quote", leftIndent=12, textColor=colors.HexColor("#4a5361"), spaceAfter=5)
        style("cell", fontSize=9, leading=12)
        style("cell_head", fontName=LATIN_BOLD, fontSize=9, leading=12)
        style("small", fontSize=7, leading=9.2, textColor=colors.HexColor("#5b6473"), spaceAfter=3)

    def get(self, name: str, text: str) -> ParagraphStyle:
        """The style for `text`: the CID twin when Helvetica cannot draw it."""
        base = self.base[name]
        if not needs_cjk(text):
            return base
        if name not in self._cjk:
            # Chinese has no spaces to break at, so lines may break between any characters.
            self._cjk[name] = ParagraphStyle(
                f"{name}-cjk", parent=base, fontName=CJK, wordWrap="CJK"
            )
        return self._cjk[name]

    def para(self, name: str, markdown: str, **kw: Any) -> Paragraph:
        return Paragraph(inline(markdown), self.get(name, plain(markdown)), **kw)


# --- block structure ---------------------------------------------------------------

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*(\d{1,3})[.)]\s+(.*)$")
_RULE_LINE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


@dataclass
class _Block:
    kind: str  # heading, paragraph, bullet, numbered, table, quote, rule
    text: str = ""
    level: int = 0
    number: str = ""
    rows: list[list[str]] = field(default_factory=list)


def _cells(line: str) -> list[str]:
    body = line.strip()
    body = body.removeprefix("|")
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    # Split on pipes that are not escaped.
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", body)]


def _blocks(markdown: str) -> Iterator[_Block]:
    lines = markdown.splitlines()
    paragraph: list[str] = []
    i = 0

    def flush() -> Iterator[_Block]:
        if paragraph:
            yield _Block("paragraph", " ".join(part.strip() for part in paragraph))
            paragraph.clear()

    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            yield from flush()
        elif m := _HEADING.match(stripped):
            yield from flush()
            yield _Block("heading", m.group(2), level=min(len(m.group(1)), 3))
        elif stripped.startswith("|"):
            yield from flush()
            rows: list[list[str]] = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                if not _TABLE_SEPARATOR.match(lines[i]):
                    rows.append(_cells(lines[i]))
                i += 1
            yield _Block("table", rows=rows)
            continue
        elif _RULE_LINE.match(stripped):
            yield from flush()
            yield _Block("rule")
        elif m := _BULLET.match(line):
            yield from flush()
            yield _Block("bullet", m.group(1))
        elif m := _NUMBERED.match(line):
            yield from flush()
            yield _Block("numbered", m.group(2), number=m.group(1))
        elif stripped.startswith(">"):
            yield from flush()
            yield _Block("quote", stripped.lstrip(">").strip())
        else:
            paragraph.append(line)
        i += 1
    yield from flush()


# --- flowables ---------------------------------------------------------------------


def _table(
    rows: Sequence[Sequence[str | Flowable]], styles: _Styles, widths: list[float] | None = None
) -> Table:
    """A table of Markdown cells (or ready flowables); the first row is the header."""
    columns = max(len(row) for row in rows)
    body = []
    for r, row in enumerate(rows):
        cells = [*row, *([""] * (columns - len(row)))]
        style = "cell_head" if r == 0 else "cell"
        body.append([styles.para(style, c) if isinstance(c, str) else c for c in cells])
    table = Table(body, colWidths=widths or _fit_widths(body), repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), _HEADER_FILL),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, _ACCENT),
                ("LINEBELOW", (0, 1), (-1, -1), 0.4, _RULE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _fit_widths(body: list[list[Any]]) -> list[float]:
    """Column widths from the cells' natural text widths, shrunk to the frame if need be."""
    padding = 14.0
    widths = [0.0] * len(body[0])
    for row in body:
        for c, cell in enumerate(row):
            if isinstance(cell, Paragraph):
                natural = max(cell.minWidth(), *(w for w in _line_widths(cell)))
                widths[c] = max(widths[c], natural + padding)
    widths = [max(w, 12 * mm) for w in widths]
    total = sum(widths)
    return widths if total <= _FRAME_WIDTH else [w * _FRAME_WIDTH / total for w in widths]


def _line_widths(paragraph: Paragraph) -> list[float]:
    # Laid out on an unbounded line, a paragraph's one line is its natural width.
    paragraph.wrap(10_000, 10_000)
    return [float(w) for w in paragraph.getActualLineWidths0()] or [0.0]


def _matches_table(report: ReportDocument, styles: _Styles) -> Table | None:
    top = report.matches[:TOP_MATCHES]
    if not top:
        return None
    zh = report.locale == Locale.ZH
    head: list[str | Flowable] = ["#", "职业", "职业代码", "霍兰德代码", "匹配度"]
    if not zh:
        head = ["#", "Occupation", "O\\*NET-SOC code", "Holland code", "Score"]
    rows = [head]
    for rank, match in enumerate(top, start=1):
        # The English title under the Chinese one helps when searching for the occupation.
        title = inline(md(match.title))
        if zh and match.title_en and match.title_en != match.title:
            title += f"<br/>{_xml(match.title_en)}"
        rows.append(
            [
                str(rank),
                Paragraph(title, styles.get("cell", match.title)),
                md(match.code or "–"),
                md(match.holland_code or "–"),
                f"{round(max(0.0, min(1.0, match.score)) * 100)}%",
            ]
        )
    widths = [8 * mm, _FRAME_WIDTH - 8 * mm - 3 * 30 * mm, 30 * mm, 30 * mm, 30 * mm]
    return _table(rows, styles, widths)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _footer() -> Callable[[Any, Any], None]:
    def draw(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(LATIN, 7.5)
        canvas.setFillColor(colors.HexColor("#8a93a3"))
        canvas.drawRightString(A4[0] - _MARGIN, 10 * mm, f"careerstream · {doc.page}")
        canvas.restoreState()

    return draw


def _flowables(report: ReportDocument, styles: _Styles) -> tuple[list[Flowable], str]:
    zh = report.locale == Locale.ZH
    locale = Locale.ZH if zh else Locale.EN
    story: list[Flowable] = []
    title = ""
    chart_placed = table_placed = False
    last_section = -1
    attribution = _squash(report.attribution or "")

    def chart() -> Flowable:
        drawing = riasec_chart(report.riasec, locale, code=report.holland_code)
        drawing.hAlign = "CENTER"
        return drawing

    # The chart and the table of matches follow their section's opening paragraph.
    pending: list[Flowable] = []

    def flush() -> None:
        story.extend(pending)
        pending.clear()

    for block in _blocks(report.markdown):
        if block.kind == "paragraph":
            # The attribution goes once, in small print, at the very end.
            if attribution and _squash(plain(block.text)) == attribution:
                continue
            story.append(styles.para("body", block.text))
            flush()
            continue
        flush()
        if block.kind == "heading":
            text = plain(block.text)
            if block.level == 1 and not title:
                title = text
            if block.level == 2:
                last_section = len(story)
            story.append(styles.para(f"h{block.level}", block.text))
            if block.level == 2 and not chart_placed and text.startswith(HOLLAND_HEADING[locale]):
                pending.append(chart())
                chart_placed = True
            if block.level == 2 and not table_placed and text == OCCUPATIONS_HEADING[locale]:
                if (table := _matches_table(report, styles)) is not None:
                    pending += [table, Spacer(1, 2 * mm)]
                table_placed = True
        elif block.kind in ("bullet", "numbered"):
            mark = "•" if block.kind == "bullet" else f"{block.number}."
            story.append(styles.para("bullet", block.text, bulletText=mark))
        elif block.kind == "quote":
            story.append(styles.para("quote", block.text))
        elif block.kind == "rule":
            story.append(HRFlowable(width="100%", thickness=0.5, color=_RULE))
        elif block.kind == "table" and block.rows:
            story += [Spacer(1, 1.5 * mm), _table(block.rows, styles), Spacer(1, 3 * mm)]
    flush()

    # Markdown from elsewhere may lack the headings; the chart and table still belong in.
    if not chart_placed:
        story.append(chart())
    if not table_placed and (table := _matches_table(report, styles)) is not None:
        story += [Spacer(1, 3 * mm), table]

    small: list[Flowable] = [HRFlowable(width="100%", thickness=0.5, color=_RULE, spaceAfter=4)]
    source_label = "数据来源：" if zh else "Data source: "
    small.append(styles.para("small", source_label + md(report.data_source)))
    if attribution:
        small.append(styles.para("small", md(attribution)))
    # The small print stays on the page of the last section (the data note), not alone.
    if last_section < 0:
        last_section = len(story)
    tail = [*story[last_section:], Spacer(1, 6 * mm), *small]
    return [*story[:last_section], KeepTogether(tail)], title


def render_pdf(report: ReportDocument, *, progress: Progress = no_progress) -> bytes:
    """The report as PDF bytes (A4). Deterministic for the same document."""
    register_fonts()
    styles = _Styles()
    story, title = _flowables(report, styles)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=_MARGIN,
        bottomMargin=_MARGIN,
        title=title or "careerstream report",
        author="careerstream",
        subject=f"Holland code {report.holland_code}",
        creator="careerstream reporter",
        lang="zh-CN" if report.locale == Locale.ZH else "en",
        # Fixed dates and ids inside the file: the same report gives the same bytes.
        invariant=1,
    )
    footer = _footer()
    document.build(story, onFirstPage=footer, onLaterPages=footer)
    progress(1.0, "rendered the PDF")
    return buffer.getvalue()
