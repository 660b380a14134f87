"""The analyze stage's answer: the person's interest profile, measured or inferred (pure).

With questionnaire answers the profile is measured (`assessed_interests`); the
person's own words then only add supporting quotes. Without answers it is
inferred from the profile (`inferred_interests`), with a lower confidence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from careerstream.analyzer import assessment
from careerstream.analyzer.assessment import AnswersInvalid, Item, score
from careerstream.analyzer.inference import inferred_interests, read_profile
from careerstream.contracts import InterestProfile, Locale, Profile, Progress, no_progress, within
from careerstream.contracts.riasec import RIASEC

__all__ = [
    "AnswersInvalid",
    "analyze",
    "assessed_interests",
    "inferred_interests",
]

QUOTES_WITH_ANSWERS = 2  # of the person's own words per area, beside what the answers say


def _in_own_words(quote: str, locale: Locale) -> str:
    return f"你提到：“{quote}”" if locale is Locale.ZH else f'In your own words: "{quote}"'


def assessed_interests(
    answers: Mapping[str, int],
    profile: Profile | None,
    locale: Locale,
    *,
    progress: Progress = no_progress,
    items: Sequence[Item] | None = None,
) -> InterestProfile:
    """The questionnaire's profile: scores, code and confidence from the answers alone.

    Raises `AnswersInvalid` when the answers cannot be scored. `items` (from
    `assessment.load_items`) lets English evidence name the activities liked most;
    a profile adds a few of the person's own words to each area's evidence.
    """
    scores = score(answers)
    evidence = assessment.evidence(answers, locale, items)
    scored = 0.5 if profile is None else 0.3
    progress(scored, "Scored the questionnaire")
    if profile is not None:
        reading = read_profile(profile, progress=within(progress, scored, 0.9))
        for area in RIASEC:
            evidence[area] += [
                _in_own_words(q, locale) for q in reading.quotes(area, QUOTES_WITH_ANSWERS)
            ]
    result = InterestProfile(
        riasec={area: round(value, 3) for area, value in scores.normalised.items()},
        riasec_raw={area: float(value) for area, value in scores.raw.items()},
        holland_code=scores.holland_code,
        source="assessment",
        confidence=assessment.confidence(scores),
        evidence=evidence,
    )
    progress(1.0, "Interest profile ready")
    return result


def analyze(
    profile: Profile,
    answers: Mapping[str, int] | None,
    locale: Locale,
    *,
    progress: Progress = no_progress,
    items: Sequence[Item] | None = None,
) -> InterestProfile:
    """Measured when answers were given (even invalid ones: they raise), else inferred."""
    if answers is not None:
        return assessed_interests(answers, profile, locale, progress=progress, items=items)
    return inferred_interests(profile, locale, progress=progress)
