from __future__ import annotations

import json
from pathlib import Path

from careerstream.contracts.schema import all_schemas, main
from careerstream.contracts.version import SCHEMA_VERSION


def test_session_event_schema_names_every_type() -> None:
    schema = json.dumps(all_schemas()["session-event"])
    for kind in ("token", "turn.completed", "stage.retrying", "reset", "error"):
        assert f'"{kind}"' in schema


def test_export_writes_one_versioned_file_per_contract(tmp_path: Path) -> None:
    assert main([str(tmp_path)]) == 0
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted(f"{name}.v{SCHEMA_VERSION}.json" for name in all_schemas())
    for path in tmp_path.iterdir():
        assert "properties" in json.loads(path.read_text()) or "$defs" in json.loads(
            path.read_text()
        )
