"""Where the O*NET release is: `ONET_DIR`, else `../shared/onet` beside the repository.

Tests that read it fail (never skip) when it is missing: CI has it beside the clone.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def onet_dir() -> Path:
    directory = Path(os.environ.get("ONET_DIR") or REPO.parent / "shared" / "onet")
    assert directory.is_dir(), (
        f"the O*NET release is required for this test and is not at {directory}; "
        "set ONET_DIR to the directory of the O*NET text release"
    )
    return directory
