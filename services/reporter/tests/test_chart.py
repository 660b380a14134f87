"""The RIASEC chart: geometry that follows the scores, labels in the person's language."""

from __future__ import annotations

import io
import math

import pypdf
import pytest
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Polygon, String

from careerstream.contracts.common import Locale
from careerstream.reporter.chart import chart_labels, riasec_chart
from careerstream.reporter.fonts import CJK

SCORES = {"R": 0.55, "I": 0.9, "A": 0.3, "S": 0.25, "E": 0.2, "C": 0.7}


def _strings(drawing: Drawing) -> list[String]:
    return [shape for shape in drawing.contents if isinstance(shape, String)]


def _polygons(drawing: Drawing) -> list[Polygon]:
    return [shape for shape in drawing.contents if isinstance(shape, Polygon)]


@pytest.mark.parametrize(
    ("locale", "names"),
    [
        (Locale.ZH, ["现实型 R", "研究型 I", "艺术型 A", "社会型 S", "企业型 E", "常规型 C"]),
        (
            Locale.EN,
            [
                "Realistic R",
                "Investigative I",
                "Artistic A",
                "Social S",
                "Enterprising E",
                "Conventional C",
            ],
        ),
    ],
)
def test_labels_name_every_area_with_its_score(locale: Locale, names: list[str]) -> None:
    texts = [s.text for s in _strings(riasec_chart(SCORES, locale, code="ICR"))]
    for name, score in zip(names, ["55%", "90%", "30%", "25%", "20%", "70%"], strict=True):
        assert name in texts
        assert texts[texts.index(name) + 1] == score


def test_chinese_labels_use_the_cid_font_and_code_letters_stand_out() -> None:
    names = [s for s in _strings(riasec_chart(SCORES, Locale.ZH, code="ICR")) if "型" in s.text]
    assert len(names) == 6
    assert all(s.fontName == CJK for s in names)
    colours = {s.text[-1]: s.fillColor for s in names}
    assert colours["I"] == colours["C"] == colours["R"]
    assert colours["A"] == colours["S"] == colours["E"] != colours["I"]

    english = _strings(riasec_chart(SCORES, Locale.EN, code="ICR"))
    bold = {s.text[-1] for s in english if s.fontName == "Helvetica-Bold" and s.text[-1].isalpha()}
    assert bold == {"I", "C", "R"}


def test_the_score_shape_reaches_out_in_proportion_to_each_score() -> None:
    drawing = riasec_chart(SCORES, Locale.EN)
    *rings, shape = _polygons(drawing)
    outer = rings[-1].points
    cx, cy = drawing.width / 2, drawing.height / 2
    radius = math.hypot(outer[0] - cx, outer[1] - cy)
    for index, letter in enumerate("RIASEC"):
        x, y = shape.points[2 * index], shape.points[2 * index + 1]
        assert math.hypot(x - cx, y - cy) / radius == pytest.approx(SCORES[letter], abs=1e-6)
    # R points straight up: Holland's hexagon order starts at the top.
    assert shape.points[0] == pytest.approx(cx)
    assert shape.points[1] > cy


def test_scores_are_clamped_and_missing_areas_count_as_zero() -> None:
    labels = chart_labels({"I": 1.7, "R": -0.2}, Locale.EN)
    assert labels[0] == ("Realistic R", "0%")
    assert labels[1] == ("Investigative I", "100%")
    assert labels[2] == ("Artistic A", "0%")
    riasec_chart({}, Locale.ZH)  # an empty profile still draws


def test_the_chart_text_is_extractable_from_a_pdf() -> None:
    pdf = renderPDF.drawToString(riasec_chart(SCORES, Locale.ZH, code="ICR"))
    text = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    for label in ("研究型 I", "常规型 C", "90%", "25%"):
        assert label in text
