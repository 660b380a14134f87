"""`stack.py up` as `make up` runs it: real processes, stopped by signals, restarted when they die.

The services are stand-ins that answer `/readyz` (Python's own HTTP server serving a
file of that name) on the ports the real Procfile's variables name, so the runner's
process handling is tested without a broker.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.stack import PORTS, ROOT

pytestmark = pytest.mark.timeout(120)

STARTED = re.compile(r"started (\S+) \(pid (\d+)\)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Runner:
    """`uv run python scripts/stack.py up` in a process group of its own, like `make up`."""

    def __init__(self, tmp_path: Path) -> None:
        served = tmp_path / "served"
        served.mkdir()
        (served / "readyz").write_text("ok")
        procfile = tmp_path / "Procfile"
        procfile.write_text(
            "".join(
                f"{name}: {sys.executable} -m http.server ${{{variable}}} "
                f"--bind 127.0.0.1 --directory {served}\n"
                for name, (variable, _) in PORTS.items()
            )
        )
        env = dict(os.environ)
        env.update({variable: str(free_port()) for variable, _ in PORTS.values()})
        self.log = tmp_path / "runner.log"
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(
                [
                    *("uv", "run", "--frozen", "python", "scripts/stack.py", "up"),
                    *("--procfile", str(procfile)),
                ],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def text(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_for(self, pattern: str, timeout: float = 60.0) -> re.Match[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = re.search(pattern, self.text())
            if found:
                return found
            assert self.process.poll() is None, f"the runner exited:\n{self.text()}"
            time.sleep(0.1)
        raise AssertionError(f"{pattern!r} not logged within {timeout:g}s:\n{self.text()}")

    def children(self) -> dict[str, int]:
        """The last pid logged for each service."""
        return {name: int(pid) for name, pid in STARTED.findall(self.text())}

    def pids_of(self, name: str, count: int, timeout: float = 30.0) -> list[int]:
        """Every pid logged for `name`, once there are `count` of them."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pids = [int(pid) for each, pid in STARTED.findall(self.text()) if each == name]
            if len(pids) >= count:
                return pids
            time.sleep(0.1)
        raise AssertionError(f"{name} was not started {count} times:\n{self.text()}")

    def terminate_group(self, sig: int = signal.SIGTERM) -> int:
        os.killpg(self.process.pid, sig)
        return self.process.wait(timeout=60)

    def cleanup(self) -> None:
        """Whatever a failed test left: the runner's group, then each child's own group."""
        for pgid in [self.process.pid, *self.children().values()]:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pgid, signal.SIGKILL)
        self.process.wait(timeout=30)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie has exited; only its parent has not read its status yet.
    stat = Path(f"/proc/{pid}/stat").read_text()
    return stat.rpartition(")")[2].split()[0] != "Z"


def wait_gone(pids: list[int], timeout: float = 30.0) -> list[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        left = [pid for pid in pids if alive(pid)]
        if not left:
            return []
        time.sleep(0.1)
    return [pid for pid in pids if alive(pid)]


@pytest.fixture
def runner(tmp_path: Path) -> Iterator[Runner]:
    started = Runner(tmp_path)
    try:
        started.wait_for(r"careerstream is up")
        assert set(started.children()) == set(PORTS)
        yield started
    finally:
        started.cleanup()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_a_signal_to_the_runners_group_leaves_no_service_alive(runner: Runner, sig: int) -> None:
    children = list(runner.children().values())
    assert all(alive(pid) for pid in children)
    code = runner.terminate_group(sig)
    assert wait_gone(children) == [], runner.text()
    assert "stopped" in runner.text()
    assert code == 0, runner.text()


def test_a_service_killed_with_sigkill_is_restarted_and_the_restart_is_logged(
    runner: Runner,
) -> None:
    (first,) = runner.pids_of("guide", 1)
    os.kill(first, signal.SIGKILL)
    runner.wait_for(r"guide exited with code -9 \(SIGKILL\); restart 1 in 0\.5s")
    second = runner.pids_of("guide", 2)[1]
    assert second != first
    assert alive(second)
    # Killed again at once: the back-off doubles.
    os.kill(second, signal.SIGKILL)
    runner.wait_for(r"guide exited with code -9 \(SIGKILL\); restart 2 in 1s")
    third = runner.pids_of("guide", 3)[2]
    assert alive(third)
    children = list(runner.children().values())
    assert third in children
    assert runner.terminate_group() == 0
    assert wait_gone(children) == [], runner.text()
