"""Text tools every recogniser shares: normalising, lexicon specs, sentences, clauses, lists,
negation and numerals, in Chinese and English alike.

Every pattern here is bounded (no unbounded repetition inside another), and callers cut
their input before anything else, so long or hostile text stays linear.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from careerstream.contracts import Locale
from careerstream.understanding.language import detect_locale

MAX_CHARS = 8000
"""How much of one chat message is read; a résumé passes its own, larger bound."""
MAX_PHRASE_CHARS = 60
"""The longest phrase of a person's own words kept as one item (an interest, a goal)."""

HAN = re.compile(r"[\u4e00-\u9fff]")


def terms(spec: str) -> tuple[str, ...]:
    """Lexicon entries written compactly, "|" between forms: "part-time | part time"."""
    return tuple(term.strip() for term in spec.split("|") if term.strip())


def unique(items: Iterable[str]) -> list[str]:
    """The first of each item, ignoring case and surrounding space."""
    seen: set[str] = set()
    kept: list[str] = []
    for item in items:
        cleaned = item.strip()
        key = cleaned.casefold()
        if cleaned and key not in seen:
            seen.add(key)
            kept.append(cleaned)
    return kept


def nfkc(text: str, limit: int = MAX_CHARS) -> str:
    """The first `limit` characters in NFKC: full-width letters, digits and commas read as
    ASCII. NFKC can lengthen a text, hence the second cut."""
    return unicodedata.normalize("NFKC", text[:limit])[:limit]


_ABBREVIATIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    # Dots inside abbreviations would otherwise end sentences early.
    (re.compile(r"\bPh\.?\s?D\b\.?", re.I), "PhD"),
    (re.compile(r"\b([BM])\.\s?(Sc|S|A|Eng)\.", re.I), r"\1\2"),
    (re.compile(r"\b(e\.g|i\.e|etc|Mr|Mrs|Ms|Dr|St|vs)\.", re.I), r"\1"),
)


def normalise(text: str, limit: int = MAX_CHARS) -> str:
    """Prose ready for sentence splitting: NFKC, straight apostrophes, undotted abbreviations."""
    text = nfkc(text, limit).replace("\u2019", "'").replace("\u2018", "'")
    for pattern, replacement in _ABBREVIATIONS:
        text = pattern.sub(replacement, text)
    return text


def is_chinese(text: str) -> bool:
    return detect_locale(text, default=Locale.EN) is Locale.ZH


# --- sentences and clauses -------------------------------------------------------------------
_SENTENCE_BREAK = re.compile(r"[!?;。！？；\n…]+|\.(?=\s|$)")
_CLAUSE_BREAK = re.compile(
    r"[,，:：()（）]"
    # A contrast always starts a new claim: a denial before it says nothing of what follows.
    r"|\s+(?:but|although|though|whereas)\s+"
    r"|\s+(?:and|then|so|while)\s+"
    r"(?=(?:now\s+|then\s+|later\s+|currently\s+|also\s+|still\s+)?(?:i|i'm|i've|i'd|my)\b)"
    r"|\s+(?:and|so)\s+"
    r"(?=(?:also\s+|then\s+)?(?:want|hope|plan|would\s+like|'d\s+like|wish|aim|need)\b)"
    r"|\s+because\s+|然后|后来|之后|现在|目前|但是|不过|然而|可是|同时|而且|并且|另外|因为|所以",
    re.I,
)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_BREAK.split(text) if s.strip()]


def split_clause(sentence: str) -> list[str]:
    """One sentence's clauses: "I studied law, then I worked at Huawei" is two."""
    return [c.strip() for c in _CLAUSE_BREAK.split(sentence) if c.strip()]


def clauses(text: str) -> list[str]:
    return [clause for sentence in sentences(text) for clause in split_clause(sentence)]


