"""What coalescing saves: broker messages and publish time for one fast streamed reply.

A model that streams 2,000 tokens as fast as it can is published to the real
broker twice, side by side: one event per token, and coalesced with the guide's
defaults (40 ms window, 24 characters). Usage (needs RabbitMQ, `RABBITMQ_URL`):

    uv run python -m benchmarks.token_coalescing [--tokens 2000]
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import AsyncIterator

from faststream.rabbit import RabbitBroker

from careerstream.contracts import TokenStreamed
from careerstream.runtime.coalesce import coalesce
from careerstream.runtime.publishing import publish_event
from careerstream.runtime.topology import declare_topology
from tests.support.rabbit import provide_broker


async def model(tokens: int) -> AsyncIterator[str]:
    for index in range(tokens):
        yield f" tok{index % 10}"
        if index % 50 == 0:
            await asyncio.sleep(0)  # a fast model still yields to the loop now and then


async def publish(broker: RabbitBroker, pieces: AsyncIterator[str]) -> tuple[int, float]:
    started = time.perf_counter()
    count = 0
    async for text in pieces:
        # An unknown session: the journal drops it; the broker still carries every message.
        await publish_event(broker, TokenStreamed(session_id="benchmark", text=text))
        count += 1
    return count, time.perf_counter() - started


async def run(url: str, tokens: int) -> None:
    broker = RabbitBroker(url, logger=None)
    await broker.connect()
    await declare_topology(broker)
    try:
        rows = []
        for _ in range(3):  # interleaved rounds
            plain = await publish(broker, model(tokens))
            joined = await publish(broker, coalesce(model(tokens), window_s=0.040, max_chars=24))
            rows.append((plain, joined))
        best_plain = min(rows, key=lambda r: r[0][1])[0]
        best_joined = min(rows, key=lambda r: r[1][1])[1]
        print(f"{tokens} tokens, best of 3 rounds")
        print(f"{'mode':<12} {'messages':>9} {'seconds':>8}")
        print(f"{'per token':<12} {best_plain[0]:>9} {best_plain[1]:>8.3f}")
        print(f"{'coalesced':<12} {best_joined[0]:>9} {best_joined[1]:>8.3f}")
        print(
            f"ratio: {best_plain[0] / best_joined[0]:.1f}x fewer messages, "
            f"{best_plain[1] / best_joined[1]:.1f}x less publishing time"
        )
    finally:
        await broker.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tokens", type=int, default=2000)
    # A throwaway virtual host, as the tests use: nothing is left behind on the broker.
    with provide_broker() as target:
        asyncio.run(run(target.url, parser.parse_args().tokens))


if __name__ == "__main__":
    main()
