"""Education in a chat message and a résumé line: levels, schools, fields of study."""

from __future__ import annotations

import pytest

from careerstream.contracts import Education, EducationLevel
from careerstream.understanding import extract
from careerstream.understanding.education import (
    education_level,
    field_of_study,
    highest_level,
    schools,
)


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


# --- a résumé line ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "level"),
    [
        ("PhD", "doctorate"),
        ("博士研究生", "doctorate"),
        ("MSc", "master"),
        ("MBA", "master"),
        ("硕士", "master"),
        ("研究生", "master"),
        ("Master's degree", "master"),
        ("B.Sc.", "bachelor"),
        ("BA (Hons) History", "bachelor"),
        ("本科", "bachelor"),
        ("学士", "bachelor"),
        ("associate", "associate"),
        ("大专", "associate"),
        ("专科", "associate"),
        ("vocational diploma", "vocational"),
        ("中专", "vocational"),
        ("职高", "vocational"),
        ("技校", "vocational"),
        ("high school", "secondary"),
        ("高中", "secondary"),
        ("Scrum Master", None),
        ("MS Office", None),
        ("", None),
    ],
)
def test_education_levels_are_normalised(written: str, level: str | None) -> None:
    assert education_level(written) == level


def test_short_degree_names_count_only_where_they_name_a_degree() -> None:
    assert highest_level("Boston, MA 02115") is None
    assert highest_level("MA in History, Boston University") == "master"
    assert highest_level("High School Diploma, Lamar High School") == "secondary"
    assert highest_level("Sales Associates, 2019") is None
    assert highest_level("北京大学生物系") is None, "北京大学|生物 is no 大学生"
    assert highest_level("我是大学生") == "bachelor"


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ("BSc Computer Science, 2014 - 2018", "Computer Science"),
        ("Master of Science in Statistics, 2015 - 2017", "Statistics"),
        ("Master of Business Administration, 2019", "Business Administration"),
        ("Associate of Science in Nursing (ASN) — Houston Community College", "Nursing"),
        ("Major: Economics | GPA 3.8", "Economics"),
        ("MBA, Harvard Business School", None),
        ("High School Diploma, Lamar High School, 2012", None),
        ("2016年毕业于复旦大学金融学专业", "金融学"),
        ("专业：软件工程", "软件工程"),
        ("具备良好的人际关系", None),
        ("熟悉专业技能", None),
    ],
)
def test_the_field_of_a_resume_line(line: str, field: str | None) -> None:
    assert field_of_study(line) == field


def test_schools_in_order_and_never_a_generic_name() -> None:
    line = "Lamar High School, then Houston Community College; 后来考上浙江大学"
    assert schools(line) == ["Lamar High School", "Houston Community College", "浙江大学"]
    assert schools("a Community College and a High School; 一所大学, 名牌大学") == []
