"""Offline fact extraction: Chinese, English and both in one message (pure, no network)."""

from __future__ import annotations

import time

import pytest

from careerstream.contracts import (
    CollectedInfo,
    Constraints,
    Education,
    EducationLevel,
    Experience,
    Topic,
)
from careerstream.guide.extraction import MAX_CHARS, extract, merge

# --- nothing to learn ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        *("", "   ", "Hi", "hello!", "你好", "您好。", "asdf qwer zxcv", "哈哈哈", "ok", "？？？"),
        *("谢谢", "I don't know", "不知道", "Can you help me find a job?", "I like that"),
    ],
)
def test_greetings_noise_and_questions_tell_nothing(text: str) -> None:
    info = extract(text)
    assert info.known() == set()
    assert info == CollectedInfo()


# --- education -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "level", "major", "school"),
    [
        (
            "I studied computer science at Tsinghua University and have a master's degree",
            "master",
            "computer science",
            "Tsinghua University",
        ),
        ("I have a bachelor's degree in computer science.", "bachelor", "computer science", None),
        ("PhD in chemistry", "doctorate", "chemistry", None),
        (
            "I majored in economics at the University of Toronto",
            None,
            "economics",
            "University of Toronto",
        ),
        ("I'm a biology major", None, "biology", None),
        ("I only finished high school", "secondary", None, None),
        ("I went to community college for nursing", "associate", None, None),
        ("我本科学的是会计，在一家银行工作了三年", "bachelor", "会计", None),
        ("我是浙江大学的硕士，主修金融", "master", "金融", "浙江大学"),
        ("大专，读的护理专业", "associate", "护理", None),
        ("我学的是计算机科学与技术，毕业于华中科技大学", None, "计算机科学与技术", "华中科技大学"),
        ("我高中毕业以后读了大专，学的是电子商务", "associate", "电子商务", None),
        ("大四，在北京邮电大学读通信工程", "bachelor", "通信工程", "北京邮电大学"),
        ("博士，研究方向是材料", "doctorate", None, None),
        ("我本科学的是computer science，喜欢编程", "bachelor", "computer science", None),
        ("I'm a 大三 student studying 金融 at 复旦大学", "bachelor", "金融", "复旦大学"),
    ],
)
def test_education(text: str, level: str | None, major: str | None, school: str | None) -> None:
    education = extract(text).education
    assert education is not None
    assert education.level == level
    assert education.major == major
    assert education.school == school


def test_the_highest_degree_named_counts() -> None:
    education = extract("I got a bachelor's in 2015 and then an MBA in 2019").education
    assert education is not None
    assert education.level == "master"


def test_a_degree_someone_plans_is_not_one_they_hold() -> None:
    planned = extract("我本科毕业，打算读研究生").education
    assert planned is not None
    assert planned.level == "bachelor"
    assert extract("I'd like to do a master's degree in design someday").education is None
    held = extract("I have a master's degree and want to become a teacher")
    assert held.education == Education(level=EducationLevel.MASTER)
    assert held.goals == ["teacher"]


def test_teaching_high_school_is_not_a_high_school_degree() -> None:
    info = extract("I'm a high school English teacher")
    assert info.education is None
    assert [e.role for e in info.experience] == ["high school English teacher"]


# --- experience ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "role", "years"),
    [
        ("I worked as a software engineer for 3 years.", "software engineer", 3),
        ("I'm a nurse at a children's hospital", "nurse", None),
        ("worked as a lab technician for two years", "lab technician", 2),
        ("I have 5 years of experience in marketing", "marketing", 5),
        ("I did an internship at a law firm for 6 months", "intern", 0.5),
        ("I'm 25 years old and have worked as a waiter for 3 years", "waiter", 3),
        ("我在一家银行工作了三年。", None, 3),
        ("我做了五年会计", "会计", 5),
        ("当过两年英语老师", "英语老师", 2),
        ("在腾讯做了一年半产品经理", "产品经理", 1.5),
        ("十五年工作经验，一直从事财务工作", "财务", 15),
        ("我是一名护士，在医院工作了八年", "护士", 8),
        ("做了4年后端开发", "后端开发", 4),
    ],
)
def test_experience_role_and_years(text: str, role: str | None, years: float | None) -> None:
    experience = extract(text).experience
    assert len(experience) == 1, experience
    assert experience[0].role == role
    assert experience[0].years == years


