"""A listed company's short name (简称) written as its trade name and the first words of its line
of business, without its place or legal form, is that company (the alias table's names)."""

from __future__ import annotations

import pytest

from tendertrace.screen.tradename import listed_short_form


@pytest.mark.parametrize(("query", "listed"), [
    ("川东船舶", "重庆川东船舶重工有限责任公司"),
    ("擎科生物科技", "北京擎科生物科技股份有限公司"),
])
def test_trade_name_with_its_first_field_words_is_the_company(query: str, listed: str) -> None:
    assert listed_short_form(query) == listed


@pytest.mark.parametrize("query", [
    "擎科医药",  # a line of business the listed name does not have
    "擎科生",  # words cut inside a word of the name
    "某某电子",  # no listed company has the trade name
    "川东船舶有限公司",  # a whole name with its legal form is another company's, read elsewhere
])
def test_other_names_are_no_short_form(query: str) -> None:
    assert listed_short_form(query) is None
