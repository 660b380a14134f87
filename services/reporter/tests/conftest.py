"""Two hand-made people for the reporter's tests: one answers in Chinese, one in English.

Each is a `ReportRequested`, which already bundles everything the report is written
from (profile, interests, matches, data source, attribution, locale).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from careerstream.contracts import EducationLevel
from careerstream.contracts.common import Locale
from careerstream.contracts.interests import InterestProfile
from careerstream.contracts.matches import OccupationMatch
from careerstream.contracts.parsed import EducationEntry, Position, Profile, Skill
from careerstream.contracts.profile import Constraints
from careerstream.contracts.report import ReportDocument
from careerstream.contracts.requests import ReportRequested
from careerstream.reporter.writing import report_document, report_sections

TODAY = date(2025, 3, 14)
ATTRIBUTION = (
    "Includes information from the O*NET 29.3 Database (USDOL/ETA), used under the CC BY 4.0 "
    "license; O*NET® is a trademark of USDOL/ETA. Modified by the careerstream team."
)


def _skill(label: str, name: str | None = None) -> Skill:
    return Skill(name=name or label.lower(), label=label, found=label, source="builtin")


def _request(
    locale: Locale, profile: Profile, interests: InterestProfile, matches: list[OccupationMatch]
) -> ReportRequested:
    return ReportRequested(
        session_id=f"{locale.value}-session",
        run_id=f"run-{locale.value}",
        locale=locale,
        profile=profile,
        interests=interests,
        matches=matches,
        data_source="O*NET 29.3",
        attribution=ATTRIBUTION,
    )


def _zh() -> ReportRequested:
    profile = Profile(
        name="王芳",
        education=[
            EducationEntry(
                level=EducationLevel.BACHELOR,
                major="计算机科学",
                school="华中科技大学",
                start="2014",
                end="2018",
            )
        ],
        highest_level=EducationLevel.BACHELOR,
        experience=[
            Position(title="测试工程师", organization="某软件公司", start="2018", end="present")
        ],
        years_experience=6,
        skills=[_skill("Python"), _skill("SQL"), _skill("自动化测试", "test automation")],
        languages=["中文", "英语"],
        interests=["解决技术难题"],
        values=["稳定", "持续学习"],
        goals=["两年内成为后端开发工程师", "提升英语口语"],
        constraints=Constraints(location="武汉"),
    )
    interests = InterestProfile(
        riasec={"R": 0.55, "I": 0.9, "A": 0.3, "S": 0.25, "E": 0.2, "C": 0.7},
        riasec_raw={"R": 32, "I": 46, "A": 22, "S": 20, "E": 18, "C": 38},
        holland_code="ICR",
        source="assessment",
        confidence=0.85,
        evidence={"I": ["喜欢钻研系统为什么会出错"], "C": ["做事严谨，喜欢按流程来"]},
    )
    rows = [
        (
            "软件开发工程师",
            "Software Developer",
            "15-1252.00",
            0.88,
            "ICR",
            ["软件设计", "系统架构"],
        ),
        ("计算机系统分析师", "Computer Systems Analyst", "15-1211.00", 0.8, "ICR", ["需求调研"]),
        ("数据科学家", "Data Scientist", "15-2051.00", 0.74, "ICA", ["统计", "机器学习"]),
        ("信息安全分析师", "Information Security Analyst", "15-1212.00", 0.7, "CIR", ["网络安全"]),
        ("数据库管理员", "Database Administrator", "15-1242.00", 0.66, "CI", ["数据库调优"]),
        ("网页与交互界面设计师", "Web Designer", "15-1255.00", 0.4, "AIR", ["视觉设计"]),
    ]
    matches = [
        OccupationMatch(
            title=title,
            title_en=title_en,
            code=code,
            score=score,
            holland_code=holland,
            job_zone=4,
            reasons=["兴趣类型与该职业高度一致", "已有 Python 和测试经验"],
            skill_gaps=gaps,
            matched_skills=["Python", "自动化测试"],
        )
        for title, title_en, code, score, holland, gaps in rows
    ]
    return _request(Locale.ZH, profile, interests, matches)


def _en() -> ReportRequested:
    profile = Profile(
        name="Jordan Lee",
        education=[
            EducationEntry(level=EducationLevel.ASSOCIATE, major="Nursing", school="Valley College")
        ],
        highest_level=EducationLevel.ASSOCIATE,
        experience=[
            Position(title="Care assistant", organization="Riverside Clinic", start="2019")
        ],
        years_experience=4.5,
        skills=[_skill("Patient care"), _skill("Scheduling"), _skill("First aid")],
        goals=["Lead a small team within two years"],
        constraints=Constraints(location="Leeds", hours="no night shifts"),
    )
    interests = InterestProfile(
        riasec={"R": 0.3, "I": 0.45, "A": 0.2, "S": 0.92, "E": 0.66, "C": 0.5},
        holland_code="SEC",
        source="inferred",
        confidence=0.5,
        evidence={
            "S": ["I love helping patients feel at ease", "I trained the new volunteers"],
            "E": ["I organised the rota when our manager left"],
        },
    )
    rows = [
        ("Registered Nurse", "29-1141.00", 0.86, "SIC", ["clinical assessment", "pharmacology"]),
        ("Training and Development Specialist", "13-1151.00", 0.78, "SEA", ["course design"]),
        ("Medical and Health Services Manager", "11-9111.00", 0.72, "ESC", ["budgeting"]),
        ("Social and Community Service Manager", "11-9151.00", 0.68, "ESC", ["grant writing"]),
        ("Health Education Specialist", "21-1091.00", 0.63, "SEA", ["public speaking"]),
        ("Fitness Trainer", "39-9031.00", 0.41, "SRE", ["exercise science"]),
    ]
    matches = [
        OccupationMatch(
            title=title,
            title_en=title,
            code=code,
            score=score,
            holland_code=holland,
            job_zone=3,
            reasons=[
                "Your interests are mostly Social, like this work",
                "You already care for patients",
            ],
            skill_gaps=gaps,
            matched_skills=["Patient care"],
        )
        for title, code, score, holland, gaps in rows
    ]
    return _request(Locale.EN, profile, interests, matches)


@pytest.fixture
def zh_request() -> ReportRequested:
    return _zh()


@pytest.fixture
def en_request() -> ReportRequested:
    return _en()


@pytest.fixture(params=["zh", "en"])
def any_request(request: pytest.FixtureRequest) -> ReportRequested:
    return _zh() if request.param == "zh" else _en()


def sections_of(request: ReportRequested) -> list[tuple[str, str]]:
    return report_sections(request, today=TODAY)


def document_of(request: ReportRequested, markdown: str | None = None) -> ReportDocument:
    """The document the handler would build, with the written report unless told otherwise."""
    if markdown is None:
        markdown = "".join(text for _, text in sections_of(request))
    return report_document(request, markdown)


@pytest.fixture
def write() -> Callable[[ReportRequested], list[tuple[str, str]]]:
    return sections_of


@pytest.fixture
def document() -> Callable[..., ReportDocument]:
    return document_of
