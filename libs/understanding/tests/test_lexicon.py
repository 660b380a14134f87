"""The term matcher behind every lexicon: leftmost-longest, word edges, letter case."""

from __future__ import annotations

from careerstream.understanding.lexicon import Lexicon, TermIndex


def test_the_term_index_prefers_the_leftmost_longest_term() -> None:
    index = TermIndex()
    index.add("power", 1)
    index.add("power bi", 2)
    index.add("bi tools", 3)
    index.add("Go", 4, exact=True)
    assert index.spans("power bi tools, Go") == [(0, 8, 2), (16, 18, 4)]
    assert index.add("POWER", 9) is False  # the first id keeps a term


def test_separators_and_apostrophes_never_tell_terms_apart() -> None:
    lexicon = Lexicon({"part-time": "part-time", "master": "master's"})
    text = "Part Time, parttime, part_time; masters and master's"
    assert [hit.label for hit in lexicon.hits(text)] == ["part-time"] * 3 + ["master"] * 2


def test_latin_terms_keep_to_word_edges_and_chinese_ones_need_none() -> None:
    lexicon = Lexicon({"go": "go", "上海": "上海"})
    assert lexicon.labels("good gopher ago") == []
    assert lexicon.labels("我想去上海工作, let's go") == ["上海", "go"]


def test_exact_terms_match_only_as_written() -> None:
    lexicon = Lexicon({"USA": "united states"}, exact={"USA": "US"})
    assert lexicon.labels("tell us about the US") == ["USA"]
    assert lexicon.hits("United States")[0].text == "United States"


def test_a_whole_text_names_one_term_or_none() -> None:
    lexicon = Lexicon({"Beijing": "Beijing | 北京 | 北京市"})
    assert lexicon.whole(" 北京市 ") == "Beijing"
    assert lexicon.whole("北京大学") is None
    assert "I live in Beijing" in lexicon
    assert "Nanjing" not in lexicon
