"""How the pipeline's stages share one progress bar.

Every stage event carries `progress` over the whole pipeline (0..1). Each stage
owns a slice of it, sized by how long the stage usually takes; a stage maps its
own fraction of work done into its slice with `overall_progress`.
"""

from __future__ import annotations

from careerstream.contracts.common import Stage
from careerstream.contracts.progress import scale

PIPELINE_SPANS: dict[Stage, tuple[float, float]] = {
    Stage.PARSE: (0.0, 0.1),
    Stage.ANALYZE: (0.1, 0.25),
    Stage.MATCH: (0.25, 0.55),
    Stage.REPORT: (0.55, 1.0),
}


def overall_progress(stage: Stage, fraction: float) -> float:
    """Map a stage's own fraction of work (0..1) onto the whole pipeline."""
    return round(scale(fraction, *PIPELINE_SPANS[stage]), 4)


def stage_key(run_id: str, stage: Stage) -> str:
    """The idempotency key of a stage's request within a run: a re-sent request keeps it."""
    return f"{run_id}:{stage.value}"
