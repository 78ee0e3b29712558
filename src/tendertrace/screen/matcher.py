"""The screener: translations of a query, candidates bounded on the index, scored, then the relation
rules -- the same two-stage design as nomenklatura's blocking index + logic-v2 scorer, in process and
with cross-script translation in front.

The parts: ``index`` (the listed names as weighted terms, with postings), ``bound`` (which names a
query can reach, and how far), ``score`` (the weighted token agreement), ``relation`` (when a good
score is no hit, and when a hit is an affiliate), ``readings`` (the query's other forms) and
``factors`` (every number, with its reason).
"""

from __future__ import annotations

import hashlib
import heapq
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Any

from rigour.names import remove_person_prefixes

from ..model import Hit, ListEntry
from . import bound, divisions, persons, relation, tradename
from . import factors as f
from .abbrev import expand as expand_abbreviation
from .factors import DEFAULT_THRESHOLD
from .index import IndexedName, NameIndex
from .names import (
    CAMPUS_MARKERS,
    SELF_MARKERS,
    WORD_BY_WORD,
    Translation,
    content_tokens,
    core_zh,
    fold_zh,
    is_chinese,
    legal_form_only,
    self_marked,
    split_bracket,
    tokens_en,
    translate,
    warm_tables,
)
from .readings import Readings
from .score import Scored, same_words, score, vouch

