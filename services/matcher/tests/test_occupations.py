"""Loading the occupation index: built-in catalogue, O*NET release, vector cache."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from careerstream.contracts import Locale
from careerstream.matcher.embeddings import BATCH, CHUNK, Vectors, default_embedder
from careerstream.matcher.occupations import (
    CATALOGUE_SOURCE,
    ONET_SOURCE,
    OccupationIndex,
    load_index,
    riasec_from_code,
)
from careerstream.matcher.onet import ATTRIBUTION
from tests.support.onet import onet_dir


class NoEmbedding:
    """Fails the test if anything is embedded: a warm start must only read the cache."""

    model_id = default_embedder().model_id

    def passages(self, texts: Sequence[str]) -> Vectors:
        raise AssertionError(f"embedded {len(texts)} passages on a cached load")

    def queries(self, texts: Sequence[str]) -> Vectors:
        raise AssertionError(f"embedded {len(texts)} queries on a cached load")


def _check_vectors(index: OccupationIndex) -> None:
    assert index.passage_vectors.shape == (len(index), 384)
    assert np.allclose(np.linalg.norm(index.passage_vectors, axis=1), 1.0, atol=1e-3)
    embedded_terms = sum(len(rows) for rows in index.term_rows)
    assert index.term_vectors.shape == (embedded_terms, 384)


def test_the_catalogue_index_has_every_entry_in_both_languages(
    catalogue_index: OccupationIndex,
) -> None:
    index = catalogue_index
    assert len(index) == 39
    assert index.data_source == CATALOGUE_SOURCE
    assert index.attribution == ATTRIBUTION
    _check_vectors(index)
    nurse = next(o for o in index.occupations if o.code == "29-1141.00")
    assert nurse.source == "catalogue"
    assert nurse.title(Locale.ZH) == "注册护士"
    assert nurse.title(Locale.EN) == "Registered Nurse"
    assert "注册护士" in nurse.passage
    assert "patient care" in nurse.passage
    assert "病人护理" in nurse.passage
    terms = [index.terms[t] for t in nurse.terms]
    assert [t.label(Locale.ZH) for t in terms] == ["病人护理", "急救", "沟通", "用药管理"]
    # Product names keep their own casing in English too.
    scientist = next(o for o in index.occupations if o.code == "15-2051.00")
    assert "Python" in [index.terms[t].label(Locale.EN) for t in scientist.terms]


class StopAfter:
    """The real model, stopping (as a killed worker would) after some passage batches."""

    def __init__(self, batches: int) -> None:
        self.inner = default_embedder()
        self.batches = batches
        self.model_id = self.inner.model_id

    def passages(self, texts: Sequence[str]) -> Vectors:
        if self.batches == 0:
            raise InterruptedError("stopped")
        self.batches -= 1
        return self.inner.passages(texts)

    def queries(self, texts: Sequence[str]) -> Vectors:
        return self.inner.queries(texts)


def test_an_interrupted_cold_start_keeps_what_it_finished(onet_cache: Path, tmp_path: Path) -> None:
    # Normally runs before the shared O*NET index is built, into the same cache: that build
    # then only embeds the rest, which also keeps each test well inside the time limit.
    cache = tmp_path if list(onet_cache.glob("passage-*.npy")) else onet_cache
    with pytest.raises(InterruptedError):
        load_index(onet_dir(), cache, embedder=StopAfter(batches=CHUNK // BATCH * 4 + 1))
    assert len(list(cache.glob("passage-*.npy"))) == 4  # four whole chunks kept
    assert list(cache.glob("query-*.npy"))  # the skill names were done first


def test_the_onet_index_holds_every_occupation_with_an_interest_profile(
    onet_index: OccupationIndex, onet_cold_calls: int, onet_cold_progress: list[float]
) -> None:
    index = onet_index
    assert len(index) == 923
    assert index.data_source == ONET_SOURCE
    assert "CC BY 4.0" in index.attribution
    _check_vectors(index)
    assert onet_cold_calls > 0
    assert onet_cold_progress == sorted(onet_cold_progress)
    assert onet_cold_progress[-1] == 1.0
    # One report per embedding batch: at least the batches left after an interrupted start.
    assert len(onet_cold_progress) > (923 - 4 * CHUNK) // BATCH

    codes = [o.code for o in index.occupations]
    assert codes == sorted(codes)
    assert all(o.source == "onet" for o in index.occupations)
    assert all(0.0 <= x <= 1.0 for o in index.occupations for x in o.riasec)

    nurses = next(o for o in index.occupations if o.code == "29-1141.00")
    assert nurses.title_en == "Registered Nurses"
    assert nurses.title(Locale.ZH) == "注册护士"  # from the catalogue
    assert nurses.passage.startswith("Registered Nurses (注册护士).")
    names = [index.terms[t].en for t in nurses.terms]
    assert "Patient care" in names  # the catalogue's key skills join O*NET's
    assert "Social Perceptiveness" in names
    assert "Epic Systems" in names  # a tool of its field...
    assert "Microsoft SharePoint" not in names  # ...not an office one
    assert "Microsoft Excel" not in names

    # An occupation outside the catalogue keeps its English title in Chinese.
    actuaries = next(o for o in index.occupations if o.code == "15-2011.00")
    assert actuaries.title(Locale.ZH) == "Actuaries"
    assert actuaries.title_zh is None


def test_a_second_load_reads_the_cache_and_embeds_nothing(
    onet_index: OccupationIndex, onet_cache: Path
) -> None:
    fractions: list[float] = []
    again = load_index(
        onet_dir(), onet_cache, progress=lambda f, _: fractions.append(f), embedder=NoEmbedding()
    )
    assert len(again) == 923
    assert np.array_equal(again.passage_vectors, onet_index.passage_vectors)
    assert np.array_equal(again.term_vectors, onet_index.term_vectors)
    assert fractions == sorted(fractions)
    assert fractions[-1] == 1.0


def test_the_catalogue_loads_without_any_cache(catalogue_index: OccupationIndex) -> None:
    fractions: list[float] = []
    index = load_index(None, None, progress=lambda f, _: fractions.append(f))
    assert np.allclose(index.passage_vectors, catalogue_index.passage_vectors, atol=1e-5)
    assert fractions[0] == 0.0
    assert fractions[-1] == 1.0
    assert fractions == sorted(fractions)


def test_a_holland_code_implies_a_profile_of_the_same_shape() -> None:
    profile = dict(zip("RIASEC", riasec_from_code("SIC"), strict=True))
    assert profile["S"] > profile["I"] > profile["C"] > profile["R"] == profile["E"]
    assert all(0 <= value <= 1 for value in profile.values())
