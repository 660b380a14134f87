from __future__ import annotations

import pytest

from careerstream.contracts import Locale
from careerstream.gateway.sessions.welcome import WELCOME
from careerstream.understanding.language import detect_locale


@pytest.mark.parametrize("locale", list(Locale))
def test_each_language_is_welcomed_in_itself(locale: Locale) -> None:
    assert detect_locale(WELCOME[locale]) is locale
