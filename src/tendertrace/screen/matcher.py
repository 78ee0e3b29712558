"""An in-memory screening index: token blocking, then an explainable weighted token score.

Score = symmetric IDF-weighted token agreement between the query's English form and a listed name
(tokens agree exactly or by rapidfuzz ratio >= 0.85 for tokens of 4+ letters), so rare words such as
"Hikvision" decide and "University" barely counts -- the same two-stage design as nomenklatura's
blocking index + logic-v2 scorer, in process and with cross-script translation in front.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from dataclasses import asdict, dataclass
from typing import Any

from rapidfuzz import fuzz

from ..model import Hit, ListEntry
from .names import (
    STOPWORDS,
    SUBUNIT_MARKERS,
    Translation,
    content_tokens,
    fold_zh,
    is_chinese,
    tokens_en,
    translate,
)

DEFAULT_THRESHOLD = 0.82
_ACRONYM = re.compile(r"\(([A-Z][A-Z0-9\- ]{1,12})\)")


@dataclass(frozen=True, slots=True)
class _Name:
    entry: int  # index into entries
    text: str
    tokens: tuple[str, ...]


class Screener:
    """Screen names against loaded list entries."""

    def __init__(self, entries: list[ListEntry], threshold: float = DEFAULT_THRESHOLD, sample: bool = False):
        self.entries = entries
        self.threshold = threshold
        self.sample = sample  # True when only the bundled sample list is loaded
        self.names: list[_Name] = []
        for i, entry in enumerate(entries):
            for text in _forms(entry):
                toks = tuple(content_tokens(text))
                if toks:
                    self.names.append(_Name(i, text, toks))
        df: dict[str, int] = defaultdict(int)
        self.index: dict[str, list[int]] = defaultdict(list)
        for n, name in enumerate(self.names):
            for tok in set(name.tokens):
                df[tok] += 1
                self.index[tok].append(n)
                self.index[_skeleton(tok)].append(n)
        total = max(len(self.names), 1)
        self.idf = {tok: math.log(1 + total / count) for tok, count in df.items()}
        self.default_idf = math.log(1 + total)
        self._cache: dict[str, list[Hit]] = {}

    # -- public --------------------------------------------------------------------------

    def screen(self, query: str, limit: int = 3) -> list[Hit]:
        """Hits at or above the threshold, best first; a sub-unit of a listed entity comes back as affiliate."""
        query = query.strip()
        if not query:
            return []
        if query in self._cache:
            return self._cache[query]
        hits = self._screen_full(query)
        if not hits or hits[0].score < self.threshold:
            hits = self._affiliate(query) or hits
        hits = [h for h in hits if h.score >= self.threshold][:limit]
        if len(self._cache) < 100_000:
            self._cache[query] = hits
        return hits

    def best(self, query: str) -> Hit | None:
        hits = self.screen(query, 1)
        return hits[0] if hits else None

    def versions(self) -> list[dict[str, Any]]:
        seen: dict[tuple[str, str, str], int] = defaultdict(int)
        for e in self.entries:
            seen[(e.list, e.source, e.version)] += 1
        return [{"list": k[0], "source": k[1], "version": k[2], "count": v} for k, v in sorted(seen.items())]

    def fingerprint(self) -> str:
        digest = hashlib.sha256()
        for v in self.versions():
            digest.update(repr(sorted(v.items())).encode())
        return digest.hexdigest()[:8]

    # -- internals -----------------------------------------------------------------------

    def _screen_full(self, query: str, translations: list[Translation] | None = None) -> list[Hit]:
        best: dict[int, Hit] = {}
        for tr in translations or translate(query):
            q_tokens = content_tokens(tr.text)
            if not q_tokens:
                continue
            for n in self._candidates(q_tokens):
                name = self.names[n]
                score, features = self._score(q_tokens, name.tokens)
                if tr.method == "pinyin":
                    score *= 0.95  # plain pinyin is the weakest bridge
                relation = tr.relation
                if score <= (best[name.entry].score if name.entry in best else 0):
                    continue
                entry = self.entries[name.entry]
                best[name.entry] = Hit(
                    query=query, normalized=fold_zh(query) if is_chinese(query) else " ".join(tokens_en(query)),
                    translations=[t.text for t in (translations or translate(query))], entry=entry,
                    matched_name=name.text, relation=relation, score=round(score, 3),  # type: ignore[arg-type]
                    features={**features, "method": tr.method},  # type: ignore[dict-item]
                    explanation=_explain(query, tr, name.text, entry, score, relation),
                )
        return sorted(best.values(), key=lambda h: (-h.score, h.entry.list != "EL", h.entry.name))

    def _candidates(self, q_tokens: list[str], cap: int = 300) -> list[int]:
        weight: dict[int, float] = defaultdict(float)
        for tok in set(q_tokens):
            idf = self.idf.get(tok, self.default_idf)
            for key in {tok, _skeleton(tok)}:
                postings = self.index.get(key, ())
                if len(postings) > 2000:  # a word on thousands of names blocks nothing
                    continue
                for n in postings:
                    weight[n] += idf
        return sorted(weight, key=weight.__getitem__, reverse=True)[:cap]

    def _score(self, q: list[str], c: tuple[str, ...]) -> tuple[float, dict[str, float]]:
        def sim(a: str, b: str) -> float:
            if a == b:
                return 1.0
            if len(a) >= 4 and len(b) >= 4:
                r = fuzz.ratio(a, b) / 100
                return r if r >= 0.85 else 0.0
            return 0.0

        def side(xs: list[str] | tuple[str, ...], ys: list[str] | tuple[str, ...]) -> tuple[float, float]:
            got = total = 0.0
            for x in xs:
                w = self.idf.get(x, self.default_idf)
                total += w
                got += w * max((sim(x, y) for y in ys), default=0.0)
            return got, total

        qg, qt = side(q, c)
        cg, ct = side(c, q)
        score = (qg + cg) / (qt + ct) if qt + ct else 0.0
        return score, {"query_coverage": round(qg / qt, 3) if qt else 0.0, "name_coverage": round(cg / ct, 3) if ct else 0.0}

    def _affiliate(self, query: str) -> list[Hit]:
        """The query names a sub-unit: screen its parent (the longest leading organisation name)."""
        for parent in _parents(query):
            # The parent must be the whole listed name, not a word it shares with one.
            hits = [h for h in self._screen_full(parent)
                    if h.score >= self.threshold and h.features.get("name_coverage", 0) >= 0.9]
            if hits:
                out = []
                for h in hits:
                    h.relation = "affiliate"
                    h.query = query
                    h.explanation = f"sub-unit of '{parent}': " + h.explanation.replace("relation self", "relation affiliate")
                    out.append(h)
                return out
        return []


def _forms(entry: ListEntry) -> list[str]:
    forms = [entry.name, *entry.aliases]
    for text in list(forms):
        stripped = re.sub(r"\s*\([^)]*\)", "", text).strip()
        if stripped and stripped != text:
            forms.append(stripped)
        for acronym in _ACRONYM.findall(text):
            forms.append(acronym)
    return list(dict.fromkeys(f for f in forms if f))


def _skeleton(token: str) -> str:
    """A consonant skeleton ("haerbin", "harbin" -> "#hrbn") that catches romanisation variants."""
    if len(token) < 5:
        return "#" + token
    return "#" + token[0] + re.sub(r"[aeiouy]", "", token[1:])


def _parents(query: str) -> list[str]:
    if is_chinese(query):
        folded = fold_zh(query)
        out = []
        for i in range(len(folded) - 2, 1, -1):
            head = folded[:i]
            if any(head.endswith(m) for m in SUBUNIT_MARKERS) or _known(head):
                out.append(head)
        return out
    words = query.replace(",", " ,").split()
    return [" ".join(words[:i]).rstrip(" ,") for i in range(len(words) - 1, 1, -1)]


def _known(head: str) -> bool:
    from .names import alias

    return alias(head) is not None


def _explain(query: str, tr: Translation, matched: str, entry: ListEntry, score: float, relation: str) -> str:
    via = {"alias": f"alias table ({tr.source})", "glossary": "glossary translation", "pinyin": "pinyin",
           "as-is": "name as written", "pinyin-glossary": "pinyin read through the glossary"}[tr.method]
    parts = [
        f"'{query}' -> '{tr.text}' via {via}",
        f"matches '{matched}' on {entry.list} ({entry.version or 'version n/a'}) with score {score:.2f}",
        f"relation {relation}",
    ]
    if entry.federal_register:
        parts.append(f"Federal Register: {entry.federal_register.replace(chr(10), '; ')}")
    if entry.license_requirement:
        parts.append(f"licence requirement: {entry.license_requirement}")
    return "; ".join(parts)


def hit_dict(hit: Hit) -> dict[str, Any]:
    return {
        "query": hit.query, "normalized": hit.normalized, "translations": hit.translations,
        "match": hit.entry.name, "matched_name": hit.matched_name, "list": hit.entry.list, "entry_id": hit.entry.id,
        "relation": hit.relation, "score": hit.score, "features": hit.features, "explanation": hit.explanation,
        "federal_register": hit.entry.federal_register, "license_requirement": hit.entry.license_requirement,
        "list_source": hit.entry.source, "list_version": hit.entry.version,
    }


Hit.as_dict = hit_dict  # type: ignore[attr-defined]
_ = (asdict, STOPWORDS)
