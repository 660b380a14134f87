"""Holland's six interest areas: their letters and their names, once for every service."""

from __future__ import annotations

from careerstream.contracts.common import Locale

RIASEC = "RIASEC"
"""The six letters in Holland's hexagon order; ties between areas are broken in this order."""

# As every service and client shows them (Holland's terms; the Chinese ones are the usual
# translations).
AREA_NAMES: dict[Locale, dict[str, str]] = {
    Locale.EN: {
        "R": "Realistic",
        "I": "Investigative",
        "A": "Artistic",
        "S": "Social",
        "E": "Enterprising",
        "C": "Conventional",
    },
    Locale.ZH: {
        "R": "现实型",
        "I": "研究型",
        "A": "艺术型",
        "S": "社会型",
        "E": "企业型",
        "C": "常规型",
    },
}

# O*NET names each area by its English name (e.g. in Interests.txt).
LETTER_OF_AREA: dict[str, str] = {name: letter for letter, name in AREA_NAMES[Locale.EN].items()}
