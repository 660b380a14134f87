from __future__ import annotations

from careerstream.contracts import AREA_NAMES, RIASEC, Locale
from careerstream.contracts.riasec import LETTER_OF_AREA


def test_every_area_has_a_name_in_each_language() -> None:
    for locale in Locale:
        assert list(AREA_NAMES[locale]) == list(RIASEC)
    assert AREA_NAMES[Locale.ZH]["R"] == "现实型"


def test_onet_english_names_lead_back_to_their_letters() -> None:
    assert LETTER_OF_AREA["Investigative"] == "I"
    assert "".join(LETTER_OF_AREA[AREA_NAMES[Locale.EN][x]] for x in RIASEC) == RIASEC
