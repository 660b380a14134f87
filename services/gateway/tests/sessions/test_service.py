"""Sessions as the API reads them, on both databases: lookups, listing, the report."""

from __future__ import annotations

import pytest

from careerstream.contracts import Locale
from careerstream.gateway.journal.store import Store
from careerstream.gateway.sessions.admission import Admission
from careerstream.gateway.sessions.errors import Invalid, NotFound
from careerstream.gateway.sessions.service import SessionService
from tests.support.reports import PDF, report_rendered


async def test_an_unknown_session_is_not_found(store: Store) -> None:
    with pytest.raises(NotFound) as missing:
        await SessionService(store.sessions).get("nobody")
    assert missing.value.code == "session_not_found"


async def test_a_listing_pages_with_its_own_cursor_and_refuses_others(store: Store) -> None:
    service = SessionService(store.sessions)
    owner = f"owner-{id(service)}"
    made = [await service.create(Locale.EN, owner) for _ in range(3)]
    first = await service.list_for_owner(owner, 2, None)
    assert first.next_cursor is not None
    rest = await service.list_for_owner(owner, 2, first.next_cursor)
    listed = [s.session_id for s in first.sessions + rest.sessions]
    assert listed == [r.session_id for r in reversed(made)]
    assert rest.next_cursor is None
    with pytest.raises(Invalid) as refused:
        await service.list_for_owner(owner, 2, "not-ours")
    assert refused.value.code == "invalid_cursor"


async def test_the_report_is_not_ready_until_the_run_has_stored_it(store: Store) -> None:
    service = SessionService(store.sessions)
    session = await service.create(Locale.EN)
    for read in (service.report, service.report_pdf):
        with pytest.raises(NotFound) as missing:
            await read(session.session_id)
        assert missing.value.code == "report_not_ready"
    _, started = await store.sessions.record_start(
        session.session_id, {}, source="assessment", admit=Admission(60).start
    )
    assert started.pipeline_run_id is not None
    rendered = report_rendered(session.session_id, started.pipeline_run_id)
    await store.events.journal([rendered])
    assert await service.report(session.session_id) == rendered.report
    assert await service.report_pdf(session.session_id) == PDF
