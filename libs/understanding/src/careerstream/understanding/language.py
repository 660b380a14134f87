"""Which of the supported languages a text is written in."""

from __future__ import annotations

import re

from careerstream.contracts import Locale

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")


def detect_locale(text: str, default: Locale = Locale.EN) -> Locale:
    """Chinese when the text has CJK characters and not far more Latin letters; else English.

    One Chinese character carries about as much as a short English word, hence the
    weight of three: "我用 Python 和 SQL" is Chinese, "I studied 中文" is English.
    """
    cjk = len(_CJK.findall(text))
    latin = len(_LATIN_LETTER.findall(text))
    if cjk == 0 and latin == 0:
        return default
    return Locale.ZH if cjk * 3 >= latin else Locale.EN
