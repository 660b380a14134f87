"""Reading résumé files of each kind, in both languages, and refusing the rest clearly."""

from __future__ import annotations

import io
import zipfile

import pytest

from careerstream.documents import DocumentRejected, Kind, read_document
from tests.support.documents import docx_file, pdf_file

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
    return pdf_file(lines_per_page, chinese=chinese)


def docx(lines: list[str]) -> bytes:
    return docx_file(lines, table=[("Languages", "English, French")])


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
