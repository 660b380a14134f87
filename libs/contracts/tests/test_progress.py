from __future__ import annotations

import pytest

from careerstream.contracts import Stage, Steps, overall_progress, within
from careerstream.contracts.progress import scale


@pytest.mark.parametrize(("fraction", "mapped"), [(-1.0, 0.2), (0.0, 0.2), (0.5, 0.5), (7, 0.8)])
def test_a_fraction_is_clamped_then_mapped_onto_its_span(fraction: float, mapped: float) -> None:
    assert scale(fraction, 0.2, 0.8) == pytest.approx(mapped)


def test_a_part_reports_into_its_own_slice() -> None:
    calls: list[tuple[float, str]] = []
    second_half = within(lambda f, m: calls.append((f, m)), 0.5, 1.0)
    second_half(0.0, "start")
    second_half(0.5, "half")
    second_half(1.0, "end")
    assert calls == [(0.5, "start"), (0.75, "half"), (1.0, "end")]


def test_steps_report_their_weighted_share_and_end_at_one() -> None:
    calls: list[tuple[float, str]] = []
    steps = Steps(lambda f, m: calls.append((round(f, 4), m)), [1, 3])
    steps.done("first")
    steps.done("second")
    assert calls == [(0.25, "first"), (1.0, "second")]


def test_each_stage_owns_a_slice_of_the_pipeline_bar() -> None:
    assert overall_progress(Stage.PARSE, 0.0) == 0.0
    assert overall_progress(Stage.PARSE, 1.0) == overall_progress(Stage.ANALYZE, 0.0)
    assert overall_progress(Stage.REPORT, 1.0) == 1.0
