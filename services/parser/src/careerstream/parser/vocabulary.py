"""Skills named in free text, matched against a bilingual lexicon and optionally O*NET.

Every term of the vocabulary goes into one `TermIndex` (the understanding library's term
matcher), so a text is scanned once however many terms there are.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from careerstream.contracts import Locale, Skill
from careerstream.understanding.lexicon import TermIndex
from careerstream.understanding.text import nfkc

SkillSource = Literal["onet_skill", "onet_technology", "builtin", "stated"]

# O*NET lists ~8,800 technologies; most are niche products nobody writes in a résumé.
MAX_ONET_TECHNOLOGIES = 1500
# A technology named for this many occupations is common even when O*NET does not flag it.
COMMON_TECHNOLOGY_OCCUPATIONS = 5
MAX_TEXT_CHARS = 200_000

_SEPARATORS = re.compile(r"[\s_-]+")


# --- the lexicon files ----------------------------------------------------------------------
class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LexiconEntry(_Strict):
    name: str = Field(min_length=1)
    en: str | None = None
    zh: str | None = None
    terms: list[str] = Field(default_factory=list)
    exact: list[str] = Field(default_factory=list)
    not_before: list[str] = Field(default_factory=list)
    onet: Literal["skill", "technology"] | None = None


class _SkillsFile(_Strict):
    about: str = ""
    entries: list[LexiconEntry]


class OnetNameRules(_Strict):
    about: str = ""
    vendors: list[str]
    generic: list[str]
    ambiguous: list[str]


def load_data(filename: str) -> Any:
    """A JSON file of the package's `data` folder, parsed."""
    path = resources.files("careerstream.parser").joinpath("data", filename)
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def builtin_entries() -> tuple[LexiconEntry, ...]:
    return tuple(TypeAdapter(_SkillsFile).validate_python(load_data("skills.json")).entries)


@cache
def onet_name_rules() -> OnetNameRules:
    return TypeAdapter(OnetNameRules).validate_python(load_data("onet_names.json"))


# --- O*NET ----------------------------------------------------------------------------------
def _read_table(path: Path, columns: Sequence[str]) -> Iterator[dict[str, str]]:
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: not an O*NET text release directory?")
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = [c for c in columns if c not in (reader.fieldnames or ())]
        if missing:
            raise ValueError(f"{path.name} has no column {', '.join(missing)}")
        yield from reader


def onet_skill_names(onet_dir: Path) -> list[str]:
    """The skill names of Skills.txt (35 in the 29.x releases), in file order."""
    rows = _read_table(onet_dir / "Skills.txt", ["Element Name"])
    return list(dict.fromkeys(row["Element Name"].strip() for row in rows if row["Element Name"]))


def onet_technology_names(onet_dir: Path, also: Iterable[str] = ()) -> list[str]:
    """Technologies worth matching: hot or in-demand ones and those many occupations name,
    most widely named first and at most MAX_ONET_TECHNOLOGIES; plus any in `also` it lists."""
    columns = ["Example", "Hot Technology", "In Demand"]
    occupations: Counter[str] = Counter()
    flagged: set[str] = set()
    for row in _read_table(onet_dir / "Technology Skills.txt", columns):
        name = row["Example"].strip()
        if not name:
            continue
        occupations[name] += 1
        if row["Hot Technology"] == "Y" or row["In Demand"] == "Y":
            flagged.add(name)
    wanted = {n.casefold() for n in also}
    chosen = [
        name
        for name, count in occupations.most_common()
        if name in flagged or count >= COMMON_TECHNOLOGY_OCCUPATIONS
    ][:MAX_ONET_TECHNOLOGIES]
    chosen_set = set(chosen)
    chosen += [n for n in occupations if n.casefold() in wanted and n not in chosen_set]
    return chosen


def onet_common_words(onet_dir: Path) -> frozenset[str]:
    """Everyday words, as O*NET itself uses them in occupation descriptions and technology
    categories: "Reporting software" or "Adobe Director" must not make "reporting" or
    "director" a product name."""
    words: set[str] = set()
    texts: list[str] = []
    occupations = onet_dir / "Occupation Data.txt"
    if occupations.is_file():
        texts += [f"{r['Title']} {r['Description']}" for r in _read_table(occupations, _OCC)]
    tech = _read_table(onet_dir / "Technology Skills.txt", ["Commodity Title"])
    texts += [row["Commodity Title"] for row in tech]
    for text in dict.fromkeys(texts):
        words.update(word.casefold() for word in _WORD.findall(text))
    return frozenset(words)


_OCC = ["Title", "Description"]
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
# Endings of English words rather than of product names: "Budgeting", "Simulation", "Painter".
_ENGLISH_ENDING = re.compile(r"(?:ing|ion|ions|ics|ment|ness|ity|al|ry|er|ers|or|ors)$")
_BRAND_SHAPE = re.compile(r"[A-Z0-9+#.!]")


def _without_vendor(name: str, vendors: Sequence[str]) -> str | None:
    for vendor in sorted(vendors, key=len, reverse=True):
        if name.startswith(vendor + " ") and len(name) > len(vendor) + 1:
            return name[len(vendor) + 1 :].strip()
    return None


def _single_word(
    term: str, *, derived: bool, rules: OnetNameRules, common: frozenset[str]
) -> tuple[str, bool] | None:
    """How a one-word name is matched: in any case ("PostgreSQL" is unmistakable), only as
    written ("Swift", "Go"), or not at all when a shortened name is an everyday word."""
    lowered = term.casefold()
    if lowered in {g.casefold() for g in rules.generic}:
        return None
    brand = bool(_BRAND_SHAPE.search(term[1:]))
    english = lowered in common or bool(_ENGLISH_ENDING.search(lowered))
    if derived and not brand and english:
        return None
    ambiguous = lowered in {a.casefold() for a in rules.ambiguous}
    return term, not (brand and len(term) > 2 and not ambiguous and not term.isupper())


