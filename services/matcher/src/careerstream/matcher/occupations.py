"""The occupations the matcher ranks, with their embedding vectors (`OccupationIndex`).

Two sources: the O*NET text release (every occupation with an interest profile, 923 in
29.3), or the built-in catalogue when no O*NET directory is configured. Where an O*NET
code is also in the catalogue, the occupation takes the catalogue's Chinese name and its
bilingual key skills too.

Each occupation is embedded once as a passage. O*NET: its title (and Chinese name), two
typical alternate titles, its most field-specific tool and the opening words of its
description. Catalogue: both names and the key skills in both languages. Passages are
short on purpose: embedding cost grows with tokens, and a cold start embeds all 923.

Each occupation also lists its key skills and tools ("terms": catalogue skills, the eight
most important O*NET skills, five tools of its field), compared with the person's skills
one by one in `ranking`. Skill names are embedded too (as queries, English and Chinese),
so skills meet across languages; tools are product names and match by name.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from careerstream.contracts import Locale, Progress, no_progress
from careerstream.contracts.riasec import RIASEC
from careerstream.matcher.catalogue import CatalogueOccupation, builtin_catalogue
from careerstream.matcher.embeddings import Embedder, Vectors, default_embedder, embed_cached
from careerstream.matcher.onet import ATTRIBUTION, Occupation, load_onet

ONET_SOURCE = "O*NET 29.3 text release"
CATALOGUE_SOURCE = "careerstream built-in catalogue"

KEY_SKILLS = 8  # O*NET skills kept per occupation, most important first
KEY_TECHNOLOGY = 5  # tools kept per occupation, in-demand and widely used first
# A tool only counts for an occupation when it is characteristic of its field: listed for
# at most this share of all occupations (not Excel or Outlook) ...
UBIQUITOUS_SHARE = 0.2
# ... and at least this many times more often within the occupation's SOC major group than
# overall (SharePoint is common in offices, not on wards; MEDITECH is the reverse).
FIELD_LIFT = 1.5
# Passage budget. The model embeds about 1,500 tokens a second on two idle cores, so 923
# passages of ~37 tokens (34k in all) take over 20 s cold; each word more costs ~0.8 s.
PASSAGE_ALTERNATES = 2
PASSAGE_TOOLS = 1
PASSAGE_TOOL_SHARE = 0.06  # only tools this specific to a field (MEDITECH, AutoCAD) say much
PASSAGE_DESCRIPTION_WORDS = 7

# The project's own Chinese names for the 35 O*NET skills, so gaps and matches read
# naturally in Chinese and Chinese skill words meet them directly.
ONET_SKILLS_ZH: dict[str, str] = {
    "Active Learning": "主动学习",
    "Active Listening": "积极倾听",
    "Complex Problem Solving": "复杂问题解决",
    "Coordination": "协调配合",
    "Critical Thinking": "批判性思维",
    "Equipment Maintenance": "设备维护",
    "Equipment Selection": "设备选型",
    "Installation": "安装调试",
    "Instructing": "指导他人",
    "Judgment and Decision Making": "判断与决策",
    "Learning Strategies": "学习策略",
    "Management of Financial Resources": "财务资源管理",
    "Management of Material Resources": "物资管理",
    "Management of Personnel Resources": "人员管理",
    "Mathematics": "数学",
    "Monitoring": "监督评估",
    "Negotiation": "谈判",
    "Operation and Control": "设备操作与控制",
    "Operations Analysis": "运营分析",
    "Operations Monitoring": "运行监测",
    "Persuasion": "说服",
    "Programming": "编程",
    "Quality Control Analysis": "质量控制分析",
    "Reading Comprehension": "阅读理解",
    "Repairing": "维修",
    "Science": "科学",
    "Service Orientation": "服务意识",
    "Social Perceptiveness": "社会洞察力",
    "Speaking": "口头表达",
    "Systems Analysis": "系统分析",
    "Systems Evaluation": "系统评估",
    "Technology Design": "技术设计",
    "Time Management": "时间管理",
    "Troubleshooting": "故障排查",
    "Writing": "写作",
}

# Interest profile implied by a Holland code alone (catalogue entries have no O*NET
# scores): typical 0..1 levels of an occupation's first, second and third areas, and of
# the others. Only the shape matters to the correlation used in ranking.
_CODE_LEVELS = (0.85, 0.68, 0.52)
_OTHER_LEVEL = 0.18

TermKind = Literal["skill", "technology"]


@dataclass(frozen=True)
class Term:
    """A skill or tool an occupation calls for, in English and, when known, in Chinese."""

    en: str
    zh: str | None
    kind: TermKind

    def label(self, locale: Locale) -> str:
        return self.zh if locale is Locale.ZH and self.zh else self.en


@dataclass(frozen=True)
class IndexedOccupation:
    code: str
    title_en: str
    title_zh: str | None
    holland_code: str
    job_zone: int | None
    riasec: tuple[float, ...]  # R, I, A, S, E, C in 0..1
    terms: tuple[int, ...]  # indices into OccupationIndex.terms, most important first
    source: Literal["onet", "catalogue"]
    passage: str

    def title(self, locale: Locale) -> str:
        return self.title_zh if locale is Locale.ZH and self.title_zh else self.title_en


@dataclass(eq=False)
class OccupationIndex:
    """The occupations to rank, their passage vectors and the vectors of their skill terms."""

    occupations: tuple[IndexedOccupation, ...]
    passage_vectors: Vectors  # (occupations, d)
    terms: tuple[Term, ...]
    term_vectors: Vectors  # (skill names, d), English and Chinese
    term_rows: tuple[tuple[int, ...], ...]  # per term, its rows in term_vectors (none for tools)
    data_source: str
    attribution: str
    embedder: Embedder
    timings: dict[str, float] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.occupations)


def load_index(
    onet_dir: Path | None,
    cache_dir: Path | None,
    *,
    progress: Progress = no_progress,
    embedder: Embedder | None = None,
) -> OccupationIndex:
    """Read the occupations (O*NET when `onet_dir` is given, else the catalogue) and embed them.

    Vectors are cached in `cache_dir` (None: no cache). Progress runs 0..1 over the reading
    and the embedding batches.
    """
    started = time.perf_counter()
    embedder = embedder or default_embedder()
    progress(0.0, "reading occupations")
    builder = _Builder()
    if onet_dir is None:
        for entry in builtin_catalogue():
            builder.add_catalogue(entry)
        data_source = CATALOGUE_SOURCE
    else:
        # Twenty tools per occupation is enough to keep five after dropping the ubiquitous.
        release = load_onet(onet_dir, top_skills=KEY_SKILLS, top_technology=20)
        catalogue = {entry.code: entry for entry in builtin_catalogue()}
        builder.tools = _ToolStats.of(release)
        for occupation in release:
            builder.add_onet(occupation, catalogue.get(occupation.code))
        data_source = ONET_SOURCE
    read = time.perf_counter()
    progress(0.05, f"read {len(builder.occupations)} occupations")

    # Only skills are embedded: tools are product names, matched by name in any language,
    # and embedding the thousand of them would add seconds to every cold start.
    term_texts: list[str] = []
    term_rows: list[tuple[int, ...]] = []
    for term in builder.terms:
        names = [term.en] if term.kind == "skill" else []
        if names and term.zh and term.zh.casefold() != term.en.casefold():
            names.append(term.zh)
        term_rows.append(tuple(range(len(term_texts), len(term_texts) + len(names))))
        term_texts.extend(names)
    passages = [occupation.passage for occupation in builder.occupations]

    # Split the embedding part of the progress by characters, a fair proxy for tokens.
    term_share = sum(map(len, term_texts)) / max(1, sum(map(len, term_texts + passages)))

    def term_progress(fraction: float, message: str) -> None:
        progress(0.05 + 0.95 * term_share * fraction, message)

    def passage_progress(fraction: float, message: str) -> None:
        progress(0.05 + 0.95 * (term_share + (1 - term_share) * fraction), message)

    term_vectors, _ = embed_cached(
        embedder,
        term_texts,
        kind="query",
        cache_dir=cache_dir,
        progress=term_progress,
        label="skill names",
    )
    passage_vectors, _ = embed_cached(
        embedder,
        passages,
        kind="passage",
        cache_dir=cache_dir,
        progress=passage_progress,
        label="occupations",
    )
    finished = time.perf_counter()
    progress(1.0, f"{len(passages)} occupations ready")
    return OccupationIndex(
        occupations=tuple(builder.occupations),
        passage_vectors=passage_vectors,
        terms=tuple(builder.terms),
        term_vectors=term_vectors,
        term_rows=tuple(term_rows),
        data_source=data_source,
        # The catalogue's codes, Holland codes and zones come from O*NET as well.
        attribution=ATTRIBUTION,
        embedder=embedder,
        timings={"read": read - started, "embed": finished - read},
    )


def riasec_from_code(holland_code: str) -> tuple[float, ...]:
    levels = dict(zip(holland_code, _CODE_LEVELS, strict=False))
    return tuple(levels.get(letter, _OTHER_LEVEL) for letter in RIASEC)


@dataclass(frozen=True)
class _ToolStats:
    share: dict[str, float]  # tool -> share of all occupations listing it
    lift: dict[tuple[str, str], float]  # (SOC major group, tool) -> share there / share overall

    @classmethod
    def of(cls, release: Sequence[Occupation]) -> _ToolStats:
        overall = Counter(tool for occupation in release for tool in occupation.technology)
        groups = Counter(occupation.code[:2] for occupation in release)
        within = Counter((o.code[:2], tool) for o in release for tool in o.technology)
        share = {tool: count / len(release) for tool, count in overall.items()}
        lift = {
            (group, tool): count / groups[group] / share[tool]
            for (group, tool), count in within.items()
        }
        return cls(share=share, lift=lift)

    def key_tools(self, occupation: Occupation) -> list[str]:
        group = occupation.code[:2]
        return [
            tool
            for tool in occupation.technology
            if self.share.get(tool, 1.0) <= UBIQUITOUS_SHARE
            and self.lift.get((group, tool), 0.0) >= FIELD_LIFT
        ][:KEY_TECHNOLOGY]


@dataclass
class _Builder:
    occupations: list[IndexedOccupation] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    tools: _ToolStats = field(default_factory=lambda: _ToolStats(share={}, lift={}))
    _term_ids: dict[str, int] = field(default_factory=dict)

    def term(self, en: str, zh: str | None, kind: TermKind) -> int:
        key = en.casefold()
        if key not in self._term_ids:
            self._term_ids[key] = len(self.terms)
            self.terms.append(Term(en=en, zh=zh, kind=kind))
        number = self._term_ids[key]
        if zh and not self.terms[number].zh:
            # The same skill named by O*NET and by the catalogue: keep the Chinese name.
            self.terms[number] = Term(en=self.terms[number].en, zh=zh, kind="skill")
        return number

    def catalogue_terms(self, entry: CatalogueOccupation) -> list[int]:
        pairs = zip(entry.skills[Locale.EN], entry.skills[Locale.ZH], strict=True)
        return [self.term(_english_display(en, zh), zh, "skill") for en, zh in pairs]

    def add_catalogue(self, entry: CatalogueOccupation) -> None:
        en, zh = entry.name(Locale.EN), entry.name(Locale.ZH)
        passage = (
            f"{en} / {zh}. Skills: {', '.join(entry.skills[Locale.EN])}. "
            f"技能：{'、'.join(entry.skills[Locale.ZH])}。"
        )
        self.occupations.append(
            IndexedOccupation(
                code=entry.code,
                title_en=en,
                title_zh=zh,
                holland_code=entry.holland_code,
                job_zone=entry.job_zone,
                riasec=riasec_from_code(entry.holland_code),
                terms=tuple(dict.fromkeys(self.catalogue_terms(entry))),
                source="catalogue",
                passage=passage,
            )
        )

    def add_onet(self, occupation: Occupation, entry: CatalogueOccupation | None) -> None:
        tools = self.tools.key_tools(occupation)
        terms = self.catalogue_terms(entry) if entry else []
        terms += [self.term(s, ONET_SKILLS_ZH.get(s), "skill") for s in occupation.skills]
        terms += [self.term(tool, None, "technology") for tool in tools]
        zh = entry.name(Locale.ZH) if entry else None
        distinctive = [
            tool
            for tool in tools
            if self.tools.share[tool] <= PASSAGE_TOOL_SHARE and len(tool.split()) <= 3
        ]
        parts = [
            f"{occupation.title} ({zh})" if zh else occupation.title,
            ", ".join(
                _plain_alternates(occupation)[:PASSAGE_ALTERNATES] + distinctive[:PASSAGE_TOOLS]
            ),
            _opening(occupation.description),
        ]
        self.occupations.append(
            IndexedOccupation(
                code=occupation.code,
                title_en=occupation.title,
                title_zh=zh,
                holland_code=occupation.holland_code,
                job_zone=occupation.job_zone,
                # O*NET's OI scale runs 1..7.
                riasec=tuple((occupation.riasec[x] - 1) / 6 for x in RIASEC),
                terms=tuple(dict.fromkeys(terms)),
                source="onet",
                passage=". ".join(part for part in parts if part) + ".",
            )
        )


def _english_display(en: str, zh: str) -> str:
    """The catalogue writes English skills in lower case ("python", "sql"); its Chinese list
    keeps product names in their own casing ("Python", "SQL"), so take those from there."""
    return zh if zh.isascii() else en[:1].upper() + en[1:]


_ACRONYM = re.compile(r"^[A-Z0-9/&.\- ]+$")
_WORD = re.compile(r"[a-z]+")


def _plain_alternates(occupation: Occupation) -> list[str]:
    """Alternate titles that sound like the occupation's family first ("Staff Nurse").

    A title scores by how common its words are among all the occupation's alternates, so
    one-off oddities ("Neon Electrician", "BD Officer") fall behind; acronyms and titles that
    merely repeat the main one are left out.
    """
    title = occupation.title.casefold()
    candidates: dict[str, str] = {}
    for alternate in occupation.alternate_titles:
        key = alternate.casefold()
        if _ACRONYM.match(alternate) or "(" in alternate or key in title or title in key:
            continue
        candidates.setdefault(key, alternate)
    common = Counter(word for key in candidates for word in set(_WORD.findall(key)))

    def typicality(alternate: str) -> tuple[float, int, str]:
        words = _WORD.findall(alternate.casefold()) or [""]
        return (-sum(common[word] for word in words) / len(words), len(words), alternate)

    return sorted(candidates.values(), key=typicality)


def _opening(description: str) -> str:
    """The first sentence, cut to a few words: enough to say what the work is."""
    sentence = re.split(r"(?<=[.;])\s", description.strip(), maxsplit=1)[0]
    return " ".join(sentence.split()[:PASSAGE_DESCRIPTION_WORDS]).rstrip(".,;:")