def test_experience_keeps_the_clause_it_came_from() -> None:
    info = extract("I studied law. I worked at Huawei, as an engineer, for two years.")
    experience = info.experience
    assert experience == [
        Experience(
            text="I worked at Huawei, as an engineer, for two years", role="engineer", years=2
        )
    ]


def test_two_jobs_in_one_message_are_two_items() -> None:
    experience = extract("我在腾讯做了两年产品经理，后来去了字节当运营").experience
    assert [(e.role, e.years) for e in experience] == [("产品经理", 2), ("运营", None)]


@pytest.mark.parametrize(
    "text",
    ["I have no work experience yet", "I'm a full-time student", "我刚毕业，还没有工作经验"],
)
def test_having_no_experience_yet_answers_the_question(text: str) -> None:
    info = extract(text)
    assert Topic.EXPERIENCE in info.known()
    assert len(info.experience) == 1
    assert info.experience[0].role is None
    assert info.experience[0].years is None
    assert info.constraints is None, "a full-time student wants no full-time job by saying so"


@pytest.mark.parametrize(
    "text",
    ["In five years I want to be a manager", "5 years ago I was a teacher", "I'm 30 years old"],
)
def test_time_that_was_not_spent_working_is_no_years_of_experience(text: str) -> None:
    assert all(e.years is None for e in extract(text).experience)


def test_a_wish_is_a_goal_not_experience() -> None:
    info = extract("I'd like to work as a teacher")
    assert info.experience == []
    assert info.goals == ["work as a teacher"]


# --- skills ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "skills"),
    [
        ("I'm good at Python and SQL.", ["Python", "SQL"]),
        ("I'm fluent in Japanese and skilled in negotiation", ["Japanese", "negotiation"]),
        (
            "I can speak English and Chinese, and I can use Photoshop",
            ["English", "Chinese", "Photoshop"],
        ),
        ("I know Java, Go and R", ["Java", "Go", "R"]),
        ("My strengths are budgeting and customer service", ["budgeting", "customer service"]),
        ("我擅长Excel和数据分析。", ["Excel", "数据分析"]),
        ("我会说英语和日语，还会剪辑视频", ["英语", "日语", "剪辑"]),
        ("我的沟通能力很强，也有一定的领导能力", ["沟通", "领导力"]),
        ("熟悉新媒体运营和写作", ["运营", "写作"]),
        ("I'm good at 数据分析 and 沟通", ["数据分析", "沟通"]),
        ("我擅长ＰＹＴＨＯＮ", ["Python"]),
    ],
)
def test_skills(text: str, skills: list[str]) -> None:
    assert extract(text).skills == skills


def test_tools_count_anywhere_but_other_skill_words_need_a_cue() -> None:
    assert extract("Python and Tableau every day at work").skills == ["Python", "Tableau"]
    assert extract("我学的是会计专业").skills == [], "a major is not a skill"
    assert extract("I want to learn Python").skills == [], "a plan to learn is not a skill"


def test_tool_names_that_are_everyday_words_need_a_skills_sentence() -> None:
    assert extract("I use Git and React daily").skills == ["Git", "React"]
    assert extract("I react calmly under pressure").known() == set()


def test_a_denied_skill_is_left_out() -> None:
    skills = extract("I'm not good at math but I'm good at communication").skills
    assert skills == ["communication"]


# --- interests -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "interests"),
    [
        ("I enjoy hiking, painting and teaching kids", ["hiking", "painting", "teaching kids"]),
        ("In my free time I play the guitar", ["play the guitar"]),
        (
            "I'm really into photography and interested in film making.",
            ["photography", "film making"],
        ),
        ("My hobbies are gaming and anime", ["gaming", "anime"]),
        ("I like hiking and love swimming", ["hiking", "swimming"]),
        ("我喜欢画画和摄影，也对编程感兴趣", ["画画", "摄影", "编程"]),
        ("我的爱好是跑步、游泳和看书", ["跑步", "游泳", "看书"]),
        ("业余时间我喜欢打篮球", ["打篮球"]),
        ("我对数据分析很感兴趣", ["数据分析"]),
        ("我喜欢hiking和swimming", ["hiking", "swimming"]),
    ],
)
def test_interests(text: str, interests: list[str]) -> None:
    assert extract(text).interests == interests


