"""JSON Schema export of every contract: `python -m careerstream.contracts.schema [DIR]`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from careerstream.contracts.events import session_event_adapter
from careerstream.contracts.report import ReportDocument, ReportRendered
from careerstream.contracts.requests import (
    AnalyzeRequested,
    MatchRequested,
    PipelineRequested,
    ReportRequested,
    TurnRequested,
)
from careerstream.contracts.version import SCHEMA_VERSION


def all_schemas() -> dict[str, dict[str, Any]]:
    return {
        "session-event": session_event_adapter.json_schema(),
        "turn-requested": TurnRequested.model_json_schema(),
        "pipeline-requested": PipelineRequested.model_json_schema(),
        "analyze-requested": AnalyzeRequested.model_json_schema(),
        "match-requested": MatchRequested.model_json_schema(),
        "report-requested": ReportRequested.model_json_schema(),
        "report-rendered": ReportRendered.model_json_schema(),
        "report": ReportDocument.model_json_schema(),
    }


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else None
    schemas = all_schemas()
    if out is None:
        json.dump({"schema_version": SCHEMA_VERSION, "schemas": schemas}, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    out.mkdir(parents=True, exist_ok=True)
    for name, schema in schemas.items():
        (out / f"{name}.v{SCHEMA_VERSION}.json").write_text(json.dumps(schema, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
