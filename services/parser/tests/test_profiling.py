"""The parse stage's domain logic: résumés (English, Chinese, with and without headings) and
conversations become profiles. Years are counted by hand against TODAY."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from careerstream.contracts import (
    ChatMessage,
    ChatRole,
    CollectedInfo,
    Constraints,
    Education,
    EducationEntry,
    EducationLevel,
    Experience,
    Locale,
    Profile,
    ResumeDocument,
)
from careerstream.parser.profiling import (
    MAX_EDUCATION,
    MAX_LIST_ITEMS,
    MAX_NARRATIVE_CHARS,
    MAX_POSITIONS,
    MAX_RESUME_CHARS,
    Section,
    build_profile,
    split_units,
)
from careerstream.parser.vocabulary import SkillVocabulary
from tests.support.onet import onet_dir

TODAY = date(2025, 6, 15)

ENGLISH_RESUME = """JANE DOE
jane.doe@example.com | +1 416 555 0100 | Toronto, ON

SUMMARY
Data analyst who turns messy operational data into decisions.

WORK EXPERIENCE
Senior Data Analyst, Maple Analytics Inc. — Toronto          Jan 2020 – Present
• Built Tableau dashboards and Python pipelines for the finance team
• Ran project management for quarterly reporting across four departments

Data Analyst | Northwind Traders Ltd | 03/2018 - 06/2021
- Automated Excel reports with SQL and VBA, cutting month-end close by two days

Research Assistant
University of Toronto                                         2015–2017
- Statistical analysis in R for a labour-economics study

EDUCATION
University of Toronto
Master of Science in Statistics, 2015 - 2017
Bachelor of Arts in Economics, McGill University, 2011 - 2015

SKILLS
Python, SQL, R, Excel, Tableau, Power BI, machine learning, communication

LANGUAGES
English (native), French (conversational)

CERTIFICATIONS
AWS Certified Cloud Practitioner (2021)
PMP, 2019

INTERESTS
Hiking, chess and photography
"""

CHINESE_RESUME = """个人简历
张伟
电话：13800000000  邮箱：zhangwei@example.com

教育背景 Education
2014.09 - 2018.06  浙江大学  计算机科学与技术  本科
2018年9月—2021年6月  北京大学  软件工程  硕士

工作经历
2021.07 - 至今  腾讯科技（深圳）有限公司  高级产品经理
负责支付产品规划与数据分析，带领团队推进项目管理。
2018年9月至2021年6月  北京大学信息科学技术学院  助教
协助本科课程教学与答疑。

专业技能
熟练使用Python、SQL、Excel；熟悉机器学习与数据可视化。

语言能力
英语（CET-6），普通话（母语）

证书
PMP项目管理专业人士、教师资格证

