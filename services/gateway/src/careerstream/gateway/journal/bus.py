"""The gateway's side of the bus: journal shard consumers and the live feed.

Raw events reach the journal shards (one active consumer per shard across all
replicas), are numbered and stored by the journal writer, then published on the
live exchange, one message per session and batch. Each replica's exclusive live
queue carries them to the clients it holds.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from aio_pika.abc import AbstractIncomingMessage, AbstractRobustQueue
from faststream.rabbit import RabbitBroker
from pydantic import ValidationError

from careerstream.contracts import parse_journal_entry, session_event_adapter
from careerstream.contracts.topology import (
    JOURNAL_SHARDS,
    LIVE_EXCHANGE,
    journal_queue_name,
    live_routing_key,
)
from careerstream.gateway.journal.consumers import OrderedConsumers
from careerstream.gateway.journal.feeds import SessionFeeds
from careerstream.gateway.journal.store.events import EventJournal, Journaled
from careerstream.gateway.journal.writer import JournalWriter
from careerstream.gateway.settings import GatewaySettings
from careerstream.runtime.broker import make_broker
from careerstream.runtime.health import broker_ready
from careerstream.runtime.topology import declare_topology, live_exchange

log = logging.getLogger("careerstream.gateway")


class JournalBus:
    def __init__(self, settings: GatewaySettings, events: EventJournal) -> None:
        self.settings = settings
        # Publishing and topology go through FastStream; consuming through ordered iterators.
        self.broker: RabbitBroker = make_broker(
            settings.rabbitmq_url, service="gateway", log_level=settings.log_level
        )
        self.consumers = OrderedConsumers(
            settings.rabbitmq_url,
            prefetch=settings.journal_prefetch,
            name=f"careerstream.gateway.{settings.replica_id}",
        )
        self.feeds = SessionFeeds(self._bind, self._unbind, buffer=settings.listener_buffer)
        self.writer = JournalWriter(
            events,
            self._publish_live,
            max_batch=settings.journal_batch_max,
            max_wait_s=settings.journal_batch_ms / 1000,
        )
        self._live_queue: AbstractRobustQueue | None = None

    async def start(self) -> None:
        await self.broker.connect()
        await declare_topology(self.broker)
        await self.broker.start()
        await self.consumers.start()
        self._live_queue = await self.consumers.private_queue(
            f"careerstream.gateway.live.{self.settings.replica_id}"
        )
        self.consumers.consume(self._live_queue, self._on_live)
        self.writer.start()
        for shard in range(JOURNAL_SHARDS):
            queue = await self.consumers.existing_queue(journal_queue_name(shard))
            self.consumers.consume(queue, self._on_raw_event)

    async def stop(self) -> None:
        await self.consumers.stop()
        await self.writer.stop()
        await self.broker.stop()

    async def ready(self) -> bool:
        return self.consumers.running and await broker_ready(self.broker)

    async def _on_raw_event(self, delivery: AbstractIncomingMessage) -> None:
        try:
            entry = parse_journal_entry(delivery.body)
        except ValidationError as exc:
            log.error("malformed journal entry dead-lettered: %s", exc)
            await delivery.reject()
            return
        await self.writer.submit(delivery, entry)

    async def _on_live(self, delivery: AbstractIncomingMessage) -> None:
        await delivery.ack()
        for raw in json.loads(delivery.body)["events"]:
            self.feeds.dispatch(session_event_adapter.validate_python(raw))

    async def _publish_live(self, journaled: Sequence[Journaled]) -> None:
        by_session: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for item in journaled:
            by_session[item.event.session_id].append(item.event.model_dump(mode="json"))
        for session_id, events in by_session.items():
            await self.broker.publish(
                {"session_id": session_id, "events": events},
                exchange=live_exchange,
                routing_key=live_routing_key(session_id),
                mandatory=False,  # no replica may be listening to this session right now
            )

    async def _bind(self, session_id: str) -> None:
        assert self._live_queue is not None
        await self._live_queue.bind(LIVE_EXCHANGE, routing_key=live_routing_key(session_id))

    async def _unbind(self, session_id: str) -> None:
        assert self._live_queue is not None
        await self._live_queue.unbind(LIVE_EXCHANGE, routing_key=live_routing_key(session_id))
