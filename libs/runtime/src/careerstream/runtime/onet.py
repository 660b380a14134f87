"""The `ONET_DIR` setting: where an operator put the O*NET text release."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings


class OnetSettings(BaseSettings):
    """Mixed into the settings of a worker that reads O*NET; unset means the built-in data."""

    onet_dir: Path | None = Field(
        default=None,
        validation_alias="ONET_DIR",
        description="Directory of the O*NET text release (e.g. ../shared/onet); read in place.",
    )

    @field_validator("onet_dir")
    @classmethod
    def _exists(cls, value: Path | None) -> Path | None:
        if value is not None and not (value / "Occupation Data.txt").is_file():
            raise ValueError(f"ONET_DIR={value} does not hold the O*NET text release")
        return value
