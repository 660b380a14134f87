"""Real résumé files for the tests: PDFs (reportlab; Chinese through a CID font) and Word files."""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx import Document as new_docx
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas


def pdf_file(lines_per_page: list[list[str]], *, chinese: bool = False) -> bytes:
    """One page per list of lines; an empty list draws an "image": ink without text."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    if chinese:
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    for lines in lines_per_page:
        page.setFont("STSong-Light" if chinese else "Helvetica", 11)
        for index, line in enumerate(lines):
            page.drawString(72, 780 - 16 * index, line)
        if not lines:
            page.rect(72, 400, 300, 200, fill=1)
        page.showPage()
    page.save()
    return buffer.getvalue()


def docx_file(lines: list[str], table: Sequence[tuple[str, str]] = ()) -> bytes:
    document = new_docx()
    for line in lines:
        document.add_paragraph(line)
    if table:
        grid = document.add_table(rows=len(table), cols=2)
        for row, (left, right) in zip(grid.rows, table, strict=True):
            row.cells[0].text = left
            row.cells[1].text = right
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
