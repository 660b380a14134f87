"""Whether a clause tells what a person has, or only what they wish for, plan or lack.

Wishes and plans describe the future: a degree someone plans is a goal, not a degree held;
a certificate being prepared for is not one they have yet. One vocabulary serves a chat
message and a résumé line alike.
"""

from __future__ import annotations

import re

from careerstream.understanding.text import terms

_WISH = re.compile(
    r"\b(?:want|wants|wanted|wanna|would like|'d like|would love|'d love|hope|hoping|wish|plan|"
    r"planning|dream|aim|aiming|intend|considering|thinking (?:about|of)|goal|prefer|seeking|"
    r"looking (?:for|to)|apply(?:ing)? (?:for|to)|ideally|someday|one day)\b"
    r"|想|希望|打算|计划|准备|梦想|目标|期望|考虑|愿意|最好|找工作|找一份|求职|申请",
    re.I,
)
# Words that deny having something, or say it is still being learned.
_DENIED_OR_LEARNING = re.compile(
    r"\b(?:not|never|no|don'?t|doesn'?t|didn'?t|haven'?t|hasn'?t|can'?t|cannot|without|lack|"
    r"lacking|learn|learning|preparing|studying\s+for|eventually)\b|"
    + "|".join(
        terms("不会 | 不懂 | 不太 | 不熟 | 不擅长 | 没有 | 没学过 | 没用过 | 缺乏 | 正在学")
        + terms("学习 | 学会 | 想学 | 将来")  # not 以后: 毕业以后 is past
    ),
    re.I,
)


def is_wish(clause: str) -> bool:
    """A wish, plan or search: "I'd like a master's", "打算读研", "looking for a job"."""
    return bool(_WISH.search(clause))


def holds(clause: str) -> bool:
    """Whether the skills, languages or certificates a clause names are the person's: not
    when it wishes for them, denies them or is still learning them."""
    return not (is_wish(clause) or _DENIED_OR_LEARNING.search(clause))
