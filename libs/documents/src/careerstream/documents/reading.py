"""Reading résumé files: PDF, DOCX and plain text, told apart by content (pure).

The type comes from the bytes, never from the file name. Limits on size and
pages protect the worker; every refusal is a `DocumentRejected` with a code a
client can show. A PDF whose pages carry no text layer (a scan) says so.
The gateway reads an upload with it before anything runs, so a bad file is
refused in the HTTP answer; the parser receives the text.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from enum import StrEnum

from docx import Document as open_docx
from pypdf import PdfReader
from pypdf.errors import PdfReadError

MAX_BYTES = 5 * 1024 * 1024
MAX_PAGES = 20
# Fewer letters than this per page on average means the PDF is a scan.
MIN_CHARS_PER_PAGE = 20


class Kind(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    TXT = "txt"


class DocumentRejected(ValueError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Document:
    kind: Kind
    text: str
    pages: int


def sniff(data: bytes) -> Kind:
    if data.startswith(b"%PDF-"):
        return Kind.PDF
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if "word/document.xml" in archive.namelist():
                    return Kind.DOCX
        except zipfile.BadZipFile:
            pass
        raise DocumentRejected("unsupported_type", "This archive is not a Word (.docx) document.")
    if _as_text(data) is not None:
        return Kind.TXT
    raise DocumentRejected(
        "unsupported_type", "Only PDF, Word (.docx) and plain-text résumés can be read."
    )


def _as_text(data: bytes) -> str | None:
    for encoding in ("utf-8-sig", "utf-16", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue  # without a byte-order mark any even-length bytes "decode"
        printable = sum(ch.isprintable() or ch in "\n\r\t" for ch in text)
        if text and printable / len(text) > 0.95:
            return text
    return None


def read_document(
    data: bytes, *, max_bytes: int = MAX_BYTES, max_pages: int = MAX_PAGES
) -> Document:
    if not data:
        raise DocumentRejected("empty_file", "The file is empty.")
    if len(data) > max_bytes:
        raise DocumentRejected(
            "file_too_large", f"The file has {len(data):,} bytes; at most {max_bytes:,}."
        )
    kind = sniff(data)
    if kind is Kind.PDF:
        return _read_pdf(data, max_pages)
    if kind is Kind.DOCX:
        return _read_docx(data)
    text = _as_text(data) or ""
    return Document(kind=Kind.TXT, text=text.strip(), pages=1)


def _read_pdf(data: bytes, max_pages: int) -> Document:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise DocumentRejected("encrypted_pdf", "The PDF is password-protected.")
        pages = len(reader.pages)
        if pages > max_pages:
            raise DocumentRejected(
                "too_many_pages", f"The PDF has {pages} pages; at most {max_pages}."
            )
        text = "\n".join((page.extract_text() or "") for page in reader.pages).strip()
    except PdfReadError as exc:
        raise DocumentRejected("unreadable_file", "The PDF could not be read.") from exc
    letters = sum(ch.isalnum() for ch in text)
    if letters < MIN_CHARS_PER_PAGE * max(pages, 1):
        raise DocumentRejected(
            "no_text_layer",
            "This PDF has no text layer (it looks scanned); upload a text PDF, Word or text file.",
        )
    return Document(kind=Kind.PDF, text=text, pages=pages)


def _read_docx(data: bytes) -> Document:
    try:
        document = open_docx(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds on a damaged package
        raise DocumentRejected("unreadable_file", "The Word document could not be read.") from exc
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines += [" | ".join(cell.text for cell in row.cells) for row in table.rows]
    text = "\n".join(line for line in lines if line.strip()).strip()
    if not text:
        raise DocumentRejected("no_text", "The Word document has no text.")
    return Document(kind=Kind.DOCX, text=text, pages=1)
