from __future__ import annotations

from careerstream.contracts import ChatMessage, ChatRole, Locale
from careerstream.guide.interview import TOPICS, Topic, is_greeting, plan_turn


def test_a_greeting_gets_a_welcome_and_the_first_question() -> None:
    plan = plan_turn("你好", [], Locale.ZH)
    assert plan.welcome
    assert plan.ask is Topic.EDUCATION
    assert plan.locale is Locale.ZH
    assert not plan.is_sufficient
    assert plan.missing == TOPICS


def test_the_reply_follows_the_language_written_in() -> None:
    assert plan_turn("Hello", [], Locale.ZH).locale is Locale.EN
    assert plan_turn("我学的是计算机", [], Locale.EN).locale is Locale.ZH


def test_after_the_first_exchange_it_asks_a_follow_up() -> None:
    history = [
        ChatMessage(role=ChatRole.USER, content="hi"),
        ChatMessage(role=ChatRole.ASSISTANT, content="What did you study?"),
    ]
    plan = plan_turn("Physics, a master's degree", history, Locale.EN)
    assert not plan.welcome
    assert plan.ask is Topic.INTERESTS


def test_greetings() -> None:
    assert is_greeting("Hi!")
    assert is_greeting("您好。")
    assert not is_greeting("Hi, I studied physics")
