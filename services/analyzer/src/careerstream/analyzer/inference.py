"""Interests inferred from the person's own words, with a bilingual lexicon of cues (pure).

Every source in the profile (stated interests, goals and values, job titles,
majors, skills, experience and the narrative) is searched for the words and
phrases of `data/riasec-cues.json`. A cue counts once per area, at the weight of
the strongest source it was found in; what the person says they like or want
outweighs what a résumé says they did. Cues that are denied nearby ("I don't
like selling", "不喜欢销售") do not count. Every window looked at is bounded, so
the cost is linear in the text.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from careerstream.contracts import InterestProfile, Locale, Profile, Progress, no_progress, within
from careerstream.contracts.riasec import RIASEC

_CUES = Path(__file__).parent / "data" / "riasec-cues.json"

# How much one cue is worth, by where it was found. Stated interests and goals say
# what the person wants; values less directly; titles and majors were chosen but
# may be circumstance; skills and duties say what they can do, not what they like.
SOURCE_WEIGHTS: dict[str, float] = {
    "interests": 3.0,
    "goals": 3.0,
    "values": 2.0,
    "titles": 1.5,
    "majors": 1.5,
    "skills": 1.0,
    "narrative": 1.0,
    "experience": 0.75,
}
ITEM_SOURCES = frozenset({"interests", "goals", "values", "titles", "majors", "skills"})
LIKED_WEIGHT = 2.0  # a narrative cue just after "I love", "我喜欢", "I want to"...
REPEAT_BONUS = 0.25  # per further source repeating a cue (at most MAX_REPEATS)
MAX_REPEATS = 3

SCORE_SCALE = 6.0  # raw evidence at which an area's score reaches 1 - 1/e
REAL_EVIDENCE = 2.0  # a third letter needs this much (one liked cue, or two plain ones)
MAX_QUOTES = 5  # evidence quotes per area

# Inferred confidence never reaches a questionnaire's: cues are indirect.
CONFIDENCE_CAP = 0.7
AMOUNT_SCALE = 10.0  # total raw evidence at which the amount term reaches 1 - 1/e
PLACEHOLDER_CODE = "RIA"  # nothing found: every area ties, and ties go in RIASEC order

MAX_ITEMS = 200  # per list in the profile
MAX_ITEM_CHARS = 1000
MAX_NARRATIVE_CHARS = 60_000

QUOTE_REACH = 40  # characters a quote extends either side of its cue, at most
NEGATION_REACH = 40
LIKING_REACH = 60
LIKING_DISTANCE = 6  # words (or pairs of Chinese characters) from "like" to the cue


# --- the lexicon -----------------------------------------------------------------------------
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_TOKEN = re.compile(r"[a-z0-9]+")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_WORD_GAP = re.compile(r"[\s-]+")


@dataclass(frozen=True)
class _Entry:
    surface: str
    areas: frozenset[str]
    words: tuple[str, ...] = ()  # a Latin entry's words, without the final "*"
    stem: bool = False

    def last_word_fits(self, token: str) -> bool:
        last = self.words[-1]
        if self.stem:
            return token.startswith(last)
        return token in (last, last + "s", last + "es")


class CueLexicon:
    """Entries mapped to their areas, found leftmost and longest first (see "syntax").

    Latin entries are looked up word by word and Chinese ones by their first
    character, so the cost grows with the text, not with the size of the lexicon.
    An entry with no area only hides the shorter cues inside it.
    """

    def __init__(self, entries: Mapping[str, frozenset[str]]) -> None:
        self._size = len(entries)
        self._single: dict[str, _Entry] = {}  # a one-word entry, by each form it takes
        self._stems: dict[str, _Entry] = {}  # a one-word stem, by the stem
        self._phrases: dict[str, list[_Entry]] = {}  # longer entries, by their first word
        self._substrings: dict[str, list[_Entry]] = {}  # entries with Chinese, by first char
        exact: dict[str, _Entry] = {}
        for surface, areas in entries.items():
            if _CJK.search(surface):
                entry = _Entry(surface.translate(_ASCII_LOWER), areas)
                self._substrings.setdefault(entry.surface[0], []).append(entry)
                continue
            words = tuple(surface.translate(_ASCII_LOWER).split())
            stem = words[-1].endswith("*")
            if stem:
                words = (*words[:-1], words[-1][:-1])
            entry = _Entry(surface, areas, words, stem)
            if len(words) > 1:
                self._phrases.setdefault(words[0], []).append(entry)
            elif stem:
                self._stems[words[0]] = entry
            else:
                exact[words[0]] = entry
                for plural in (words[0] + "s", words[0] + "es"):
                    self._single.setdefault(plural, entry)
        self._single |= exact  # a word listed as itself beats another's plural
        for group in (*self._phrases.values(), *self._substrings.values()):
            group.sort(key=lambda e: -len(e.surface))

    def __len__(self) -> int:
        return self._size

    def _latin(self, text: str) -> Iterator[tuple[int, int, _Entry]]:
        tokens = list(_TOKEN.finditer(text))
        for i, token in enumerate(tokens):
            word = token.group(0)
            if entry := self._single.get(word):
                yield token.start(), token.end(), entry
            for cut in range(len(word), 0, -1):  # the longest stem is the most specific
                if entry := self._stems.get(word[:cut]):
                    yield token.start(), token.end(), entry
                    break
            for entry in self._phrases.get(word, ()):
                end = self._phrase_end(text, tokens, i, entry)
                if end is not None:
                    yield token.start(), end, entry

    @staticmethod
    def _phrase_end(
        text: str, tokens: list[re.Match[str]], first: int, entry: _Entry
    ) -> int | None:
        last = first + len(entry.words) - 1
        if last >= len(tokens):
            return None
        for k in range(first + 1, last + 1):
            if not _WORD_GAP.fullmatch(text, tokens[k - 1].end(), tokens[k].start()):
                return None
            if k < last and tokens[k].group(0) != entry.words[k - first]:
                return None
        return tokens[last].end() if entry.last_word_fits(tokens[last].group(0)) else None

    def _chinese(self, text: str) -> Iterator[tuple[int, int, _Entry]]:
        for position, char in enumerate(text):
            for entry in self._substrings.get(char, ()):
                if text.startswith(entry.surface, position):
                    yield position, position + len(entry.surface), entry
                    break

    def find(self, text: str) -> Iterator[tuple[str, frozenset[str], int, int]]:
        """(entry, areas, start, end) of every cue in the text, leftmost-longest, no overlaps."""
        lowered = text.translate(_ASCII_LOWER)  # one character for one: positions hold
        found = sorted(
            [*self._latin(lowered), *self._chinese(lowered)], key=lambda c: (c[0], -c[1])
        )
        reached = 0
        for start, end, entry in found:
            if start < reached:
                continue
            reached = end
            if entry.areas:
                yield entry.surface, entry.areas, start, end

    def areas_of(self, text: str) -> set[str]:
        """Every area a text has a cue for, negation not considered (for checking the lexicon)."""
        return {area for _, areas, _, _ in self.find(_fold(text)) for area in areas}


@cache
def cue_lexicon() -> CueLexicon:
    data = json.loads(_CUES.read_text(encoding="utf-8"))
    entries: dict[str, set[str]] = {}
    for area, languages in data["areas"].items():
        if area not in RIASEC:
            raise ValueError(f"unknown area {area!r} in the cue lexicon")
        for surfaces in languages.values():
            for surface in surfaces:
                entries.setdefault(str(surface).casefold(), set()).add(area)
    for surfaces in data["ignore"].values():
        for surface in surfaces:
            key = str(surface).casefold()
            if entries.get(key):
                raise ValueError(f"{surface!r} is both a cue and ignored in the cue lexicon")
            entries[key] = set()
    return CueLexicon({surface: frozenset(areas) for surface, areas in entries.items()})


# --- reading text ----------------------------------------------------------------------------
# Full-width letters and digits become ASCII and curly apostrophes straight, one
# character for one, so positions found in the folded text hold in the original.
_FOLD = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF5B) if chr(code - 0xFEE0).isalnum()}
_FOLD |= {ord("\u2019"): ord("'"), ord("\u2018"): ord("'")}


def _fold(text: str) -> str:
    return text if text.isascii() else text.translate(_FOLD)


_SENTENCE_BREAK = re.compile(
    r"[!?;。！？；\n…]|\.(?!\d)"
    r"|\b(?:but|however|although|though|whereas|except)\b|但是|但|不过|可是|然而|而是|却",
    re.I,
)
# A Chinese comma usually starts a new clause; an English one often continues a list
# ("I don't like selling, marketing or sales"), so only the first ends a denial.
_CLAUSE_BREAK = re.compile(_SENTENCE_BREAK.pattern + r"|[，：:]", re.I)
_QUOTE_BREAK = re.compile(_CLAUSE_BREAK.pattern + r"|[,、()（）\"“”]|\s[-–—]\s", re.I)

_DENIED_BEFORE_EN = re.compile(
    r"(?:\b(?:not(?!\s+(?:only|just|merely)\b)|never|no(?!\s+(?:doubt|matter)\b)|nor|hardly|"
    r"cannot|dislikes?|disliked|hate[sd]?|hating|avoid(?:s|ed|ing)?)|n't)"
    r"(?!\s*,)(?:\W+[\w'-]+){0,5}\W*$",  # "No, I love it" denies nothing
    re.I,
)
_DENIED_BEFORE_ZH = re.compile(r"(?:不|没|讨厌|厌恶|反感|受不了|排斥)[^，。！？；]{0,10}$")
# Words with 不 or 没 that deny nothing ("不断", constantly; "忍不住", cannot help it).
_NOT_A_DENIAL_ZH = re.compile(
    r"不断|不错|不仅|不但|不光|不只|不止|不少|不同|不久|不停|不管|不论|不怕|差不多|没想到|忍不住|了不起"
)
_DENIED_AFTER = re.compile(
    r"^\s*(?:[\w'-]+\s+){0,2}?(?:(?:is|are|was|were)(?:\s+not|n't)\s+(?:really\s+|very\s+)?"
    r"(?:for\s+me|my\s+thing|interesting|fun|appealing)"
    r"|(?:is|are|was|were)\s+(?:(?:so|too|really|very)\s+)?boring|bores?\s+me|bored\s+me"
    r"|(?:does\s+not|doesn't|do\s+not|don't)\s+(?:interest|appeal\s+to)\s+me)"
    r"|^[^，。！？；]{0,4}?(?:不感兴趣|不太感兴趣|没(?:有)?(?:什么)?兴趣|不喜欢|不适合我|不是我的菜|没意思|无聊|枯燥)",
    re.I,
)
_LIKING = re.compile(
    r"\b(?:like|likes|liked|love|loves|loved|loving|enjoy\w*|passion\w*|interest(?:s|ed)?|"
    r"fascinat\w*|fond|keen|prefer\w*|dream\w*|want|wants|wanted|hope|hoping|wish|aspir\w*|"
    r"excited|curious|favou?rite|hobb(?:y|ies)|drawn)\b"
    r"|喜欢|喜爱|热爱|爱好|兴趣|热衷|享受|着迷|向往|梦想|希望|想要|想做|想当|想成为|想从事|愿意|乐于|乐意|痴迷|最爱",
    re.I,
)
_DISTANCE_UNIT = re.compile(r"[A-Za-z0-9']+|[\u4e00-\u9fff]")


def _start_after_break(pattern: re.Pattern[str], text: str, start: int, reach: int) -> int:
    """Where the stretch that ends at `start` begins: after the last break, `reach` at most."""
    begin = max(0, start - reach)
    for match in pattern.finditer(text, begin, start):
        begin = match.end()
    return begin


def _end_before_break(pattern: re.Pattern[str], text: str, end: int, reach: int) -> int:
    limit = min(len(text), end + reach)
    match = pattern.search(text, end, limit)
    return match.start() if match else limit


def _denied_before(window: str) -> bool:
    if _DENIED_BEFORE_EN.search(window):
        return True
    if not _CJK.search(window):
        return False
    masked = _NOT_A_DENIAL_ZH.sub(lambda m: "#" * len(m.group(0)), window)
    return bool(_DENIED_BEFORE_ZH.search(masked))


def _denied(text: str, start: int, end: int) -> bool:
    """Whether the clause around a cue says the person does not like or want it."""
    before = text[_start_after_break(_CLAUSE_BREAK, text, start, NEGATION_REACH) : start]
    if _denied_before(before):
        return True
    after = text[end : _end_before_break(_QUOTE_BREAK, text, end, NEGATION_REACH)]
    return bool(_DENIED_AFTER.search(after))


def _liked(text: str, start: int) -> bool:
    """Whether the cue comes shortly after a word of liking or wanting in its sentence."""
    begin = _start_after_break(_SENTENCE_BREAK, text, start, LIKING_REACH)
    window = text[begin:start]
    for match in _LIKING.finditer(window):
        between = window[match.end() :]
        units = _DISTANCE_UNIT.findall(between)
        distance = sum(0.5 if _CJK.match(u) else 1.0 for u in units)
        if distance <= LIKING_DISTANCE and not _denied_before(window[: match.start()]):
            return True
    return False


def _quote(text: str, start: int, end: int) -> str:
    """The person's words around a cue, as written: its phrase, or a window of it."""
    begin = _start_after_break(_QUOTE_BREAK, text, start, QUOTE_REACH)
    finish = _end_before_break(_QUOTE_BREAK, text, end, QUOTE_REACH)
    # A window cut by the reach rather than a break may split a word ("I'd", "work-
    # life"): drop the piece. Chinese has no spaces and needs no such care.
    if begin == start - QUOTE_REACH and begin > 0 and not text[begin - 1].isspace():
        space = text.find(" ", begin, start)
        begin = space + 1 if space >= 0 else begin
    if finish == end + QUOTE_REACH and finish < len(text) and not text[finish].isspace():
        space = text.rfind(" ", end, finish)
        finish = space if space >= 0 else finish
    return text[begin:finish].strip(" \t'\"-–—")


