"""Run the whole careerstream stack as local processes, from the Procfile.

`python scripts/stack.py up` starts every service, waits until each answers
`/readyz`, prints the URL and stops everything on Ctrl-C. The end-to-end tests
use the same `Stack` with their own ports and broker.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent

# Port variable and default of each service; the Procfile reads the same variables.
PORTS: dict[str, tuple[str, int]] = {
    "gateway": ("GATEWAY_PORT", 8000),
    "guide": ("GUIDE_PORT", 8101),
    "parser": ("PARSER_PORT", 8102),
    "analyzer": ("ANALYZER_PORT", 8103),
    "matcher": ("MATCHER_PORT", 8104),
    "reporter": ("REPORTER_PORT", 8105),
}


def read_procfile(path: Path = ROOT / "Procfile") -> dict[str, str]:
    commands: dict[str, str] = {}
    for line in path.read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, command = line.partition(":")
            commands[name.strip()] = command.strip()
    return commands


def port_of(name: str, env: Mapping[str, str]) -> int:
    variable, default = PORTS[name]
    return int(env.get(variable, default))


@dataclass
class Stack:
    env: dict[str, str] = field(default_factory=lambda: dict(os.environ))
    log_dir: Path | None = None
    only: tuple[str, ...] = ()
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    ports: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        venv_bin = ROOT / ".venv" / "bin"
        self.env["PATH"] = f"{venv_bin}{os.pathsep}{self.env.get('PATH', '')}"
        self.env.setdefault("PYTHONUNBUFFERED", "1")

    def url(self, name: str = "gateway") -> str:
        port = self.ports.get(name) or port_of(name, self.env)
        return f"http://127.0.0.1:{port}"

    def start(self, names: tuple[str, ...] | None = None) -> None:
        commands = read_procfile()
        for name in names or self.only or tuple(commands):
            self.start_one(name, commands[name])

    def start_one(
        self,
        name: str,
        command: str | None = None,
        *,
        like: str | None = None,
        port: int | None = None,
    ) -> None:
        """Start `name` from the Procfile, or a second copy of service `like` on `port`."""
        command = command or read_procfile()[like or name]
        env = self.env
        if like is not None and port is not None:
            env = {**self.env, PORTS[like][0]: str(port)}
            self.ports[name] = port
        log: IO[bytes] | None = None
        if self.log_dir is not None:
            self.log_dir.mkdir(parents=True, exist_ok=True)
            log = (self.log_dir / f"{name}.log").open("ab")
        try:
            self.processes[name] = subprocess.Popen(
                ["/bin/sh", "-c", f"exec {command}"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        finally:
            if log is not None:
                log.close()  # the child holds its own descriptor

    def wait_ready(self, timeout: float = 90.0, names: tuple[str, ...] | None = None) -> None:
        pending = set(names or self.processes)
        deadline = time.monotonic() + timeout
        while pending:
            for name in sorted(pending):
                process = self.processes[name]
                if process.poll() is not None:
                    raise RuntimeError(f"{name} exited with code {process.returncode}")
                if _answers(f"{self.url(name)}/readyz"):
                    pending.discard(name)
            if pending and time.monotonic() > deadline:
                raise TimeoutError(f"not ready after {timeout:g}s: {', '.join(sorted(pending))}")
            time.sleep(0.2)

    def kill(self, name: str, sig: int = signal.SIGKILL) -> None:
        process = self.processes.pop(name)
        os.killpg(process.pid, sig)
        process.wait(timeout=30)

    def stop(self, timeout: float = 20.0) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        for process in self.processes.values():
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        self.processes.clear()


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


class _Stop(Exception):
    """Ctrl-C or SIGTERM: stop the stack."""


def _raise_stop(signum: int, frame: object) -> None:
    raise _Stop


def up() -> int:
    # Explicit handlers: a shell that started us in the background may have ignored SIGINT.
    signal.signal(signal.SIGINT, _raise_stop)
    signal.signal(signal.SIGTERM, _raise_stop)
    stack = Stack()
    stack.env.setdefault("GUIDE_TYPING_PACE_MS", "25")  # visible streaming for people
    stack.env.setdefault("REPORTER_TYPING_PACE_MS", "10")
    shared_onet = ROOT.parent / "shared" / "onet"
    if "ONET_DIR" not in stack.env and (shared_onet / "Occupation Data.txt").is_file():
        stack.env["ONET_DIR"] = str(shared_onet)  # the O*NET release beside the checkout
    try:
        stack.start()
        stack.wait_ready()
        print(f"\ncareerstream is up: {stack.url()}  (Ctrl-C stops everything)\n", flush=True)
        while all(p.poll() is None for p in stack.processes.values()):
            time.sleep(0.5)
        dead = [n for n, p in stack.processes.items() if p.poll() is not None]
        print(f"stopping: {', '.join(dead)} exited", file=sys.stderr)
        return 1
    except _Stop:
        return 0
    finally:
        # A second Ctrl-C must not leave children behind half-stopped.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        print("stopping careerstream…", file=sys.stderr, flush=True)
        stack.stop()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("command", choices=["up"])
    parser.parse_args(argv)
    return up()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
