"""Who is owned 50 % or more by listed parties, directly, indirectly or in the aggregate.

The rule is read as BIS's Affiliates rule reads it, after OFAC's 50 percent rule: an entity is
covered when the listed parties and the entities already covered hold, together, at least the
rule's share of it; a covered entity's holdings count in full further down (shares are not
multiplied along a path). That is a least fixed point over the ownership graph, reached by
repeating the check until nothing changes, so cycles in the data end like any other graph.
A holding stated without a share (a GLEIF accounting consolidation) never makes an entity
covered; an entity consolidated by a listed or covered parent is reported as such, to check.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict, deque
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ..model import ListedHit, ListEntry, OwnershipLink, OwnershipStep
from ..screen.meaning import list_weight
from ..text.fold import fold_zh
from .rule import affiliates_rule

if TYPE_CHECKING:
    from ..screen.matcher import Screener

OWNERSHIP_LIST = "OWNERSHIP"  # the list code of the party matcher's entries (owned entities)


def node_key(name: str) -> str:
    """One entity whatever its script or spacing: folded (simplified, half-width), no spaces, lower case."""
    return "".join(fold_zh(name).split()).lower()


@dataclass(slots=True)
class Cover:
    """Why an entity is covered: the holdings of listed or covered parents and their sum."""

    share: float | None  # stated shares held together; None for a consolidation without a share
    holdings: list[tuple[str, float | None, OwnershipLink]] = field(default_factory=list)  # (parent key, share, link)
    consolidated: bool = False  # held by a listed or covered parent without a stated share only


@dataclass(slots=True)
class _Bound:
    listed: dict[str, ListEntry]  # node key -> the listed entry it is
    covered: dict[str, Cover]
    matcher: Screener | None


class OwnershipIndex:
    """The ownership graph of the loaded data, bound to the screening lists that say who is listed."""

    def __init__(self, links: list[OwnershipLink]):
        self.links = links
        self.names: dict[str, list[str]] = defaultdict(list)  # node key -> names, main first
        ids: dict[str, str] = {}
        # child key -> parent key -> (share, link): one holding per pair; two sources stating the
        # same holding must not count it twice (the larger stated share is kept).
        self.holders: dict[str, dict[str, tuple[float | None, OwnershipLink]]] = defaultdict(dict)
        for link in links:
            parent = self._key(link.parent, link.parent_id, link.parent_aliases, ids)
            child = self._key(link.child, link.child_id, link.child_aliases, ids)
            if parent == child:
                continue
            held = self.holders[child].get(parent)
            if held is None or (link.share or -1) > (held[0] or -1):
                self.holders[child][parent] = (link.share, link)
        self._bound: _Bound | None = None

    def _key(self, name: str, ident: str | None, aliases: list[str], ids: dict[str, str]) -> str:
        key = ids.get(ident) if ident else None
        key = key or node_key(name)
        if ident:
            ids.setdefault(ident, key)
        for n in (name, *aliases):
            if n and n not in self.names[key]:
                self.names[key].append(n)
        return key

    def fingerprint(self) -> str:
        digest = hashlib.sha256()
        for link in self.links:
            digest.update(repr((link.parent, link.child, link.share, link.kind)).encode())
        return digest.hexdigest()[:8]

    def bind(self, screener: Screener) -> None:
        """Find the listed owners (Entity List and MEU parties themselves) and everything they cover."""
        rule = affiliates_rule()
        owners = {p for held in self.holders.values() for p in held}
        listed: dict[str, ListEntry] = {}
        for key in owners:
            for name in self.names[key]:
                best = [h for h in screener.screen(name) if h.relation == "self" and h.entry.list in rule.lists]
                if best:
                    listed[key] = max(best, key=lambda h: (list_weight(h.entry.list), h.score)).entry
                    break
        covered = _cover(self.holders, listed, rule.share_min)
        matcher = None
        if covered:
            from ..screen.matcher import Screener

            entries = [ListEntry(id=key, list=OWNERSHIP_LIST, name=self.names[key][0], aliases=self.names[key][1:])
                       for key in sorted(covered)]
            matcher = Screener(entries, screener.threshold)
        self._bound = _Bound(listed, covered, matcher)

    @property
    def covered(self) -> dict[str, Cover]:
        return self._bound.covered if self._bound else {}

    def screen(self, name: str, on: date | None, role: str | None = None) -> list[ListedHit]:
        """The ``owned`` hit of a party name: the listed owners, the path and shares, and the rule's state on ``on``."""
        bound = self._bound
        if bound is None or bound.matcher is None:
            return []
        rule = affiliates_rule()
        for hit in bound.matcher.screen(name, limit=1):
            key = hit.entry.id
            cover = bound.covered.get(key)
            if cover is None or key in bound.listed:
                continue
            steps, roots = self._path(key, bound)
            root = max(roots, key=lambda k: (list_weight(bound.listed[k].list), _held(bound, k, key)))
            entry = bound.listed[root]
            state = rule.state(on)
            share = "share not stated (accounting consolidation)" if cover.share is None else f"{cover.share:g} %"
            chain = "; ".join(f"{s.owner} holds {'?' if s.share is None else f'{s.share:g} %'} of {s.owned}" for s in steps)
            owners = ", ".join(f"{bound.listed[r].name} ({bound.listed[r].list})" for r in sorted(roots))
            same = node_key(hit.matched_name) == node_key(name)
            found = (f"'{name}' is in the ownership data" if same else
                     f"'{name}' matches '{hit.matched_name}' of the ownership data with score {hit.score:.2f}")
            explanation = f"{found}; held {share} by listed parties {owners}: {chain}; {rule.describe(on)}"
            if cover.consolidated:
                explanation += "; check whether the listed parties hold 50 % or more"
            return [ListedHit(
                party=name, entry=entry.name, entry_id=entry.id, list=entry.list, relation="owned",
                score=hit.score, matched_name=hit.matched_name, role=role,  # type: ignore[arg-type]
                normalized=hit.normalized, translations=list(hit.translations), features=dict(hit.features),
                explanation=explanation, federal_register=entry.federal_register,
                license_requirement=entry.license_requirement, list_source=entry.source, list_version=entry.version,
                listed_on=entry.listed_on, ownership=steps, owned_share=cover.share, rule_state=state,
            )]
        return []

    def _path(self, key: str, bound: _Bound) -> tuple[list[OwnershipStep], set[str]]:
        """Every holding that makes ``key`` covered, from the listed owners down, and those owners."""
        steps: list[OwnershipStep] = []
        roots: set[str] = set()
        seen = {key}
        queue = deque([key])
        while queue:
            child = queue.popleft()
            cover = bound.covered.get(child)
            if cover is None:
                continue
            for parent, share, link in cover.holdings:
                steps.append(OwnershipStep(self.names[parent][0], self.names[child][0], share, link.source))
                if parent in bound.listed:
                    roots.add(parent)
                elif parent not in seen:
                    seen.add(parent)
                    queue.append(parent)
        steps.reverse()  # from the listed owners down to the party
        return steps, roots


