"""Shared fixtures of the matcher's tests: the two occupation indexes and two people.

The O*NET index is built once per run into a temporary cache, through an embedder that
counts its calls: the cold build is the slow part of the suite (about half a minute on two
cores), so every test that needs it shares this one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from careerstream.contracts import (
    EducationEntry,
    EducationLevel,
    InterestProfile,
    Position,
    Profile,
    Skill,
)
from careerstream.matcher.embeddings import Embedder, Vectors, default_embedder
from careerstream.matcher.occupations import OccupationIndex, load_index
from tests.support.onet import onet_dir


class CountingEmbedder:
    """The real model, counting how often it is asked to embed."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.calls = 0

    @property
    def model_id(self) -> str:
        return self.inner.model_id

    def passages(self, texts: Sequence[str]) -> Vectors:
        self.calls += 1
        return self.inner.passages(texts)

    def queries(self, texts: Sequence[str]) -> Vectors:
        self.calls += 1
        return self.inner.queries(texts)


@dataclass(frozen=True)
class ColdBuild:
    index: OccupationIndex
    embed_calls: int
    progress: list[float]


@pytest.fixture(scope="session")
def onet_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("matcher-cache")


@pytest.fixture(scope="session")
def onet_cold(onet_cache: Path) -> ColdBuild:
    counter = CountingEmbedder(default_embedder())
    fractions: list[float] = []
    index = load_index(
        onet_dir(), onet_cache, progress=lambda f, _: fractions.append(f), embedder=counter
    )
    return ColdBuild(index=index, embed_calls=counter.calls, progress=fractions)


@pytest.fixture(scope="session")
def onet_index(onet_cold: ColdBuild) -> OccupationIndex:
    return onet_cold.index


@pytest.fixture(scope="session")
def onet_cold_calls(onet_cold: ColdBuild) -> int:
    """How many times the cold build called the model."""
    return onet_cold.embed_calls


@pytest.fixture(scope="session")
def onet_cold_progress(onet_cold: ColdBuild) -> list[float]:
    return onet_cold.progress


@pytest.fixture(scope="session")
def catalogue_index(tmp_path_factory: pytest.TempPathFactory) -> OccupationIndex:
    return load_index(None, tmp_path_factory.mktemp("catalogue-cache"))


def _skill(name: str, label: str | None = None) -> Skill:
    return Skill(name=name, label=label or name, found=label or name, source="stated")


def _inferred(holland_code: str, **riasec: float) -> InterestProfile:
    return InterestProfile(
        riasec=riasec, holland_code=holland_code, source="inferred", confidence=0.8
    )


@pytest.fixture
def analyst() -> tuple[Profile, InterestProfile]:
    """Investigative and Conventional, with Python, SQL and statistics (English)."""
    profile = Profile(
        highest_level=EducationLevel.BACHELOR,
        years_experience=2,
        education=[EducationEntry(level=EducationLevel.BACHELOR, major="Statistics")],
        experience=[Position(title="Reporting assistant", years=2)],
        skills=[_skill("Python"), _skill("SQL"), _skill("statistics")],
        interests=["analysing numbers", "puzzles"],
        goals=["work with data"],
    )
    return profile, _inferred("ICR", R=0.3, I=0.9, A=0.25, S=0.2, E=0.3, C=0.75)


@pytest.fixture
def nurse() -> tuple[Profile, InterestProfile]:
    """Social first, who speaks of nursing and caring for patients in Chinese."""
    profile = Profile(
        highest_level=EducationLevel.BACHELOR,
        years_experience=1,
        education=[EducationEntry(level=EducationLevel.BACHELOR, major="护理学")],
        skills=[_skill("护理"), _skill("照顾病人")],
        interests=["照顾病人", "帮助别人"],
        goals=["在医院工作"],
    )
    return profile, _inferred("SIC", R=0.35, I=0.55, A=0.2, S=0.9, E=0.3, C=0.5)
