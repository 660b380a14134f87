from __future__ import annotations

import json
from pathlib import Path
from typing import get_args

from careerstream.contracts.events import AnySessionEvent
from careerstream.contracts.schema import all_schemas, main
from careerstream.contracts.version import SCHEMA_VERSION


def test_the_session_event_schema_names_every_type_the_contract_has() -> None:
    schema = all_schemas()["session-event"]
    mapping = schema["discriminator"]["mapping"]
    kinds = {kind.model_fields["type"].default for kind in get_args(AnySessionEvent)}
    assert set(mapping) == kinds
    assert {"token", "turn.completed", "stage.retrying", "reset", "error"} <= kinds


def test_requests_require_what_identifies_them() -> None:
    schemas = all_schemas()
    for name in ("turn-requested", "pipeline-requested", "report-requested"):
        assert "session_id" in schemas[name]["required"], name
    assert "message" in schemas["turn-requested"]["required"]
    assert set(schemas["report"]["properties"]) >= {"holland_code", "riasec", "matches"}


def test_export_writes_each_schema_once_in_a_versioned_file(tmp_path: Path) -> None:
    assert main([str(tmp_path)]) == 0
    schemas = all_schemas()
    written = {p.name: json.loads(p.read_text()) for p in tmp_path.iterdir()}
    assert written == {f"{name}.v{SCHEMA_VERSION}.json": schema for name, schema in schemas.items()}