兴趣爱好
摄影、跑步、围棋
"""

ENGLISH_PROSE = (
    "Tom Baker\n"
    "I graduated from the University of Leeds with a BSc in Mechanical Engineering in 2012. "
    "From 2012 to 2016 I worked as a design engineer at Rolls-Royce plc, using AutoCAD and "
    "SolidWorks. Since then, from 2016 – Present, I have been a project manager at Siemens "
    "Energy Ltd. I speak English and German fluently and hold a PMP certification."
)

CHINESE_PROSE = (
    "李娜，2016年毕业于复旦大学金融学专业，获经济学学士学位。"
    "2016年7月至2019年6月在招商银行担任客户经理，2019年7月至今在平安证券有限责任公司任投资顾问。"
    "熟练掌握Excel和财务分析，通过英语六级，持有CFA证书和证券从业资格。"
)


def resume(text: str) -> ResumeDocument:
    return ResumeDocument(filename="resume.txt", kind="txt", pages=1, text=text)


def user(text: str) -> ChatMessage:
    return ChatMessage(role=ChatRole.USER, content=text)


def assistant(text: str) -> ChatMessage:
    return ChatMessage(role=ChatRole.ASSISTANT, content=text)


@pytest.fixture(scope="module")
def vocabulary() -> SkillVocabulary:
    return SkillVocabulary.builtin()


def profile_of(
    text: str | None,
    vocabulary: SkillVocabulary,
    locale: Locale = Locale.EN,
    conversation: list[ChatMessage] | None = None,
    collected: CollectedInfo | None = None,
) -> Profile:
    return build_profile(
        conversation or [],
        collected or CollectedInfo(),
        resume(text) if text else None,
        locale,
        vocabulary,
        today=TODAY,
    )


def jobs(profile: Profile) -> list[tuple[str | None, str | None, str | None, str | None, float]]:
    return [(p.title, p.organization, p.start, p.end, p.years or 0.0) for p in profile.experience]


def degrees(profile: Profile) -> list[tuple[str | None, ...]]:
    return [(e.level, e.major, e.school, e.start, e.end) for e in profile.education]


# --- résumés with headings ------------------------------------------------------------------


def test_english_resume_with_headings(vocabulary: SkillVocabulary) -> None:
    profile = profile_of(ENGLISH_RESUME, vocabulary)
    assert profile.name == "Jane Doe"
    assert jobs(profile) == [
        ("Senior Data Analyst", "Maple Analytics Inc", "2020-01", "present", 5.5),
        ("Data Analyst", "Northwind Traders Ltd", "2018-03", "2021-06", 3.33),
        ("Research Assistant", "University of Toronto", "2015", "2017", 2.0),
    ]
    # 2015-2017 (24 months) and March 2018 through June 2025 (88): 112 months.
    assert profile.years_experience == 9.33
    assert degrees(profile) == [
        ("master", "Statistics", "University of Toronto", "2015", "2017"),
        ("bachelor", "Economics", "McGill University", "2011", "2015"),
    ]
    assert profile.highest_level == "master"
    skills = [s.name for s in profile.skills]
    for name in ("Python", "Tableau", "Microsoft Excel", "R", "Project management"):
        assert name in skills
    assert skills.index("Tableau") < skills.index("Microsoft Excel")  # order of appearance
    assert profile.languages == ["English", "French"]
    assert profile.certifications == ["AWS Certified Cloud Practitioner", "PMP"]
    assert profile.interests == ["Hiking", "chess", "photography"]
    assert profile.sources == ["resume"]


def test_chinese_resume_with_headings(vocabulary: SkillVocabulary) -> None:
    profile = profile_of(CHINESE_RESUME, vocabulary, Locale.ZH)
    assert profile.name == "张伟"
    assert degrees(profile) == [
        ("bachelor", "计算机科学与技术", "浙江大学", "2014-09", "2018-06"),
        ("master", "软件工程", "北京大学", "2018-09", "2021-06"),
    ]
    assert profile.highest_level == "master"
    assert jobs(profile) == [
        ("高级产品经理", "腾讯科技(深圳)有限公司", "2021-07", "present", 4.0),
        ("助教", "北京大学信息科学技术学院", "2018-09", "2021-06", 2.83),
    ]
    assert profile.years_experience == 6.83  # 34 + 48 months, no overlap
    labels = {s.name: s.label for s in profile.skills}
    assert labels["Project management"] == "项目管理"
    assert labels["Data visualization"] == "数据可视化"
    assert labels["Python"] == "Python"
    assert profile.languages == ["英语", "普通话"]
    assert profile.certifications == ["PMP 项目管理专业人士认证", "教师资格证"]
    assert profile.interests == ["摄影", "跑步", "围棋"]


# --- résumés without headings ---------------------------------------------------------------


def test_english_prose_without_headings(vocabulary: SkillVocabulary) -> None:
    profile = profile_of(ENGLISH_PROSE, vocabulary)
    assert profile.name == "Tom Baker"
    assert degrees(profile) == [
        ("bachelor", "Mechanical Engineering", "University of Leeds", None, "2012")
    ]
    assert [s.name for s in profile.skills] == ["Autodesk AutoCAD", "Dassault Systemes SolidWorks"]
    assert profile.languages == ["English", "German"]
    assert profile.certifications == ["PMP"]


def test_chinese_prose_without_headings(vocabulary: SkillVocabulary) -> None:
    profile = profile_of(CHINESE_PROSE, vocabulary, Locale.ZH)
    assert profile.name == "李娜"
    assert degrees(profile) == [("bachelor", "金融学", "复旦大学", None, "2016")]
    assert [s.label for s in profile.skills] == ["Excel", "财务分析"]
    assert profile.languages == ["英语"]
    assert profile.certifications == ["CFA 特许金融分析师", "证券从业资格"]


# Header lines in each date form (dates.py reads the forms), and the period each one makes.
HEADER_LINES = {
    "Software Engineer, Acme Corp, 2019 - 2023": ("2019", "2023", 4.0),
    "Software Engineer | Acme Corp | Jan 2020 – Present": ("2020-01", "present", 5.5),
    "Software Engineer, Acme Corp 03/2018 - 06/2021": ("2018-03", "2021-06", 3.33),
    "2020.03 - 至今  Acme Corp  Software Engineer": ("2020-03", "present", 5.33),
    "2018年9月—2022年6月 Acme Corp Software Engineer": ("2018-09", "2022-06", 3.83),
    "2018年9月至2022年6月 Acme Corp Software Engineer": ("2018-09", "2022-06", 3.83),
    "Software Engineer at Acme Corp (2015–2017)": ("2015", "2017", 2.0),
}


@pytest.mark.parametrize(("line", "period"), HEADER_LINES.items())
def test_each_date_form_makes_a_position(
    vocabulary: SkillVocabulary, line: str, period: tuple[str, str, float]
) -> None:
    start, end, years = period
    profile = profile_of(f"Experience\n{line}\n- shipped things", vocabulary)
    assert jobs(profile) == [("Software Engineer", "Acme Corp", start, end, years)]
    assert profile.years_experience == years
    assert profile.experience[0].text.endswith("- shipped things")


EMPLOYER_ABOVE_TITLE = (
    "EXPERIENCE\n"
    "Google — Mountain View, CA                     2019 - 2023\n"
    "Software Engineer\n"
    "• Built search infrastructure in Go and C++\n"
    "Stripe                                         2023 - Present\n"
    "Staff Engineer\n"
)
CHINESE_ROWS = (
    "王磊 | 男 | 13900001111\n"
    "求职意向：Java开发工程师\n"  # labels its own line only
    "2015年9月-2019年7月 西安电子科技大学 软件工程专业 本科\n"
    "2019年7月-2021年12月 中兴通讯股份有限公司 Java开发工程师\n"
    "公司名称：字节跳动  职位：数据分析师  时间：2022年1月 - 至今\n"
)
AMERICAN_NURSE = (
    "Maria Garcia\nRegistered Nurse\n"
    "Education\n"
    "Associate of Science in Nursing (ASN) — Houston Community College, 2014\n"
    "High School Diploma, Lamar High School, 2012\n"
    "Experience\n"
    "Registered Nurse, Memorial Hermann Hospital, Houston, TX (June 2014 - Present)\n"
    "Caregiver, Home Instead, 2012-2014\n"
)
PDF_LINES = (
    "Alex Chen\nProfessional Experience\n"
    "Senior Data Analyst\nMaple Analytics Inc.\nJan 2020 – Present\n• Built dashboards\n"
    "Data Analyst\nNorthwind Traders Ltd\nMar 2018 – Dec 2019\n• Monthly reports\n"
    "ACME CORPORATION, New York, NY\nMarketing Intern, 2017\u20132018\n"
)
CHINESE_INTERNSHIPS = (
    "实习经历\n"
    "2023.07-2023.09  字节跳动  产品运营实习生\n"
    "2022.07-2022.08  中国工商银行北京分行  柜员实习\n"
)
OVERLAPPING = (
    "Work Experience\n"
    "Barista, Blue Bottle Cafe, 2016 - 2020\n"
    "Tutor, Kumon Learning Center, 2018 - 2019\n"  # entirely inside the first
    "Teacher, Lincoln High School, Sep 2021 – Aug 2023\n"
)


# Each layout's positions, one a row: (layout, title, employer, start, end, years).
POSITIONS = [
    (ENGLISH_PROSE, "design engineer", "Rolls-Royce", "2012", "2016", 4.0),
    (ENGLISH_PROSE, "project manager", "Siemens Energy Ltd", "2016", "present", 9.5),
    (CHINESE_PROSE, "客户经理", "招商银行", "2016-07", "2019-06", 3.0),
    (CHINESE_PROSE, "投资顾问", "平安证券有限责任公司", "2019-07", "present", 6.0),
    (EMPLOYER_ABOVE_TITLE, "Software Engineer", "Google", "2019", "2023", 4.0),
    (EMPLOYER_ABOVE_TITLE, "Staff Engineer", "Stripe", "2023", "present", 2.5),
    (CHINESE_ROWS, "Java开发工程师", "中兴通讯股份有限公司", "2019-07", "2021-12", 2.5),
    (CHINESE_ROWS, "数据分析师", "字节跳动", "2022-01", "present", 3.5),
    (AMERICAN_NURSE, "Registered Nurse", "Memorial Hermann Hospital", "2014-06", "present", 11.08),
    (AMERICAN_NURSE, "Caregiver", "Home Instead", "2012", "2014", 2.0),
    (PDF_LINES, "Senior Data Analyst", "Maple Analytics Inc", "2020-01", "present", 5.5),
    (PDF_LINES, "Data Analyst", "Northwind Traders Ltd", "2018-03", "2019-12", 1.83),
    (PDF_LINES, "Marketing Intern", "ACME CORPORATION", "2017", "2018", 1.0),
    (CHINESE_INTERNSHIPS, "产品运营实习生", "字节跳动", "2023-07", "2023-09", 0.25),
    (CHINESE_INTERNSHIPS, "柜员实习", "中国工商银行北京分行", "2022-07", "2022-08", 0.17),
    (OVERLAPPING, "Barista", "Blue Bottle Cafe", "2016", "2020", 4.0),
    (OVERLAPPING, "Tutor", "Kumon Learning Center", "2018", "2019", 1.0),
    (OVERLAPPING, "Teacher", "Lincoln High School", "2021-09", "2023-08", 2.0),
]
# Each layout's language and total years of experience, overlaps counted once.
LAYOUTS = {
    "English prose without headings": (ENGLISH_PROSE, Locale.EN, 13.5),
    "Chinese prose without headings": (CHINESE_PROSE, Locale.ZH, 9.0),
    "employer above the title, city and state names": (EMPLOYER_ABOVE_TITLE, Locale.EN, 6.5),
    "Chinese rows with labels and one-line fields": (CHINESE_ROWS, Locale.ZH, 6.0),
    "an American résumé": (AMERICAN_NURSE, Locale.EN, 13.08),  # 24 + 133 months
    "title, employer and dates on lines of their own": (PDF_LINES, Locale.EN, 8.33),
    "Chinese internships count by the month": (CHINESE_INTERNSHIPS, Locale.ZH, 0.42),
    "overlapping jobs: the tutoring adds nothing": (OVERLAPPING, Locale.EN, 6.0),
}


@pytest.mark.parametrize(("text", "locale", "total"), LAYOUTS.values(), ids=LAYOUTS.keys())
def test_positions_and_total_years_in_each_layout(
    vocabulary: SkillVocabulary, text: str, locale: Locale, total: float
) -> None:
    profile = profile_of(text, vocabulary, locale)
    assert jobs(profile) == [row[1:] for row in POSITIONS if row[0] == text]
    assert profile.years_experience == total


def test_a_description_stays_with_its_own_job(vocabulary: SkillVocabulary) -> None:
    above = profile_of(EMPLOYER_ABOVE_TITLE, vocabulary)
    assert above.experience[0].text.endswith("• Built search infrastructure in Go and C++")
    assert [s.name for s in above.skills] == ["Go", "C++"]
    # The next job's header lines are not the previous job's description.
    pdf = profile_of(PDF_LINES, vocabulary)
    assert pdf.experience[0].text == "Jan 2020 – Present\n• Built dashboards"


def test_names_and_degrees_beside_the_positions(vocabulary: SkillVocabulary) -> None:
    rows = profile_of(CHINESE_ROWS, vocabulary, Locale.ZH)
    assert rows.name == "王磊"
    assert degrees(rows) == [("bachelor", "软件工程", "西安电子科技大学", "2015-09", "2019-07")]
    nurse = profile_of(AMERICAN_NURSE, vocabulary)
    assert nurse.name == "Maria Garcia"
    assert degrees(nurse) == [
        ("associate", "Nursing", "Houston Community College", None, "2014"),
        ("secondary", None, "Lamar High School", None, "2012"),
    ]
    assert nurse.highest_level == "associate"


# --- conversations --------------------------------------------------------------------------


def test_chinese_persona_from_the_conversation(vocabulary: SkillVocabulary) -> None:
    conversation = [
        assistant("你好！先聊聊你的教育背景吧？你会Java吗？"),
        user("我是浙江大学计算机专业的硕士，去年毕业。"),
        user("我在华为做了两年软件工程师，熟悉Python和SQL，但是不会Java。英语六级，口语流利。"),
        assistant("明白了。还有什么爱好？"),
        user("平时喜欢摄影和爬山，希望以后考PMP。"),
    ]
    collected = CollectedInfo(
        education=Education(level=EducationLevel.MASTER, major="计算机", school="浙江大学"),
        experience=[Experience(text="我在华为做了两年软件工程师", role="软件工程师", years=2)],
        skills=["Python", "沟通能力", "架构设计"],
        interests=["摄影", "爬山"],
        values=["稳定"],
        goals=["成为技术专家"],
        constraints=Constraints(location="杭州"),
    )
    profile = profile_of(None, vocabulary, Locale.ZH, conversation, collected)
    assert profile.education == [
        EducationEntry(level=EducationLevel.MASTER, major="计算机", school="浙江大学")
    ]
    assert profile.highest_level == "master"
    assert jobs(profile) == [("软件工程师", None, None, None, 2.0)]
    assert profile.years_experience == 2.0
    skills = [(s.name, s.label, s.source) for s in profile.skills]
    assert skills == [
        ("Python", "Python", "builtin"),
        ("Structured query language SQL", "SQL", "builtin"),
        ("Communication", "沟通能力", "builtin"),
        ("架构设计", "架构设计", "stated"),
    ]  # no Java: the person said they cannot
    assert profile.languages == ["英语"]
    assert profile.certifications == []  # a PMP is only hoped for
    assert profile.interests == ["摄影", "爬山"]
    assert (profile.values, profile.goals) == (["稳定"], ["成为技术专家"])
    assert profile.constraints == Constraints(location="杭州")
    assert profile.sources == ["conversation"]
    assert "你会Java吗" not in profile.narrative  # the assistant's words are not theirs
    assert profile.narrative.startswith("我是浙江大学")


def test_english_persona_from_the_conversation(vocabulary: SkillVocabulary) -> None:
    told = [
        "I finished high school and then did an associate degree in nursing.",
        "I've worked as a nurse for 6 years and as a caregiver for 2 years.",
        "I'm fluent in Spanish and English, but I don't speak French.",
    ]
    answers = [
        "Not really Excel. I'm good at patient care and first aid.",
        "I hold a CPR certification and want to get a PMP someday.",
    ]
    question = assistant("Do you use Excel at work?")
    conversation = [*map(user, told), question, *map(user, answers)]
    collected = CollectedInfo(
        education=Education(level=EducationLevel.ASSOCIATE, major="nursing"),
        experience=[
            Experience(text="I've worked as a nurse for 6 years", role="nurse", years=6),
            Experience(text="as a caregiver for 2 years", role="caregiver", years=2),
        ],
        skills=["patient care", "bedside manner"],
        interests=["gardening"],
    )
    profile = profile_of(None, vocabulary, Locale.EN, conversation, collected)
    assert profile.education == [EducationEntry(level=EducationLevel.ASSOCIATE, major="nursing")]
    assert profile.highest_level == "associate"
    assert jobs(profile) == [
        ("nurse", None, None, None, 6.0),
        ("caregiver", None, None, None, 2.0),
    ]
    assert profile.years_experience == 8.0  # stated in chat, no dated résumé
    assert [(s.name, s.source) for s in profile.skills] == [
        ("Patient care", "builtin"),
        ("First aid", "builtin"),
        ("bedside manner", "stated"),
    ]
    assert profile.languages == ["Spanish", "English"]
    assert profile.certifications == ["CPR certification"]
    assert profile.interests == ["gardening"]
    assert profile.sources == ["conversation"]


def test_conversation_and_resume_together(vocabulary: SkillVocabulary) -> None:
    collected = CollectedInfo(
        education=Education(level=EducationLevel.MASTER, school="北京大学"),
        experience=[Experience(text="我做了十年产品", role="产品经理", years=10)],
        skills=["Python"],
        interests=["旅行"],
    )
    profile = profile_of(
        CHINESE_RESUME, vocabulary, Locale.ZH, [user("我想转行做数据科学。")], collected
    )
    assert profile.sources == ["conversation", "resume"]
    assert len(profile.education) == 2  # the chat's master's degree is the résumé's
    assert profile.years_experience == 6.83  # dated résumé jobs outweigh the stated ten years
    assert profile.interests == ["摄影", "跑步", "围棋", "旅行"]
    assert profile.narrative.startswith("我想转行做数据科学。\n\n个人简历")


def test_nothing_known_is_an_empty_profile(vocabulary: SkillVocabulary) -> None:
    profile = profile_of(None, vocabulary, conversation=[assistant("Hi! Tell me about you.")])
    assert profile == Profile()


# --- parts ----------------------------------------------------------------------------------


def test_headings_in_both_languages_split_the_resume() -> None:
    text = (
        "Summary: analyst\n【教育背景】\n浙江大学\nWORK EXPERIENCE\nAcme\n"
        "Skills: Python\n二、兴趣爱好\n摄影\nLanguages\nEnglish。爱好：阅读"
    )
    assert [(u.text, u.section) for u in split_units(text)] == [
        ("analyst", Section.OTHER),
        ("浙江大学", Section.EDUCATION),
        ("Acme", Section.EXPERIENCE),
        ("Python", Section.SKILLS),
        ("摄影", Section.INTERESTS),
        ("English。", Section.LANGUAGES),
        ("阅读", Section.INTERESTS),
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("JANE DOE\nData Analyst", "Jane Doe"),
        ("Curriculum Vitae\nMaria Garcia | maria@example.com", "Maria Garcia"),
        ("个人简历\n姓名：王芳\n电话：139", "王芳"),
        ("欧阳娜娜  女  28岁", "欧阳娜娜"),
        ("Senior Data Analyst\nToronto", None),
        ("教育背景\n浙江大学", None),
    ],
)
def test_a_name_on_the_first_line(vocabulary: SkillVocabulary, text: str, name: str | None) -> None:
    assert profile_of(text, vocabulary).name == name


def test_languages_need_a_cue_outside_their_section(vocabulary: SkillVocabulary) -> None:
    text = "Education\nBA in English Literature, University of Leeds, 2010 - 2013\nIELTS 8.0"
    assert profile_of(text, vocabulary).languages == ["English"]  # from the IELTS, not the BA
    assert profile_of("Education\nBA in French Studies", vocabulary).languages == []


def test_certifications_section_keeps_unknown_ones_as_written(vocabulary: SkillVocabulary) -> None:
    text = (
        "Certifications\n• Certified Kubernetes Administrator (CKA), 2022\n"
        "• Food Hygiene Level 2 (2019)\nSummary\nPreparing for the CFA exam."
    )
    assert profile_of(text, vocabulary).certifications == ["CKA", "Food Hygiene Level 2"]


# --- progress and limits --------------------------------------------------------------------


@pytest.mark.parametrize("text", [ENGLISH_RESUME, None])
def test_progress_rises_step_by_step_to_one(vocabulary: SkillVocabulary, text: str | None) -> None:
    heard: list[tuple[float, str]] = []
    build_profile(
        [user("I know Python")],
        CollectedInfo(),
        resume(text) if text else None,
        Locale.EN,
        vocabulary,
        today=TODAY,
        progress=lambda fraction, message: heard.append((fraction, message)),
    )
    fractions = [fraction for fraction, _ in heard]
    assert len(heard) >= 5
    assert all(0 < a < b for a, b in itertools.pairwise(fractions))
    assert fractions[-1] == 1.0
    assert all(message.strip() for _, message in heard)
    assert any("education" in message for _, message in heard)
    assert any("skills" in message for _, message in heard)


def test_narrative_is_trimmed_to_the_contract_limit(vocabulary: SkillVocabulary) -> None:
    long_resume = "Experience\n" + "Managed inventory and budgets for the store. " * 2200
    profile = profile_of(long_resume, vocabulary, conversation=[user("I like retail.")])
    assert len(profile.narrative) == MAX_NARRATIVE_CHARS
    assert profile.narrative.startswith("I like retail.\n\nExperience")


@pytest.mark.parametrize("onet", [False, True])
def test_a_100k_character_resume_is_read_to_its_caps(onet: bool) -> None:
    vocabulary = SkillVocabulary.with_onet(onet_dir()) if onet else SkillVocabulary.builtin()
    mixed = ENGLISH_RESUME + CHINESE_RESUME + CHINESE_PROSE + ENGLISH_PROSE
    text = (mixed * (100_000 // len(mixed) + 1))[:100_000]
    profile = profile_of(text, vocabulary)
    assert len(profile.experience) == MAX_POSITIONS
    assert profile.skills
    assert profile.education


HOSTILE = ["2019-" * 20_000, "University " * 9_000, "中" * 100_000, "a" * 100_000, "1." * 50_000]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_hostile_resume_yields_a_bounded_profile(vocabulary: SkillVocabulary, text: str) -> None:
    profile = profile_of(text[:MAX_RESUME_CHARS], vocabulary)
    assert len(profile.experience) <= MAX_POSITIONS
    assert len(profile.education) <= MAX_EDUCATION
    assert len(profile.certifications) <= MAX_LIST_ITEMS
    assert len(profile.narrative) <= MAX_NARRATIVE_CHARS


@pytest.mark.parametrize("text", HOSTILE)
def test_a_hostile_conversation_is_read_only_to_its_bound(
    vocabulary: SkillVocabulary, text: str
) -> None:
    conversation = [user(text[:40_000]), user(text[:40_000]), user("I know Python")]
    profile = profile_of(None, vocabulary, conversation=conversation)
    assert "Python" not in [skill.name for skill in profile.skills], "past the bound"
    assert len(profile.narrative) <= MAX_NARRATIVE_CHARS
