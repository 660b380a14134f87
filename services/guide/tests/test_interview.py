"""The interview rule and scripted conversations in both languages (pure, no broker)."""

from __future__ import annotations

import pytest

from careerstream.contracts import (
    ChatMessage,
    ChatRole,
    CollectedInfo,
    Education,
    EducationLevel,
    Experience,
    Locale,
    Topic,
)
from careerstream.guide.interview import (
    ASK_ORDER,
    TurnPlan,
    is_greeting,
    is_sufficient,
    missing,
    plan_turn,
)
from careerstream.guide.offline import write_reply

ANSWERS = {
    Locale.EN: {
        Topic.EDUCATION: "I have a bachelor's degree in computer science.",
        Topic.EXPERIENCE: "I worked as a software engineer for 3 years.",
        Topic.SKILLS: "I'm good at Python and SQL.",
        Topic.INTERESTS: "I enjoy solving puzzles and teaching kids.",
        Topic.VALUES: "Stability and a good salary matter most to me.",
        Topic.GOALS: "I want to become a data scientist.",
        Topic.CONSTRAINTS: "I'd like to work in Shanghai, full-time.",
    },
    Locale.ZH: {
        Topic.EDUCATION: "我本科学的是会计专业。",
        Topic.EXPERIENCE: "我在一家银行工作了三年。",
        Topic.SKILLS: "我擅长Excel和数据分析。",
        Topic.INTERESTS: "我喜欢画画和摄影。",
        Topic.VALUES: "我比较看重工作稳定和收入。",
        Topic.GOALS: "我想成为一名财务分析师。",
        Topic.CONSTRAINTS: "我希望在上海工作，不加班。",
    },
}


def converse(locale: Locale, opening: str, max_turns: int = 12) -> list[TurnPlan]:
    """A person who answers exactly what the guide asks."""
    history: list[ChatMessage] = []
    known = CollectedInfo()
    asked: tuple[Topic, ...] = ()
    plans: list[TurnPlan] = []
    message = opening
    for _ in range(max_turns):
        plan = plan_turn(message, history, locale, known, asked)
        plans.append(plan)
        reply = write_reply(plan)
        history += [
            ChatMessage(role=ChatRole.USER, content=message),
            ChatMessage(role=ChatRole.ASSISTANT, content=reply),
        ]
        known, asked = plan.collected, plan.asked
        if plan.start_pipeline or plan.ask is None:
            break
        message = ANSWERS[locale][plan.ask]
    return plans


@pytest.mark.parametrize(("locale", "opening"), [(Locale.EN, "Hi"), (Locale.ZH, "你好")])
def test_a_cooperative_person_reaches_sufficiency_in_a_few_turns(
    locale: Locale, opening: str
) -> None:
    plans = converse(locale, opening)
    assert plans[-1].start_pipeline
    assert plans[-1].is_sufficient
    assert 4 <= len(plans) <= 6
    assert not any(p.is_sufficient for p in plans[:-1]), "not before the essentials are known"
    asked = [p.ask for p in plans if p.ask is not None]
    assert len(asked) == len(set(asked)), "no topic is asked twice"
    known = plans[-1].collected.known()
    assert {Topic.EDUCATION, Topic.INTERESTS} <= known


@pytest.mark.parametrize(("locale", "opening"), [(Locale.EN, "Hello"), (Locale.ZH, "您好")])
def test_a_greeting_is_never_enough(locale: Locale, opening: str) -> None:
    plan = plan_turn(opening, [], locale)
    assert plan.welcome
    assert not plan.is_sufficient
    assert plan.ask is Topic.EDUCATION
    assert plan.missing == (Topic.EDUCATION, Topic.EXPERIENCE, Topic.INTERESTS, Topic.VALUES)


@pytest.mark.parametrize("locale", [Locale.EN, Locale.ZH])
def test_everything_in_one_long_message_is_done_at_once(locale: Locale) -> None:
    message = " ".join(ANSWERS[locale].values())
    plan = plan_turn(message, [], locale)
    assert plan.start_pipeline
    assert plan.missing == ()
    assert plan.collected.known() >= {Topic.EDUCATION, Topic.EXPERIENCE, Topic.INTERESTS}


def after_hi() -> tuple[TurnPlan, list[ChatMessage]]:
    """The first turn ("Hi", welcomed and asked about education) and the history it left."""
    first = plan_turn("Hi", [], Locale.EN)
    history = [
        ChatMessage(role=ChatRole.USER, content="Hi"),
        ChatMessage(role=ChatRole.ASSISTANT, content=write_reply(first)),
    ]
    return first, history


def test_nonsense_gets_a_sensible_reply_and_the_next_question() -> None:
    first, history = after_hi()
    plan = plan_turn("asdf qwer zxcv", history, Locale.EN, first.collected, first.asked)
    assert not plan.understood
    assert plan.ask is Topic.EXPERIENCE, "moves on instead of asking education twice"
    reply = write_reply(plan)
    assert "not sure" in reply
    assert reply.endswith("?")


def test_a_second_hello_repeats_no_question_it_restates_the_pending_one() -> None:
    first, history = after_hi()
    again = plan_turn("hello", history, Locale.EN, first.collected, first.asked)
    assert again.ask is Topic.EDUCATION
    assert again.asked == first.asked


def test_mixed_language_answers_are_understood_and_answered_in_the_main_language() -> None:
    plan = plan_turn("我本科学的是computer science，喜欢编程", [], Locale.EN)
    assert plan.locale is Locale.ZH
    assert Topic.EDUCATION in plan.collected.known()
    assert "。" in write_reply(plan) or "？" in write_reply(plan)


def test_when_every_useful_question_was_asked_it_suggests_the_questionnaire() -> None:
    asked = ASK_ORDER
    known = CollectedInfo(education=Education(level=EducationLevel.BACHELOR))
    plan = plan_turn(
        "no idea", [ChatMessage(role=ChatRole.USER, content="x")], Locale.EN, known, asked
    )
    assert plan.ask is None
    assert plan.suggest_alternatives
    assert "questionnaire" in write_reply(plan)


def test_the_rule_names_each_unmet_need() -> None:
    info = CollectedInfo(
        education=Education(major="law"),
        experience=[Experience(text="intern at a law firm")],
        interests=["debating"],
    )
    assert missing(info) == [Topic.VALUES]
    assert not is_sufficient(info)
    assert is_sufficient(info.model_copy(update={"goals": ["become a judge"]}))


def test_greetings() -> None:
    assert is_greeting("Hi!")
    assert is_greeting("您好。")
    assert not is_greeting("Hi, I studied physics")
