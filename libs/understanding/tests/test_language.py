from __future__ import annotations

import pytest

from careerstream.contracts import Locale
from careerstream.understanding.language import detect_locale


@pytest.mark.parametrize("text", ["你好", "我用 Python 和 SQL 做数据分析"])
def test_chinese_messages(text: str) -> None:
    assert detect_locale(text) is Locale.ZH


@pytest.mark.parametrize("text", ["Hello there", "I studied 中文 at university"])
def test_english_messages_even_with_a_chinese_word(text: str) -> None:
    assert detect_locale(text) is Locale.EN


def test_no_letters_keeps_the_default() -> None:
    assert detect_locale("123 !!!", default=Locale.ZH) is Locale.ZH
