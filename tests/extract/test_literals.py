"""The words a pattern cannot match without are read soundly: no match ever lacks them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tendertrace.extract import mentions
from tendertrace.extract.literals import could_match, longest_word_pattern, required_words
from tendertrace.extract.mentions import _patterns, find_mentions
from tendertrace.text.fold import match_text

# Shapes the reading must get right: optional and empty alternatives, scoped case-blindness,
# character classes, counted repeats, lookarounds, and a shared prefix the parser factors out.
SHAPES = [
    r"(?:海外|境外)?\s*(?:AWS|亚马逊(?:云科技|云)?)\s*(?:账号|账户)",
    r"(?:GPU|显卡|)云主机",
    r"(?i:nvidia)\s*A100",
    r"[Tt]okens?",
    r"(?:ab){2,3}c[xy]",
    r"(?<!中国)移动云(?![南])",
    r"算力(?:租赁|租用|服务(?!器))",
    r"[^a]bc|de+f",
    r"(?:H100|H800)\s*(?:SXM|PCIe)?",
]


def test_groups_name_the_words_a_match_needs() -> None:
    assert required_words(re.compile(SHAPES[0])) == (("AWS", "亚马逊"), ("账号", "账户"))
    assert required_words(re.compile(SHAPES[1])) == (("云主机",),)  # an empty alternative gates nothing
    assert required_words(re.compile(SHAPES[2])) == (("A100",),)  # the case-blind part gives no word
    assert required_words(re.compile(SHAPES[3])) == (("Token", "token"),)
    assert required_words(re.compile("(?i)account")) == ()
    assert required_words(re.compile(r"\d+\s*台")) == ()  # one character gates nothing


def test_a_text_missing_a_group_cannot_match() -> None:
    groups = required_words(re.compile(SHAPES[0]))
    assert could_match("租用AWS账号", groups)
    assert not could_match("开户账号：123", groups) and not could_match("AWS云服务", groups)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.data())
def test_every_match_of_every_pattern_holds_its_words(data: st.DataObject) -> None:
    regex = data.draw(st.sampled_from([*[p.regex for p in _patterns()], *map(re.compile, SHAPES)]))
    text = data.draw(st.from_regex(regex, fullmatch=True))
    assert could_match(text, required_words(regex)), (regex.pattern, text)


def test_the_gate_changes_no_mention(monkeypatch: pytest.MonkeyPatch) -> None:
    examples = Path(__file__).resolve().parents[2] / "examples"
    texts = [match_text(p.read_text("utf-8")) for p in sorted(examples.glob("*")) if p.is_file()]
    texts += ["采购AWS账号3个，用于访问境外云服务", "租用云服务器500台，每台配置8块NVIDIA A100", "开户账号：6222",
              "4000万tokens", "英伟达高端数据中心GPU", "本项目不接受进口产品", "GPU云主机租赁", "H100 mm"]
    gated = [find_mentions(t) for t in texts]
    assert any(gated)
    monkeypatch.setattr(mentions, "required_words", lambda _regex: ())
    mentions._patterns.cache_clear()
    try:
        assert all(not p.gate or p.gate == (p.requires,) for p in mentions._patterns())
        assert [find_mentions(t) for t in texts] == gated
    finally:
        monkeypatch.undo()
        mentions._patterns.cache_clear()


_WORDS = st.lists(st.text(alphabet="ab.1中", min_size=0, max_size=4), max_size=8)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(_WORDS, st.text(alphabet="ab.1中x", max_size=24))
def test_a_word_trie_finds_what_an_alternation_longest_first_finds(words: list[str], text: str) -> None:
    trie = re.compile(longest_word_pattern(words))
    present = [w for w in words if w]
    if not present:
        assert trie.search(text) is None
        return
    alternation = re.compile("|".join(re.escape(w) for w in sorted(present, key=len, reverse=True)))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in alternation.finditer(text)]
    for pos in range(len(text) + 1):
        a, b = trie.search(text, pos), alternation.search(text, pos)
        assert (a and a.span()) == (b and b.span())


def test_a_word_trie_prefers_the_longest_word_and_backs_off_to_a_shorter_one() -> None:
    trie = re.compile(longest_word_pattern(["A10", "A100", "A10G", "A1000X"]))
    assert [m.group() for m in trie.finditer("A100 A10G A1000 A10")] == ["A100", "A10G", "A100", "A10"]
    assert re.compile(longest_word_pattern([])).search("anything") is None
    assert re.compile(longest_word_pattern(["", "a.b"])).findall("a.b axb") == ["a.b"]


def test_gate_words_inside_and_across_other_words_open_their_patterns() -> None:
    # "AI" inside "OpenAI", and words that overlap: each pattern opens as a plain substring test says.
    text = match_text("采购 OpenAI 接口与A100、H800显卡，租用AWS账号")
    opened = [p.regex.pattern for p in mentions._open_patterns(text)]
    expected = [p.regex.pattern for p in _patterns() if could_match(text, p.gate)]
    assert opened == expected
    assert any("A100" in p for p in opened) and any("AWS" in p for p in opened)