def _held(bound: _Bound, root: str, key: str) -> float:
    cover = bound.covered.get(key)
    return sum(s or 0.0 for p, s, _l in (cover.holdings if cover else []) if p == root)


def _cover(holders: dict[str, dict[str, tuple[float | None, OwnershipLink]]], listed: dict[str, ListEntry],
           share_min: float) -> dict[str, Cover]:
    """The least fixed point: covered entities and the holdings that cover them (consolidations aside)."""
    covered: dict[str, Cover] = {}
    changed = True
    while changed:
        changed = False
        for child, held in holders.items():
            if child in listed or (child in covered and not covered[child].consolidated):
                continue
            counting = [(p, s, link) for p, (s, link) in held.items() if p in listed or (p in covered and not covered[p].consolidated)]
            stated = sum(s for _p, s, _l in counting if s is not None)
            if stated >= share_min:
                covered[child] = Cover(stated, counting)
                changed = True
    # The shares once nothing changes: a parent covered after its child still counts.
    for child, cover in covered.items():
        counting = [(p, s, link) for p, (s, link) in holders[child].items() if p in listed or p in covered]
        cover.holdings = [c for c in counting if c[1] is not None]
        cover.share = sum(s for _p, s, _l in cover.holdings if s is not None)
    for child, held in holders.items():
        if child in listed or child in covered:
            continue
        # Only a listed or shown-covered parent: a consolidation does not pass on through another one.
        unstated: list[tuple[str, float | None, OwnershipLink]] = [
            (p, s, link) for p, (s, link) in held.items()
            if s is None and (p in listed or (p in covered and not covered[p].consolidated))]
        if unstated:
            covered[child] = Cover(None, unstated, consolidated=True)
    return covered
