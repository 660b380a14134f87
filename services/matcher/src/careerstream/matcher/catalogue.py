"""The built-in occupation catalogue: the default when no O*NET directory is configured.

Written by the team (`data/catalogue.json`): English and Chinese names, the
O*NET-SOC code and Holland code of each occupation, job zone and key skills.
Groundwork of the pipeline issue: the matcher's handler is still to come.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from careerstream.contracts import Locale

_DATA = Path(__file__).parent / "data" / "catalogue.json"


@dataclass(frozen=True)
class CatalogueOccupation:
    code: str
    names: dict[Locale, str]
    holland_code: str
    job_zone: int
    skills: dict[Locale, tuple[str, ...]]

    def name(self, locale: Locale) -> str:
        return self.names[locale]


@cache
def builtin_catalogue() -> tuple[CatalogueOccupation, ...]:
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    return tuple(
        CatalogueOccupation(
            code=row["code"],
            names={Locale.EN: row["en"], Locale.ZH: row["zh"]},
            holland_code=row["holland"],
            job_zone=int(row["job_zone"]),
            skills={Locale.EN: tuple(row["skills_en"]), Locale.ZH: tuple(row["skills_zh"])},
        )
        for row in data["occupations"]
    )
