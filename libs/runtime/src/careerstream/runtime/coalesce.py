"""Token streams: coalescing bounds the message rate whatever the model's token rate, and
pacing makes deterministic text arrive like a model's (for demos).

Pieces are joined until a time window has passed since the first piece of the
batch, or the batch reaches a size bound, whichever comes first. A slow model
still sees each piece flushed once its window ends, even if no next piece comes.
The coalescer owns its source: when it ends, for whatever reason, it closes it.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncGenerator, AsyncIterator, Iterable


async def coalesce(
    pieces: AsyncIterator[str], *, window_s: float, max_chars: int
) -> AsyncGenerator[str, None]:
    if window_s < 0 or max_chars < 1:
        raise ValueError("window_s must be >= 0 and max_chars >= 1")
    loop = asyncio.get_running_loop()
    buffer: list[str] = []
    size = 0
    deadline = 0.0
    pending: asyncio.Task[str] | None = None
    try:
        while True:
            if pending is None:
                pending = asyncio.ensure_future(anext(pieces))
            timeout = max(0.0, deadline - loop.time()) if buffer else None
            done, _ = await asyncio.wait({pending}, timeout=timeout)
            if not done:  # window over before the next piece arrived
                yield "".join(buffer)
                buffer, size = [], 0
                continue
            task, pending = pending, None
            try:
                piece = task.result()
            except StopAsyncIteration:
                break
            if not piece:
                continue
            if not buffer:
                deadline = loop.time() + window_s
            buffer.append(piece)
            size += len(piece)
            if size >= max_chars or loop.time() >= deadline:
                yield "".join(buffer)
                buffer, size = [], 0
        if buffer:
            yield "".join(buffer)
    finally:
        if pending is not None:
            pending.cancel()
            with contextlib.suppress(asyncio.CancelledError, StopAsyncIteration):
                await pending
        # However the reading ends (a reader that stops, a deadline), the source is closed
        # now rather than whenever it is collected: a model's stream holds a connection.
        close = getattr(pieces, "aclose", None)
        if close is not None:
            await close()


async def paced(pieces: Iterable[str], pace_s: float) -> AsyncIterator[str]:
    """The pieces as a stream, with a pause before each when `pace_s` is above zero."""
    for piece in pieces:
        if pace_s:
            await asyncio.sleep(pace_s)
        yield piece
