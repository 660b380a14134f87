"""Reading an uploaded résumé before anything runs, so a bad file is refused in the answer."""

from __future__ import annotations

import asyncio

from fastapi import UploadFile

from careerstream.contracts import ResumeDocument
from careerstream.contracts.inputs import MAX_RESUME_CHARS
from careerstream.documents import DocumentRejected, read_document
from careerstream.gateway.api.errors import ApiError

# How each refusal of the document reader answers over HTTP (anything else: 422).
_REFUSAL_STATUS = {
    "file_too_large": 413,
    "too_many_pages": 413,
    "unsupported_type": 415,
}


async def read_resume(file: UploadFile, *, max_bytes: int, max_pages: int) -> ResumeDocument:
    """The file's text (type told by content), or the `ApiError` saying why not."""
    # One byte past the limit is enough to know it is too large, without reading it all.
    data = await file.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ApiError(
            413,
            "file_too_large",
            f"The file is larger than {max_bytes:,} bytes; send a smaller one.",
        )
    try:
        document = await asyncio.to_thread(
            read_document, data, max_bytes=max_bytes, max_pages=max_pages
        )
    except DocumentRejected as refused:
        status = _REFUSAL_STATUS.get(refused.code, 422)
        raise ApiError(status, refused.code, refused.message) from refused
    text = document.text.strip()[:MAX_RESUME_CHARS]
    if not text:
        raise ApiError(422, "empty_file", "The file holds no text to read.")
    return ResumeDocument(
        filename=(file.filename or "resume")[-255:],
        kind=document.kind.value,
        pages=document.pages,
        text=text,
    )