__all__ = ["DEFAULT_THRESHOLD", "Candidate", "Screener"]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A listed name a query reached: its final score, what the score is made of, the translation
    that reached it, and the relation the rules gave it."""

    score: float
    scored: Scored
    translation: Translation
    name: IndexedName
    relation: str

    @property
    def rounded(self) -> float:
        return round(self.score, f.SCORE_DIGITS)


# The words of the special administrative regions' English names, which the division table's
# provinces and prefectures do not hold (GB/T 2260 codes them 810000, 820000).
_SPECIAL_REGION_WORDS = frozenset({"hongkong", "macau", "macao"})


class Screener:
    """Screen names against loaded list entries."""

    def __init__(self, entries: list[ListEntry], threshold: float = DEFAULT_THRESHOLD, sample: bool = False):
        self.entries = entries
        self._versions: list[dict[str, Any]] | None = None
        self.threshold = threshold
        self.sample = sample  # True when only the bundled sample list is loaded
        self.index = NameIndex.build(entries)
        self.readings = Readings(self.index)
        self._cache: dict[str, list[Hit]] = {}
        self._words_cache: dict[int, frozenset[str]] = {}  # an entry's words, by id(entry): bounded by the entries
        self._scored_cache: dict[tuple[str, str, str], tuple[list[str], list[tuple[float, Scored, IndexedName]]]] = {}
        # Ownership data bound to these lists (ownership.OwnershipIndex, set by screen.load_screener):
        # a party they own 50 % or more is reported as ``owned``.
        self.ownership: Any = None
        warm_tables()  # static tables load here, with the index, not on the first query
        divisions.warm()
        tradename.warm()
        persons.warm()
        remove_person_prefixes("Mr A")  # rigour compiles its table of titles on the first call (tens of ms)

    # -- public --------------------------------------------------------------------------

    def screen(self, query: str, limit: int = 3) -> list[Hit]:
        """Hits at or above the threshold, best first; a sub-unit of a listed entity comes back as affiliate."""
        query = query.strip()
        if not query.isascii():  # a lone surrogate cannot reach rigour's (Rust) name tables: it reads as U+FFFD
            query = query.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
        if not query or legal_form_only(query):
            return []  # a legal form alone names no one (an alias such as SDN's "PTE" is no match for "Pte Ltd")
        hits = self._cache.get(query)
        if hits is None:
            hits = [h for h in self._screen_query(query) if not relation.association_of(query, h.entry)]
            if len(self._cache) < f.QUERY_CACHE:
                self._cache[query] = hits
        return hits[:limit]

    def best(self, query: str) -> Hit | None:
        hits = self.screen(query, 1)
        return hits[0] if hits else None

    def versions(self) -> list[dict[str, Any]]:
        """Each loaded list with its source, version and entry count (counted once: every document's
        result records them, and walking 12,000 entries per document cost more than screening it)."""
        if self._versions is None:
            seen: dict[tuple[str, str, str], int] = defaultdict(int)
            for e in self.entries:
                seen[(e.list, e.source, e.version)] += 1
            self._versions = [{"list": k[0], "source": k[1], "version": k[2], "count": v} for k, v in sorted(seen.items())]
        return [dict(v) for v in self._versions]

    def fingerprint(self) -> str:
        digest = hashlib.sha256()
        for v in self.versions():
            digest.update(repr(sorted(v.items())).encode())
        if self.ownership is not None:
            digest.update(self.ownership.fingerprint().encode())
        return digest.hexdigest()[:8]

    # -- internals -----------------------------------------------------------------------

    def _screen_query(self, query: str) -> list[Hit]:
        """The name as written; failing that, the full name its short form stands for (宁夏电信 is
        中国电信股份有限公司宁夏分公司 by the rules of abbreviations_zh.yaml)."""
        hits = self._screen_written(query)
        if hits or not is_chinese(query):
            return hits
        full = expand_abbreviation(fold_zh(query))
        if full is None or full == fold_zh(query):
            return hits
        return [replace(h, query=query, explanation=f"'{query}' is the short form of '{full}'; {h.explanation}")
                for h in self.screen(full, limit=f.RANKED)]

    def _screen_written(self, query: str) -> list[Hit]:
        """The relation rules on a whole name, then the name itself and, failing that, its parents."""
        marked = self_marked(query)
        if marked:
            # 北京大学（本级）, 清华大学（采购中心）: the organisation itself, with whatever relation it has.
            core, marker = marked
            return [replace(h, query=query, explanation=f"'{query}' is '{core}' itself (marker {marker}); {h.explanation}")
                    for h in self.screen(core, limit=f.RANKED)]
        bracket = split_bracket(query)
        hits = self._screen_once(query)
        if not (hits and hits[0].relation == "self"):
            # A unit written after its group counts only where the name found nothing else: a
            # name that reaches its listed parent (国防科技大学|信息系统工程重点实验室) stays its affiliate.
            restated = (self._two_scripts(query) or self._place_sibling(query, hits) or self._city_and_short_name(query, hits) or self._restated(query)
                        or self._name_and_place(query) or self._placed(query)
                        or self._place_first(query)
                        or self._unit_of_parent(query)
                        or ([] if hits else self._under_group(query) or self._local_organ(query)
                            or self._trade_sibling(query) or self._short_name(query)))
            if restated:
                return restated
        if bracket:
            # 哈尔滨工业大学（威海）: a campus or branch -- unless the listed name has the same bracket
            # (a listed "Inspur (HK)" is that company, not a branch of Inspur) or the bracket is
            # the listed unit's own number (（707所） of the 707th Research Institute).
            head, word = bracket
            if hits and hits[0].relation == "self" and (relation.has_bracketed(hits[0].matched_name, word)
                                                        or relation.own_designation(word, hits[0].matched_name)):
                return hits
            parent = [h for h in self._screen_full(head, subunit=query)
                      if h.score >= self.threshold and h.name_coverage >= f.PARENT_COVER]
            seat = self._bracketed_seat(word)
            if parent and seat and relation.place_listed(seat, parent[0].entry):
                # 嘉兆科技有限公司（中国香港）of a listing with a Hong Kong address: the region the entry is
                # listed at names the entity itself, not a branch of it
                return [replace(h, relation="self", explanation=f"'{word}' is where the entry is listed; {h.explanation}")
                        for h in parent if relation.place_listed(seat, h.entry)]
            if parent:
                return parent
        return hits

    @staticmethod
    def _bracketed_seat(word: str) -> list[str]:
        """The English words of a bracketed special administrative region (（中国香港）, （香港）, （澳门）
        -> hongkong, macau), the country word dropped; [] for any other bracket: a city in brackets
        (（威海）, （深圳）) is a campus or a branch."""
        for tr in translate(word):
            words = [w for w in content_tokens(tr.text) if w != "china"]
            if words and all(w in _SPECIAL_REGION_WORDS for w in words):
                return words
        return []

    def _city_and_short_name(self, query: str, hits: list[Hit]) -> list[Hit]:
        """A listed group's short name after a city (武汉北方华创, 上海北方华创) is the group's listed company of
        that city, when the best hit is one: an entry other than the group whose name holds the city's
        reading (Wuhan Naura Microelectronics Equipment), which the name reached only as an affiliate
        because the short name read as the group's full name."""
        if not hits or hits[0].relation != "affiliate" or not is_chinese(query):
            return []
        place = tradename.leading_place(fold_zh(query))
        if place is None:
            return []
        reading, rest = place
        group = [h for h in self._screen_once(rest) if h.relation == "self"]
        top = hits[0]
        if (not group or any(g.entry is top.entry for g in group)
                or reading not in {_stem(t) for t in tokens_en(top.entry.name)}):
            return []
        return [replace(top, relation="self", explanation=f"'{rest}' after the city '{query[: len(query) - len(rest)]}' is "
                        f"the group's company of that city; {top.explanation}")]

    def _place_sibling(self, query: str, hits: list[Hit]) -> list[Hit]:
        """A listed company's trade name with another city (摩尔线程成都公司, "Moore Threads (Chengdu)",
        中芯天津) is the listed company of that city, where the list has one whose name is the found
        entry's with only the place changed ("Moore Thread Intelligent Technology (Chengdu) Co.,
        Ltd." beside its Beijing one) and keeps a rare word of it (not "Beijing Institute of
        Technology" for a Beijing unit of a technology institute): that company itself, or its affiliate when the query adds
        words neither name has (摩尔线程成都研发中心, a centre of the Chengdu company). A whole company's
        name with a unit after it (X有限公司天津分公司) is a unit of that company, seated in the city."""
        if not hits or relation.unit_of_whole_company(query):
            return []
        top = hits[0]
        own = self._entity_words(top.entry)
        rare = self.index.rare_idf
        for text in dict.fromkeys([*top.translations, *(t.text for t in translate(query))]):
            words = {_stem(t) for t in content_tokens(text)}
            places = [w for w in words if w in divisions.place_readings() and w not in own]
            if len(places) != 1:
                continue
            place = places[0]
            siblings = {n.entry for n in (self.index.names[int(i)] for i in self.index.postings.get(place, ()))
                        if self.entries[n.entry] is not top.entry
                        and place in (stems := {_stem(t) for t in n.tokens}) and stems - {place} <= own
                        and any(self.index.idf.get(t, 0.0) >= rare for t in stems - {place})}
            if len(siblings) != 1:
                continue
            sibling = self.entries[siblings.pop()]
            extra = words - {place} - own - self._entity_words(sibling)
            rel = "affiliate" if extra else "self"
            return [replace(top, entry=sibling, matched_name=sibling.name, relation=rel,  # type: ignore[arg-type]
                            query=query, explanation=f"'{query}' is a company of '{top.matched_name}''s name in {place.capitalize()}, "
                                        f"listed as '{sibling.name}'"
                                        + (f" (the query adds {', '.join(sorted(extra))}: a unit of it)" if extra else "")
                                        + f"; {top.explanation}")]
        return []

    def _two_scripts(self, query: str) -> list[Hit]:
        """A name written in both scripts (LINKZOL联众集群, SOPHGO武汉算能, 中芯国际SMIC): the Chinese part
        names the entry, and every Latin word of it is a word of the entry's listed names -- the
        brand restated, not a further unit."""
        latin = _LATIN_WORD.findall(query)
        chinese = _CJK_RUN.sub("", _LATIN_RUN.sub("", query)) if latin else ""
        if not latin or len(chinese) < 2 or chinese == query:
            return []
        found = [h for h in self.screen(chinese, limit=f.RANKED) if h.score >= self.threshold and h.relation == "self"]
        if not found:
            return []
        top = found[0]
        words = self._entity_words(top.entry)
        if not all(_stem(t) in words for w in latin for t in content_tokens(w)):
            return []
        return [replace(top, query=query, explanation=f"'{query}' writes its name in both scripts, "
                                                        f"'{' '.join(latin)}' a word of the entry's own names; {top.explanation}")]

    def _entity_words(self, entry: ListEntry) -> frozenset[str]:
        """The words of all of an entry's listed names (each stemmed, ``_stem``); kept per entry."""
        kept = self._words_cache.get(id(entry))
        if kept is None:
            kept = frozenset(_stem(t) for name in (entry.name, *entry.aliases) for t in content_tokens(name))
            self._words_cache[id(entry)] = kept
        return kept

    def _restated(self, query: str) -> list[Hit]:
        """A name with a bracketed part that restates the entity (an initialism, a designation, the
        entity's own place, another of its names) is the entity itself: 中国运载火箭技术研究院（航天一院）,
        "China North Industries Group Corp. (NORINCO)", "Institute of Optics (Shanghai), CAS"."""
        bracket = split_bracket(query)
        if bracket:
            head, word = bracket
            if fold_zh(word) in SELF_MARKERS or fold_zh(word).endswith(CAMPUS_MARKERS):
                return []
            forms = [head]
        else:
            latin = relation.latin_bracket(query)
            if latin is None:
                return []
            word, forms = latin[1], [latin[0], latin[2]]
        for form in forms:
            found = self._screen_once(form)
            if not found or found[0].relation != "self":
                continue
            top = found[0]
            same = bool(bracket) and any(h.entry is top.entry and h.relation == "self" for h in self._screen_once(word))
            if same or relation.restates(word, top.entry, top.matched_name) or (bracket and relation.second_name(form, word)):
                return [replace(h, query=query, explanation=f"'{query}' is '{form}' itself (bracket '{word}' restates it); "
                                f"{h.explanation}") for h in found if h.relation == "self"]
        return []

    def _name_and_place(self, query: str) -> list[Hit]:
        """A listed company written with a place after its legal form ("Skyverse Ltd., Hong Kong",
        "X Technology Co., Ltd. (Chengdu)"), or a numbered unit with its city ("CETC 10th
        Institute, Chengdu"), is that entity itself where one of its listed addresses (or its
        country) names the place; of several entities of the name, those."""
        return self._at_listed_place(query, relation.name_and_place(query), "with")

    def _place_first(self, query: str) -> list[Hit]:
        """A listed company written with its registration place before its listed English name
        ("Shenzhen Intellifusion Technologies Co., Ltd." for the listed "Intellifusion") is that
        company itself where one of its listed addresses names the place."""
        return self._at_listed_place(query, relation.place_first(query), "after")

    def _at_listed_place(self, query: str, split: tuple[str, list[str]] | None, where: str) -> list[Hit]:
        """The self hits of a name written with a place (``split``: the name and the place's words)
        that one of the entry's listed addresses names."""
        if split is None:
            return []
        head, place = split
        found = [h for h in self._screen_once(head) if h.relation == "self" and relation.place_listed(place, h.entry)]
        return [replace(h, query=query, explanation=f"'{query}' is '{head}' written {where} its listed place; "
                        f"{h.explanation}") for h in found]

    def _placed(self, query: str) -> list[Hit]:
        """A listed company written without its registration place, or with its place written
        another way (道通智能航空技术股份有限公司 for the listed 深圳市道通智能航空技术股份有限公司), is
        that company itself -- where one listed company of the name is known
        (``tradename.listed_with_place``)."""
        listed = tradename.listed_with_place(query) if is_chinese(query) else None
        if listed is None:
            return []
        found = [h for h in self._screen_once(listed) if h.relation == "self"]
        return [replace(h, query=query, explanation=f"'{query}' is '{listed}' written without its place or with it "
                        f"written another way; {h.explanation}") for h in found]

    def _unit_of_parent(self, query: str) -> list[Hit]:
        """A listed unit written with its parent after a comma is that unit itself: "NIAOT, Chinese
        Academy of Sciences", "Nanjing Institute of Astronomical Optics & Technology, National
        Astronomical Observatories, CAS". The part after the comma must name an organisation (or
        be an initialism), and where the listed name writes a parent of its own, be that parent."""
        head, sep, tail = query.rpartition(",")
        head, tail = head.strip(), tail.strip()
        if not sep or not head or not relation.names_parent(tail):
            return []
        found = [h for h in self.screen(head, limit=f.RANKED)
                 if h.relation == "self" and relation.parent_fits(head, tail, h.entry, h.matched_name)]
        return [replace(h, query=query, explanation=f"'{query}' is '{head}' written with its parent '{tail}'; "
                        f"{h.explanation}") for h in found]

    def _under_group(self, query: str) -> list[Hit]:
        """A listed unit written after its group's name is that unit itself: 中国商飞|上海飞机设计研究院,
        "COMAC | Shanghai Aircraft Design & Research Institute". The group must be a name the
        alias table knows (Chinese) or an initialism of a listed name (Latin), and the rest must be
        the whole of a listed name, both ways."""
        for group, rest in relation.group_prefixes(query):
            found = [h for h in self._screen_once(rest) if h.relation == "self"
                     and h.query_coverage >= f.FULL_COVER and h.name_coverage >= f.FULL_COVER
                     and relation.group_fits(group, h.entry, h.matched_name)]
            if found:
                return [replace(h, query=query, explanation=f"'{query}' is '{rest}' written under its group "
                                f"'{group}'; {h.explanation}") for h in found]
        return []

    def _local_organ(self, query: str) -> list[Hit]:
        """A local organ under a listed organ of the same kind one or two divisions up: 乌恰县公安局 is
        part of the listed 克孜勒苏柯尔克孜自治州公安局 (GB/T 2260 and knowledge/organs_zh.yaml); and a
        designation that names the same body (第八师石河子市公安局) is read without it."""
        same = divisions.without_designation(query)
        if same:
            found = [h for h in self._screen_once(same) if h.relation == "self"]
            if found:
                return [replace(h, query=query, explanation=f"'{query}' is '{same}' (its designation names the same body); "
                                f"{h.explanation}") for h in found]
        for form in divisions.organ_parents(same or divisions.english_organ(query) or query):
            found = [h for h in self._screen_once(form) if h.relation == "self"
                     and h.query_coverage >= f.FULL_COVER and h.name_coverage >= f.FULL_COVER]
            if found:
                return [replace(h, query=query, relation="affiliate",
                                explanation=f"'{query}' is a local organ under '{form}' (GB/T 2260 divisions); {h.explanation}")
                        for h in found]
        return []

    def _trade_sibling(self, query: str) -> list[Hit]:
        """A company registered at a listed company's place under its trade name (苏州科达|系统集成 beside
        the listed 苏州科达|科技): a member of its group, reported as an affiliate at ``TRADE_NAME_SCORE``."""
        listed = tradename.sibling_of(query)
        if listed is None:
            return []
        found = [h for h in self._screen_once(listed) if h.relation == "self"]
        return [replace(h, query=query, relation="affiliate", score=min(h.score, f.TRADE_NAME_SCORE),
                        explanation=f"'{query}' shares its place and trade name with '{listed}' "
                                    f"(a group member, to confirm); {h.explanation}") for h in found]

    def _short_name(self, query: str) -> list[Hit]:
        """A listed company's trade name written alone (深网视界), or with the first words of its line
        of business (擎科生物), its short name: that company, at ``SHORT_NAME_SCORE``
        (``tradename.listed_short_name``, ``tradename.listed_short_form``)."""
        listed = (tradename.listed_short_name(query) or tradename.listed_short_form(query)) if is_chinese(query) else None
        if listed is None:
            return []
        found = [h for h in self._screen_once(listed) if h.relation == "self"]
        return [replace(h, query=query, score=min(h.score, f.SHORT_NAME_SCORE),
                        explanation=f"'{query}' is the short name of '{listed}' (its trade name alone, or with the "
                                    f"first words of its line of business); "
                                    f"{h.explanation}") for h in found]

    def _screen_once(self, query: str) -> list[Hit]:
        hits = self._screen_full(query)
        if not hits or hits[0].score < self.threshold:
            hits = self._affiliate(query) or hits
        elif is_chinese(query) and hits[0].relation == "self" and hits[0].score < 1.0 - f.ROUNDING:
            # 中国科学院国家授时中心授时部: the whole name reaches the listed centre only in part, and a
            # leading part of it reaches that same entry better -- the rest names a unit of it.
            parent = self._affiliate(query)
            # (When the whole name reaches another of the entry's listed names, the list names that
            # unit itself: 天津大学滨海工业研究院 is an alias of Tianjin University's entry.)
            if (parent and parent[0].entry is hits[0].entry and parent[0].score > hits[0].score
                    and parent[0].matched_name == hits[0].matched_name):
                hits = parent
        return [h for h in hits if h.score >= self.threshold]

    def _scored(self, tr: Translation) -> tuple[list[str], list[tuple[float, Scored, IndexedName]]]:
        """The query tokens of one translation and every listed name whose bound lets it reach the
        threshold, scored (times the name's form weight, and the reading factor for a reading).
        Kept per translation: a name's parents, brackets and restatements are screened again as
        parts of other names. Callers read the lists and never change them."""
        key = (tr.text, tr.method, tr.relation)  # all of a translation that scoring reads
        kept = self._scored_cache.get(key)
        if kept is None:
            kept = self._score_translation(tr)
            if len(self._scored_cache) < f.SCORED_CACHE:
                self._scored_cache[key] = kept
        return kept

    def _score_translation(self, tr: Translation) -> tuple[list[str], list[tuple[float, Scored, IndexedName]]]:
        q_tokens = content_tokens(tr.text)
        if not q_tokens:
            return q_tokens, []
        index = self.index
        q_terms = index.terms(q_tokens)
        floor = self.threshold - f.ALIAS_MARGIN
        # Only a score that can end at or above the threshold matters: an alias-table translation
        # is raised to it from ``floor``, a plain-pinyin one is lowered by the reading factor.
        vouched = tr.method in f.VOUCHING and tr.relation == "self"
        is_reading = tr.method in f.READINGS
        need = floor if vouched else self.threshold / (f.READING_FACTOR if is_reading else 1.0)
        found = bound.candidates(index, q_terms)
        numbers = bound.survivors(index, q_terms, found, floor, need).tolist()
        # A person's name may be a short form of a listed one (or the listed one of it), which the
        # bounds, made for whole names, do not see: those candidates are looked at word by word.
        person = (len(found) > 0 and tr.method in f.LATIN_FORMS and len(q_tokens) >= f.SHORT_FORM_MIN_WORDS
                  and relation.person_like(tokens_en(tr.text), written=True))  # no candidate: no short form
        short = {n for n in found.names.tolist() if _short_form_lengths(len(q_tokens), len(index.names[n].tokens))
                 and relation.short_form(q_tokens, index.names[n].tokens)} if person else set()
        # ... or the listed name spelled another way, word by word (Wladimir / Vladimir Putin).
        alike = {n for n in found.names.tolist() if len(index.names[n].tokens) == len(q_tokens)
                 and relation.spelled_alike(q_tokens, index.names[n].tokens)
                 and relation.person_written(index.names[n].text)} if person and relation.person_written(tr.text) else set()
        numbers += sorted((short | alike).difference(numbers))
        out: list[tuple[float, Scored, IndexedName]] = []
        for n in numbers:
            name = index.names[n]
            scored = score(q_terms, name.terms)
            value = scored.score * name.weight
            if is_reading:
                value *= f.READING_FACTOR  # a name's sound is the weakest bridge
            if n in short:
                value = max(value, f.SHORT_FORM_SCORE * name.weight)
            if n in alike:
                value = max(value, f.SPELLED_ALIKE_SCORE * name.weight)
            out.append((value, scored, name))
        if vouched and out:
            raised = vouch([v for v, _, _ in out], self.threshold)
            out = [(v, s, name) for v, (_, s, name) in zip(raised, out, strict=True)]
        return q_tokens, out

    def _screen_full(self, query: str, subunit: str | None = None) -> list[Hit]:
        """Hits for ``query`` at or above the threshold; with ``subunit``, the query is the parent of
        that name and every hit an affiliate."""
        translations = translate(query)
        # A Chinese name read word by word, and its pinyin runs cut into listed words: tried only where
        # the other readings match no entry whole (they cost a scoring each, and most names need neither).
        fallback = tuple(t for t in translations if t.source == WORD_BY_WORD)
        translations = tuple(t for t in translations if t.source != WORD_BY_WORD)
        if subunit is None:  # a parent cut from a name is an organisation as written, not a person's name
            translations += self.readings.expansions(query) + self.readings.person_readings(query)
        else:  # ... whose initialisms may still be spelled out ("Second Institute of Oceanography, MNR")
            translations += tuple(t for t in self.readings.expansions(query) if t.method == "acronym")
        best: dict[int, Candidate] = {}
        self._consider_all(query, subunit, translations, best)
        extra: tuple[Translation, ...] = ()
        if not any(c.score >= f.PERFECT for c in best.values()):
            # every reading tried and none matches an entry whole: then the fallbacks (a known short
            # name inside a longer one, 航空工业 in 沈阳西子航空工业有限公司, read as its entry's English
            # name reaches an entry only in part, where the name read word by word may match it whole)
            extra = fallback + (tuple(t for t in map(self.readings.syllabled, (*translations, *fallback)) if t is not None)
                                if is_chinese(query) else ())
            self._consider_all(query, subunit, extra, best)
        if self.index.zh_names and is_chinese(query):  # after the translations, which stop at their first perfect match
            for n in self.index.zh_names.get(core_zh(fold_zh(query)), ()):
                name = self.index.names[n]
                if name.weight > (best[name.entry].score if name.entry in best else 0.0):
                    best[name.entry] = Candidate(name.weight, Scored(name.weight, 1.0, 1.0),
                                                 Translation(name.text, "listed-zh"), name,
                                                 "affiliate" if subunit else "self")
        return self._ranked(query, subunit, translations + extra, best)

    def _consider_all(self, query: str, subunit: str | None, translations: tuple[Translation, ...],
                      best: dict[int, Candidate]) -> None:
        """Score ``translations`` in order into ``best`` (entry -> its best candidate), stopping at a
        perfect match: the translations after it, less trustworthy, cannot beat it."""
        # A name scoring below this is no hit, nor does it keep another translation's hit out of
        # ``best``: a later one replaces it only by scoring more.
        reaching = self.threshold - f.ROUNDING
        for tr in translations:
            if best and max(c.score for c in best.values()) >= f.PERFECT:
                break
            q_tokens, scored = self._scored(tr)
            reads_chinese = is_chinese(query) or tr.method in ("pinyin-alias", "pinyin-glossary")
            for value, parts, name in scored:
                if value < reaching:
                    continue
                prev = best.get(name.entry)
                if prev is not None and value <= prev.score and not (
                        value == prev.score and prev.translation is tr and same_words(name.text, tr.text)
                        and not same_words(prev.name.text, tr.text)):
                    continue  # on a tie the more trustworthy translation, tried first, stays -- and
                    # of one translation's names, the one written as it is ("Mfg" is not as written)
                if relation.refusal(self.index, query, tr, reads_chinese, q_tokens, name, parts) is not None:
                    continue
                rel = "affiliate" if subunit else tr.relation
                if rel == "self" and relation.subunit_of(query, tr, q_tokens, name, parts):
                    rel = "affiliate"  # the listed name plus a sub-unit: 天山区分局, (Shenzhen)
                best[name.entry] = Candidate(value, parts, tr, name, rel)

    def _ranked(self, query: str, subunit: str | None, translations: tuple[Translation, ...],
                best: dict[int, Candidate]) -> list[Hit]:
        """The best candidates at or above the threshold as hits. Only the five best scores (and
        whatever ties them) can be ranked: the tie-breaks are computed for those alone. Ties: the
        entity itself before an entity it is part of (a listed academy before the listed group it
        belongs to), the name written exactly as the query's translation, a group's name for a
        query that says group (and a company's for one that does not), then the Entity List, then
        the shorter name."""
        rounded = {i: r for i, c in best.items() if (r := c.rounded) >= self.threshold}
        if not rounded:
            return []
        normalized = fold_zh(query) if is_chinese(query) else " ".join(tokens_en(query))
        top = heapq.nlargest(f.RANKED, rounded.values())
        contenders = [(i, c, same_words(c.name.text, c.translation.text), rounded[i])
                      for i, c in best.items() if rounded.get(i, -1.0) >= top[-1]]
        # Only a tie needs the group word: with one contender the query is not read for it.
        group = relation.says_group(query) if len(contenders) > 1 else False
        ranked = sorted(contenders, key=lambda icer: (-icer[3], icer[1].relation != "self", not icer[2],
                                                      len(contenders) > 1 and relation.says_group(icer[1].name.text) != group,
                                                      self.entries[icer[0]].list != "EL",
                                                      len(self.entries[icer[0]].name)))[:f.RANKED]
        hits = []
        for entry_index, c, exact, _rounded in ranked:
            entry = self.entries[entry_index]
            explanation = _explain(query, c.translation, c.name.text, entry, c.score, c.relation)
            features: dict[str, Any] = {**c.scored.features(), "exact": exact, "method": c.translation.method}
            hits.append(Hit(
                query=subunit or query, normalized=normalized, translations=[t.text for t in translations],
                entry=entry, matched_name=c.name.text, relation=c.relation,  # type: ignore[arg-type]
                score=c.rounded, features=features,
                explanation=f"sub-unit of '{query}': {explanation}" if subunit else explanation,
            ))
        return hits

    def _affiliate(self, query: str) -> list[Hit]:
        """The query names a sub-unit: screen its parent (the longest leading organisation name)."""
        for parent in relation.parents(query):
            one_word = " " not in parent and not is_chinese(parent)
            if one_word and len(self.index.postings.get(parent.lower(), ())) > f.COMMON_PARENT_POSTINGS:
                continue  # a one-word parent must be a rare name ("Inspur"), not a common word ("Global")
            # The parent must be the whole listed name, not a word it shares with one; and a one-word
            # parent ("Devon" of Devon County Council) never stands for a one-word listing (a vessel "DEVON").
            hits = [h for h in self._screen_full(parent, subunit=query)
                    if h.score >= self.threshold and h.name_coverage >= f.PARENT_COVER
                    and not (one_word and len(h.matched_name.split()) < 2)]
            if hits:
                return self._person_in_full(query, hits)
        return []

    def _person_in_full(self, query: str, hits: list[Hit]) -> list[Hit]:
        """A person's name is no organisation with units: a listed person's name followed by more
        names (FAZL RABI | ABDUL HAMID, a father's or family name the list leaves out) is that
        person -- a hit of the short-form score -- when both are names of people and at most
        ``SHORT_FORM_MAX_LEFT_OUT`` words are added."""
        words = content_tokens(query)
        if not relation.person_written(query):
            return hits
        out = []
        for h in hits:
            listed = content_tokens(h.matched_name)
            if (len(listed) >= f.SHORT_FORM_MIN_WORDS and 0 < len(words) - len(listed) <= f.SHORT_FORM_MAX_LEFT_OUT
                    and relation.person_written(h.matched_name)):
                h = replace(h, relation="self", score=min(h.score, f.SHORT_FORM_SCORE),
                            explanation=f"'{query}' is a person's name written with more of its names; {h.explanation}")
            out.append(h)
        return out


