"""Progress of a piece of work, as a fraction from 0 to 1 with a short message.

Domain code reports through a `Progress` callback and never learns where it goes:
the stage harness turns the calls into `stage.progress` events. When work has
parts, each part reports into its own slice of the whole (`within`, `Steps`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

Progress = Callable[[float, str], None]
"""Fraction of the work done (0..1) and a short English message."""


def no_progress(fraction: float, message: str) -> None:
    """The default callback: nobody is listening."""


def scale(fraction: float, start: float, end: float) -> float:
    """`fraction` (clamped to 0..1) mapped onto the span from `start` to `end`."""
    return start + (end - start) * min(max(fraction, 0.0), 1.0)


def within(progress: Progress, start: float, end: float) -> Progress:
    """A callback for one part of the work, reporting into `start`..`end` of the whole."""

    def report(fraction: float, message: str) -> None:
        progress(scale(fraction, start, end), message)

    return report


class Steps:
    """Reports each finished step as its share of the whole, by weight, ending at 1.0."""

    def __init__(self, progress: Progress, weights: Sequence[float]) -> None:
        self._progress = progress
        self._total = sum(weights)
        self._weights = list(weights)
        self._done = 0.0

    def done(self, message: str) -> None:
        self._done += self._weights.pop(0)
        fraction = 1.0 if not self._weights else min(self._done / self._total, 1.0)
        self._progress(fraction, message)
