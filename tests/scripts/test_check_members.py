"""The member check's probe, run in this environment against a member made for the test."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from scripts.check_members import PROBE


def probe(tmp_path: Path, dependencies: list[str], source: str) -> list[str]:
    member = tmp_path / "member"
    package = member / "src" / "careerstream" / "probed"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(source)
    (member / "pyproject.toml").write_text(
        f'[project]\nname = "careerstream-probed"\ndependencies = {json.dumps(dependencies)}\n'
    )
    owners = {"probed": "careerstream-probed", "contracts": "careerstream-contracts"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(member), json.dumps(owners)],
        cwd=tmp_path,
        env={"PYTHONPATH": str(member / "src")},
        capture_output=True,
        text=True,
        timeout=60,
    )
    return [line for line in done.stdout.splitlines() if line]


def test_an_import_the_member_does_not_declare_is_named(tmp_path: Path) -> None:
    problems = probe(tmp_path, [], "import json\nimport pydantic\n")
    assert len(problems) == 1
    assert "imports pydantic, from pydantic, not declared" in problems[0]


def test_declared_and_standard_imports_pass(tmp_path: Path) -> None:
    source = (
        "import json\nfrom pydantic import BaseModel\nfrom careerstream.contracts import Locale\n"
    )
    assert probe(tmp_path, ["pydantic>=2", "careerstream-contracts"], source) == []


def test_a_workspace_part_is_owned_by_its_member(tmp_path: Path) -> None:
    problems = probe(tmp_path, ["pydantic"], "from careerstream.contracts import Locale\n")
    assert problems == [
        "src/careerstream/probed/__init__.py:1 imports careerstream.contracts, "
        "from careerstream-contracts, not declared"
    ]