# --- reading a profile -----------------------------------------------------------------------
@dataclass(frozen=True)
class Hit:
    """One cue found: the area it points to, where, how much it weighs, and the words."""

    area: str
    cue: str
    source: str
    weight: float
    quote: str


@dataclass
class Reading:
    """Everything the cues found in one profile."""

    hits: list[Hit] = field(default_factory=list)
    denied: set[str] = field(default_factory=set)  # areas of cues the person denied

    @property
    def sources(self) -> set[str]:
        return {hit.source for hit in self.hits}

    def raw(self) -> dict[str, float]:
        """Evidence per area: each cue once, at its strongest, a little more when repeated."""
        best: dict[tuple[str, str], float] = {}
        seen_in: dict[tuple[str, str], set[str]] = {}
        for hit in self.hits:
            key = (hit.area, hit.cue)
            best[key] = max(best.get(key, 0.0), hit.weight)
            seen_in.setdefault(key, set()).add(hit.source)
        raw = dict.fromkeys(RIASEC, 0.0)
        for key, weight in best.items():
            repeats = min(len(seen_in[key]) - 1, MAX_REPEATS)
            raw[key[0]] += weight + REPEAT_BONUS * repeats
        return raw

    def quotes(self, area: str, limit: int = MAX_QUOTES) -> list[str]:
        """The person's words behind an area, weightiest first, without repeats."""
        ranked = sorted(
            (h for h in self.hits if h.area == area), key=lambda h: -h.weight
        )  # sorted() is stable: equal weights keep the order they were found in
        kept: list[tuple[str, str]] = []  # (comparison key, quote), in order
        for hit in ranked:
            key = " ".join(hit.quote.casefold().split())
            if not key or any(key in k for k, _ in kept):
                continue
            inside = [n for n, (k, _) in enumerate(kept) if k in key]
            if inside:
                # The same words said at more length replace the shorter quotes, in place.
                kept[inside[0]] = (key, hit.quote)
                kept = [pair for n, pair in enumerate(kept) if n not in inside[1:]]
            elif len(kept) < limit:
                kept.append((key, hit.quote))
        return [quote for _, quote in kept]


