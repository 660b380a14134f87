"""The gateway's side of the bus: journal shard consumers and the live feed.

Raw events reach the journal shards (one active consumer per shard across all
replicas), are numbered and stored by the journal writer, then published on the
live exchange, one message per session and batch. Each replica's exclusive live
queue carries them to the clients it holds.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from faststream.middlewares import AckPolicy
from faststream.rabbit import Channel, RabbitBroker, RabbitMessage, RabbitQueue
from pydantic import ValidationError

from careerstream.contracts import TurnRequested, parse_session_event, session_event_adapter
from careerstream.contracts.topology import GUIDE_TURNS, live_routing_key
from careerstream.gateway.feeds import SessionFeeds
from careerstream.gateway.journal import JournalWriter
from careerstream.gateway.settings import GatewaySettings
from careerstream.gateway.store import Journaled, SessionStore
from careerstream.runtime.broker import make_broker
from careerstream.runtime.publishing import publish_request
from careerstream.runtime.topology import journal_exchange, journal_queues, live_exchange

log = logging.getLogger("careerstream.gateway")


class GatewayBus:
    def __init__(self, settings: GatewaySettings, store: SessionStore) -> None:
        self.settings = settings
        self.store = store
        self.broker: RabbitBroker = make_broker(
            settings.rabbitmq_url, service="gateway", log_level=settings.log_level
        )
        self.live_queue = RabbitQueue(
            f"careerstream.gateway.live.{settings.replica_id}",
            durable=False,
            exclusive=True,
            auto_delete=True,
            # A key no session uses: sessions are bound on demand by `feeds`.
            routing_key=f"replica.{settings.replica_id}",
        )
        self.feeds = SessionFeeds(self._bind, self._unbind, buffer=settings.listener_buffer)
        self.writer = JournalWriter(
            store,
            self._publish_live,
            max_batch=settings.journal_batch_max,
            max_wait_s=settings.journal_batch_ms / 1000,
        )
        self._register()

    def _register(self) -> None:
        broker = self.broker
        shard_channel = Channel(prefetch_count=self.settings.journal_prefetch)
        for queue in journal_queues:

            @broker.subscriber(
                queue, journal_exchange, channel=shard_channel, ack_policy=AckPolicy.MANUAL
            )
            async def on_raw_event(body: dict[str, Any], message: RabbitMessage) -> None:
                try:
                    event = parse_session_event(body)
                except ValidationError as exc:
                    log.error("malformed session event dead-lettered: %s", exc)
                    await message.reject()
                    return
                await self.writer.submit(message, event)

        @broker.subscriber(self.live_queue, live_exchange, ack_policy=AckPolicy.ACK_FIRST)
        async def on_live_events(body: dict[str, Any]) -> None:
            for raw in body["events"]:
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
        queue = await self.broker.declare_queue(self.live_queue)
        exchange = await self.broker.declare_exchange(live_exchange)
        await queue.bind(exchange, routing_key=live_routing_key(session_id))

    async def _unbind(self, session_id: str) -> None:
        queue = await self.broker.declare_queue(self.live_queue)
        exchange = await self.broker.declare_exchange(live_exchange)
        await queue.unbind(exchange, routing_key=live_routing_key(session_id))

    async def request_turn(self, request: TurnRequested) -> None:
        await publish_request(self.broker, GUIDE_TURNS, request)
