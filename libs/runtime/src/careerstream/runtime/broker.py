"""Broker construction shared by the services."""

from __future__ import annotations

import logging

from faststream.rabbit import RabbitBroker


def make_broker(url: str, *, service: str, log_level: str = "INFO") -> RabbitBroker:
    # graceful_timeout lets an in-flight stage finish (and ack) on shutdown.
    return RabbitBroker(
        url,
        app_id=f"careerstream.{service}",
        graceful_timeout=15.0,
        log_level=logging.getLevelName(log_level.upper()),
        logger=logging.getLogger(f"careerstream.{service}"),
    )
