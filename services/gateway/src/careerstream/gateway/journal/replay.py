"""Replay and live tail for one SSE client: every event once, in `seq` order.

The client's feed is subscribed *before* the journal is read, so an event is
either in what the journal returns or still to come on the feed; events both
deliver are dropped by `seq`. A live event that arrives ahead of the next
expected `seq` (its predecessor's live message was lost, e.g. a gateway died
between commit and publish) is preceded by the missing events read from the
journal, so the stream never has a gap.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import AbstractAsyncContextManager

from careerstream.contracts import SessionEvent
from careerstream.gateway.journal.feeds import Listener, SessionFeeds
from careerstream.gateway.journal.store.events import EventJournal


async def journal_after(
    store: EventJournal, session_id: str, after: int, *, until: int | None = None, page: int
) -> AsyncIterator[SessionEvent]:
    while until is None or after < until:
        limit = page if until is None else min(page, until - after)
        events = await store.events_after(session_id, after, limit)
        if not events:
            return
        for event in events:
            yield event
            after = event.seq or after


async def live_tail(
    store: EventJournal, listener: Listener, sent: int, *, page: int
) -> AsyncGenerator[SessionEvent]:
    """Events after `sent` from the feed, gaps filled from the journal; ends on overflow."""
    while not listener.overflowed:
        event = await listener.events.get()
        seq = event.seq or 0
        if seq <= sent:
            continue
        if seq > sent + 1:
            async for missed in journal_after(
                store, event.session_id, sent, until=seq - 1, page=page
            ):
                yield missed
                sent = missed.seq or sent
        yield event
        sent = seq


async def journal_then_live(
    store: EventJournal, listener: Listener, after: int, *, page: int
) -> AsyncGenerator[SessionEvent]:
    """Everything after `after`: what the journal holds, then the live feed, merged by seq.

    The listener must be subscribed before this starts reading the journal.
    """
    sent = after
    async for event in journal_after(store, listener.session_id, sent, page=page):
        yield event
        sent = event.seq or sent
    async for event in live_tail(store, listener, sent, page=page):
        yield event


class Replay:
    """A session's events for one client: its live feed, and everything after a seq."""

    def __init__(self, feeds: SessionFeeds, journal: EventJournal, *, page: int) -> None:
        self.feeds = feeds
        self.journal = journal
        self.page = page

    def listen(self, session_id: str) -> AbstractAsyncContextManager[Listener]:
        """Entered before reading: every event journaled from then on reaches the listener."""
        return self.feeds.listen(session_id)

    def after(self, listener: Listener, seq: int) -> AsyncGenerator[SessionEvent]:
        return journal_then_live(self.journal, listener, seq, page=self.page)
