"""Typed inputs for the findings stage: one document's results, built field by field."""

from __future__ import annotations

from datetime import date
from typing import Any

from tendertrace.model import (
    Amount,
    CaseDocument,
    Classification,
    DocumentResult,
    Extraction,
    ListedHit,
    NoticeType,
    Party,
    Span,
)

TEXT = "采购人：四川大学。供应商：某某科技有限公司。租用云服务器500台，每台配置8块NVIDIA A100。预算金额：100万元。"


def span_of(word: str, text: str = TEXT) -> Span:
    start = text.index(word)
    return Span(start, start + len(word), word)


def item(text: str = "NVIDIA A100", **values: Any) -> Classification:
    """A classified item; by default a controlled chip bought outright, found in ``TEXT``."""
    where = span_of(text) if text in TEXT else None
    base: dict[str, Any] = {
        "text": text, "chip": "A100", "model": None, "count": 8, "tpp": 4992.0, "pd": 6.04, "band": "3A090.a.1",
        "controlled": True, "rule": "2023-10", "route": "hardware_purchase", "provider": None, "restriction": None,
        "reason": "why", "start": where.start if where else None, "end": where.end if where else None,
        "compute_finding": True,
    }
    return Classification(**{**base, **values})


def rental(**values: Any) -> Classification:
    """Rented servers of a US provider whose policy excludes China."""
    return item("租用云服务器", **{"chip": "A100", "controlled": True, "route": "cloud_rental",
                                 "provider": "Amazon Web Services", "restriction": "no China regions", **values})


def hit(party: str = "四川大学", relation: str = "self", score: float = 1.0, entry: str = "Sichuan University",
        entry_id: str = "el-1") -> ListedHit:
    where = span_of(party) if party in TEXT else None
    return ListedHit(party=party, entry=entry, entry_id=entry_id, list="EL", relation=relation,  # type: ignore[arg-type]
                     score=score, matched_name=entry, role="buyer", start=where.start if where else None,
                     end=where.end if where else None)


def result(
    classes: list[Classification] | None = None, hits: list[ListedHit] | None = None, *, supplier: bool = False,
    amount: float | None = None, notice_type: NoticeType = "tender_call", number: str | None = "P-1",
    name: str = "算力租赁", buyer: str = "四川大学", published: date | None = date(2024, 5, 10),
) -> DocumentResult:
    parties = [Party(buyer, "buyer", span_of(buyer) if buyer in TEXT else None)]
    if supplier:
        parties.append(Party("某某科技有限公司", "supplier", span_of("某某科技有限公司")))
    money = Amount(amount, "CNY", "budget", span_of("100万元")) if amount is not None else None
    ex = Extraction(notice_type=notice_type, project_name=name, project_number=number, parties=parties,
                    amount=money, published=published)
    return DocumentResult(extraction=ex, classifications=classes or [], hits=hits or [], rules_date=published)


def ref(doc_id: str = "d1") -> CaseDocument:
    return CaseDocument(id=doc_id, file=f"{doc_id}.html")
