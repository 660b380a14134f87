"""Reading résumé files of each kind, in both languages, and refusing the rest clearly."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document as new_docx
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from careerstream.documents import DocumentRejected, Kind, read_document

ENGLISH = [
    "Jane Doe - Data Analyst",
    "Education: MSc Statistics, University of Edinburgh, 2019",
    "Experience: Analyst at Acme Ltd, 2019-2024. Skills: Python, SQL, Tableau.",
]
CHINESE = [
    "张伟 - 会计",
    "教育背景：上海财经大学 会计学 本科 2018",
    "工作经历：2018-2023 在普华永道担任审计员",
]


def pdf(lines_per_page: list[list[str]], *, chinese: bool = False) -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    if chinese:
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    for lines in lines_per_page:
        page.setFont("STSong-Light" if chinese else "Helvetica", 11)
        for index, line in enumerate(lines):
            page.drawString(72, 760 - 18 * index, line)
        if not lines:
            page.rect(72, 400, 300, 200, fill=1)  # an "image": ink without text
        page.showPage()
    page.save()
    return buffer.getvalue()


def docx(lines: list[str]) -> bytes:
    document = new_docx()
    for line in lines:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Languages"
    table.rows[0].cells[1].text = "English, French"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_an_english_pdf() -> None:
    document = read_document(pdf([ENGLISH]))
    assert document.kind is Kind.PDF
    assert document.pages == 1
    assert "University of Edinburgh" in document.text


def test_a_chinese_pdf() -> None:
    document = read_document(pdf([CHINESE], chinese=True))
    assert "上海财经大学" in document.text
    assert "审计员" in document.text


def test_a_docx_with_a_table() -> None:
    document = read_document(docx(ENGLISH))
    assert document.kind is Kind.DOCX
    assert "Acme Ltd" in document.text
    assert "Languages | English, French" in document.text


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_plain_text_in_common_encodings(encoding: str) -> None:
    document = read_document("\n".join(CHINESE + ENGLISH).encode(encoding))
    assert document.kind is Kind.TXT
    assert "普华永道" in document.text
    assert "Tableau" in document.text


def test_the_type_comes_from_the_content_not_the_name() -> None:
    # A PDF is a PDF whatever it was called; read_document never sees the name.
    assert read_document(pdf([ENGLISH])).kind is Kind.PDF


def test_a_scanned_pdf_says_it_has_no_text_layer() -> None:
    with pytest.raises(DocumentRejected) as refused:
        read_document(pdf([[], []]))
    assert refused.value.code == "no_text_layer"
    assert "scanned" in refused.value.message


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty_file"),
        (b"x" * 101, "file_too_large"),
        (bytes(range(256)) * 4, "unsupported_type"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "unsupported_type"),
        (b"%PDF-1.7\n garbage that is not a pdf", "unreadable_file"),
    ],
)
def test_bad_files_are_refused_with_a_code(data: bytes, code: str) -> None:
    with pytest.raises(DocumentRejected) as refused:
        read_document(data, max_bytes=100 if code == "file_too_large" else 5_000_000)
    assert refused.value.code == code
    assert refused.value.message


def test_a_zip_that_is_not_a_word_document() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(DocumentRejected) as refused:
        read_document(buffer.getvalue())
    assert refused.value.code == "unsupported_type"


def test_too_many_pages() -> None:
    with pytest.raises(DocumentRejected) as refused:
        read_document(pdf([ENGLISH] * 4), max_pages=3)
    assert refused.value.code == "too_many_pages"
