"""One term matcher for every lexicon: terms found leftmost and longest, without overlaps.

Terms are compiled into one prefix-tree regex per letter casing, so a text is scanned once
however many terms there are: each alternative starts with a plain character, which lets
the regex engine skip positions where no term can begin, and no pattern nests an unbounded
repetition, so long or hostile input stays linear. Separators (spaces, hyphens, underscores,
apostrophes) never tell terms apart: "Power BI", "power-bi", "PowerBI" and "master's",
"masters" are one term each. Latin terms respect word edges ("go" is not in "good");
Chinese has none to respect.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from careerstream.understanding.text import terms, unique

_SEPARATORS = re.compile(r"[\s_'’-]+")
_SEPARATOR_STEP = r"[\s_'’-]{0,2}"


def _key(term: str, *, fold: bool) -> str:
    text = _SEPARATORS.sub("", term)
    return text.lower() if fold else text


def _lowered(text: str) -> str:
    """The text in lower case with every character kept in place (positions must not move)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    ending: str | None = None  # the regex that must follow when a term ends here


def _term_chars(term: str, *, fold: bool) -> list[str]:
    """A term as trie steps: characters, with " " standing for any short run of separators."""
    cleaned = _SEPARATORS.sub(" ", term.strip())
    return list(cleaned.lower() if fold else cleaned)


def _ending(term: str, *, exact: bool, not_before: Sequence[str]) -> str:
    last = term[-1:]
    guard = ""
    if exact and len(term) <= 2:
        # "R", "C", "Go" stand alone: not "R&D", "C-suite", "go-getter", "J.R.".
        guard = r"(?![A-Za-z0-9&'’+#-]|\.[A-Za-z0-9])"
    elif last.isascii() and last.isalnum():
        guard = r"(?![A-Za-z0-9])"
    if not_before:
        words = "|".join(re.escape(word) for word in not_before)
        guard += rf"(?!\s{{1,3}}(?:{words})\b)"
    return guard


def _node_pattern(node: _Node, lookbehind: str, *, top: bool) -> str:
    branches: list[str] = []
    for step, child in node.children.items():
        piece = _SEPARATOR_STEP if step == " " else re.escape(step)
        if top and step.isascii() and step.isalnum():
            # Checked after the first character so every branch still opens with a literal,
            # which is what lets the engine skip ahead quickly.
            piece += lookbehind
        branches.append(piece + _node_pattern(child, lookbehind, top=False))
    if node.ending is not None:
        branches.append(node.ending)  # after the children: the longer term is tried first
    if top:
        return "|".join(branches)
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


class TermIndex:
    """Terms, each standing for an id, found leftmost-longest and without overlaps.

    Folded terms match in any letter case; exact ones ("Go", "R") only as written. The
    first id to claim a term keeps it. Texts should be NFKC already.
    """

    def __init__(self) -> None:
        self._ids: dict[tuple[bool, str], int] = {}
        self._roots = {True: _Node(), False: _Node()}
        self._patterns: dict[bool, re.Pattern[str] | None] | None = None

    def add(
        self, term: str, ident: int, *, exact: bool = False, not_before: Sequence[str] = ()
    ) -> bool:
        fold = not exact
        term = unicodedata.normalize("NFKC", term)  # as the texts it is matched in
        key = _key(term, fold=fold)
        if not key or (fold, key) in self._ids:
            return False
        self._ids[(fold, key)] = ident
        node = self._roots[fold]
        for step in _term_chars(term, fold=fold):
            node = node.children.setdefault(step, _Node())
        node.ending = _ending(key, exact=exact, not_before=not_before)
        self._patterns = None
        return True

    def ident(self, term: str) -> int | None:
        """The id of a term written as one of the index's own ("Power-BI" is "power bi")."""
        term = unicodedata.normalize("NFKC", term)
        exact = self._ids.get((False, _key(term, fold=False)))
        return exact if exact is not None else self._ids.get((True, _key(term, fold=True)))

    def compile(self) -> None:
        """Build the patterns now rather than on the first search (it takes a moment)."""
        self._compiled()

    def _compiled(self) -> dict[bool, re.Pattern[str] | None]:
        if self._patterns is None:
            behind = {True: r"(?<![A-Za-z0-9].)", False: r"(?<![A-Za-z0-9.&'’].)"}
            self._patterns = {
                fold: re.compile(_node_pattern(root, behind[fold], top=True))
                if root.children
                else None
                for fold, root in self._roots.items()
            }
        return self._patterns

    def spans(self, text: str) -> list[tuple[int, int, int]]:
        """(start, end, id) of each term found, in order."""
        found: list[tuple[int, int, int]] = []
        for fold, pattern in self._compiled().items():
            if pattern is None:
                continue
            haystack = _lowered(text) if fold else text
            for match in pattern.finditer(haystack):
                ident = self._ids.get((fold, _key(match.group(0), fold=fold)))
                if ident is not None and match.end() > match.start():
                    found.append((match.start(), match.end(), ident))
        if len(found) < 2:
            return found
        found.sort(key=lambda span: (span[0], span[0] - span[1]))
        kept: list[tuple[int, int, int]] = []
        for span in found:
            if not kept or span[0] >= kept[-1][1]:
                kept.append(span)
        return kept


class Hit(NamedTuple):
    """A lexicon term found in a text: its label and where it stands."""

    label: str
    start: int
    end: int
    text: str


def same(*labels: str) -> dict[str, str]:
    """Entries whose label is their only surface form."""
    return {label: label for label in labels}


class Lexicon:
    """Labels with the words that name them ("label": "form | form"), found in one pass.

    `exact` entries match only in the letter case written: "US" is a country, "us" is not.
    """

    def __init__(self, entries: Mapping[str, str], exact: Mapping[str, str] | None = None):
        self._labels: list[str] = []
        self._index = TermIndex()
        for specs, is_exact in ((entries, False), (exact or {}, True)):
            for label, spec in specs.items():
                self._labels.append(label)
                for term in terms(spec):
                    self._index.add(term, len(self._labels) - 1, exact=is_exact)

    def hits(self, text: str) -> list[Hit]:
        return [
            Hit(self._labels[ident], start, end, text[start:end])
            for start, end, ident in self._index.spans(text)
        ]

    def labels(self, text: str) -> list[str]:
        """Each label named in `text`, once, in order."""
        return unique(hit.label for hit in self.hits(text))

    def whole(self, text: str) -> str | None:
        """The label when all of `text` is one term of the lexicon ("Shanghai", "远程")."""
        ident = self._index.ident(text.strip())
        return None if ident is None else self._labels[ident]

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and bool(self._index.spans(text))
