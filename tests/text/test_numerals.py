"""One Chinese numeral parser: positional digits, the counting form, the financial digits."""

from __future__ import annotations

import pytest

from tendertrace.text.numerals import chinese_number, counted_number, positional_number


@pytest.mark.parametrize(("text", "value"), [
    ("7", 7), ("十", 10), ("十四", 14), ("五十四", 54), ("三十一", 31), ("二〇八", 208), ("二〇二四", 2024),
    ("一百零五", 105), ("两千", 2000), ("贰拾万", 200_000), ("壹佰贰拾叁万肆仟伍佰陆拾柒", 1_234_567),
    ("壹亿贰仟万", 120_000_000),
])
def test_chinese_number(text: str, value: int) -> None:
    assert chinese_number(text) == value


@pytest.mark.parametrize("text", ["", "十a", "年", "二〇二四年"])
def test_not_a_number(text: str) -> None:
    assert chinese_number(text) is None


def test_positional_needs_digits_only() -> None:
    assert positional_number("二〇二四") == 2024
    assert positional_number("二十") is None
    assert counted_number("二十") == 20
