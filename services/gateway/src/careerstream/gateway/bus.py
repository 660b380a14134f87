"""The gateway's side of the bus: the journal consumer and the live feed.

Raw events from the workers reach the journal queue (single active consumer),
are numbered and stored, then republished on the live exchange. Each replica's
exclusive live queue carries them to the clients it holds.
"""

from __future__ import annotations

import logging

from faststream.middlewares import AckPolicy
from faststream.rabbit import Channel, RabbitBroker, RabbitQueue

from careerstream.contracts import SessionEvent, TurnRequested, parse_session_event
from careerstream.contracts.topology import GUIDE_TURNS, live_routing_key
from careerstream.gateway.feeds import SessionFeeds
from careerstream.gateway.settings import GatewaySettings
from careerstream.gateway.store import SessionStore
from careerstream.runtime.broker import make_broker
from careerstream.runtime.publishing import publish_request
from careerstream.runtime.topology import events_exchange, journal_queue, live_exchange

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
            # Its own name as binding key matches no session: sessions are bound on demand.
            routing_key=f"replica.{settings.replica_id}",
        )
        self.feeds = SessionFeeds(self._bind, self._unbind, buffer=settings.listener_buffer)
        self._register()

    def _register(self) -> None:
        broker = self.broker

        @broker.subscriber(
            journal_queue,
            events_exchange,
            channel=Channel(prefetch_count=64),
            ack_policy=AckPolicy.NACK_ON_ERROR,
        )
        async def on_raw_event(body: dict[str, object]) -> None:
            event = parse_session_event(body)
            numbered = await self.store.append(event)
            if numbered is not None:
                await self._publish_live(numbered)

        @broker.subscriber(self.live_queue, live_exchange, ack_policy=AckPolicy.ACK_FIRST)
        async def on_live_event(body: dict[str, object]) -> None:
            self.feeds.dispatch(parse_session_event(body))

    async def _publish_live(self, event: SessionEvent) -> None:
        await self.broker.publish(
            event.model_dump(mode="json"),
            exchange=live_exchange,
            routing_key=live_routing_key(event.session_id),
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
