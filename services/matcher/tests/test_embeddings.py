"""The embedder wrapper and the vector cache."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from careerstream.matcher.embeddings import (
    BATCH,
    CHUNK,
    DIMENSION,
    Vectors,
    cache_key,
    default_embedder,
    embed_cached,
)


class FakeEmbedder:
    """Deterministic vectors from the text's length; counts texts embedded."""

    model_id = "fake-1"

    def __init__(self, fail_after: int | None = None) -> None:
        self.embedded = 0
        self.fail_after = fail_after  # texts, then it raises like a killed process would

    def passages(self, texts: Sequence[str]) -> Vectors:
        if self.fail_after is not None and self.embedded + len(texts) > self.fail_after:
            raise InterruptedError("stopped")
        self.embedded += len(texts)
        vectors = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        for row, text in enumerate(texts):
            vectors[row, len(text) % DIMENSION] = 1.0
        return vectors

    def queries(self, texts: Sequence[str]) -> Vectors:
        return self.passages(texts)


def test_the_model_gives_normalised_rows_in_both_languages() -> None:
    model = default_embedder()
    vectors = model.queries(["编程", "Programming", "护理"])
    assert vectors.shape == (3, DIMENSION)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    # One text is still a matrix, and the same text embeds the same way twice.
    assert model.passages(["护理"]).shape == (1, DIMENSION)
    assert np.allclose(model.queries(["护理"])[0], vectors[2], atol=1e-5)
    assert model.queries([]).shape == (0, DIMENSION)
    # The point of a multilingual model: a Chinese word is nearest its English meaning.
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_the_cache_key_covers_model_kind_and_every_text() -> None:
    base = cache_key("m", "passage", ["a", "b"])
    assert base == cache_key("m", "passage", ["a", "b"])
    assert base != cache_key("m2", "passage", ["a", "b"])
    assert base != cache_key("m", "query", ["a", "b"])
    assert base != cache_key("m", "passage", ["a", "b "])
    assert base != cache_key("m", "passage", ["ab"])  # no ambiguity from joining


def test_vectors_are_embedded_once_then_read_from_the_cache(tmp_path: Path) -> None:
    texts = [f"text {n}" * (n % 7 + 1) for n in range(BATCH * 2 + 5)]
    fake = FakeEmbedder()
    fractions: list[float] = []
    first, cached = embed_cached(
        fake, texts, kind="passage", cache_dir=tmp_path, progress=lambda f, _: fractions.append(f)
    )
    assert not cached
    assert fake.embedded == len(texts)
    assert len(fractions) == 3  # one report per batch
    assert fractions == sorted(fractions)
    assert fractions[-1] == 1.0

    second, cached = embed_cached(fake, texts, kind="passage", cache_dir=tmp_path)
    assert cached
    assert fake.embedded == len(texts)  # nothing embedded again
    assert np.array_equal(first, second)

    # Different texts are a different file: embedded, not read.
    embed_cached(fake, [*texts, "one more"], kind="passage", cache_dir=tmp_path)
    assert fake.embedded == 2 * len(texts) + 1


def test_an_interrupted_run_keeps_its_finished_chunks(tmp_path: Path) -> None:
    texts = [f"occupation {n}" for n in range(CHUNK * 3 + 10)]
    stopped = FakeEmbedder(fail_after=CHUNK * 2 + BATCH)
    with pytest.raises(InterruptedError):
        embed_cached(stopped, texts, kind="passage", cache_dir=tmp_path)
    assert len(list(tmp_path.glob("passage-*.npy"))) == 2  # two whole chunks written

    resumed = FakeEmbedder()
    fractions: list[float] = []
    vectors, cached = embed_cached(
        resumed,
        texts,
        kind="passage",
        cache_dir=tmp_path,
        progress=lambda f, _: fractions.append(f),
    )
    assert not cached
    assert resumed.embedded == CHUNK + 10  # only what was missing
    assert fractions == sorted(fractions)
    assert fractions[-1] == 1.0
    assert np.array_equal(vectors, FakeEmbedder().passages(texts))


def test_a_damaged_cache_file_is_embedded_again(tmp_path: Path) -> None:
    fake = FakeEmbedder()
    embed_cached(fake, ["a", "bb"], kind="query", cache_dir=tmp_path)
    (written,) = tmp_path.glob("query-*.npy")
    written.write_bytes(b"not a numpy file")
    vectors, cached = embed_cached(fake, ["a", "bb"], kind="query", cache_dir=tmp_path)
    assert not cached
    assert vectors.shape == (2, DIMENSION)
    assert fake.embedded == 4
    # ...and rewritten, so the next start reads it.
    assert embed_cached(fake, ["a", "bb"], kind="query", cache_dir=tmp_path)[1]


def test_without_a_cache_directory_nothing_is_written(tmp_path: Path) -> None:
    fake = FakeEmbedder()
    embed_cached(fake, ["a"], kind="query", cache_dir=None)
    embed_cached(fake, ["a"], kind="query", cache_dir=None)
    assert fake.embedded == 2
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("kind", ["passage", "query"])
def test_no_texts_make_an_empty_matrix(tmp_path: Path, kind: str) -> None:
    vectors, _ = embed_cached(
        FakeEmbedder(),
        [],
        kind="passage" if kind == "passage" else "query",
        cache_dir=tmp_path,
    )
    assert vectors.shape == (0, DIMENSION)
