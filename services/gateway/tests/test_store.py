from __future__ import annotations

from careerstream.contracts import ChatRole, Locale, TokenStreamed, TurnCompleted
from careerstream.gateway.store import SessionStore


async def test_events_are_numbered_from_one_per_session() -> None:
    store = SessionStore()
    a = await store.create(Locale.EN)
    b = await store.create(Locale.ZH)
    seqs_a = [
        (await store.append(TokenStreamed(session_id=a.session_id, text="x"))) for _ in range(3)
    ]
    first_b = await store.append(TokenStreamed(session_id=b.session_id, text="y"))
    assert [e.seq for e in seqs_a if e] == [1, 2, 3]
    assert first_b is not None
    assert first_b.seq == 1


async def test_a_redelivered_event_is_journaled_once() -> None:
    store = SessionStore()
    session = await store.create(Locale.EN)
    event = TokenStreamed(session_id=session.session_id, text="x")
    assert await store.append(event) is not None
    assert await store.append(event) is None
    assert [e.seq for e in await store.events_after(session.session_id, 0)] == [1]


async def test_replay_after_a_cursor() -> None:
    store = SessionStore()
    session = await store.create(Locale.EN)
    for i in range(5):
        await store.append(TokenStreamed(session_id=session.session_id, text=str(i)))
    assert [e.seq for e in await store.events_after(session.session_id, 3)] == [4, 5]
    assert await store.events_after(session.session_id, 5) == []


async def test_the_projection_follows_the_journal() -> None:
    store = SessionStore()
    session = await store.create(Locale.EN)
    await store.add_user_message(session.session_id, "hello")
    assert session.status == "replying"
    await store.append(
        TurnCompleted(session_id=session.session_id, reply="hi!", is_sufficient=False)
    )
    assert [m.role for m in session.history] == [ChatRole.USER, ChatRole.ASSISTANT]
    assert session.history[-1].content == "hi!"
    assert session.status == "idle"
    assert session.snapshot()["last_seq"] == 1
