from __future__ import annotations

from careerstream.contracts import (
    CollectedInfo,
    Education,
    EducationLevel,
    Locale,
    ReportDigest,
    ReportMatch,
)
from careerstream.guide.interview import plan_turn
from careerstream.guide.offline import (
    acknowledge,
    answer_about_report,
    split_tokens,
    write_reply,
)

REPORT = ReportDigest(
    holland_code="IRC",
    riasec={"R": 30, "I": 40, "A": 12, "S": 15, "E": 10, "C": 28},
    matches=[
        ReportMatch(
            title="Data Scientist",
            code="15-2051.00",
            score=0.91,
            reasons=["your Investigative interests", "your Python skills"],
            skill_gaps=["statistics", "machine learning"],
        ),
        ReportMatch(title="Actuary", code="15-2011.00", score=0.84, reasons=["you like numbers"]),
    ],
)


def test_tokens_put_back_together_are_the_text() -> None:
    for text in (
        write_reply(plan_turn("你好", [], Locale.ZH)),
        write_reply(plan_turn("Hello", [], Locale.EN)),
        "混合 mixed 文本, with  two spaces。",
    ):
        tokens = list(split_tokens(text))
        assert "".join(tokens) == text
        assert len(tokens) > 5


def test_a_greeting_is_welcomed_in_the_persons_language() -> None:
    assert write_reply(plan_turn("你好", [], Locale.EN)).startswith("你好")
    assert write_reply(plan_turn("Hello", [], Locale.ZH)).startswith("Hello")


def test_acknowledging_says_back_the_facts() -> None:
    learned = CollectedInfo(
        education=Education(level=EducationLevel.MASTER, major="physics"), interests=["hiking"]
    )
    assert acknowledge(learned, Locale.EN) == (
        "Thanks, noted — education: a master's in physics; you enjoy: hiking. "
    )
    assert "物理" in acknowledge(CollectedInfo(education=Education(major="物理")), Locale.ZH)
    assert acknowledge(CollectedInfo(), Locale.EN) == ""


def test_questions_about_the_report_are_answered_from_it_naming_occupations() -> None:
    why = answer_about_report("Why was Data Scientist recommended?", REPORT, Locale.EN)
    assert "Data Scientist" in why
    assert "Python skills" in why
    learn = answer_about_report("What should I learn for Actuary?", REPORT, Locale.EN)
    assert "Actuary" in learn
    code = answer_about_report("What does my Holland code mean?", REPORT, Locale.EN)
    assert "IRC" in code
    assert "Investigative" in code
    zh = answer_about_report("为什么推荐 Data Scientist？需要学什么？", REPORT, Locale.ZH)
    assert "Data Scientist" in zh
    assert "statistics" in zh


def test_a_report_question_is_answered_from_the_plan() -> None:
    plan = plan_turn("Why Actuary?", [], Locale.EN, report=REPORT)
    assert plan.is_sufficient
    assert "Actuary" in write_reply(plan)


def test_a_reply_is_cut_into_model_like_tokens_that_join_back() -> None:
    text = write_reply(plan_turn("Hello", [], Locale.EN))
    tokens = list(split_tokens(text))
    assert "".join(tokens) == text
    assert all(len(t) < 30 for t in tokens)