def test_a_list_of_interests_ends_where_a_new_clause_begins() -> None:
    info = extract("I enjoy hiking and chess, and stability matters most to me")
    assert info.interests == ["hiking", "chess"]
    assert info.values == ["stability"]


def test_dislikes_and_wished_for_jobs_are_not_interests() -> None:
    assert extract("我不喜欢销售，比较喜欢安静的工作").interests == []
    assert extract("I like a stable job with good pay").interests == []


# --- values ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Stability and a good salary matter most to me", ["stability", "pay"]),
        ("Helping people is what's important to me", ["helping people"]),
        ("I value creativity and autonomy above everything", ["creativity", "autonomy"]),
        ("work-life balance is really important to me", ["work-life balance"]),
        ("我比较看重工作稳定和收入", ["稳定", "收入"]),
        ("我看重成长和自由", ["成长", "自主"]),
        ("对我来说最重要的是有成就感，不加班", ["认可", "工作生活平衡"]),
    ],
)
def test_values_in_the_language_of_the_message(text: str, values: list[str]) -> None:
    assert extract(text).values == values


def test_value_words_need_a_sentence_saying_they_matter() -> None:
    assert extract("The salary was paid late and the team was small").values == []


def test_what_someone_does_not_care_about_is_not_a_value() -> None:
    english = extract("I don't care about money, but helping people is important to me")
    assert english.values == ["helping people"]
    assert extract("我不在乎钱，但是帮助别人对我来说很重要").values == ["帮助他人"]


# --- goals -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "goals"),
    [
        ("I want to become a data scientist in five years", ["data scientist in five years"]),
        ("My goal is to open my own bakery", ["open my own bakery"]),
        ("I'd like to be a nurse someday", ["nurse"]),
        ("In five years I'd like to lead a design team", ["lead a design team"]),
        ("我想成为一名财务分析师", ["财务分析师"]),
        ("我的目标是五年内成为项目经理", ["五年内成为项目经理"]),
        ("我打算考公务员", ["考公务员"]),
        ("做了4年后端，想转产品经理", ["产品经理"]),
    ],
)
def test_goals(text: str, goals: list[str]) -> None:
    assert extract(text).goals == goals


def test_wishes_about_place_and_hours_are_constraints_not_goals() -> None:
    info = extract("I'd like to work in Shanghai, and I'd love a flexible schedule")
    assert info.goals == []
    assert info.constraints == Constraints(location="Shanghai", hours="flexible hours")


# --- constraints -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "location", "pay", "hours"),
    [
        (
            "I'd like to work in Shanghai, full-time, at least 15k a month",
            "Shanghai",
            "at least 15k a month",
            "full-time",
        ),
        (
            "I'm looking for remote work, part-time, around $30 an hour",
            "remote",
            "around $30 an hour",
            "remote, part-time",
        ),
        ("I want to relocate to Vancouver", "Vancouver", None, None),
        (
            "no night shifts please, and at least 10,000 a month",
            None,
            "at least 10,000 a month",
            "no night shifts",
        ),
        ("希望在深圳工作，月薪一万以上，不加班", "深圳", "月薪一万以上", "不加班"),
        ("年薪20万以上，最好在北京或者上海，双休", "北京、上海", "年薪20万以上", "双休"),
        ("我想找一份远程的兼职工作", "远程", None, "远程、兼职"),
    ],
)
def test_constraints(text: str, location: str | None, pay: str | None, hours: str | None) -> None:
    assert extract(text).constraints == Constraints(location=location, pay=pay, hours=hours)


def test_a_number_is_pay_only_with_a_currency_or_words_about_pay() -> None:
    assert extract("I ran a 10k last week").constraints is None
    assert extract("我每个月跑步3次").constraints is None
    assert extract("My salary expectation is 20k").constraints == Constraints(pay="20k")
    assert extract("8000元/月就行").constraints == Constraints(pay="8000元/月")


def test_a_city_in_a_school_name_or_a_past_job_is_no_requirement() -> None:
    assert extract("I graduated from Shanghai Jiao Tong University").constraints is None
    assert extract("我毕业于上海交通大学").constraints is None
    assert extract("I worked in Beijing for two years").constraints is None


# --- whole messages --------------------------------------------------------------------------