def _bounded(items: Iterable[str | None]) -> list[str]:
    texts = [item.strip()[:MAX_ITEM_CHARS] for item in items if item and item.strip()]
    return texts[:MAX_ITEMS]


def _sources(profile: Profile) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Each source's texts, with the quote to show for it when not the words around a cue."""

    def plain(items: Iterable[str | None]) -> list[tuple[str, str | None]]:
        return [(text, None) for text in _bounded(items)]

    # A skill is matched by the person's words and by its vocabulary names, but the
    # evidence quotes only what the person wrote.
    skills: list[tuple[str, str | None]] = [
        (" | ".join(_bounded((s.found, s.label, s.name))), s.found.strip() or s.label)
        for s in profile.skills[:MAX_ITEMS]
    ]
    return [
        ("interests", plain(profile.interests)),
        ("goals", plain(profile.goals)),
        ("values", plain(profile.values)),
        ("titles", plain(p.title for p in profile.experience)),
        ("majors", plain(e.major for e in profile.education)),
        ("skills", skills),
        ("experience", plain(p.text for p in profile.experience)),
        ("narrative", [(profile.narrative[:MAX_NARRATIVE_CHARS], None)]),
    ]


def _hits(source: str, text: str, quote: str | None, denied: set[str]) -> Iterator[Hit]:
    """The cues in one text; the areas of denied cues are added to `denied`."""
    folded = _fold(text)
    weight = SOURCE_WEIGHTS[source]
    counted: set[str] = set()
    for cue, areas, start, end in cue_lexicon().find(folded):
        if _denied(folded, start, end):
            denied.update(areas)
            continue
        found = weight
        if source == "narrative" and _liked(folded, start):
            found = LIKED_WEIGHT
        words = quote if quote is not None else _quote(text, start, end)
        for area in sorted(areas, key=RIASEC.index):
            # One stated interest, title or skill is one piece of evidence per area,
            # however many cues its words hold ("teaching children", "说服客户").
            if source in ITEM_SOURCES and area in counted:
                continue
            counted.add(area)
            yield Hit(area=area, cue=cue, source=source, weight=found, quote=words)


