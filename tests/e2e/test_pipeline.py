"""The analysis pipeline through the whole stack, from each of its three starts.

A Chinese persona talks until the guide has enough; an English persona uploads a
résumé (PDF, then Word); a third person only answers the questionnaire. Each run
must show every stage in order with meaningful progress, stream the report, and
end with a report whose PDF names the top occupation.
"""

from __future__ import annotations

import io
from typing import Any

import httpx
import pytest
from pypdf import PdfReader

from careerstream.contracts import ASSESSMENT_ITEM_IDS
from scripts.stack import Stack
from tests.support.documents import docx_file, pdf_file
from tests.support.sse import Frame, read_events

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(300)]

STAGES = ["parse", "analyze", "match", "report"]

NURSE_CONVERSATION = [
    "你好，我想找找职业方向",
    "我是护理专业本科毕业的。",
    "我在一家医院做了四年护士。",
    "我喜欢照顾病人，也喜欢帮助别人、和人打交道。",
    "我最看重工作稳定，也希望能帮到更多人。",
]

ANALYST_RESUME = [
    "Jane Doe",
    "Education",
    "MSc Statistics, University of Edinburgh, 2017 - 2019",
    "Experience",
    "Data Analyst, Acme Ltd, Jan 2020 - Present",
    "Built forecasting models and dashboards; ran research on customer data.",
    "Skills",
    "Python, SQL, Tableau, Microsoft Excel, statistics, data analysis",
    "Languages",
    "English, French",
    "Interests",
    "Research, solving puzzles, reading about science",
]


async def follow_run(client: httpx.AsyncClient, base: str, session_id: str) -> list[Frame]:
    """Every event of the session from the start until the run completes."""
    frames = await read_events(
        client, base, session_id, cursor="0", until_type="session.completed", within_s=240
    )
    errors = [f.data for f in frames if f.event == "error"]
    assert not errors, errors
    return frames


def check_run(frames: list[Frame], run_id: str) -> str:
    """The run's events are whole and in order; returns the streamed report text."""
    seqs = [int(f.id or 0) for f in frames]
    assert seqs == sorted(set(seqs)), "events out of order or repeated"
    run = [f.data for f in frames if f.data.get("turn_id") == run_id]
    milestones = [
        (e["type"], e["stage"]) for e in run if e["type"] in ("stage.started", "stage.completed")
    ]
    assert milestones == [
        (kind, stage) for stage in STAGES for kind in ("stage.started", "stage.completed")
    ]
    assert run[-1]["type"] == "session.completed"
    progress = [e["progress"] for e in run if e["type"].startswith("stage.")]
    assert progress == sorted(progress), "progress went backwards"
    assert progress[0] == 0.0
    assert progress[-1] == 1.0
    for stage in STAGES:
        steps = [e for e in run if e["type"] == "stage.progress" and e["stage"] == stage]
        assert steps, f"{stage} reported no progress"
        assert all(e["message"] for e in steps)
    return "".join(e["text"] for e in run if e["type"] == "token" and e["stage"] == "report")


async def check_report(
    client: httpx.AsyncClient, base: str, session_id: str, streamed: str, *, source: str
) -> dict[str, Any]:
    status = (await client.get(f"{base}/api/sessions/{session_id}/status")).json()
    assert (status["status"], status["stage"], status["progress"]) == ("completed", "report", 1.0)
    response = await client.get(f"{base}/api/sessions/{session_id}/report")
    assert response.status_code == 200, response.text
    report: dict[str, Any] = response.json()
    assert report["riasec_source"] == source
    assert set(report["riasec"]) == set("RIASEC")
    assert 2 <= len(report["holland_code"]) <= 3
    assert report["markdown"] == streamed
    assert "O*NET" in report["attribution"]
    matches = report["matches"]
    assert len(matches) >= 5
    assert [m["score"] for m in matches] == sorted((m["score"] for m in matches), reverse=True)
    for match in matches:
        assert match["title"]
        assert match["code"]
        assert match["reasons"]
    top = matches[0]["title"]
    assert top in report["markdown"]

    pdf = await client.get(f"{base}/api/sessions/{session_id}/report/pdf")
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    text = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf.content)).pages)
    compact = "".join(text.split())
    assert "".join(top.split()) in compact, f"{top!r} is not in the PDF"
    assert "O*NET" in text
    return report


