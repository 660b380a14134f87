"""The house rules of the tree, read from the import statements of every source file.

* Services never import each other; libraries never import a service.
* Only the broker's adapters touch FastStream or aio-pika: the runtime library, each
  worker's `app.py` and `handlers.py`, and the gateway's bus, consumers and dispatch.
  Everything else (the domain modules) can be run and tested without a broker.
* The gateway's wings depend one way: `api` → `sessions` → `journal`.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BROKER_PACKAGES = ("faststream", "aio_pika", "aiormq")
BROKER_ADAPTERS = {
    "careerstream.gateway.journal.bus",
    "careerstream.gateway.journal.consumers",
    "careerstream.gateway.sessions.dispatch",
}
WINGS = ("api", "sessions", "journal")  # each may import only those to its right


def modules() -> Iterator[tuple[str, set[str]]]:
    """(module name, the modules it imports) for every source file."""
    for source in sorted(ROOT.glob("*/*/src/careerstream/**/*.py")):
        kind, member = source.relative_to(ROOT).parts[:2]
        package = source.relative_to(ROOT / kind / member / "src").with_suffix("")
        name = ".".join(package.parts).removesuffix(".__init__")
        tree = ast.parse(source.read_text(encoding="utf-8"))
        imported = {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        }
        imported |= {
            node.module
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module
        }
        yield name, imported


def test_services_never_import_each_other_and_libraries_no_service() -> None:
    services = {p.name for p in (ROOT / "services").iterdir() if p.is_dir()}
    wrong = []
    for name, imported in modules():
        own = name.split(".")[1]
        for target in imported:
            parts = target.split(".")
            if parts[0] == "careerstream" and len(parts) > 1 and parts[1] in services - {own}:
                wrong.append(f"{name} imports {target}")
    assert not wrong, wrong


def test_only_the_broker_adapters_touch_the_broker() -> None:
    wrong = []
    for name, imported in modules():
        adapter = (
            name.startswith("careerstream.runtime.")
            or name.rsplit(".", 1)[-1] in ("app", "handlers")
            or name in BROKER_ADAPTERS
        )
        touches = {t for t in imported if t.split(".")[0] in BROKER_PACKAGES}
        if touches and not adapter:
            wrong.append(f"{name} imports {sorted(touches)}")
    assert not wrong, wrong


def test_the_gateway_wings_depend_one_way() -> None:
    wrong = []
    for name, imported in modules():
        parts = name.split(".")
        if parts[:2] != ["careerstream", "gateway"] or len(parts) < 3 or parts[2] not in WINGS:
            continue
        allowed = WINGS[WINGS.index(parts[2]) :]
        for target in imported:
            tparts = target.split(".")
            into_wing = tparts[:2] == ["careerstream", "gateway"] and len(tparts) > 2
            if into_wing and tparts[2] in WINGS and tparts[2] not in allowed:
                wrong.append(f"{name} imports {target}")
    assert not wrong, wrong


def test_the_rules_are_read_from_real_files() -> None:
    names = {name for name, _ in modules()}
    assert "careerstream.guide.turns" in names
    assert "careerstream.gateway.api.turns" in names
    assert len(names) > 100
