"""The built-in catalogue: complete in both languages, and true to O*NET where it cites it."""

from __future__ import annotations

import pytest

from careerstream.contracts import Locale
from careerstream.matcher.catalogue import builtin_catalogue
from careerstream.matcher.onet import load_onet
from tests.support.onet import onet_dir


def test_every_entry_is_complete_in_both_languages() -> None:
    catalogue = builtin_catalogue()
    assert len(catalogue) >= 30
    assert len({o.code for o in catalogue}) == len(catalogue)
    for occupation in catalogue:
        assert occupation.name(Locale.EN)
        assert occupation.name(Locale.ZH)
        assert len(occupation.holland_code) == 3
        assert set(occupation.holland_code) <= set("RIASEC")
        assert 1 <= occupation.job_zone <= 5
        assert len(occupation.skills[Locale.EN]) == len(occupation.skills[Locale.ZH]) >= 3


def test_all_six_interest_areas_lead_somewhere() -> None:
    leads = {o.holland_code[0] for o in builtin_catalogue()}
    assert leads == set("RIASEC")


@pytest.fixture(scope="module")
def onet_codes() -> dict[str, tuple[str, int | None]]:
    return {o.code: (o.holland_code, o.job_zone) for o in load_onet(onet_dir())}


def test_codes_holland_codes_and_job_zones_agree_with_onet(
    onet_codes: dict[str, tuple[str, int | None]],
) -> None:
    for occupation in builtin_catalogue():
        assert occupation.code in onet_codes, occupation.code
        assert (occupation.holland_code, occupation.job_zone) == onet_codes[occupation.code]