async def test_a_chinese_conversation_ends_in_a_report(stack: Stack) -> None:
    base = stack.url()
    async with httpx.AsyncClient(timeout=60) as client:
        sid = (await client.post(f"{base}/api/sessions", json={"locale": "zh"})).json()[
            "session_id"
        ]
        for message in NURSE_CONVERSATION:
            reply = await client.post(f"{base}/api/sessions/{sid}/chat", json={"message": message})
            assert reply.status_code == 200, reply.text
            if reply.json()["is_sufficient"]:
                break  # the guide has enough: the analysis starts, chat waits for it
        assert reply.json()["is_sufficient"] is True
        run_id = (await client.get(f"{base}/api/sessions/{sid}")).json()["pipeline_run_id"]
        streamed = check_run(await follow_run(client, base, sid), run_id)
        report = await check_report(client, base, sid, streamed, source="inferred")
        assert report["locale"] == "zh"
        assert "S" in report["holland_code"]
        assert "霍兰德" in report["markdown"]
        # Chat opens again: questions about the report go to the guide.
        follow_up = await client.post(
            f"{base}/api/sessions/{sid}/chat", json={"message": "为什么推荐第一个职业？"}
        )
        assert follow_up.status_code == 200, follow_up.text


@pytest.mark.parametrize("kind", ["pdf", "docx"])
async def test_an_english_resume_upload_ends_in_a_report(stack: Stack, kind: str) -> None:
    base = stack.url()
    content = pdf_file([ANALYST_RESUME]) if kind == "pdf" else docx_file(ANALYST_RESUME)
    async with httpx.AsyncClient(timeout=60) as client:
        sid = (await client.post(f"{base}/api/sessions", json={"locale": "en"})).json()[
            "session_id"
        ]
        for path in ("report", "report/pdf"):
            assert (await client.get(f"{base}/api/sessions/{sid}/{path}")).status_code == 404
        upload = await client.post(
            f"{base}/api/sessions/{sid}/resume", files={"file": (f"jane.{kind}", content)}
        )
        assert upload.status_code == 202, upload.text
        streamed = check_run(await follow_run(client, base, sid), upload.json()["run_id"])
        report = await check_report(client, base, sid, streamed, source="inferred")
        assert report["locale"] == "en"
        assert "I" in report["holland_code"]
        assert "Holland" in report["markdown"]
        top_codes = [m["code"] for m in report["matches"][:5]]
        assert any(code.startswith("15-") for code in top_codes), top_codes
        snapshot = (await client.get(f"{base}/api/sessions/{sid}")).json()
        skills = {s["name"] for s in snapshot["results"]["parse"]["profile"]["skills"]}
        assert "Python" in skills
        assert any("SQL" in name for name in skills), skills


async def test_the_questionnaire_alone_runs_the_pipeline(stack: Stack) -> None:
    base = stack.url()
    # Investigative liked most, then Artistic, then Social: the code is IAS by hand.
    preference = {"R": 1, "I": 5, "A": 4, "S": 3, "E": 2, "C": 2}
    answers = {item: preference[item[0]] for item in ASSESSMENT_ITEM_IDS}
    answers["S01"] = 4  # S raw 31 against E and C at 20: still third
    async with httpx.AsyncClient(timeout=60) as client:
        sid = (await client.post(f"{base}/api/sessions", json={"locale": "en"})).json()[
            "session_id"
        ]
        started = await client.post(
            f"{base}/api/sessions/{sid}/assessment", json={"answers": answers}
        )
        assert started.status_code == 202, started.text
        streamed = check_run(await follow_run(client, base, sid), started.json()["run_id"])
        report = await check_report(client, base, sid, streamed, source="assessment")
        assert report["holland_code"] == "IAS"
        assert report["riasec_raw"] == {"R": 10, "I": 50, "A": 40, "S": 31, "E": 20, "C": 20}
