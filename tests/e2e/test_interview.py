"""The guide's interview through the whole stack: both endpoints, both languages."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from scripts.stack import Stack
from tests.support.sse import frames

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(240)]

SCRIPTS = {
    "en": [
        "Hi",
        "I have a bachelor's degree in computer science.",
        "I worked as a software engineer for 3 years.",
        "I enjoy solving puzzles and teaching kids.",
        "Stability and a good salary matter most to me.",
    ],
    "zh": [
        "你好",
        "我本科学的是会计专业。",
        "我在一家银行工作了三年。",
        "我喜欢画画和摄影。",
        "我比较看重工作稳定和收入。",
    ],
}


async def via_chat(client: httpx.AsyncClient, base: str, sid: str, message: str) -> dict[str, Any]:
    response = await client.post(f"{base}/api/sessions/{sid}/chat", json={"message": message})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def via_stream(
    client: httpx.AsyncClient, base: str, sid: str, message: str
) -> dict[str, Any]:
    tokens: list[str] = []
    async with client.stream(
        "POST", f"{base}/api/sessions/{sid}/chat/stream", json={"message": message}
    ) as response:
        assert response.status_code == 200
        async for frame in frames(response):
            if frame.event == "token":
                tokens.append(frame.data["text"])
            if frame.event == "turn.completed":
                data = frame.data
                assert data["reply"] == "".join(tokens)
                return {k: data[k] for k in ("reply", "is_sufficient", "missing")}
    raise AssertionError("the stream ended without turn.completed")


@pytest.mark.parametrize("locale", ["en", "zh"])
async def test_both_endpoints_hold_the_same_interview_to_the_analysis(
    stack: Stack, locale: str
) -> None:
    base = stack.url()
    async with httpx.AsyncClient(timeout=60) as client:
        sessions = [
            (await client.post(f"{base}/api/sessions", json={"locale": locale})).json()[
                "session_id"
            ]
            for _ in range(2)
        ]
        turns: list[tuple[dict[str, Any], dict[str, Any]]] = []
        for message in SCRIPTS[locale]:
            plain = await via_chat(client, base, sessions[0], message)
            streamed = await via_stream(client, base, sessions[1], message)
            turns.append((plain, streamed))
        for plain, streamed in turns:
            assert {k: plain[k] for k in ("reply", "is_sufficient", "missing")} == streamed
        assert [t[0]["is_sufficient"] for t in turns] == [False] * (len(turns) - 1) + [True]
        assert turns[0][0]["missing"] == ["education", "experience", "interests", "values"]
        assert turns[-1][0]["missing"] == []

        for sid in sessions:
            # The analysis has started (it may even be done: the pipeline is quick offline).
            snapshot = (await client.get(f"{base}/api/sessions/{sid}")).json()
            assert snapshot["pipeline_run_id"]
            assert snapshot["status"] in {"analyzing", "running", "completed"}
            assert snapshot["collected_info"]["education"]


async def test_odd_answers_get_sensible_replies_or_clear_errors(stack: Stack) -> None:
    base = stack.url()
    async with httpx.AsyncClient(timeout=60) as client:
        sid = (await client.post(f"{base}/api/sessions", json={"locale": "en"})).json()[
            "session_id"
        ]
        await via_chat(client, base, sid, "Hi")
        nonsense = await via_chat(client, base, sid, "asdf qwer zxcv")
        assert nonsense["is_sufficient"] is False
        assert nonsense["reply"].endswith("?")
        mixed = await via_chat(client, base, sid, "我本科学的是computer science，喜欢编程")
        assert "。" in mixed["reply"]
        long_answer = "I enjoy hiking. " * 400  # long, but under the limit
        assert (await via_chat(client, base, sid, long_answer))["reply"]
        too_long = await client.post(
            f"{base}/api/sessions/{sid}/chat", json={"message": "x" * 8001}
        )
        assert too_long.status_code == 413
        assert too_long.json()["error"]["code"] == "message_too_long"
        blank = await client.post(f"{base}/api/sessions/{sid}/chat", json={"message": "  "})
        assert blank.status_code == 422
