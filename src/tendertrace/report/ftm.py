"""Findings as FollowTheMoney entities (validated by the followthemoney library)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from followthemoney import model

from ..findings import document_origin
from ..model import CaseDocument, Finding
from ..screen.meaning import list_authority


def _make(schema: str, *key: str) -> Any:
    entity = model.make_entity(schema)
    entity.make_id("tendertrace", schema, *key)
    return entity


def _document(d: CaseDocument, title: str | None) -> Any:
    """A case's notice as an FtM ``Document``: its address (``sourceUrl``), the file or upload name,
    the dates it was published and fetched, its record and OCDS ids in ``notes``."""
    doc = _make("Document", d.id)
    origin = document_origin(d)
    prov = d.provenance
    doc.add("title", " · ".join(p for p in (d.notice_type, d.date, title) if p) or d.id)
    doc.add("sourceUrl", origin["link"])
    name = (prov.upload_name or prov.path) if prov is not None else d.file
    doc.add("fileName", (name or "").rsplit("/", 1)[-1] or None)
    doc.add("publishedAt", d.date)
    if prov is not None:
        doc.add("retrievedAt", prov.fetched_at)
        doc.add("notes", [f"{k}: {v}" for k, v in (("record id", prov.record_id), ("ocid", prov.ocid),
                                                     ("release id", prov.release_id), ("origin", prov.origin)) if v])
    return doc


def _documentation(document: Any, entity: Any, role: str) -> Any:
    """The FtM link between a notice and an entity it names or records (``Documentation``)."""
    link = _make("Documentation", document.id, entity.id)
    link.add("document", document)
    link.add("entity", entity)
    link.add("role", role)
    return link


def ftm_entities(findings: list[Finding]) -> Iterator[dict[str, Any]]:
    """PublicBody / Company buyers and suppliers, CallForTenders or Contract + ContractAward per case,
    Sanction entities linking listed parties to their list entry, and each notice of a case as a
    ``Document`` (with its ``sourceUrl``) tied by ``Documentation`` to its parties and to the case's
    call or contract, which cite it as ``proof``."""
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
        notices = [_document(d, f.title) for d in f.documents]
        yield from (e for n in notices for e in emit(n))
        urls = [n.first("sourceUrl") for n in notices if n.first("sourceUrl")]
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
            contract.add("sourceUrl", urls)
            contract.add("proof", notices)
            yield from emit(contract)
            case = contract
            for supplier in suppliers:
                award = _make("ContractAward", f.case_id, supplier.id)
                award.add("contract", contract)
                award.add("supplier", supplier)
                if f.amount is not None:
                    award.add("amount", f.amount)
                    award.add("currency", f.currency)
                award.add("date", f.date)
                award.add("sourceUrl", urls)
                award.add("proof", notices)
                yield from emit(award)
        else:
            call = _make("CallForTenders", f.case_id)
            call.add("title", f.title or items or f.case_id)
            call.add("authority", buyers)
            call.add("publicationDate", f.date)
            call.add("summary", f"tendertrace score {f.score}; routes: {', '.join(f.route) or 'listed party'}; {items}")
            call.add("sourceUrl", urls)
            call.add("proof", notices)
            yield from emit(call)
            case = call
        for notice in notices:
            yield from emit(_documentation(notice, case, "notice of the finding"))
            for entity, role in [*((b, "buyer") for b in buyers), *((c, "supplier") for c in suppliers)]:
                yield from emit(_documentation(notice, entity, role))
        for hit in f.listed:
            party = next((b for b in buyers + suppliers if b.first("name") == hit.party), None)
            if party is None:
                continue
            sanction = _make("Sanction", party.id, hit.list, hit.entry)
            sanction.add("entity", party)
            sanction.add("authority", list_authority(hit.list))
            sanction.add("program", hit.list)
            sanction.add("reason", f"{hit.relation} of listed entry '{hit.entry}' (score {hit.score})")
            sanction.add("proof", notices)
            if hit.federal_register:
                sanction.add("summary", f"Federal Register: {hit.federal_register}")
            yield from emit(sanction)