# --- lists -----------------------------------------------------------------------------------
# "hiking, painting and teaching kids", "画画、摄影和编程", "Hiking | Chess • Go".
_LIST_SEPARATOR = re.compile(
    r"\s*(?:[,、/;|•·●▪]|\band\b|\bor\b|\bas well as\b|\bplus\b"
    r"|以及|还有|或者|和|及|与|跟|或)\s*",
    re.I,
)
# An item that starts like a new sentence ends the list: "hiking, and stability matters".
_NEW_CLAUSE_EN = re.compile(
    r"^(?:i|i'm|i've|i'd|i'll|my|me|we|it's|this|that|there|they|he|she|you|but|also|because|"
    r"so|although|though|while|which|who|especially|then|now|interested|passionate|keen|fond|"
    r"good|skilled|fluent|familiar)\b"
    r"|\b(?:matters?|important|value|want|hope|would like|'d like|goal|dream|plan|worked|"
    r"studied|degree|prefer|need|looking)\b",
    re.I,
)
_NEW_CLAUSE_ZH = re.compile(
    r"^[我也但还而所因另并就你他她]|看重|重要|在乎|希望|打算|目标|工作了|学的|专业|经验|擅长"
)
FILLER = frozenset(
    terms(
        "it | that | this | them | things | stuff | everything | anything | nothing | something"
        "| lots | much | many | a lot | some | all | both | none | yes | no | ok | okay | it all"
        "| 很多 | 东西 | 什么 | 一些 | 都 | 这个 | 那个 | 它 | 这些 | 等等 | 很多东西"
    )
)
_ITEM_EDGES = " \t.,:'\"“”()（）[]【】-–—*。"


def list_items(phrase: str, limit: int, *, until_new_clause: bool = True) -> list[str]:
    """The items of a list phrase, each at most `limit` characters, filler left out; in prose
    (`until_new_clause`) the list ends where a new clause begins."""
    items: list[str] = []
    for raw in _LIST_SEPARATOR.split(phrase):
        item = raw.strip(_ITEM_EDGES)
        if not item:
            continue
        if until_new_clause and (_NEW_CLAUSE_EN.search(item) or _NEW_CLAUSE_ZH.search(item)):
            break
        if item.casefold() not in FILLER and len(item) <= limit:
            items.append(item)
    return items


def cued_phrase(text: str, match: re.Match[str], *, chinese: bool) -> str:
    """What follows a cue: to the end of the sentence for English, whose lists use commas, and
    to the next comma for Chinese (a cue or a phrase in Chinese), whose lists use 、."""
    rest = text[match.end() : match.end() + 160]
    chinese = chinese or bool(HAN.match(rest.lstrip()[:1]))
    # An English list also ends where the message turns Chinese: "I enjoy hiking，想转行".
    english_end = r"[;；。!?！？\n]|\.(?:\s|$)|[,，]\s*(?=[\u4e00-\u9fff])"
    end = re.search(r"[,，。;；!?！？\n]" if chinese else english_end, rest)
    return rest[: end.start()] if end else rest


# --- negation and numbers --------------------------------------------------------------------
_NEGATION_BEFORE = re.compile(
    r"(?:\bnot|n't|\bnever|\bno)\s+(?:\w+\s+){0,2}$|(?:不|没|没有|不太|不怎么|不是很|并不)$", re.I
)


def negated(text: str, start: int) -> bool:
    """Whether the words just before `start` deny what follows ("not good at", "不喜欢")."""
    return bool(_NEGATION_BEFORE.search(text[max(0, start - 24) : start]))


_ZH_DIGITS = {digit: value for value, digit in enumerate("一二三四五六七八九", start=1)} | {"两": 2}
_EN_NUMBERS = {
    word: float(value)
    for value, word in enumerate(
        terms(
            "one | two | three | four | five | six | seven | eight | nine | ten | eleven | twelve"
        ),
        start=1,
    )
} | {"a": 1.0, "an": 1.0, "fifteen": 15.0, "twenty": 20.0, "a couple of": 2.0, "half a": 0.5}


def number(token: str) -> float | None:
    """Arabic, English-word or Chinese numerals up to 99: "3", "three", "两", "十五", "半"."""
    token = re.sub(r"\s+", " ", token.strip().lower())
    if re.fullmatch(r"\d{1,2}(?:\.\d+)?", token):
        return float(token)
    if token in _EN_NUMBERS:
        return _EN_NUMBERS[token]
    if token == "半":
        return 0.5
    if "十" in token:
        tens, _, ones = token.partition("十")
        if (tens and tens not in _ZH_DIGITS) or (ones and ones not in _ZH_DIGITS):
            return None
        return float(_ZH_DIGITS.get(tens, 1) * 10 + _ZH_DIGITS.get(ones, 0))
    return float(_ZH_DIGITS[token]) if token in _ZH_DIGITS else None