def test_one_long_english_message_can_say_everything() -> None:
    info = extract(
        "Hi! I graduated from the University of Edinburgh with a BA in English Literature, then "
        "spent 4 years as a high school English teacher in Madrid. I'm fluent in Spanish and good "
        "at writing. I love reading, yoga and cooking. Creativity matters most to me. I hope to "
        "move into UX writing and I'd like to live in London, remote or hybrid, with at least "
        "£45k a year."
    )
    assert info.known() == set(Topic)
    assert info.education == Education(
        level=EducationLevel.BACHELOR, major="English Literature", school="University of Edinburgh"
    )
    assert info.experience[0].years == 4
    assert info.interests == ["reading", "yoga", "cooking"]
    assert info.constraints == Constraints(
        location="London, remote", pay="at least £45k a year", hours="remote, hybrid"
    )


def test_one_long_chinese_message_can_say_everything() -> None:
    info = extract(
        "我2019年毕业于武汉大学，硕士，学的是新闻传播。毕业后在一家杂志社当了三年编辑，熟悉写作。"
        "平时喜欢看电影、旅行。我看重成长和自由，希望五年内成为内容总监。最好在杭州，月薪两万左右。"
    )
    assert info.known() == set(Topic)
    assert info.education == Education(
        level=EducationLevel.MASTER, major="新闻传播", school="武汉大学"
    )
    assert [(e.role, e.years) for e in info.experience] == [("编辑", 3)]
    assert info.values == ["成长", "自主"]
    assert info.constraints == Constraints(location="杭州", pay="月薪两万左右")


def test_a_mixed_language_message() -> None:
    info = extract("我是Python开发，用过Docker和MySQL，I enjoy hiking，想转产品经理，base深圳")
    assert info.skills == ["Python", "Docker", "SQL"]
    assert info.interests == ["hiking"]
    assert info.goals == ["产品经理"]
    assert info.constraints == Constraints(location="深圳")


def test_a_huge_message_is_cut_and_answered_promptly() -> None:
    hostile = [
        "I enjoy " + "very " * 5000 + "long walks, " * 2000,
        "我喜欢" + "非常" * 10000,
        "a" * 20000,
        "1," * 10000,
        "University " * 2000,
        "学的是" * 7000,
        "good at " * 2500,
    ]
    started = time.perf_counter()
    for text in hostile:
        extract(text)
    assert time.perf_counter() - started < 1.0
    assert extract("x" * MAX_CHARS + " I enjoy chess").interests == [], "only the start is read"


def test_extraction_is_deterministic() -> None:
    text = "我本科学的是会计，喜欢画画和摄影，看重稳定，想成为财务分析师，希望在上海工作"
    assert extract(text) == extract(text)


# --- merging ---------------------------------------------------------------------------------


def test_merging_keeps_what_was_known_and_adds_what_is_new() -> None:
    known = CollectedInfo(education=Education(level=EducationLevel.BACHELOR), interests=["Hiking"])
    merged = merge(known, extract("I studied physics and I enjoy hiking and chess"))
    assert merged.education == Education(level=EducationLevel.BACHELOR, major="physics")
    assert merged.interests == ["Hiking", "chess"], "duplicates dropped regardless of case"
    assert merge(merged, CollectedInfo()) == merged
    assert known == CollectedInfo(
        education=Education(level=EducationLevel.BACHELOR), interests=["Hiking"]
    )


def test_merging_replaces_fields_that_a_new_answer_restates() -> None:
    known = CollectedInfo(constraints=Constraints(location="Beijing", hours="full-time"))
    merged = merge(known, CollectedInfo(constraints=Constraints(location="Shanghai")))
    assert merged.constraints == Constraints(location="Shanghai", hours="full-time")


def test_merging_experience_drops_items_with_the_same_text() -> None:
    first = extract("I worked as a nurse for 3 years")
    merged = merge(first, extract("I worked as a nurse for 3 years. I was a tutor."))
    assert [e.role for e in merged.experience] == ["nurse", "tutor"]


def test_merging_a_whole_conversation() -> None:
    known = CollectedInfo()
    for answer in [
        "你好",
        "我本科学的是会计专业。",
        "我在一家银行工作了三年。",
        "我喜欢画画和摄影。",
    ]:
        known = merge(known, extract(answer))
    assert known.known() == {Topic.EDUCATION, Topic.EXPERIENCE, Topic.INTERESTS}
