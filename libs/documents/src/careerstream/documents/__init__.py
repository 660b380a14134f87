"""Reading résumé files (PDF, DOCX, TXT) into text, by content, within limits."""

from careerstream.documents.reading import (
    MAX_BYTES,
    MAX_PAGES,
    Document,
    DocumentRejected,
    Kind,
    read_document,
    sniff,
)

__all__ = [
    "MAX_BYTES",
    "MAX_PAGES",
    "Document",
    "DocumentRejected",
    "Kind",
    "read_document",
    "sniff",
]
