"""Each workspace member installs alone and imports alone, and declares what it imports.

For every member (`libs/*`, `services/*`) this installs that member with only its own
locked dependencies into an environment of its own (`var/members/<name>`), then, in that
environment:

1. imports every module of the member's package, so a missing dependency fails here
   rather than in production;
2. reads every import statement of the member's source and checks that each package it
   names comes from a distribution the member lists itself — being pulled in by another
   dependency is not enough, because that dependency may drop it.

`python scripts/check_members.py [NAME ...]` (default: every member); exits 1 on a problem.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENVS = ROOT / "var" / "members"

# Runs inside the member's own environment, with only the standard library and the member.
PROBE = r"""
import ast, importlib, importlib.metadata as md, json, pkgutil, re, sys, tomllib
from pathlib import Path

member = Path(sys.argv[1])
project = tomllib.loads((member / "pyproject.toml").read_text())["project"]

def canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()

def requirement_name(spec):
    return canonical(re.split(r"[\s\[<>=!~;]", spec, maxsplit=1)[0])

declared = {requirement_name(spec) for spec in project.get("dependencies", [])}
declared.add(canonical(project["name"]))
distributions = {
    top: {canonical(d) for d in dists} for top, dists in md.packages_distributions().items()
}
# careerstream.<part> is a namespace shared by every member; argv[2] names each part's owner.
owners = json.loads(sys.argv[2])

problems = []
package_dir = member / "src" / "careerstream"
for path in sorted(package_dir.rglob("*.py")):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top, _, rest = name.partition(".")
            if top in sys.stdlib_module_names or top == "__future__":
                continue
            if top == "careerstream":
                sources = {owners.get(rest.split(".")[0], f"careerstream.{rest}")}
            else:
                sources = distributions.get(top, {f"(no installed distribution has {top!r})"})
            if not sources & declared:
                where = f"{path.relative_to(member)}:{node.lineno}"
                origin = ", ".join(sorted(sources))
                problems.append(f"{where} imports {name}, from {origin}, not declared")

for package in pkgutil.walk_packages([str(package_dir)], prefix="careerstream."):
    if package.name.endswith(".migrations.env") or package.name.endswith(".__main__"):
        continue  # Alembic's env runs migrations when imported; __main__ runs the service
    try:
        importlib.import_module(package.name)
    except Exception as exc:
        problems.append(f"import {package.name}: {type(exc).__name__}: {exc}")

print("\n".join(problems))
sys.exit(1 if problems else 0)
"""


def members() -> dict[str, Path]:
    found = {}
    for folder in sorted([*ROOT.glob("libs/*"), *ROOT.glob("services/*")]):
        if (folder / "pyproject.toml").is_file():
            name = tomllib.loads((folder / "pyproject.toml").read_text())["project"]["name"]
            found[name] = folder
    return found


def namespace_owners() -> dict[str, str]:
    """`careerstream.<part>` -> the member that ships it (workspace members install editable,
    so the installed metadata does not list their modules)."""
    owners = {}
    for name, folder in members().items():
        for part in (folder / "src" / "careerstream").iterdir():
            if part.is_dir() and part.name != "__pycache__":
                owners[part.name] = re.sub(r"[-_.]+", "-", name).lower()
    return owners


def check(name: str, folder: Path) -> list[str]:
    env_dir = ENVS / name
    environment = {**os.environ, "UV_PROJECT_ENVIRONMENT": str(env_dir)}
    environment.pop("VIRTUAL_ENV", None)
    sync = subprocess.run(
        ["uv", "sync", "--frozen", "--no-dev", "--quiet", "--package", name],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    if sync.returncode != 0:
        return [f"does not install alone: {sync.stderr.strip()}"]
    probe = subprocess.run(
        [str(env_dir / "bin" / "python"), "-c", PROBE, str(folder), json.dumps(namespace_owners())],
        cwd=env_dir,  # not the checkout: nothing may be imported from the working tree
        env={**environment, "PYTHONPATH": "", "LITELLM_LOCAL_MODEL_COST_MAP": "True"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    lines = [line for line in probe.stdout.splitlines() if line.strip()]
    if probe.returncode != 0 and not lines:
        lines = [probe.stderr.strip()[-2000:]]
    return lines


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="members to check (default: all)")
    chosen = parser.parse_args(argv).names
    every = members()
    unknown = sorted(set(chosen) - set(every))
    if unknown:
        print(f"no such member: {', '.join(unknown)}", file=sys.stderr)
        return 2
    failed = 0
    for name in chosen or every:
        started = time.monotonic()
        problems = check(name, every[name])
        took = time.monotonic() - started
        print(f"{'FAIL' if problems else 'ok  '} {name} ({took:.0f}s)")
        for problem in problems:
            print(f"     {problem}")
        failed += bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
