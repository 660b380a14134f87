"""Run the whole careerstream stack as local processes, from the Procfile.

`python scripts/stack.py up` starts every service, waits until each answers
`/readyz`, prints the URL and supervises them: a service that exits is started
again after a back-off (0.5 s doubling to 10 s, reset once it has stayed up 30 s),
and each restart is logged with the exit code. Only Ctrl-C, SIGTERM or SIGHUP
stops the stack, and then every service is stopped (SIGTERM, a bounded wait,
then SIGKILL). The end-to-end tests use the same `Stack` with their own ports
and broker, unsupervised.
"""

from __future__ import annotations

import argparse
import contextlib
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


@dataclass(frozen=True)
class Launch:
    """How a service was started, so that a restart starts it the same way."""

    command: str
    env: dict[str, str]


@dataclass
class Backoff:
    """One service's restart pace: doubles per quick exit, resets after a stable run."""

    initial_s: float = 0.5
    max_s: float = 10.0
    stable_s: float = 30.0
    delay_s: float = 0.5
    restarts: int = 0
    started_at: float = 0.0
    due_at: float | None = None

    def schedule(self, now: float) -> float:
        if now - self.started_at >= self.stable_s:
            self.delay_s = self.initial_s
        wait = self.delay_s
        self.due_at = now + wait
        self.delay_s = min(self.delay_s * 2, self.max_s)
        return wait


def describe_exit(code: int) -> str:
    if code < 0:
        try:
            return f"code {code} ({signal.Signals(-code).name})"
        except ValueError:
            return f"code {code}"
    return f"code {code}"


@dataclass
class Stack:
    env: dict[str, str] = field(default_factory=lambda: dict(os.environ))
    log_dir: Path | None = None
    only: tuple[str, ...] = ()
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    ports: dict[str, int] = field(default_factory=dict)
    procfile: Path = ROOT / "Procfile"
    launches: dict[str, Launch] = field(default_factory=dict)
    backoff: dict[str, Backoff] = field(default_factory=dict)

    def __post_init__(self) -> None:
        venv_bin = ROOT / ".venv" / "bin"
        self.env["PATH"] = f"{venv_bin}{os.pathsep}{self.env.get('PATH', '')}"
        self.env.setdefault("PYTHONUNBUFFERED", "1")

    def url(self, name: str = "gateway") -> str:
        port = self.ports.get(name) or port_of(name, self.env)
        return f"http://127.0.0.1:{port}"

    def say(self, message: str) -> None:
        print(f"[stack {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    def start(self, names: tuple[str, ...] | None = None) -> None:
        commands = read_procfile(self.procfile)
        for name in names or self.only or tuple(commands):
            self.start_one(name, commands[name])

    def start_one(
        self,
        name: str,
        command: str | None = None,
        *,
        like: str | None = None,
        port: int | None = None,
        env: Mapping[str, str] | None = None,
    ) -> None:
        """Start `name` from the Procfile, or a second copy of service `like` on `port`;
        `env` adds variables for this process only."""
        command = command or read_procfile(self.procfile)[like or name]
        own_env = {**self.env, **(env or {})}
        if like is not None and port is not None:
            own_env[PORTS[like][0]] = str(port)
            self.ports[name] = port
        self.launches[name] = Launch(command, own_env)
        self._spawn(name)

    def restart(self, name: str) -> None:
        """Start `name` again as it was last started (after `kill`, or once it exited)."""
        process = self.processes.get(name)
        if process is not None and process.poll() is None:
            raise RuntimeError(f"{name} is still running")
        self._spawn(name)

    def _spawn(self, name: str) -> None:
        launch = self.launches[name]
        log: IO[bytes] | None = None
        if self.log_dir is not None:
            self.log_dir.mkdir(parents=True, exist_ok=True)
            log = (self.log_dir / f"{name}.log").open("ab")
        try:
            # Its own process group, so a terminal's Ctrl-C reaches only the runner, which
            # stops the services in order; `stop` then signals each group as a whole.
            process = subprocess.Popen(
                ["/bin/sh", "-c", f"exec {launch.command}"],
                cwd=ROOT,
                env=launch.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        finally:
            if log is not None:
                log.close()  # the child holds its own descriptor
        self.processes[name] = process
        self.backoff.setdefault(name, Backoff()).started_at = time.monotonic()
        self.say(f"started {name} (pid {process.pid})")

    def supervise(self, now: float | None = None) -> None:
        """One supervision step: schedule a restart for each service that exited, and
        start those whose back-off has passed."""
        now = time.monotonic() if now is None else now
        for name, process in list(self.processes.items()):
            code = process.poll()
            if code is None:
                continue
            backoff = self.backoff.setdefault(name, Backoff())
            if backoff.due_at is None:
                wait = backoff.schedule(now)
                backoff.restarts += 1
                self.say(
                    f"{name} exited with {describe_exit(code)}; "
                    f"restart {backoff.restarts} in {wait:g}s"
                )
            elif now >= backoff.due_at:
                backoff.due_at = None
                self._spawn(name)

    def ready(self) -> bool:
        """Every service is running and answers `/readyz`."""
        return all(
            process.poll() is None and _answers(f"{self.url(name)}/readyz")
            for name, process in self.processes.items()
        )

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
        """SIGTERM to every service's group, wait at most `timeout`, then SIGKILL."""
        for process in self.processes.values():
            if process.poll() is None:
                _signal_group(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        for process in self.processes.values():
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
            # Anything the service left in its group goes with it.
            _signal_group(process.pid, signal.SIGKILL)
        self.processes.clear()


def _signal_group(pgid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # the group is already empty
        os.killpg(pgid, sig)


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class _Stop(Exception):
    """Ctrl-C, SIGTERM or SIGHUP: stop the stack."""


def _raise_stop_once(signum: int, frame: object) -> None:
    # A signal to the process group reaches the runner twice (directly, and forwarded by
    # `uv run`): only the first may interrupt; a second one must not cut `stop` short.
    for sig in STOP_SIGNALS:
        signal.signal(sig, signal.SIG_IGN)
    raise _Stop


def up(procfile: Path = ROOT / "Procfile") -> int:
    # Explicit handlers: a shell that started us in the background may have ignored SIGINT.
    for sig in STOP_SIGNALS:
        signal.signal(sig, _raise_stop_once)
    stack = Stack(procfile=procfile)
    stack.env.setdefault("GUIDE_TYPING_PACE_MS", "25")  # visible streaming for people
    stack.env.setdefault("REPORTER_TYPING_PACE_MS", "10")
    shared_onet = ROOT.parent / "shared" / "onet"
    if "ONET_DIR" not in stack.env and (shared_onet / "Occupation Data.txt").is_file():
        stack.env["ONET_DIR"] = str(shared_onet)  # the O*NET release beside the checkout
    try:
        stack.start()
        announced = False
        while True:  # until a stop signal: services that exit are restarted
            stack.supervise()
            if not announced and stack.ready():
                announced = True
                print(
                    f"\ncareerstream is up: {stack.url()}  (Ctrl-C stops everything)\n", flush=True
                )
            time.sleep(0.2)
    except _Stop:
        return 0
    finally:
        for sig in STOP_SIGNALS:
            signal.signal(sig, signal.SIG_IGN)
        stack.say("stopping careerstream…")
        stack.stop()
        stack.say("stopped")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("command", choices=["up"])
    parser.add_argument("--procfile", type=Path, default=ROOT / "Procfile")
    args = parser.parse_args(argv)
    return up(args.procfile)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
