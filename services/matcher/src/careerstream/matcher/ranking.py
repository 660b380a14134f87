"""Ranking occupations against a person: `rank(index, profile, interests, locale)`.

Each occupation gets four components in 0..1, and a score that is their weighted mean:

- **interest** (weight 0.35): how alike the person's six RIASEC scores and the
  occupation's interest profile are in shape, as Pearson correlation mapped to 0..1.
  O*NET occupations use their OI scores; catalogue entries a profile derived from their
  Holland code. The weight shrinks to half of that as the analyzer's confidence in the
  person's profile falls to zero.
- **skills** (weight 0.25): the mean of how many of the person's skills the occupation
  uses and how much of the occupation's key skills and tools (most important first) the
  person has. A skill counts as held by name (same name, or every word of one inside the
  other, e.g. "SQL" in "Structured query language SQL"; O*NET skills also carry Chinese
  names, so "编程" is "Programming") or, for skills, by meaning: its embedding is clearly
  closer to the occupation's skill than to skills in general, which is what lets "护理"
  or "照顾病人" meet "patient care".
- **semantic** (weight 0.25): cosine similarity of the person's own words (job titles,
  majors, skills, interests, goals, values; the narrative when those are thin) with the
  occupation's passage, rescaled so the index's median occupation is 0 and its closest 1.
- **zone** (weight 0.15): job-zone fit. The person's zone is estimated from the highest
  education level and years of experience; an occupation that needs more preparation
  loses 0.35 per zone, one that needs less only 0.1 per zone.

A component is left out (and the weights renormalised) when there is nothing to compare:
no skills, no words, an unknown education and no experience, or a flat interest profile.
Results are sorted by score, ties by O*NET-SOC code, so the same input ranks the same way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from careerstream.contracts import (
    InterestProfile,
    Locale,
    OccupationMatch,
    Profile,
    Progress,
    no_progress,
)
from careerstream.contracts.riasec import RIASEC
from careerstream.matcher.embeddings import Vectors
from careerstream.matcher.occupations import IndexedOccupation, OccupationIndex, Term, load_index
from careerstream.matcher.reasons import Facts, explain

# The handler imports the whole stage API from here.
__all__ = ["OccupationIndex", "Progress", "load_index", "rank"]

Floats = npt.NDArray[np.float64]

WEIGHTS: dict[str, float] = {"interest": 0.35, "skills": 0.25, "semantic": 0.25, "zone": 0.15}
ZONE_SHORTFALL_PENALTY = 0.35  # per zone the occupation needs beyond the person's
ZONE_SURPLUS_PENALTY = 0.10  # per zone the person is beyond what the occupation needs
HELD = 0.5  # a term counts as a skill the person has from this match weight on
CLOSE_TO_OWN_WORDS = 0.7  # semantic component from which a reason says so
MAX_GAPS = 5
QUERY_CHARS = 700  # the model reads ~512 tokens; longer text only costs time
THIN_QUERY = 120  # below this many characters of structured text, add the narrative
CHUNK = 100  # occupations per progress step while scoring skills
# Similarity of a person's skill to a skill term, above that skill's mean similarity to
# all skill terms, at which the match weight starts (0) and is full (1). e5 similarities
# sit in a narrow band (about 0.75-0.95), so an absolute threshold does not work across
# languages; the margin over the skill's own baseline does.
SOFT_FROM, SOFT_FULL = 0.09, 0.14

_EDUCATION_ZONE = {
    "secondary": 2,
    "vocational": 3,
    "associate": 3,
    "bachelor": 4,
    "master": 5,
    "doctorate": 5,
}
_TOKEN = re.compile(r"[0-9a-z+#.]+|[^\W\d_a-z]+")
# Words too general to make a match by containment alone ("software" in every tool).
_GENERIC = frozenset(
    {
        *("software", "system", "systems", "data", "management", "analysis", "design"),
        *("tools", "tool", "microsoft", "google", "adobe", "ibm", "oracle", "and", "of", "the"),
    }
)


@dataclass(frozen=True)
class _PersonSkill:
    label: str  # as the person should see it
    texts: tuple[str, ...]  # canonical name and label, each compared


def rank(
    index: OccupationIndex,
    profile: Profile,
    interests: InterestProfile,
    locale: Locale,
    *,
    top_n: int = 10,
    progress: Progress = no_progress,
) -> list[OccupationMatch]:
    """The `top_n` best occupations for the person, best first."""
    locale = Locale(locale)  # a plain "zh" works too
    occupations = index.occupations
    progress(0.0, "comparing interests and preparation")
    components: dict[str, Floats] = {}
    weights: dict[str, float] = {}
    if (interest := interest_similarity(interests.riasec, occupations)) is not None:
        components["interest"] = interest
        weights["interest"] = WEIGHTS["interest"] * (0.5 + 0.5 * interests.confidence)
    own_zone = person_zone(profile)
    if own_zone is not None:
        components["zone"] = np.array([zone_fit(own_zone, o.job_zone) for o in occupations])
        weights["zone"] = WEIGHTS["zone"]

    skills = person_skills(profile)
    query = query_text(profile)
    skill_texts = list(dict.fromkeys(text for skill in skills for text in skill.texts))
    texts = ([query] if query else []) + skill_texts
    vectors = index.embedder.queries(texts) if texts else np.zeros((0, 0), dtype=np.float32)
    progress(0.15, "embedded the profile")

    if query:
        components["semantic"] = semantic_closeness(index.passage_vectors @ vectors[0])
        weights["semantic"] = WEIGHTS["semantic"]
    held = np.zeros((len(skills), len(index.terms)))
    if skills:
        held = match_weights(skills, skill_texts, vectors[len(texts) - len(skill_texts) :], index)
        overlap = np.zeros(len(occupations))
        for start in range(0, len(occupations), CHUNK):
            for number in range(start, min(start + CHUNK, len(occupations))):
                overlap[number] = skill_overlap(held, occupations[number].terms)
            done = min(start + CHUNK, len(occupations))
            progress(0.15 + 0.75 * done / len(occupations), f"scored skills of {done} occupations")
        components["skills"] = overlap
        weights["skills"] = WEIGHTS["skills"]

    total = sum(weights.values())
    score = np.zeros(len(occupations))
    for name, weight in weights.items():
        score += weight * components[name]
    score = np.clip(score / total, 0.0, 1.0) if total else score
    rounded = [round(float(value), 4) for value in score]
    order = sorted(range(len(occupations)), key=lambda i: (-rounded[i], occupations[i].code))

    progress(0.9, "explaining the best matches")
    matches = []
    for number in order[: max(0, top_n)]:
        facts = Facts(
            person_code=interests.holland_code,
            occupation_code=occupations[number].holland_code,
            matched_skills=(),
            person_zone=own_zone,
            occupation_zone=occupations[number].job_zone,
            close_to_own_words="semantic" in components
            and components["semantic"][number] >= CLOSE_TO_OWN_WORDS,
            score=rounded[number],
        )
        parts = {name: round(float(values[number]), 4) for name, values in components.items()}
        matches.append(_match(index, occupations[number], facts, parts, skills, held, locale))
    progress(1.0, f"ranked {len(occupations)} occupations")
    return matches


def _match(
    index: OccupationIndex,
    occupation: IndexedOccupation,
    facts: Facts,
    components: dict[str, float],
    skills: Sequence[_PersonSkill],
    held: Floats,
    locale: Locale,
) -> OccupationMatch:
    terms = occupation.terms
    weights = held[:, list(terms)] if skills and terms else np.zeros((len(skills), len(terms)))
    matched = [
        skill.label
        for skill, row in zip(skills, weights, strict=True)
        if row.max(initial=0) >= HELD
    ]
    has = weights.max(axis=0, initial=0) if len(skills) else np.zeros(len(terms))
    missing = [index.terms[term] for term, value in zip(terms, has, strict=True) if value < HELD]
    return OccupationMatch(
        title=occupation.title(locale),
        code=occupation.code,
        score=facts.score,
        reasons=explain(replace(facts, matched_skills=matched), locale),
        skill_gaps=skill_gaps(missing, locale),
        title_en=occupation.title_en,
        holland_code=occupation.holland_code,
        job_zone=occupation.job_zone,
        matched_skills=matched,
        components=components,
        source=occupation.source,
    )


def interest_similarity(
    riasec: dict[str, float], occupations: Sequence[IndexedOccupation]
) -> Floats | None:
    """Pearson correlation of profiles, mapped from -1..1 to 0..1; None for a flat profile."""
    person = np.array([riasec.get(letter, 0.0) for letter in RIASEC])
    person = person - person.mean()
    if not occupations or float(np.linalg.norm(person)) < 1e-6:
        return None  # equal interest in everything ranks nothing above anything else
    profiles = np.array([o.riasec for o in occupations], dtype=np.float64)
    profiles = profiles - profiles.mean(axis=1, keepdims=True)
    norms = np.linalg.norm(profiles, axis=1) * np.linalg.norm(person)
    correlation = np.divide(
        profiles @ person, norms, out=np.zeros(len(occupations)), where=norms > 0
    )
    return np.asarray((correlation + 1.0) / 2.0, dtype=np.float64)


def person_zone(profile: Profile) -> int | None:
    """O*NET job zone (1-5) the person's preparation reaches; None when nothing is known."""
    levels = [profile.highest_level] + [entry.level for entry in profile.education]
    by_education = max((_EDUCATION_ZONE.get(level or "", 0) for level in levels), default=0)
    years = profile.years_experience or sum(p.years or 0.0 for p in profile.experience)
    if not by_education and years <= 0:
        return None
    # Zones 3-5 ask for one to two, two to four, and over four years of experience.
    by_experience = 1 + (years >= 0.5) + (years >= 2) + (years >= 4)
    zone = max(by_education, by_experience)
    if by_education >= 4 and years >= 4:
        zone += 1  # a degree plus years in work reaches the next zone
    return min(5, zone)


