"""The O*NET importer against the real 29.3 release in ../shared/onet (required here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerstream.matcher.onet import ATTRIBUTION, Occupation, OnetImportError, load_onet
from tests.support.onet import onet_dir


@pytest.fixture(scope="module")
def release() -> list[Occupation]:
    return load_onet(onet_dir())


def test_every_occupation_with_an_interest_profile_is_imported(release: list[Occupation]) -> None:
    # 923 occupations carry an interest profile in 29.3 (the release's own count).
    assert len(release) == 923
    codes = [o.code for o in release]
    assert codes == sorted(codes)
    assert all(len(o.riasec) == 6 for o in release)
    assert all(1.0 <= value <= 7.0 for o in release for value in o.riasec.values())


def test_one_occupation_read_whole(release: list[Occupation]) -> None:
    chief = next(o for o in release if o.code == "11-1011.00")
    assert chief.title == "Chief Executives"
    assert chief.riasec["R"] == pytest.approx(1.30)
    assert chief.riasec["I"] == pytest.approx(3.24)
    assert chief.job_zone == 5
    assert chief.holland_code[0] == "E"
    assert chief.skills[0] == "Judgment and Decision Making"  # its highest importance, 4.75
    assert len(chief.skills) == 8
    assert chief.technology
    assert "Agency Owner" in chief.alternate_titles


def test_job_zones_are_in_range(release: list[Occupation]) -> None:
    zones = {o.job_zone for o in release}
    assert zones <= {1, 2, 3, 4, 5, None}
    assert sum(o.job_zone is not None for o in release) > 900


def test_a_directory_without_the_release_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OnetImportError, match=r"Occupation Data\.txt"):
        load_onet(tmp_path)


def test_the_attribution_names_the_release_and_the_licence() -> None:
    assert "O*NET 29.3" in ATTRIBUTION
    assert "CC BY 4.0" in ATTRIBUTION
