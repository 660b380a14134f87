"""What the gateway's journal reads from a session's shard: client events and stored records.

One decoder for the whole road, so the journal consumer has no special case for the
stored-only `report.rendered`: each entry says itself whether it is for clients
(`SessionMessage.for_clients`).
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, TypeAdapter

from careerstream.contracts.events import AnySessionEvent
from careerstream.contracts.report import ReportRendered

JournalEntry = Annotated[AnySessionEvent | ReportRendered, Field(discriminator="type")]

journal_entry_adapter: TypeAdapter[JournalEntry] = TypeAdapter(JournalEntry)


def parse_journal_entry(raw: bytes | str | dict[str, Any]) -> JournalEntry:
    """Validate one message of a journal shard; raises pydantic.ValidationError."""
    if isinstance(raw, dict):
        return journal_entry_adapter.validate_python(raw)
    return journal_entry_adapter.validate_json(raw)