def zone_fit(person: int, occupation: int | None) -> float:
    if occupation is None:
        return 0.5
    gap = occupation - person
    penalty = ZONE_SHORTFALL_PENALTY * gap if gap > 0 else ZONE_SURPLUS_PENALTY * -gap
    return max(0.0, 1.0 - penalty)


def semantic_closeness(similarity: Vectors) -> Floats:
    values = similarity.astype(np.float64)
    middle, best = float(np.median(values)), float(values.max())
    if best - middle < 1e-9:
        return np.zeros(len(values))
    return np.asarray(np.clip((values - middle) / (best - middle), 0.0, 1.0), dtype=np.float64)


def person_skills(profile: Profile) -> list[_PersonSkill]:
    skills: dict[str, _PersonSkill] = {}
    for skill in profile.skills:
        texts = tuple(dict.fromkeys(t.strip() for t in (skill.name, skill.label) if t.strip()))
        if texts and texts[0].casefold() not in skills:
            skills[texts[0].casefold()] = _PersonSkill(label=skill.label or skill.name, texts=texts)
    return list(skills.values())


def query_text(profile: Profile) -> str:
    """The person's own words about themselves, most telling first, within the model's reach."""
    parts: list[str | None] = [p.title for p in profile.experience]
    parts += [entry.major for entry in profile.education]
    parts += [skill.label for skill in profile.skills]
    parts += [*profile.interests, *profile.goals, *profile.values]
    unique = dict.fromkeys(part.strip() for part in parts if part and part.strip())
    text = "; ".join(unique)
    if len(text) < THIN_QUERY and profile.narrative.strip():
        text = f"{text}; {profile.narrative.strip()}" if text else profile.narrative.strip()
    return text[:QUERY_CHARS]


