"""Education levels: one vocabulary for the guide, the parser, the matcher and the reporter."""

from __future__ import annotations

from enum import StrEnum


class EducationLevel(StrEnum):
    """Levels of education, lowest to highest (the order is the rank)."""

    SECONDARY = "secondary"
    VOCATIONAL = "vocational"
    ASSOCIATE = "associate"
    BACHELOR = "bachelor"
    MASTER = "master"
    DOCTORATE = "doctorate"

    @property
    def rank(self) -> int:
        """1 for secondary school ... 6 for a doctorate."""
        return _ORDER.index(self) + 1

    @classmethod
    def _missing_(cls, value: object) -> EducationLevel | None:
        # Messages written before this vocabulary existed say "high school", "phd", ...
        if not isinstance(value, str):
            return None
        key = value.strip().casefold()
        return next((level for level in _ORDER if level.value == key), _ALIASES.get(key))


_ORDER: tuple[EducationLevel, ...] = tuple(EducationLevel)
_ALIASES: dict[str, EducationLevel] = {
    "high school": EducationLevel.SECONDARY,
    "phd": EducationLevel.DOCTORATE,
    "doctor": EducationLevel.DOCTORATE,
    "masters": EducationLevel.MASTER,
    "bachelors": EducationLevel.BACHELOR,
    "college": EducationLevel.BACHELOR,
    "university": EducationLevel.BACHELOR,
}

EDUCATION_LEVELS: tuple[str, ...] = tuple(level.value for level in _ORDER)


def level_rank(level: str | None) -> int:
    """0 when unknown, else the level's rank (accepts the enum or any alias of it)."""
    if not level:
        return 0
    try:
        return EducationLevel(level).rank
    except ValueError:
        return 0
