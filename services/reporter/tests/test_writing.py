"""The Markdown report: its sections, language, content, escaping, and token streaming."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from careerstream.contracts.common import Locale
from careerstream.contracts.interests import InterestProfile
from careerstream.contracts.parsed import Profile
from careerstream.contracts.requests import ReportRequested
from careerstream.reporter.writing import SECTION_IDS, md, stream_pieces

Write = Callable[[ReportRequested], list[tuple[str, str]]]
CJK = re.compile(r"[\u4e00-\u9fff]")


def _report(write: Write, request: ReportRequested) -> str:
    return "".join(text for _, text in write(request))


def _section(write: Write, request: ReportRequested, name: str) -> str:
    return dict(write(request))[name]


def test_the_sections_come_in_order_and_make_up_the_report(
    write: Write, any_request: ReportRequested
) -> None:
    sections = write(any_request)
    assert [name for name, _ in sections] == list(SECTION_IDS)
    assert all(text.strip() for _, text in sections)
    report = "".join(text for _, text in sections)
    assert report.startswith("# ")
    # Each section opens with its heading and ends with a blank line, so joining is seamless.
    assert all(text.endswith("\n") for _, text in sections)
    assert all(text.lstrip().startswith("#") for _, text in sections)
    headings = [line for line in report.splitlines() if line.startswith("## ")]
    assert len(headings) == 5


def test_the_chinese_report_is_written_in_chinese(
    write: Write, zh_request: ReportRequested
) -> None:
    report = _report(write, zh_request)
    assert report.startswith("# 王芳的职业发展报告")
    assert "霍兰德" in report
    assert "2025年3月14日" in report
    for title in (
        "软件开发工程师",
        "计算机系统分析师",
        "数据科学家",
        "信息安全分析师",
        "数据库管理员",
    ):
        assert title in report
    for english in ("Holland", "Why", "What to learn", "Days 1", "Your profile", "Source"):
        assert english not in report
    # Chinese dominates: apart from codes, names and the English attribution it is all Chinese.
    body = report.split("## 数据说明")[0]
    letters = re.findall(r"[A-Za-z]", body)
    assert len(CJK.findall(body)) > 3 * len(letters)


def test_the_english_report_is_written_in_english(
    write: Write, en_request: ReportRequested
) -> None:
    report = _report(write, en_request)
    assert report.startswith("# Career report for Jordan Lee")
    assert "Holland" in report
    assert "14 March 2025" in report
    assert "Registered Nurse" in report
    assert not CJK.search(report)
    assert "霍兰德" not in report


def test_the_profile_summary_lists_what_is_known(write: Write, zh_request: ReportRequested) -> None:
    overview = _section(write, zh_request, "overview")
    for fact in ("华中科技大学", "计算机科学", "本科", "测试工程师", "共约 6 年", "Python", "武汉"):
        assert fact in overview
    assert "2018 至今" in overview
    assert "两年内成为后端开发工程师" in overview


def test_the_holland_section_explains_each_letter_with_scores_source_and_evidence(
    write: Write, zh_request: ReportRequested, en_request: ReportRequested
) -> None:
    zh = _section(write, zh_request, "holland")
    assert "## 你的霍兰德代码：ICR" in zh
    assert "### I — 研究型（90%，问卷原始分 46/50）" in zh
    assert "### C — 常规型（70%" in zh
    assert "### R — 现实型（55%" in zh
    assert zh.index("### I") < zh.index("### C") < zh.index("### R")
    assert "兴趣问卷" in zh
    assert "可信度：** 85%（较高）" in zh
    assert "“喜欢钻研系统为什么会出错”" in zh
    # All six areas appear in the score table, including those outside the code.
    assert "| 社会型（S） | 25% |" in zh

    en = _section(write, en_request, "holland")
    assert "## Your Holland code: SEC" in en
    assert "### S — Social (92%)" in en
    assert "### E — Enterprising (66%)" in en
    assert "inferred" in en
    assert "questionnaire" in en
    assert "**Confidence:** 50% (moderate)" in en
    assert "“I love helping patients feel at ease”" in en
    assert "“I organised the rota when our manager left”" in en


def test_the_occupations_are_the_top_five_with_score_code_reasons_and_gaps(
    write: Write, en_request: ReportRequested, zh_request: ReportRequested
) -> None:
    en = _section(write, en_request, "occupations")
    titles = [m.title for m in en_request.matches]
    positions = [en.index(f"### {rank}. {title}") for rank, title in enumerate(titles[:5], 1)]
    assert positions == sorted(positions)
    assert "Fitness Trainer" not in en  # the sixth
    assert "### 1. Registered Nurse — 86%" in en
    assert "O\\*NET-SOC 29-1141.00" in en
    assert "**Why:** Your interests are mostly Social, like this work." in en
    assert "**What to learn:** clinical assessment, pharmacology" in en
    assert "3 (medium preparation)" in en

    zh = _section(write, zh_request, "occupations")
    assert "### 1. 软件开发工程师（Software Developer） — 匹配度 88%" in zh
    assert "**需要学习：** 软件设计、系统架构" in zh
    assert "**推荐理由：** 兴趣类型与该职业高度一致；已有 Python 和测试经验。" in zh
    assert "网页与交互界面设计师" not in zh


def test_the_plan_has_three_phases_built_from_gaps_and_goals(
    write: Write, zh_request: ReportRequested, en_request: ReportRequested
) -> None:
    zh = _section(write, zh_request, "plan")
    phases = [zh.index(f"### 第 {days} 天") for days in ("1–30", "31–60", "61–90")]
    assert phases == sorted(phases)
    assert "“两年内成为后端开发工程师”" in zh
    assert "“提升英语口语”" in zh  # the second goal has a step too
    assert "开始学习软件设计" in zh
    assert "需求调研" in zh  # a gap of the second match
    assert "武汉" in zh
    # Every phase has numbered steps.
    for chunk in zh.split("### ")[1:]:
        assert re.search(r"^1\. ", chunk, re.MULTILINE)

    en = _section(write, en_request, "plan")
    assert "### Days 1–30" in en
    assert "### Days 31–60" in en
    assert "### Days 61–90" in en
    assert "Start learning clinical assessment" in en
    assert "Lead a small team within two years" in en
    assert "Registered Nurse roles in Leeds" in en
    # The code was inferred, so the plan suggests the questionnaire.
    assert "interest questionnaire" in en


def test_the_data_note_carries_the_source_and_the_attribution_when_given(
    write: Write, any_request: ReportRequested
) -> None:
    data = _section(write, any_request, "data")
    assert "O\\*NET 29.3" in data
    assert md(any_request.attribution or "") in data

    without = any_request.model_copy(update={"attribution": None})
    assert "USDOL/ETA" not in _report(write, without)


def test_the_report_is_deterministic(write: Write, any_request: ReportRequested) -> None:
    assert write(any_request) == write(any_request.model_copy(deep=True))


def test_outside_text_cannot_inject_markup(write: Write, en_request: ReportRequested) -> None:
    profile = en_request.profile.model_copy(
        update={"name": "Ana <script>alert(1)</script>", "goals": ["Earn **more**\n## money"]}
    )
    report = _report(write, en_request.model_copy(update={"profile": profile}))
    assert "<script>" not in report
    assert "\\<script\\>" in report
    assert "\n## money" not in report  # the newline is gone, so no stray heading
    assert "\\*\\*more\\*\\*" in report


def test_a_thin_profile_and_no_matches_still_give_every_section(
    write: Write, en_request: ReportRequested, zh_request: ReportRequested
) -> None:
    interests = InterestProfile(
        riasec={"A": 0.7}, holland_code="A", source="inferred", confidence=0.2
    )
    for request in (en_request, zh_request):
        empty = request.model_copy(
            update={
                "profile": Profile(),
                "interests": interests,
                "matches": [],
                "attribution": None,
            }
        )
        sections = write(empty)
        assert [name for name, _ in sections] == list(SECTION_IDS)
        report = "".join(text for _, text in sections)
        assert ("No occupations" in report) or ("暂时没有找到" in report)
        assert report.count("### ") >= 4  # one area and three phases


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "one",
        "Hello, world!\n\n- **bold** item\n",
        "中文没有空格也要拆成小块。\n第二行",
        "混合 mixed 文本 text，Python工程师  end  \n\n",
        "\n\n  leading whitespace and trailing   ",
    ],
)
def test_stream_pieces_concatenate_back_to_the_text(text: str) -> None:
    assert "".join(stream_pieces(text)) == text


def test_stream_pieces_are_small_and_many(write: Write, any_request: ReportRequested) -> None:
    report = _report(write, any_request)
    pieces = list(stream_pieces(report))
    assert "".join(pieces) == report
    assert len(pieces) > len(report) / 8
    for piece in pieces:
        assert len(CJK.findall(piece)) <= 3
        # At most one word per piece: whitespace only ever trails.
        assert re.fullmatch(r"\s*|\S+\s*", piece), piece


@pytest.mark.parametrize(("locale", "words"), [(Locale.ZH, "六边形"), (Locale.EN, "hexagon")])
def test_a_second_letter_without_evidence_is_explained(
    write: Write, any_request: ReportRequested, locale: Locale, words: str
) -> None:
    lone = any_request.interests.model_copy(
        update={
            "holland_code": "SE",
            "source": "inferred",
            "riasec": {"R": 0.0, "I": 0.0, "A": 0.0, "S": 0.9, "E": 0.0, "C": 0.0},
            "evidence": {"S": ["I like helping people"]},
        }
    )
    request = any_request.model_copy(update={"interests": lone, "locale": locale})
    assert _section(write, request, "holland").count(words) == 1
    assert words not in _section(write, any_request, "holland")
