"""The matching text: the same length as the text, and the same folding for a short text and a long one."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tendertrace.text import fold
from tendertrace.text.fold import FOLD_BY_ARRAY_CHARS, match_text

# Full-width forms, traditional characters, a ligature and a unit that NFKC would lengthen, a
# lone surrogate, an astral ideograph, ASCII.
_CHARS = "ＡＢ（）：，繁體臺灣昇ﬁ㎡\ud800𠀀中文abc 12"


@given(st.text(alphabet=_CHARS, max_size=3 * FOLD_BY_ARRAY_CHARS))
def test_a_long_text_folds_as_each_of_its_characters_does(text: str) -> None:
    folded = match_text(text)
    assert len(folded) == len(text)
    assert folded == "".join(match_text(ch) for ch in text) == text.translate(fold._FOLD)


def test_a_notice_folds_to_simplified_half_width_characters() -> None:
    text = "採購人名稱：臺灣大學（ＡＢＣ）" * FOLD_BY_ARRAY_CHARS
    folded = match_text(text)
    assert folded.startswith("采购人名称:台湾大学(ABC)")
    assert len(folded) == len(text)
    assert match_text("𠀀" + text)[1:] == folded  # an astral character: folded the slow way, the same
