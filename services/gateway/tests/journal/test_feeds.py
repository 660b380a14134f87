from __future__ import annotations

import asyncio

from careerstream.contracts import TokenStreamed
from careerstream.gateway.journal.feeds import SessionFeeds


class Bindings:
    def __init__(self) -> None:
        self.log: list[tuple[str, str]] = []

    async def bind(self, session_id: str) -> None:
        self.log.append(("bind", session_id))

    async def unbind(self, session_id: str) -> None:
        self.log.append(("unbind", session_id))


def token(session_id: str, text: str = "x") -> TokenStreamed:
    return TokenStreamed(session_id=session_id, text=text)


async def test_a_session_is_bound_once_and_unbound_when_the_last_listener_leaves() -> None:
    bindings = Bindings()
    feeds = SessionFeeds(bindings.bind, bindings.unbind, buffer=100)
    async with feeds.listen("a") as first:
        async with feeds.listen("a") as second:
            feeds.dispatch(token("a"))
            feeds.dispatch(token("b"))  # not listened to here
            assert first.events.qsize() == second.events.qsize() == 1
        assert bindings.log == [("bind", "a")]
    assert bindings.log == [("bind", "a"), ("unbind", "a")]
    assert feeds.session_count == 0


async def test_concurrent_listeners_do_not_race_the_binding() -> None:
    bindings = Bindings()
    feeds = SessionFeeds(bindings.bind, bindings.unbind, buffer=100)

    async def listen_briefly() -> None:
        async with feeds.listen("a"):
            await asyncio.sleep(0.01)

    await asyncio.gather(*(listen_briefly() for _ in range(20)))
    binds = [entry for entry in bindings.log if entry[0] == "bind"]
    unbinds = [entry for entry in bindings.log if entry[0] == "unbind"]
    assert len(binds) == len(unbinds) >= 1
    assert bindings.log[-1] == ("unbind", "a")


async def test_a_listener_that_falls_behind_is_marked_and_stops_receiving() -> None:
    bindings = Bindings()
    feeds = SessionFeeds(bindings.bind, bindings.unbind, buffer=3)
    async with feeds.listen("a") as listener:
        for i in range(5):
            feeds.dispatch(token("a", str(i)))
        assert listener.overflowed
        assert listener.events.qsize() == 3


async def test_a_client_that_hangs_up_mid_unbind_does_not_cut_the_call_short() -> None:
    """A cancelled AMQP call closes the channel all consumers share: never cancel one."""
    started, release = asyncio.Event(), asyncio.Event()
    finished: list[str] = []

    async def slow_unbind(session_id: str) -> None:
        started.set()
        await release.wait()
        finished.append(session_id)

    feeds = SessionFeeds(Bindings().bind, slow_unbind, buffer=10)

    async def client() -> None:
        async with feeds.listen("a"):
            pass

    task = asyncio.create_task(client())
    await started.wait()
    task.cancel()  # the client hangs up while the unbind is in flight
    await asyncio.sleep(0)
    release.set()
    await asyncio.sleep(0.01)
    assert finished == ["a"]
    assert task.cancelled()


async def test_no_lock_is_left_behind_once_every_listener_has_left() -> None:
    feeds = SessionFeeds(Bindings().bind, Bindings().unbind, buffer=10)
    for number in range(500):
        async with feeds.listen(f"s{number}"):
            pass
    assert feeds.lock_count == 0


async def test_a_listener_arriving_while_the_last_one_leaves_keeps_the_binding() -> None:
    bindings = Bindings()
    gate = asyncio.Event()
    unbinding = asyncio.Event()

    async def slow_unbind(session_id: str) -> None:
        unbinding.set()
        await gate.wait()
        await bindings.unbind(session_id)

    feeds = SessionFeeds(bindings.bind, slow_unbind, buffer=10)

    async def leave() -> None:
        async with feeds.listen("a"):
            pass

    async def arrive() -> None:
        async with feeds.listen("a") as listener:
            feeds.dispatch(token("a"))
            assert listener.events.qsize() == 1

    leaving = asyncio.create_task(leave())
    await asyncio.wait_for(unbinding.wait(), 5)  # the last listener is leaving, lock held
    arriving = asyncio.create_task(arrive())
    for _ in range(5):
        await asyncio.sleep(0)  # the newcomer now waits for that lock
    gate.set()
    await asyncio.wait_for(asyncio.gather(leaving, arriving), 5)
    # Unbound by the first leaver, bound again for the newcomer, unbound when it left.
    assert bindings.log == [("bind", "a"), ("unbind", "a"), ("bind", "a"), ("unbind", "a")]
    assert feeds.lock_count == 0
    assert feeds.session_count == 0
