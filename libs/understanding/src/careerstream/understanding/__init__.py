"""Bilingual text understanding shared by the guide and the parser (a library: it never runs).

`extract` reads one chat message into the facts it states and `merge` adds them to what a
conversation knew; the recognisers behind them (education, experience, skills, interests,
values, goals, constraints) serve the parser's résumé reading too.
"""

from careerstream.understanding.message import extract, merge

__all__ = ["extract", "merge"]