def onet_aliases(
    name: str, rules: OnetNameRules, common: frozenset[str] = frozenset()
) -> list[tuple[str, bool]]:
    """How people write an O*NET technology, as (term, exact): "Adobe Photoshop" is also
    "Photoshop", "Structured query language SQL" also "SQL"."""
    full = name.strip()
    base = re.sub(r"\s+software$", "", full, flags=re.I)
    candidates = [(full, False), (base, True)]
    words = base.split()
    if len(words) >= 3 and re.fullmatch(r"[A-Z][A-Z0-9+#]{1,6}", words[-1]):
        candidates += [(" ".join(words[:-1]), True)]  # "Structured query language"
        if len(words[-1]) > 2:  # "SQL"; two letters ("GP", "MX") mean too many other things
            candidates.append((words[-1], True))
    if (bare := _without_vendor(base, rules.vendors)) is not None:
        candidates.append((bare, True))
    generic = {g.casefold() for g in rules.generic}
    aliases: list[tuple[str, bool]] = []
    for term, derived in dict.fromkeys(candidates):
        if " " in term:
            if term.casefold() not in generic:
                aliases.append((term, False))
        elif term and (alias := _single_word(term, derived=derived, rules=rules, common=common)):
            aliases.append(alias)
            if alias[1] and len(term) > 3 and not term.isupper():
                aliases.append((term.upper(), True))  # "EXCEL" in an all-capitals list
    return aliases


# --- the vocabulary -------------------------------------------------------------------------
@dataclass(frozen=True)
class VocabularyEntry:
    name: str
    en: str
    zh: str
    source: SkillSource

    def label(self, locale: Locale) -> str:
        return self.zh if locale is Locale.ZH else self.en


class _Builder:
    def __init__(self) -> None:
        self.entries: list[VocabularyEntry] = []
        self.by_name: dict[str, int] = {}
        self.index = TermIndex()

    def entry(self, name: str, en: str, zh: str, source: SkillSource) -> int:
        known = self.by_name.get(name.casefold())
        if known is not None:
            return known
        self.by_name[name.casefold()] = len(self.entries)
        self.entries.append(VocabularyEntry(name=name, en=en, zh=zh, source=source))
        return len(self.entries) - 1

    def upgrade(self, name: str, source: SkillSource) -> int | None:
        """Mark a built-in entry as O*NET's own; None when the lexicon lacks it."""
        ident = self.by_name.get(name.casefold())
        if ident is not None:
            self.entries[ident] = replace(self.entries[ident], name=name, source=source)
        return ident

    def add_lexicon(self, entries: Iterable[LexiconEntry]) -> None:
        for item in entries:
            en = item.en or item.name
            ident = self.entry(item.name, en, item.zh or en, "builtin")
            # The name is not a term by itself: "Science" or "R" would match far too much.
            for term in item.terms:
                self.index.add(term, ident, not_before=item.not_before)
            for term in item.exact:
                self.index.add(term, ident, exact=True, not_before=item.not_before)

    def add_onet_skills(self, names: Iterable[str]) -> None:
        for name in names:
            if self.upgrade(name, "onet_skill") is None:
                self.index.add(name, self.entry(name, name, name, "onet_skill"))

    def add_onet_technologies(self, names: Iterable[str], common: frozenset[str]) -> None:
        rules = onet_name_rules()
        for name in names:
            ident = self.upgrade(name, "onet_technology")
            if ident is None:
                ident = self.entry(name, name, name, "onet_technology")
            for term, exact in onet_aliases(name, rules, common):
                self.index.add(term, ident, exact=exact)

    def build(self) -> SkillVocabulary:
        self.index.compile()
        return SkillVocabulary(tuple(self.entries), self.index)


def _builtin_builder() -> _Builder:
    builder = _Builder()
    builder.add_lexicon(builtin_entries())
    return builder


@cache
def _builtin_vocabulary() -> SkillVocabulary:
    # Immutable once built, so every caller can share one.
    return _builtin_builder().build()


class SkillVocabulary:
    """Canonical skills and the words that name them, in English and Chinese."""

    def __init__(self, entries: Sequence[VocabularyEntry], index: TermIndex) -> None:
        self._entries = tuple(entries)
        self._index = index
        self._names = {entry.name.casefold(): entry for entry in self._entries}

    @classmethod
    def builtin(cls) -> SkillVocabulary:
        return _builtin_vocabulary()

    @classmethod
    def with_onet(cls, onet_dir: Path) -> SkillVocabulary:
        """The built-in lexicon plus O*NET's skills and its common technologies, read from the
        O*NET text release in `onet_dir`."""
        builder = _builtin_builder()
        builder.add_onet_skills(onet_skill_names(onet_dir))
        known = [e.name for e in builtin_entries() if e.onet == "technology"]
        builder.add_onet_technologies(
            onet_technology_names(onet_dir, also=known), onet_common_words(onet_dir)
        )
        return builder.build()

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.casefold() in self._names

    def entry(self, name: str) -> VocabularyEntry | None:
        return self._names.get(name.casefold())

    def find(self, text: str, locale: Locale) -> list[Skill]:
        """Skills named in `text`, each once, in order of first appearance."""
        text = nfkc(text, MAX_TEXT_CHARS)
        skills: dict[str, Skill] = {}
        for start, end, ident in self._index.spans(text):
            entry = self._entries[ident]
            if entry.name not in skills:
                skills[entry.name] = Skill(
                    name=entry.name,
                    label=entry.label(locale),
                    found=text[start:end],
                    source=entry.source,
                )
        return list(skills.values())
