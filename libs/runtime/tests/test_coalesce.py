from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from careerstream.runtime.coalesce import coalesce, paced


async def pieces(items: list[str], gap_s: float = 0.0) -> AsyncIterator[str]:
    for item in items:
        if gap_s:
            await asyncio.sleep(gap_s)
        yield item


async def collect(source: AsyncIterator[str], *, window_s: float, max_chars: int) -> list[str]:
    return [c async for c in coalesce(source, window_s=window_s, max_chars=max_chars)]


async def test_a_fast_stream_is_cut_by_size() -> None:
    out = await collect(pieces(["ab"] * 10), window_s=10, max_chars=6)
    assert out == ["ababab", "ababab", "ababab", "ab"]


async def test_nothing_is_lost_or_reordered() -> None:
    items = [f"{i}," for i in range(500)]
    out = await collect(pieces(items), window_s=0.01, max_chars=37)
    assert "".join(out) == "".join(items)
    assert all(len(chunk) < 37 + 4 for chunk in out)


async def test_a_slow_stream_is_flushed_when_the_window_ends() -> None:
    # Pieces 50 ms apart with a 5 ms window: each leaves on its own, none waits for the next.
    out = await collect(pieces(["a", "b", "c"], gap_s=0.05), window_s=0.005, max_chars=100)
    assert out == ["a", "b", "c"]


async def test_empty_pieces_and_empty_streams() -> None:
    assert await collect(pieces([]), window_s=0.01, max_chars=4) == []
    assert await collect(pieces(["", "x", ""]), window_s=0.01, max_chars=4) == ["x"]


async def test_closing_early_cancels_the_pending_read() -> None:
    started = asyncio.Event()
    cancelled = asyncio.Event()

    async def endless() -> AsyncIterator[str]:
        yield "first"
        started.set()
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            cancelled.set()
            raise
        yield "never"

    stream = coalesce(endless(), window_s=0.001, max_chars=100)
    assert await anext(stream) == "first"
    await started.wait()
    await stream.aclose()
    assert cancelled.is_set()


async def test_closing_early_closes_a_source_resting_between_pieces() -> None:
    closed = asyncio.Event()

    async def source() -> AsyncIterator[str]:
        try:
            for n in range(100):
                yield f"{n} "
        finally:
            closed.set()  # a model stream closes its HTTP connection here

    stream = coalesce(source(), window_s=10, max_chars=2)
    assert await anext(stream) == "0 "
    await stream.aclose()
    assert closed.is_set(), "closed now, not when collected"


def test_bad_bounds_are_refused() -> None:
    with pytest.raises(ValueError, match="max_chars"):
        asyncio.run(collect(pieces(["x"]), window_s=0.01, max_chars=0))


async def test_paced_pieces_arrive_in_order_with_a_pause_before_each() -> None:
    loop = asyncio.get_running_loop()
    started = loop.time()
    out = [p async for p in paced(["a", "b", "c"], 0.01)]
    assert out == ["a", "b", "c"]
    assert loop.time() - started >= 0.03  # three pauses: never faster than asked
    assert [p async for p in paced(iter(["x"]), 0)] == ["x"]
