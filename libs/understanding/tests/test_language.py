from __future__ import annotations

import pytest

from careerstream.contracts import Locale
from careerstream.understanding.language import detect_locale


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("你好", Locale.ZH),
        ("我用 Python 和 SQL 做数据分析", Locale.ZH),
        ("Hello there", Locale.EN),
        ("I studied 中文 at university", Locale.EN),
    ],
)
def test_language_of_a_message(text: str, locale: Locale) -> None:
    assert detect_locale(text) is locale


def test_no_letters_keeps_the_default() -> None:
    assert detect_locale("123 !!!", default=Locale.ZH) is Locale.ZH
