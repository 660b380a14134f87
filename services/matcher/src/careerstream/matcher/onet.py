"""Importer for the O*NET text release (tab-separated files in one directory).

Reads the occupations with their RIASEC interest profile (scale `OI`, 1-7), job
zone (1-5), most important skills (scale `IM`), technology examples (in-demand and
hot ones first) and alternate titles. The files stay where the operator put them
(`ONET_DIR`); nothing is copied. Pure: no broker, no model.

This is groundwork of the pipeline issue: the matcher's handler is still to come.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from careerstream.contracts.riasec import LETTER_OF_AREA, RIASEC

REQUIRED_FILES = ("Occupation Data.txt", "Interests.txt", "Job Zones.txt")
ATTRIBUTION = (
    "This product includes information from the O*NET 29.3 Database and the O*NET Interest "
    "Profiler by the U.S. Department of Labor, Employment and Training Administration "
    "(USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. The "
    "project has modified all or some of this information. USDOL/ETA has not approved, "
    "endorsed, or tested these modifications."
)


class OnetImportError(RuntimeError):
    """The directory is not an O*NET text release this importer can read."""


@dataclass
class Occupation:
    code: str
    title: str
    description: str
    riasec: dict[str, float] = field(default_factory=dict)  # letter -> 1..7
    job_zone: int | None = None
    skills: list[str] = field(default_factory=list)  # most important first
    technology: list[str] = field(default_factory=list)  # hot technologies first
    alternate_titles: list[str] = field(default_factory=list)

    @property
    def holland_code(self) -> str:
        """The three strongest interest areas, strongest first (ties in RIASEC order)."""
        ranked = sorted(RIASEC, key=lambda letter: (-self.riasec.get(letter, 0.0), letter))
        return "".join(ranked[:3]) if self.riasec else ""


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def load_onet(
    directory: Path, *, top_skills: int = 8, top_technology: int = 12
) -> list[Occupation]:
    """Every occupation with an interest profile, sorted by O*NET-SOC code."""
    missing = [name for name in REQUIRED_FILES if not (directory / name).is_file()]
    if missing:
        raise OnetImportError(f"{directory} lacks {', '.join(missing)}")
    occupations = {
        row["O*NET-SOC Code"]: Occupation(
            code=row["O*NET-SOC Code"], title=row["Title"], description=row["Description"]
        )
        for row in _rows(directory / "Occupation Data.txt")
    }
    for row in _rows(directory / "Interests.txt"):
        letter = LETTER_OF_AREA.get(row["Element Name"])
        occupation = occupations.get(row["O*NET-SOC Code"])
        if row["Scale ID"] == "OI" and letter and occupation is not None:
            occupation.riasec[letter] = float(row["Data Value"])
    for row in _rows(directory / "Job Zones.txt"):
        if (occupation := occupations.get(row["O*NET-SOC Code"])) is not None:
            occupation.job_zone = int(row["Job Zone"])
    _attach_skills(directory / "Skills.txt", occupations, top_skills)
    _attach_technology(directory / "Technology Skills.txt", occupations, top_technology)
    _attach_titles(directory / "Alternate Titles.txt", occupations)
    with_profile = [o for o in occupations.values() if len(o.riasec) == len(RIASEC)]
    return sorted(with_profile, key=lambda o: o.code)


def _attach_skills(path: Path, occupations: dict[str, Occupation], top: int) -> None:
    if not path.is_file():
        return
    importance: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for row in _rows(path):
        if row["Scale ID"] == "IM" and row.get("Recommend Suppress") != "Y":
            importance[row["O*NET-SOC Code"]].append(
                (float(row["Data Value"]), row["Element Name"])
            )
    for code, ranked in importance.items():
        if (occupation := occupations.get(code)) is not None:
            occupation.skills = [
                name for _, name in sorted(ranked, key=lambda r: (-r[0], r[1]))[:top]
            ]


def _attach_technology(path: Path, occupations: dict[str, Occupation], top: int) -> None:
    if not path.is_file():
        return
    # Order: asked for in this occupation's job postings ("In Demand") and hot overall first,
    # then in demand, then hot, then the rest; within a tier the tools listed for the most
    # occupations first. Alphabetical order alone put "Amazon ..." and "Apache ..." ahead of
    # Python and SQL for data scientists.
    examples: dict[str, list[tuple[int, str]]] = defaultdict(list)
    listed: Counter[str] = Counter()
    for row in _rows(path):
        tier = (row.get("In Demand") != "Y") * 2 + (row["Hot Technology"] != "Y")
        examples[row["O*NET-SOC Code"]].append((tier, row["Example"]))
        listed[row["Example"]] += 1
    for code, items in examples.items():
        if (occupation := occupations.get(code)) is not None:
            seen: dict[str, None] = {}
            for _, name in sorted(items, key=lambda item: (item[0], -listed[item[1]], item[1])):
                seen.setdefault(name, None)
            occupation.technology = list(seen)[:top]


def _attach_titles(path: Path, occupations: dict[str, Occupation]) -> None:
    if not path.is_file():
        return
    for row in _rows(path):
        if (occupation := occupations.get(row["O*NET-SOC Code"])) is not None:
            for title in (row["Alternate Title"], row["Short Title"]):
                if title and title not in occupation.alternate_titles:
                    occupation.alternate_titles.append(title)