def match_weights(
    skills: Sequence[_PersonSkill],
    texts: Sequence[str],
    vectors: Vectors,
    index: OccupationIndex,
) -> Floats:
    """(person skills, terms) match weights 0..1: 1 for a match by name, soft by meaning."""
    held = np.zeros((len(skills), len(index.terms)))
    term_words = [(_words(term.en), _words(term.zh or "")) for term in index.terms]
    for row, skill in enumerate(skills):
        words = [_words(text) for text in skill.texts]
        for column, names in enumerate(term_words):
            if any(_same(own, theirs) for own in words for theirs in names):
                held[row, column] = 1.0
    if len(index.term_vectors) == 0 or len(texts) == 0:
        return held
    similarity = vectors.astype(np.float64) @ index.term_vectors.astype(np.float64).T
    # Each text's margin over its own average similarity to every skill term.
    margin = similarity - similarity.mean(axis=1, keepdims=True)
    soft = np.clip((margin - SOFT_FROM) / (SOFT_FULL - SOFT_FROM), 0.0, 1.0)
    text_row = {text: number for number, text in enumerate(texts)}
    for row, skill in enumerate(skills):
        own = soft[[text_row[text] for text in skill.texts]].max(axis=0)
        for column, rows in enumerate(index.term_rows):
            if rows:
                held[row, column] = max(held[row, column], float(own[list(rows)].max()))
    return held


def skill_overlap(held: Floats, terms: Sequence[int]) -> float:
    """Mean of: the share of the person's skills the occupation uses, and the
    importance-weighted share of its terms the person has."""
    if not terms or held.shape[0] == 0:
        return 0.0
    weights = held[:, list(terms)]
    importance = 1.0 / (1.0 + 0.1 * np.arange(len(terms)))
    used = float(weights.max(axis=1).mean())
    covered = float((weights.max(axis=0) * importance).sum() / importance.sum())
    return 0.5 * used + 0.5 * covered


def skill_gaps(missing: Sequence[Term], locale: Locale) -> list[str]:
    """Up to five missing terms, most important first: three skills and two tools when
    there are that many of each, else more of the other. A term that names the same thing
    as an earlier one ("HTML", "Hypertext markup language HTML") is shown once."""
    distinct: list[Term] = []
    seen: list[frozenset[str]] = []
    for term in missing:
        words = _words(term.en)
        if not any(_same(words, earlier) for earlier in seen):
            distinct.append(term)
            seen.append(words)
    skills = [term for term in distinct if term.kind == "skill"]
    tools = [term for term in distinct if term.kind == "technology"]
    skill_count = max(3, MAX_GAPS - min(2, len(tools)))
    chosen = skills[:skill_count] + tools[: MAX_GAPS - len(skills[:skill_count])]
    return list(dict.fromkeys(term.label(locale) for term in chosen))


def _words(text: str) -> frozenset[str]:
    return frozenset(_TOKEN.findall(text.casefold()))


def _same(own: frozenset[str], theirs: frozenset[str]) -> bool:
    """Same words, or every word of one inside the other, unless only generic words meet."""
    if not own or not theirs:
        return False
    if own == theirs:
        return True
    smaller = own if own <= theirs else theirs if theirs <= own else None
    return smaller is not None and not smaller <= _GENERIC
