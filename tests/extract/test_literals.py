"""The words a pattern cannot match without are read soundly: no match ever lacks them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tendertrace.extract import mentions
from tendertrace.extract.literals import could_match, required_words
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