def read_profile(profile: Profile, *, progress: Progress = no_progress) -> Reading:
    """Every cue in the profile, one progress step per source read."""
    reading = Reading()
    sources = _sources(profile)
    for done, (source, texts) in enumerate(sources, start=1):
        for text, quote in texts:
            reading.hits.extend(_hits(source, text, quote, reading.denied))
        progress(done / len(sources), f"Read {source}")
    return reading


# --- the inferred profile --------------------------------------------------------------------
def holland_code(raw: Mapping[str, float], denied: Collection[str] = ()) -> str:
    """The two or three strongest areas, in order.

    Three when the third has real evidence, two otherwise; equal evidence keeps the
    RIASEC order, as on the questionnaire. A Holland code has at least two letters:
    when only one area has any evidence, the second is the neighbour of that area on
    Holland's hexagon (R-I-A-S-E-C, in a circle) — neighbouring types resemble each
    other most — the one the person did not deny, else the one after it. The
    confidence of such a profile is low, and its evidence says what is missing.
    """
    ranked = sorted(RIASEC, key=lambda area: (-raw[area], RIASEC.index(area)))
    with_evidence = [area for area in ranked if raw[area] > 0]
    if not with_evidence:
        return PLACEHOLDER_CODE
    if len(with_evidence) == 1:
        first = RIASEC.index(with_evidence[0])
        after, before = RIASEC[(first + 1) % 6], RIASEC[(first - 1) % 6]
        if after in denied and before not in denied:
            return with_evidence[0] + before
        return with_evidence[0] + after
    if len(with_evidence) >= 3 and raw[with_evidence[2]] >= REAL_EVIDENCE:
        return "".join(with_evidence[:3])
    return "".join(with_evidence[:2])


