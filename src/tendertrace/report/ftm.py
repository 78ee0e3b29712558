"""Findings as FollowTheMoney entities (validated by the followthemoney library)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from followthemoney import model

from ..model import Finding
from ..screen.meaning import list_authority


def _make(schema: str, *key: str) -> Any:
    entity = model.make_entity(schema)
    entity.make_id("tendertrace", schema, *key)
    return entity


def ftm_entities(findings: list[Finding]) -> Iterator[dict[str, Any]]:
    """PublicBody / Company buyers and suppliers, CallForTenders or Contract + ContractAward per case,
    and Sanction entities linking listed parties to their list entry."""
    emitted: set[str] = set()

    def emit(entity: Any) -> Iterator[dict[str, Any]]:
        if entity.id not in emitted:
            emitted.add(entity.id)
            yield entity.to_dict()

    for f in findings:
        buyers = []
        for name in f.buyer:
            body = _make("PublicBody", name)
            body.add("name", name)
            body.add("country", "cn")
            buyers.append(body)
            yield from emit(body)
        suppliers = []
        for name in f.suppliers:
            company = _make("Company", name)
            company.add("name", name)
            suppliers.append(company)
            yield from emit(company)
        awarded = any(d.notice_type == "award" for d in f.documents)
        items = ", ".join([*f.chips, *f.models, *f.provider])
        if awarded:
            contract = _make("Contract", f.case_id)
            contract.add("title", f.title or items or f.case_id)
            contract.add("authority", buyers)
            if f.amount is not None:
                contract.add("amount", f.amount)
                contract.add("currency", f.currency)
            contract.add("summary", f"tendertrace score {f.score}; routes: {', '.join(f.route) or 'listed party'}; {items}")
            contract.add("sourceUrl", [d.file for d in f.documents if d.file and "://" in d.file])
            yield from emit(contract)
            for supplier in suppliers:
                award = _make("ContractAward", f.case_id, supplier.id)
                award.add("contract", contract)
                award.add("supplier", supplier)
                if f.amount is not None:
                    award.add("amount", f.amount)
                    award.add("currency", f.currency)
                award.add("date", f.date)
                yield from emit(award)
        else:
            call = _make("CallForTenders", f.case_id)
            call.add("title", f.title or items or f.case_id)
            call.add("authority", buyers)
            call.add("publicationDate", f.date)
            call.add("summary", f"tendertrace score {f.score}; routes: {', '.join(f.route) or 'listed party'}; {items}")
            yield from emit(call)
        for hit in f.listed:
            party = next((b for b in buyers + suppliers if b.first("name") == hit.party), None)
            if party is None:
                continue
            sanction = _make("Sanction", party.id, hit.list, hit.entry)
            sanction.add("entity", party)
            sanction.add("authority", list_authority(hit.list))
            sanction.add("program", hit.list)
            sanction.add("reason", f"{hit.relation} of listed entry '{hit.entry}' (score {hit.score})")
            if hit.federal_register:
                sanction.add("sourceUrl", [])
                sanction.add("summary", f"Federal Register: {hit.federal_register}")
            yield from emit(sanction)