MIN_STEMMED_LETTERS = 5  # "Threads" / "Thread": a final s of a longer word is dropped; "Ltds", "Labs" too short to matter


# The Latin words of a name written in both scripts, the runs they stand in, and what is not Chinese.
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9&\-]{2,}")
_LATIN_RUN = re.compile(r"[A-Za-z0-9&\-\s]+")
_CJK_RUN = re.compile(r"[^\u3400-\u9fff（）()]")


def _stem(word: str) -> str:
    """A word without a plural's final s, for telling whether two names are one name with another place."""
    return word[:-1] if len(word) >= MIN_STEMMED_LETTERS and word.endswith("s") and not word.endswith("ss") else word


def _short_form_lengths(query_words: int, name_words: int) -> bool:
    """Word counts one name can have as a short form of the other (``relation.short_form``'s first
    test, asked before the call for each of up to ``CANDIDATE_CAP`` candidates): the shorter has at
    least ``SHORT_FORM_MIN_WORDS``, and the longer at most ``SHORT_FORM_MAX_LEFT_OUT`` more."""
    return (min(query_words, name_words) >= f.SHORT_FORM_MIN_WORDS
            and 0 < abs(query_words - name_words) <= f.SHORT_FORM_MAX_LEFT_OUT)


def _explain(query: str, tr: Translation, matched: str, entry: ListEntry, score: float, relation: str) -> str:
    via = {"alias": f"alias table ({tr.source})", "glossary": "glossary translation", "pinyin": "pinyin",
           "as-is": "name as written", "listed-zh": "the Chinese name the list itself gives",
           "acronym": "initialisms spelled out as the lists spell them",
           "pinyin-name": "pinyin read as a person's surname and given name",
           "untitled": "the name without a person's title", "rejoined": "words joined or split as the lists write them",
           "korean": "the Korean reading of the name", "name-symbols": "the listed spellings of the same names", "pinyin-glossary": "pinyin read through the glossary",
           "pinyin-alias": f"the pinyin of an alias-table name ({tr.source})"}[tr.method]
    parts = [
        f"'{query}' -> '{tr.text}' via {via}",
        f"matches '{matched}' on {entry.list} ({entry.version or 'version n/a'}) with score {score:.2f}",
        f"relation {relation}",
    ]
    if entry.federal_register:
        parts.append(f"Federal Register: {entry.federal_register.replace(chr(10), '; ')}")
    if entry.license_requirement:
        parts.append(f"licence requirement: {entry.license_requirement}")
    if entry.programs:
        parts.append(f"OFAC programs: {', '.join(entry.programs)}")
    return "; ".join(parts)
