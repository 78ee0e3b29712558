"""A price made of fees with no total (设计费…元，建安工程费…元) states no single amount; a fee
followed by its total, or a lone fee, still does."""

from __future__ import annotations

from tendertrace.extract import extract
from tendertrace.ingest import read_input


def amount_of(text: str) -> float | None:
    doc = next(read_input(text, name="r.txt", source="r.txt"))
    ex = extract(doc)  # type: ignore[arg-type]
    return ex.amount.value if ex.amount else None


def test_a_composite_of_fees_without_a_total_is_no_amount() -> None:
    assert amount_of("工程总承包中标结果公告\n招标人：江城实业有限公司\n中标人：江城建设有限公司\n"
                     "中标价(报价承诺)：设计费报价为650000.00元，建安工程费报价为81971890.60元\n") is None


def test_a_composite_with_its_total_gives_the_total() -> None:
    assert amount_of("工程总承包中标结果公告\n招标人：江城实业有限公司\n中标人：江城建设有限公司\n"
                     "中标总价：82621890.60元（设计费650000.00元，建安工程费81971890.60元）\n") == 82621890.6


def test_a_lone_fee_is_the_amount() -> None:
    assert amount_of("监理中标结果公告\n招标人：江城实业有限公司\n中标人：江城监理有限公司\n中标价：监理费为738500.00元\n") == 738500
