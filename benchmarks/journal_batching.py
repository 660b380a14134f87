"""How much batching buys the journal: events journaled per second by batch size.

Runs every configuration side by side in one process, against SQLite and (when
reachable) PostgreSQL, each on a throwaway database, and prints throughput and
the ratio to one-event-per-transaction. Usage:

    uv run python -m benchmarks.journal_batching [--events 3000] [--sessions 20]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from careerstream.contracts import Locale, TokenStreamed
from careerstream.gateway.journal.store import Store
from careerstream.gateway.journal.store.migrate import upgrade
from tests.support.database import postgres_database, sqlite_database

BATCH_SIZES = (1, 20, 200)


async def measure(url: str, events: int, sessions: int, batch: int) -> float:
    store = Store.open(url)
    try:
        ids = [(await store.sessions.create(Locale.EN)).session_id for _ in range(sessions)]
        stream = [TokenStreamed(session_id=ids[i % sessions], text="tok ") for i in range(events)]
        started = time.perf_counter()
        for start in range(0, events, batch):
            await store.events.journal(stream[start : start + batch])
        return events / (time.perf_counter() - started)
    finally:
        await store.close()


@contextlib.contextmanager
def backends(with_postgres: bool) -> Iterator[list[tuple[str, str]]]:
    with contextlib.ExitStack() as stack:
        found = [
            (
                "sqlite",
                stack.enter_context(
                    sqlite_database(Path(stack.enter_context(tempfile.TemporaryDirectory())))
                ),
            )
        ]
        if with_postgres:
            found.append(("postgresql", stack.enter_context(postgres_database())))
        yield found


async def run(found: list[tuple[str, str]], events: int, sessions: int) -> None:
    print(f"{events} token events over {sessions} sessions; best of 3 rounds\n")
    print(f"{'backend':<11} {'batch':>5} {'events/s':>10} {'vs batch 1':>10}")
    for name, url in found:
        await upgrade(url)
        best: dict[int, float] = {}
        for _ in range(3):  # interleaved rounds: machine noise hits every size alike
            for batch in BATCH_SIZES:
                rate = await measure(url, events, sessions, batch)
                best[batch] = max(best.get(batch, 0.0), rate)
        for batch in BATCH_SIZES:
            ratio = best[batch] / best[1]
            print(f"{name:<11} {batch:>5} {best[batch]:>10.0f} {ratio:>9.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=3000)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    with backends(not args.no_postgres) as found:
        asyncio.run(run(found, args.events, args.sessions))


if __name__ == "__main__":
    main()
