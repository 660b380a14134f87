"""A stand-in for the broker that keeps what was published, in order (no RabbitMQ)."""

from __future__ import annotations

from typing import Any

from careerstream.contracts import parse_journal_entry


class RecordingBroker:
    def __init__(self) -> None:
        self.published: list[dict[str, Any]] = []

    async def publish(self, message: dict[str, Any], **options: Any) -> None:
        self.published.append({"body": message, **options})

    def entries(self) -> list[Any]:
        """The session messages (events and stored records), leaving requests out; typed
        loosely so a test can read each kind's fields."""
        return [parse_journal_entry(p["body"]) for p in self.published if "type" in p["body"]]
