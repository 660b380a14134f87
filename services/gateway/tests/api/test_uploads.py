"""Reading an uploaded résumé: its text kept, a bad file refused with the right status."""

from __future__ import annotations

import io

import pytest
from fastapi import UploadFile

from careerstream.contracts.inputs import MAX_RESUME_CHARS
from careerstream.gateway.api.errors import ApiError
from careerstream.gateway.api.uploads import read_resume


def upload(data: bytes, filename: str | None = "cv.txt") -> UploadFile:
    return UploadFile(file=io.BytesIO(data), filename=filename)


async def test_a_text_file_is_read_and_trimmed() -> None:
    resume = await read_resume(upload(b"\n  Jane Doe\nSkills: SQL  \n"), max_bytes=100, max_pages=3)
    assert (resume.filename, resume.kind, resume.pages) == ("cv.txt", "txt", 1)
    assert resume.text == "Jane Doe\nSkills: SQL"


async def test_a_long_name_keeps_its_end_and_a_missing_one_gets_a_default() -> None:
    named = await read_resume(upload(b"x", "a" * 300 + ".txt"), max_bytes=100, max_pages=3)
    assert len(named.filename) == 255
    assert named.filename.endswith(".txt")
    unnamed = await read_resume(upload(b"x", None), max_bytes=100, max_pages=3)
    assert unnamed.filename == "resume"


async def test_the_text_kept_is_bounded() -> None:
    big = b"word " * (MAX_RESUME_CHARS // 4)
    resume = await read_resume(upload(big), max_bytes=len(big), max_pages=3)
    assert len(resume.text) <= MAX_RESUME_CHARS


@pytest.mark.parametrize(
    ("data", "status", "code"),
    [
        (b"x" * 101, 413, "file_too_large"),
        (b"\x89PNG\r\n\x1a\n" + bytes(50), 415, "unsupported_type"),
        (b"   \n\t ", 422, "empty_file"),
    ],
    ids=["too-large", "image", "blank"],
)
async def test_a_bad_file_is_refused(data: bytes, status: int, code: str) -> None:
    with pytest.raises(ApiError) as refused:
        await read_resume(upload(data), max_bytes=100, max_pages=3)
    assert (refused.value.status, refused.value.code) == (status, code)
    assert refused.value.message
