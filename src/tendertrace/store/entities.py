"""Reads for the entity pages: every stored finding, and the documents whose results name a party."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Text, cast, or_, select
from sqlalchemy.engine import Engine

from ..model import Finding


def all_findings(engine: Engine) -> list[Finding]:
    """Every stored finding with its review status, highest score first."""
    from . import findings

    with engine.connect() as conn:
        rows = conn.execute(select(findings.c.data, findings.c.review_status)
                            .order_by(findings.c.score.desc(), findings.c.case_id)).mappings().all()
    # the review status is kept in its column only (store.replace_findings)
    return [Finding.from_dict({**r["data"], "review_status": r["review_status"]}) for r in rows]


def _stored_forms(name: str) -> list[str]:
    """How a name stands inside a stored result's JSON: written with ASCII escapes (the store's
    serializer) or as it is (a row another writer stored)."""
    escaped = json.dumps(name)[1:-1]
    return list(dict.fromkeys([escaped, json.dumps(name, ensure_ascii=False)[1:-1]]))


def documents_naming(engine: Engine, names: Iterable[str]) -> Iterator[dict[str, Any]]:
    """The processed documents (without their text) whose stored results hold any of ``names``:
    a text match narrows the rows in the database, the caller checks the parties themselves."""
    from . import documents

    forms = [form for name in names if name for form in _stored_forms(name)]
    if not forms:
        return
    body = cast(documents.c.result, Text)
    cols = [c for c in documents.c if c.name != "text"]
    query = (select(*cols).where(documents.c.status == "processed", or_(*[body.contains(f, autoescape=True) for f in forms]))
             .order_by(documents.c.published.desc().nulls_last(), documents.c.id))
    with engine.connect() as conn:
        for row in conn.execute(query).mappings():
            yield dict(row)