def inferred_confidence(raw: Mapping[str, float], sources: int) -> float:
    """Grows with the amount of evidence, how many sources give it, and how clearly the
    code stands out from the other areas; capped below a questionnaire's confidence."""
    values = sorted(raw.values(), reverse=True)
    total = sum(values)
    if total <= 0:
        return 0.0
    amount = 1 - math.exp(-total / AMOUNT_SCALE)
    variety = min(1.0, sources / 3)
    standout = (values[0] - values[3]) / values[0]
    return round(CONFIDENCE_CAP * amount * (0.5 + 0.25 * variety + 0.25 * standout), 2)


_NOTHING_FOUND = {
    Locale.EN: "Nothing you have shared so far points to this area; the code is a placeholder "
    "until you say more about what you enjoy or answer the questionnaire.",
    Locale.ZH: "你目前分享的内容中还没有指向这一类型的线索；"
    "在你多谈谈自己喜欢做什么或完成问卷之前，这个代码只是占位。",
}


def inferred_interests(
    profile: Profile, locale: Locale, *, progress: Progress = no_progress
) -> InterestProfile:
    """Interests read from the profile; evidence quotes the person's own words."""
    reading = read_profile(profile, progress=within(progress, 0.0, 0.8))
    raw = reading.raw()
    scores: dict[str, float] = {}
    for done, area in enumerate(RIASEC, start=1):
        # Saturating: two or three strong cues make a clear interest; more add little.
        scores[area] = round(1 - math.exp(-raw[area] / SCORE_SCALE), 3)
        progress(0.8 + 0.2 * done / len(RIASEC), f"Scored {area}")
    if not any(raw.values()):
        evidence = {area: [_NOTHING_FOUND[locale]] for area in RIASEC}
    else:
        evidence = {area: reading.quotes(area) for area in RIASEC if raw[area] > 0}
    return InterestProfile(
        riasec=scores,
        riasec_raw=None,
        holland_code=holland_code(raw, reading.denied),
        source="inferred",
        confidence=inferred_confidence(raw, len(reading.sources)),
        evidence=evidence,
    )
