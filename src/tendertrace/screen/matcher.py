"""An in-memory screening index: token blocking, then an explainable weighted token score.

Score = symmetric IDF-weighted token agreement between the query's English form and a listed name
(tokens agree exactly or by rapidfuzz ratio >= 0.85 for tokens of 4+ letters), so rare words such as
"Hikvision" decide and "University" barely counts -- the same two-stage design as nomenklatura's
blocking index + logic-v2 scorer, in process and with cross-script translation in front.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

import numpy as np
from rapidfuzz import fuzz
from rigour.names import remove_person_prefixes

from ..model import Hit, ListEntry
from .names import (
    CHINESE_SCRIPT_COUNTRIES,
    KOREAN_COUNTRIES,
    NAME_CONTINUATIONS,
    ORG_WORDS,
    PATRONYMIC_ENDINGS,
    STOPWORDS,
    SUBUNIT_MARKERS,
    SUBUNIT_WORDS,
    Translation,
    content_tokens,
    core_zh,
    fold_zh,
    glossary_words,
    is_chinese,
    reading,
    self_marked,
    split_bracket,
    tokens_en,
    translate,
    warm_tables,
)
from .persons import chinese_reading, korean_readings

DEFAULT_THRESHOLD = 0.82
IDF_FLOOR = 1.0  # added to every token's IDF (measured on screening_dev: 0.5-2 are equally good, 0 is worse)
BOUND_SLACK = 0.05
COMMON_POSTINGS = 300  # a word on more names than this does not block
ALIAS_MARGIN = 0.1  # an alias-table translation within this of the threshold is raised to it
LEAD_MISMATCH = 0.9  # factor when the query's first word -- usually its place name -- is not in the listed name
ROUNDING = 0.0005 + 1e-9  # hits carry scores rounded to three places: 0.8196 counts as 0.82
FULL_COVER = 0.95  # a side whose weight is this much matched names all of the other side's words
RARE_IDF = 5.0  # IDF log(1 + 54) + IDF_FLOOR: a word on at most one name in 54 distinguishes a name
_NO_NAMES = np.zeros(0, dtype=np.int32)
_NO_WEIGHTS = np.zeros(0)
_NO_VOWELS = str.maketrans("", "", "aeiouy")
_ACRONYM = re.compile(r"\(([A-Z][A-Z0-9\- ]{1,12})\)")


@dataclass(frozen=True, slots=True)
class _Terms:
    """A token list as the scorer reads it, worked out once: for a listed name when the index is
    built, for a query translation before its candidates are scored."""

    tokens: tuple[str, ...]
    pairs: tuple[tuple[str, float], ...]  # each token with its IDF weight
    total: float  # the sum of the weights
    long: dict[str, tuple[str, ...]]  # tokens that can have fuzzy variants (4+ letters), by initial
    prefixes: frozenset[str]  # tokens cut to four letters
    weights: dict[str, float]  # each distinct token with its weight times its count


@dataclass(frozen=True, slots=True)
class _Name:
    entry: int  # index into entries
    text: str
    terms: _Terms
    weight: float = 1.0  # < 1 for derived forms (parenthesis dropped, initialism)

    @property
    def tokens(self) -> tuple[str, ...]:
        return self.terms.tokens


class Screener:
    """Screen names against loaded list entries."""

    def __init__(self, entries: list[ListEntry], threshold: float = DEFAULT_THRESHOLD, sample: bool = False):
        self.entries = entries
        self._versions: list[dict[str, Any]] | None = None
        self.threshold = threshold
        self.sample = sample  # True when only the bundled sample list is loaded
        short = _short_initialisms(entries)
        forms = [(i, text, tuple(content_tokens(text)), weight)
                 for i, entry in enumerate(entries) for text, weight in [*_forms(entry), *short.get(i, [])]]
        self._acronyms = _learn_acronyms(entries)
        forms = [f for f in forms if f[2]]
        df: dict[str, int] = defaultdict(int)
        index: dict[str, list[int]] = defaultdict(list)  # word or skeleton -> names, ascending
        for n, (_i, _text, toks, _weight) in enumerate(forms):
            for tok in set(toks):
                df[tok] += 1
                index[tok].append(n)
                index[_skeleton(tok)].append(n)
        total = max(len(forms), 1)
        # Smoothed IDF: rare words decide, but generic words ("university") still count for something.
        self.idf = {tok: math.log(1 + total / count) + IDF_FLOOR for tok, count in df.items()}
        self.default_idf = math.log(1 + total) + IDF_FLOOR
        # On a short list every word is on a good share of the names: a word on one name is distinguishing.
        self.rare_idf = min(RARE_IDF, self.default_idf - 1e-9)
        self.names = [_Name(i, text, self._terms(toks), weight) for i, text, toks, weight in forms]
        # Names are appended in ascending order, so a word's postings are sorted once repeats go.
        self._postings = {key: np.fromiter(dict.fromkeys(names), dtype=np.int32) for key, names in index.items()}
        self._totals = np.array([name.terms.total for name in self.names])
        self._weights = np.array([name.weight for name in self.names])
        # Each name's weight in words of four letters or more, by initial, and in shorter words:
        # what it can bring to a match, for ``_reach_bound``.
        initials = sorted({initial for name in self.names for initial in name.terms.long})
        self._initial_column = {c: i for i, c in enumerate(initials)}
        self._long_weight = np.zeros((len(self.names), len(initials)), dtype=np.float32)
        self._short_weight = np.zeros(len(self.names))
        for n, name in enumerate(self.names):
            for tok, w in name.terms.weights.items():
                if len(tok) >= 4:
                    self._long_weight[n, self._initial_column[tok[0]]] += w
                else:
                    self._short_weight[n] += w
        # Names the lists themselves write in Chinese (OFAC's and the CSL's Chinese aliases), folded.
        self._zh_names: dict[str, list[int]] = defaultdict(list)
        for n, name in enumerate(self.names):
            if is_chinese(name.text):
                self._zh_names[core_zh(fold_zh(name.text))].append(n)
        self._symbols: dict[str, list[str]] | None = None
        self._cache: dict[str, list[Hit]] = {}
        warm_tables()  # static tables load here, with the index, not on the first query

    # -- public --------------------------------------------------------------------------

    def screen(self, query: str, limit: int = 3) -> list[Hit]:
        """Hits at or above the threshold, best first; a sub-unit of a listed entity comes back as affiliate."""
        query = query.strip()
        if not query:
            return []
        if not query.isascii():  # a lone surrogate cannot reach rigour's (Rust) name tables: it reads as U+FFFD
            query = query.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
        hits = self._cache.get(query)
        if hits is None:
            hits = self._screen_query(query)
            if len(self._cache) < 100_000:
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
        return digest.hexdigest()[:8]

    # -- internals -----------------------------------------------------------------------

    def _screen_query(self, query: str) -> list[Hit]:
        """The relation rules on a whole name, then the name itself and, failing that, its parents."""
        marked = self_marked(query)
        if marked:
            # 北京大学（本级）, 清华大学（采购中心）: the organisation itself, with whatever relation it has.
            core, marker = marked
            return [replace(h, query=query, explanation=f"'{query}' is '{core}' itself (marker {marker}); {h.explanation}")
                    for h in self.screen(core, limit=5)]
        bracket = split_bracket(query)
        hits = self._screen_once(query)
        if bracket:
            # 哈尔滨工业大学（威海）: a campus or branch -- unless the listed name has the same bracket
            # (a listed "Inspur (HK)" is that company, not a branch of Inspur).
            head, word = bracket
            if hits and hits[0].relation == "self" and _has_bracketed(hits[0].matched_name, word):
                return hits
            parent = [h for h in self._screen_full(head, subunit=query)
                      if h.score >= self.threshold and h.name_coverage >= 0.9]
            if parent:
                return parent
        return hits

    def _screen_once(self, query: str) -> list[Hit]:
        hits = self._screen_full(query)
        if not hits or hits[0].score < self.threshold:
            hits = self._affiliate(query) or hits
        elif is_chinese(query) and hits[0].relation == "self" and hits[0].score < 1.0 - ROUNDING:
            # 中国科学院国家授时中心授时部: the whole name reaches the listed centre only in part, and a
            # leading part of it reaches that same entry better -- the rest names a unit of it.
            parent = self._affiliate(query)
            # (When the whole name reaches another of the entry's listed names, the list names that
            # unit itself: 天津大学滨海工业研究院 is an alias of Tianjin University's entry.)
            if (parent and parent[0].entry is hits[0].entry and parent[0].score > hits[0].score
                    and parent[0].matched_name == hits[0].matched_name):
                hits = parent
        return [h for h in hits if h.score >= self.threshold]

    def _screen_full(self, query: str, subunit: str | None = None) -> list[Hit]:
        """Hits for ``query``; with ``subunit``, the query is the parent of that name and every hit an affiliate."""
        translations = translate(query)
        if subunit is None:  # a parent cut from a name is an organisation as written, not a person's name
            translations += self._expansions(query) + self._person_readings(query)
        normalized = fold_zh(query) if is_chinese(query) else " ".join(tokens_en(query))
        best: dict[int, tuple[float, dict[str, Any], Translation, _Name, str]] = {}
        for tr in translations:
            if best and max(v[0] for v in best.values()) >= 0.999:
                break  # a perfect match on a more trustworthy translation: the rest cannot beat it
            q_tokens = content_tokens(tr.text)
            if not q_tokens:
                continue
            q_terms = self._terms(q_tokens)
            floor = self.threshold - ALIAS_MARGIN
            # Only a score that can end at or above the threshold matters: an alias-table translation
            # is raised to it from ``floor``, a plain-pinyin one is lowered by 5 %.
            vouched = tr.method in ("alias", "pinyin-alias") and tr.relation == "self"
            need = floor if vouched else self.threshold / (READING_FACTOR if tr.method in READINGS else 1.0)
            found, shared, short_shared = self._candidates(q_terms)
            weights = self._weights[found]
            # The score a name can reach from the words it shares with the query (both sides count
            # a shared word; BOUND_SLACK covers fuzzy pairs whose two spellings weigh differently).
            keep = 2 * shared / (q_terms.total + self._totals[found]) * weights + BOUND_SLACK >= floor
            keep &= self._reach_bound(q_terms, found, short_shared) * weights >= need - ROUNDING
            scored: list[tuple[float, dict[str, Any], _Name]] = []
            for n in found[keep].tolist():
                name = self.names[n]
                score, features = self._score(q_terms, name.terms)
                score *= name.weight
                if tr.method in READINGS:
                    score *= READING_FACTOR  # a name's sound is the weakest bridge
                scored.append((score, features, name))
            if vouched and scored:
                scored = _vouch(scored, self.threshold)
            reads_chinese = is_chinese(query) or tr.method in ("pinyin-alias", "pinyin-glossary")
            for score, features, name in scored:
                prev = best.get(name.entry)
                if prev is not None and score <= prev[0] and not (
                        score == prev[0] and prev[2] is tr and _same_words(name.text, tr.text)
                        and not _same_words(prev[3].text, tr.text)):
                    continue  # on a tie the more trustworthy translation, tried first, stays -- and
                    # of one translation's names, the one written as it is ("Mfg" is not as written)
                if score >= self.threshold - ROUNDING and not self._related(query, tr, reads_chinese, q_tokens, name, features):
                    continue
                relation = "affiliate" if subunit else tr.relation
                if relation == "self" and (
                    (features["name_coverage"] >= FULL_COVER and _adds_subunit(q_tokens, name.tokens))
                    or (not is_chinese(query) and _extra_parenthetical(query, name.text))
                    or (tr.method == "glossary" and features["name_coverage"] >= FULL_COVER
                        and _inserts_proper_name(q_tokens, name.tokens))
                ):
                    relation = "affiliate"  # the listed name plus a sub-unit: 天山区分局, (Shenzhen)
                best[name.entry] = (score, features, tr, name, relation)
        if self._zh_names and is_chinese(query):  # after the translations, which stop at their first perfect match
            for n in self._zh_names.get(core_zh(fold_zh(query)), ()):
                name = self.names[n]
                if name.weight > (best[name.entry][0] if name.entry in best else 0.0):
                    best[name.entry] = (name.weight, {"query_coverage": 1.0, "name_coverage": 1.0},
                                        Translation(name.text, "listed-zh"), name, "affiliate" if subunit else "self")
        # Only the five best scores (and whatever ties them) can be ranked: the tie-breaks are
        # computed for those alone.
        top = heapq.nlargest(5, (round(v[0], 3) for v in best.values()))
        contenders = [kv for kv in best.items() if round(kv[1][0], 3) >= top[-1]] if top else []
        for _, value in contenders:
            value[1]["exact"] = _same_words(value[3].text, value[2].text)
        # Ties: the entity itself before an entity it is part of (a listed academy before the listed
        # group it belongs to), the name written exactly as the query's translation, then the Entity
        # List, then the shorter name.
        ranked = sorted(contenders, key=lambda kv: (-round(kv[1][0], 3), kv[1][4] != "self", not kv[1][1]["exact"],
                                                    self.entries[kv[0]].list != "EL",
                                                    len(self.entries[kv[0]].name)))[:5]
        hits = []
        for entry_index, (score, features, tr, name, relation) in ranked:
            entry = self.entries[entry_index]
            explanation = _explain(query, tr, name.text, entry, score, relation)
            hits.append(Hit(
                query=subunit or query, normalized=normalized, translations=[t.text for t in translations],
                entry=entry, matched_name=name.text, relation=relation, score=round(score, 3),  # type: ignore[arg-type]
                features={**features, "method": tr.method},
                explanation=f"sub-unit of '{query}': {explanation}" if subunit else explanation,
            ))
        return hits

    def _person_readings(self, query: str) -> tuple[Translation, ...]:
        """A person's name as lists romanise it: 习近平 -> Xi Jinping (only where neither the alias
        table nor the glossary reads the name), 金正恩 / 김정은 -> Kim Jong Un, محمد علي ->
        Mohamed Ali through the given-name symbols rigour shares across scripts."""
        if is_chinese(query):
            if any(t.method != "pinyin" for t in translate(query)):
                return ()
            chinese = chinese_reading(query)
            out = [Translation(chinese, "pinyin-name")] if chinese else []
            return (*out, *(Translation(r, "korean") for r in korean_readings(query)))
        korean = korean_readings(query)
        if korean:
            return tuple(Translation(r, "korean") for r in korean)
        if _SYMBOL_SCRIPTS.search(query):
            return self._symbol_readings(query)
        return ()

    def _symbol_readings(self, query: str) -> tuple[Translation, ...]:
        """Each part of a name in another script replaced by the listed words that share a given-
        or family-name symbol with it (rigour's, from Wikidata: محمد, Mohamed and Muhammad are one
        name), the parts without one transliterated. The k-th reading takes each part's k-th most
        common listed spelling."""
        from rigour.names import NameTypeTag, SymbolCategory, analyze_names

        forms = self._symbol_forms()
        readings: list[list[str]] = []
        for name in analyze_names(NameTypeTag.PER, [query], consolidate=False, phonetics=False, numerics=False,
                                  rewrite=False):
            parts = [p.ascii or p.form for p in name.parts]
            spelled: dict[int, tuple[int, list[str]]] = {}  # first part -> (parts covered, listed spellings)
            for span in name.spans:
                if span.symbol.category != SymbolCategory.NAME:
                    continue
                listed = forms.get(span.symbol.id)
                if not listed:
                    continue
                indices = [p.index for p in span.parts]
                first, width = min(indices), len(indices)
                known = spelled.get(first)
                if known is None or width > known[0] or (width == known[0] and len(listed) > len(known[1])):
                    spelled[first] = (width, [*(known[1] if known and width == known[0] else []), *listed])
            if not spelled:
                continue
            for k in range(SYMBOL_READINGS):
                words, i = [], 0
                while i < len(parts):
                    if i in spelled:
                        width, listed = spelled[i]
                        words.append(listed[min(k, len(listed) - 1)])
                        i += width
                    else:
                        words.append(parts[i])
                        i += 1
                readings.append(words)
        out: list[Translation] = []
        for words in readings:
            text = " ".join(words)
            if all(t.text != text for t in out):
                out.append(Translation(text, "name-symbols"))
        return tuple(out)

    def _symbol_forms(self) -> dict[str, list[str]]:
        """The listed words of each name symbol, most common first (worked out on first use:
        only names in other scripts need them)."""
        if self._symbols is None:
            from rigour.names import NameTypeTag, SymbolCategory, analyze_names

            words = [t for t in self.idf if t.isalpha() and len(t) >= MIN_SYMBOL_LETTERS]
            forms: dict[str, set[str]] = defaultdict(set)
            for name in analyze_names(NameTypeTag.PER, words, consolidate=False, phonetics=False, numerics=False,
                                      rewrite=False):
                for span in name.spans:
                    if span.symbol.category == SymbolCategory.NAME and len(span.parts) == len(name.parts):
                        forms[span.symbol.id].add(name.norm_form)
            self._symbols = {qid: sorted(ws, key=lambda w: self.idf.get(w, self.default_idf)) for qid, ws in forms.items()}
        return self._symbols

    def _expansions(self, query: str) -> tuple[Translation, ...]:
        """Latin-script forms of the query the lists may write differently: its initialisms spelled
        out, without a person's title, and with its words joined or split as the lists have them."""
        if is_chinese(query):
            return ()
        out: list[Translation] = []
        spelled = self._spelled_out(query)
        if spelled:
            out.append(Translation(spelled, "acronym"))
        untitled = remove_person_prefixes(query).strip()
        if untitled and untitled != query.strip() and len(untitled.split()) >= 2:
            out.append(Translation(untitled, "untitled"))  # "Mr. Rami Makhlouf"; one word left is too little
        rejoined = self._rejoined(query)
        if rejoined:
            out.append(Translation(rejoined, "rejoined"))
        return tuple(out)

    def _spelled_out(self, query: str) -> str | None:
        """"Institute of Physics, CAS" -> "Institute of Physics, Chinese Academy of Sciences"."""
        if not self._acronyms:
            return None
        words = re.split(r"(\W+)", query)
        if sum(bool(w.strip()) and w.isalnum() for w in words) < 2:
            return None  # the initialism alone is matched as the lists write it
        changed = False
        for k, word in enumerate(words):
            full = self._acronyms.get(word) if word.isupper() and len(word) >= 2 else None
            if full:
                words[k], changed = full, True
        return "".join(words) if changed else None

    def _rejoined(self, query: str) -> str | None:
        """Words run together or split apart where the lists write them the other way: SiemensAG ->
        Siemens AG, VladimirPutin -> Vladimir Putin, Good Will -> Goodwill. Only words no listed
        name has are cut, and only into two listed words; two words are joined only into one."""
        words = tokens_en(query)
        out: list[str] = []
        changed = False
        i = 0
        while i < len(words):
            word = words[i]
            if i + 1 < len(words) and word not in self._postings and (word + words[i + 1]) in self._postings:
                out.append(word + words[i + 1])
                changed, i = True, i + 2
                continue
            if word not in self._postings and len(word) >= 2 * MIN_SPLIT_LETTERS:
                for cut in range(MIN_SPLIT_LETTERS, len(word) - 1):
                    left, right = word[:cut], word[cut:]
                    # The second word may be a legal form the index leaves out (SiemensAG).
                    if left in self._postings and len(right) >= 2 and (
                            right in self._postings or content_tokens(f"{left} {right}") == [left]):
                        out.extend((left, right))
                        changed = True
                        break
                else:
                    out.append(word)
            else:
                out.append(word)
            i += 1
        return " ".join(out) if changed else None

    def _related(self, query: str, tr: Translation, reads_chinese: bool, q_tokens: list[str], name: _Name,
                 features: dict[str, Any]) -> bool:
        """The rules that keep a name that scores well from being a hit, each a relation it is not.

        - country: a Chinese-script name (or a reading of one) reaches an entry of a country that
          does not write Chinese only through an exact alias (陆军研究院 is not Peru's Shining Path,
          a.k.a. "People's Liberation Army");
        - parent: the query's organisation is not a unit listed inside it (中国科学院 is not its
          Academy of Optoelectronics; 中国电子科技集团 is not CETC's 14th Research Institute);
        - sister: two units of one parent, each with its own distinguishing word or number
          (中国科学院物理研究所 is not its Institute of Semiconductors; CETC 13 is not CETC 14);
        - near name: a listed name with a field word put inside it is another organisation
          (天津|工业|大学 is not Tianjin University).
        """
        entry = self.entries[name.entry]
        if reads_chinese and not _country_allows(query, tr, entry, name):
            return False
        if (features["query_coverage"] >= FULL_COVER and features["name_coverage"] < FULL_COVER
                and 1 <= _org_count(tr.text) < _org_count(name.text)):
            return False
        if tr.method in LATIN_FORMS and _each_has_its_own_word(q_tokens, name.tokens):
            return False
        if _sisters(q_tokens, name.tokens, self.idf, self.rare_idf) or _names_another_unit(q_tokens, name.tokens, self.idf, self.rare_idf):
            return False
        return not (tr.method == "glossary" and features["name_coverage"] >= FULL_COVER
                    and not _adds_subunit(q_tokens, name.tokens) and _inserts_field_word(q_tokens, name.tokens))

    def _candidates(self, query: _Terms, cap: int = 300) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Names sharing a rare word (or its consonant skeleton) with the query, with the IDF shared.

        Common words ("china", "university") do not block -- a name sharing only those cannot reach
        the threshold when the query has a rare word -- but their weight is counted as shared, so the
        caller's upper bound stays an upper bound. Returns name numbers (ascending, at most ``cap``
        of them: those sharing most), the IDF each shares, and the query's weight in words under
        four letters that each may have (those it blocks on where found, the others everywhere).
        """
        distinct = query.weights.keys()
        rare: list[tuple[str, np.ndarray]] = []
        for tok in distinct:
            # A word's names are among its skeleton's (both are indexed for every word of a name).
            key = _skeleton(tok)
            postings = self._postings.get(key)
            # An initial is never blocked on: it also matches the words it abbreviates.
            if postings is not None and len(postings) <= COMMON_POSTINGS and len(tok) > 1:
                rare.append((tok, postings))
        if rare:
            blocked = {t for t, _ in rare}
            assumed = sum(self.idf.get(t, self.default_idf) for t in distinct if t not in blocked)
        else:  # only common words: block on them after all
            rare = [(t, self._postings[t]) for t in distinct if t in self._postings]
            blocked = {t for t, _ in rare}
            assumed = 0.0
        if not rare:
            return _NO_NAMES, _NO_WEIGHTS, _NO_WEIGHTS
        short_assumed = sum(w for t, w in query.weights.items() if len(t) < 4 and t not in blocked)
        if len(rare) == 1:  # one word's postings are already in order, each name once
            tok, found = rare[0]
            shared = np.full(len(found), self.idf.get(tok, self.default_idf) + assumed)
            short_shared = np.full(len(found), (query.weights[tok] if len(tok) < 4 else 0.0) + short_assumed)
        else:
            names = np.concatenate([p for _, p in rare])
            counts = [len(p) for _, p in rare]
            found, where = np.unique(names, return_inverse=True)
            idf = np.repeat([self.idf.get(t, self.default_idf) for t, _ in rare], counts)
            short = np.repeat([query.weights[t] if len(t) < 4 else 0.0 for t, _ in rare], counts)
            shared = np.bincount(where, weights=idf) + assumed
            short_shared = np.bincount(where, weights=short) + short_assumed
        if len(found) > cap:
            best = np.lexsort((found, -shared))[:cap]  # most shared first; on a tie the earlier name
            best.sort()
            found, shared, short_shared = found[best], shared[best], short_shared[best]
        return found, shared, short_shared

    def _reach_bound(self, query: _Terms, found: np.ndarray, short_shared: np.ndarray) -> np.ndarray:
        """An upper bound of ``_score`` for many names at once: a word of four letters or more can
        only be matched by one of the same initial (fully at best), a shorter word only by itself."""
        by_initial = self._long_weight[found]
        query_long, query_initials = self._initial_vectors(query)
        reachable = (by_initial > 0) @ query_long + by_initial @ query_initials + short_shared + self._short_weight[found]
        return reachable / (query.total + self._totals[found])

    def _initial_vectors(self, query: _Terms) -> tuple[np.ndarray, np.ndarray]:
        """The query's weight in words of four letters or more, by initial, and which initials it has."""
        weight = np.zeros(len(self._initial_column))
        present = np.zeros(len(self._initial_column), dtype=np.float32)
        for tok, w in query.weights.items():
            column = self._initial_column.get(tok[0]) if len(tok) >= 4 or len(tok) == 1 else None
            if column is not None:  # else short, or no listed name has a long word with this initial
                if len(tok) >= 4:
                    weight[column] += w
                present[column] = 1.0  # an initial reaches the long words it may abbreviate
        return weight, present

    def _terms(self, tokens: list[str] | tuple[str, ...]) -> _Terms:
        pairs = tuple((t, self.idf.get(t, self.default_idf) * (PATRONYMIC_WEIGHT if _patronymic(t) else 1.0))
                      for t in tokens)
        weights: dict[str, float] = defaultdict(float)
        for t, w in pairs:
            weights[t] += w
        by_initial = _by_initial(tokens)
        return _Terms(tuple(tokens), pairs, sum(w for _, w in pairs), by_initial,
                      frozenset(t[:4] for t in tokens), dict(weights))

    def _score(self, query: _Terms, name: _Terms) -> tuple[float, dict[str, Any]]:
        """Symmetric IDF-weighted agreement of a query's and a name's tokens."""
        q, c = query.tokens, name.tokens
        qg, qt = _side(query.pairs, c, name.long)
        cg, ct = _side(name.pairs, q, query.long)
        score = (qg + cg) / (qt + ct) if qt + ct else 0.0
        features: dict[str, Any] = {"query_coverage": round(qg / qt, 3) if qt else 0.0,
                                    "name_coverage": round(cg / ct, 3) if ct else 0.0}
        if len(q) > 1 and q[0] not in c and not _leads_alike(q[0], name.prefixes, name.long):
            # 杭州电子科技大学 is not 电子科技大学: a different leading place is a different organisation.
            score *= LEAD_MISMATCH
            features["lead_mismatch"] = LEAD_MISMATCH
        return score, features

    def _affiliate(self, query: str) -> list[Hit]:
        """The query names a sub-unit: screen its parent (the longest leading organisation name)."""
        for parent in _parents(query):
            one_word = " " not in parent and not is_chinese(parent)
            if one_word and len(self._postings.get(parent.lower(), _NO_NAMES)) > 40:
                continue  # a one-word parent must be a rare name ("Inspur"), not a common word ("Global")
            # The parent must be the whole listed name, not a word it shares with one; and a one-word
            # parent ("Devon" of Devon County Council) never stands for a one-word listing (a vessel "DEVON").
            hits = [h for h in self._screen_full(parent, subunit=query)
                    if h.score >= self.threshold and h.name_coverage >= 0.9
                    and not (one_word and len(h.matched_name.split()) < 2)]
            if hits:
                return hits
        return []


def _side(pairs: tuple[tuple[str, float], ...], others: Any, long_others: dict[str, tuple[str, ...]]) -> tuple[float, float]:
    """How much of one side's weight the other side covers: a shared word fully, a fuzzy variant
    (haerbin/harbin: same initial, length within three, ratio >= 0.85) by its similarity, an
    initial and the word it abbreviates (A. Khamenei / Ali Khamenei) by ``INITIAL_CREDIT``."""
    got = total = 0.0
    initials: set[str] | None = None
    for x, w in pairs:
        total += w
        if x in others:
            got += w
            continue
        best = 0.0
        if len(x) >= 4:
            lx = len(x)
            for y in long_others.get(x[0], ()):
                if abs(len(y) - lx) <= 3:
                    sim = _sim(x, y)
                    if sim > best:
                        best = sim
        if best < INITIAL_CREDIT and x.isalpha():
            if initials is None:
                initials = {o for o in others if len(o) == 1}
            if (len(x) == 1 and any(len(o) > 1 and o[0] == x for o in others)) or (len(x) > 1 and x[0] in initials):
                best = INITIAL_CREDIT
        got += w * best
    return got, total


def _vouch(scored: list[tuple[float, dict[str, Any], _Name]], threshold: float) -> list[tuple[float, dict[str, Any], _Name]]:
    """The alias table vouches for one identity: when no listed name reaches the threshold on its
    own, the best ones within ``ALIAS_MARGIN`` of it are raised to it -- not every name near it
    (浪潮集团有限公司 is Inspur Group, not also Inspur (HK) Electronics)."""
    top = max(round(score, 3) for score, _, _ in scored)
    if top >= threshold or top < threshold - ALIAS_MARGIN:
        return scored
    return [(threshold if round(score, 3) == top else score, features, name) for score, features, name in scored]


def _leads_alike(lead: str, prefixes: frozenset[str], long_by_initial: dict[str, tuple[str, ...]]) -> bool:
    """A word of the name shares the query's first word's first four letters (``prefixes``: the
    name's words cut to four letters), or is a fuzzy variant of it (only words of four letters
    or more can be, see ``_sim``)."""
    if lead[:4] in prefixes:
        return True
    if len(lead) == 1:  # an initial leads like the word it abbreviates
        return any(p[0] == lead for p in prefixes)
    return len(lead) >= 4 and any(_sim(lead, y) for ys in long_by_initial.values() for y in ys)


def _by_initial(tokens: list[str] | tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The tokens that can be fuzzy partners (four letters or more), by initial."""
    out: dict[str, list[str]] = {}
    for t in tokens:
        if len(t) >= 4:
            out.setdefault(t[0], []).append(t)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=500_000)
def _sim(a: str, b: str) -> float:
    """Token similarity: equal, or rapidfuzz ratio >= 0.85 for tokens of four letters or more."""
    if a == b:
        return 1.0
    if len(a) >= 4 and len(b) >= 4:
        r = fuzz.ratio(a, b) / 100
        return r if r >= 0.85 else 0.0
    return 0.0


LATIN_FORMS = ("as-is", "untitled", "rejoined", "acronym")  # the query's own words, not a translation
OWN_WORD_LETTERS = 4  # a word this long that the other name lacks makes it another party
PATRONYMIC_WEIGHT = 0.3  # a patronymic's share of its IDF: lists write a person with it and without it
MIN_PATRONYMIC_LETTERS = 7  # the shortest patronymics (Lvovich, Ilinich): shorter words are given names
INITIAL_CREDIT = 0.8  # an initial stands for its word, but less surely than the word written out
MIN_SPLIT_LETTERS = 3  # a run-together word is cut only into a first word of three letters or more
SYMBOL_READINGS = 3  # readings of a name in another script tried, each with the next spelling of its parts
MIN_SYMBOL_LETTERS = 3  # shorter listed words are initials or particles, not given or family names
_SYMBOL_SCRIPTS = re.compile(r"[\u0370-\u03ff\u0400-\u052f\u0590-\u05ff\u0600-\u06ff\u0750-\u077f]")  # Greek, Cyrillic, Hebrew, Arabic
READINGS = ("pinyin", "pinyin-name", "korean")  # readings of a name's sound, weaker than a translation
READING_FACTOR = 0.95  # what a reading's score is multiplied by
INITIALISM_WEIGHT = 0.95  # an initialism the list does not print ranks below the names it does
MIN_ACRONYM_SHARE = 2 / 3  # an initialism the lists spell out two ways is learned only if one way dominates


def _short_initialisms(entries: list[ListEntry]) -> dict[int, list[tuple[str, float]]]:
    """HIT for Harbin Institute of Technology: the initials of a three-word name, kept where they
    name one listed organisation. Three letters are often several names' initials; universities
    and institutes go by them (HIT, BIT, NPU), companies rarely, so where names collide an
    institution's initials are kept if it is the only institution among them."""
    by: dict[str, dict[tuple[str, ...], set[int]]] = defaultdict(lambda: defaultdict(set))
    for i, entry in enumerate(entries):
        for text in [entry.name, *entry.aliases]:
            stripped = re.sub(r"\s*\([^)]*\)", "", text).strip()
            initials = _initialism(stripped, 3)
            if initials and len(initials) == 3:
                by[initials][tuple(content_tokens(stripped))].add(i)
    out: dict[int, list[tuple[str, float]]] = defaultdict(list)
    for initials, names in by.items():
        if len(names) > 1:
            names = {k: v for k, v in names.items() if any(t in ORG_WORDS for t in k)}
        if len(names) == 1:
            for i in next(iter(names.values())):
                out[i].append((initials, INITIALISM_WEIGHT))
    return out


def _learn_acronyms(entries: list[ListEntry]) -> dict[str, str]:
    """Initialisms the lists themselves spell out, in one name ("China Electronics Technology Group
    Corp. (CETC) 54th Research Institute") or across two names of one entry ("CAS Institute of
    Microelectronics" beside "Chinese Academy of Sciences Institute of Microelectronics")."""
    seen: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for entry in entries:
        names = [entry.name, *entry.aliases]
        for text in names:
            for m in re.finditer(r"\(([A-Z]{2,6})\)", text):
                words = re.split(r"[\s,]+", text[: m.start()].strip())
                phrase = _spelled_by(m.group(1), words)
                if phrase:
                    seen[m.group(1)][phrase] += 1
        if len(names) < 2:
            continue
        for a in names:
            for word in re.findall(r"\b[A-Z]{2,6}\b", a):
                rest = set(re.findall(r"\w+", a.replace(word, " ")))
                for b in names:
                    if b is a or word in b:
                        continue
                    extra = [w for w in re.split(r"[\s,]+", b) if w and w.strip(",.") not in rest]
                    phrase = _spelled_by(word, extra)
                    if phrase and len(phrase.split()) == len(extra):
                        seen[word][phrase] += 1
    out = {}
    for acronym, phrases in seen.items():
        phrase, count = max(phrases.items(), key=lambda kv: kv[1])
        if count / sum(phrases.values()) >= MIN_ACRONYM_SHARE and content_tokens(phrase):  # not a legal form (JSC)
            out[acronym] = phrase
    return out


def _spelled_by(acronym: str, words: list[str]) -> str | None:
    """The shortest run of words at the end of ``words`` whose initials spell ``acronym``, passing
    over connectives (of, and) and, where the initialism does, words of kind (CETC: China
    Electronics Technology Group Corporation). Returned without the connectives: the key the lists
    agree on."""
    words = [w.strip(",.") for w in words if w.strip(",.")]
    letters = acronym.lower()
    for start in range(len(words) - 2, -1, -1):
        run = words[start:]
        if run[0].lower() in _CONNECTIVES or run[0][0].lower() != letters[0]:
            continue
        k = 0
        for w in run:
            if k < len(letters) and w[0].lower() == letters[k]:
                k += 1
            elif w.lower() not in _CONNECTIVES and w.lower() not in STOPWORDS:
                break
        else:
            if k == len(letters):
                return " ".join(t for t in tokens_en(" ".join(run)) if t not in _CONNECTIVES)
    return None


_CONNECTIVES = frozenset({"of", "and", "the", "for", "&"})


def _forms(entry: ListEntry) -> list[tuple[str, float]]:
    """The names to index for an entry, with weights: derived forms rank below published ones."""
    forms: dict[str, float] = {}
    for text in [entry.name, *entry.aliases]:
        forms.setdefault(text, 1.0)
    for text in list(forms):
        inner = re.findall(r"\(([^)]*)\)", text)
        stripped = re.sub(r"\s*\([^)]*\)", "", text).strip()
        if stripped and stripped != text:
            # Dropping the entry's own acronym loses nothing; dropping "(Beijing)" or "(UK)" loses a distinction.
            initials = "".join(w[0] for w in re.split(r"[\s,.\-—]+", stripped) if w).upper()
            own = all(x.strip().isupper() and re.sub(r"[^A-Z]", "", x) in initials for x in inner)
            forms.setdefault(stripped, 1.0 if own else 0.97)
        for m in _ACRONYM.finditer(text):
            # "China Electronics Technology Group Corp. (CETC) 54th Research Institute": CETC is
            # the parent's initialism, not this entry's; an initialism spelled by words that do not
            # begin the name is someone else's.
            words = re.split(r"[\s,]+", text[: m.start()].strip())
            spelled = _spelled_by(m.group(1), words)
            trailing = not text[m.end():].strip(" ,.")
            if trailing and (spelled is None or spelled.split()[0] == tokens_en(words[0])[:1][0]):
                forms.setdefault(m.group(1), 1.0)
        initialism = _initialism(stripped or text)
        if initialism:
            forms.setdefault(initialism, INITIALISM_WEIGHT)
    return [(f, w) for f, w in forms.items() if f]


@lru_cache(maxsize=200_000)
def _same_words(a: str, b: str) -> bool:
    """The same words as written ("Technologies" is not "Technology" here)."""
    return re.sub(r"[^\w]+", " ", a.lower()).split() == re.sub(r"[^\w]+", " ", b.lower()).split()


def _inserts_proper_name(query: list[str], name: tuple[str, ...]) -> bool:
    """中国移动通信集团|福建|有限公司: the whole listed name with a place put inside it is a subsidiary."""
    extra = [i for i, t in enumerate(query) if t not in name and not any(_sim(t, y) for y in name)]
    # One unmatched word, not the first, long enough to be a place ("yu" of 与 is a connective).
    return len(extra) == 1 and extra[0] > 0 and len(query[extra[0]]) >= 4


def _matched(token: str, others: list[str] | tuple[str, ...]) -> bool:
    return token in others or any(_sim(token, y) for y in others)


def _inserts_field_word(query: list[str], name: tuple[str, ...]) -> bool:
    """天津|工业|大学 -> Tianjin Industry University: a glossary word, not a place, inside the listed name."""
    matched = [i for i, t in enumerate(query) if _matched(t, name)]
    if not matched:
        return False
    return any(0 < i < matched[-1] and t in glossary_words() and t not in ORG_WORDS and t not in SUBUNIT_WORDS
               for i, t in enumerate(query) if i not in matched)


def _sisters(query: list[str], name: tuple[str, ...], idf: dict[str, float], rare: float) -> bool:
    """Two units of one parent: each side keeps a word the other lacks -- different numbers
    (CETC 13 / CETC 14), or, beside a shared kind of unit (institute), different fields of which
    at least one is a distinguishing word (Physics / Semiconductors)."""
    own = [t for t in query if not _matched(t, name)]
    other = [t for t in name if not _matched(t, query)]
    if not own or not other:
        return False
    if not any(t in ORG_WORDS and t in name for t in query):
        return False
    if any(t.isdigit() for t in own) and any(t.isdigit() for t in other):
        return True
    # A word sharing its first four letters with one of the other side's is a variant (industry / industrial).
    own_prefixes, other_prefixes = {t[:4] for t in own}, {t[:4] for t in other}
    own, other = ([t for t in own if t.isalpha() and t[:4] not in other_prefixes and not _initials_of(t, other)],
                  [t for t in other if t.isalpha() and t[:4] not in own_prefixes and not _initials_of(t, own)])
    return bool(own and other) and any(idf.get(t, rare) >= rare for t in [*own, *other])


def _each_has_its_own_word(query: list[str], name: tuple[str, ...]) -> bool:
    """Two names as written that each keep a word of their own (AYMAN ... AL-DULAIMI / AYMAN ...
    AL-TIKRITI; Bowne Global Solutions II / Bowne Global Solutions Denmark): two parties, however
    much else they share. Words that are spelling variants or initials of the other's are not
    their own."""
    own = [t for t in query if len(t) >= OWN_WORD_LETTERS and t.isalpha() and not _matched(t, name)]
    other = [t for t in name if len(t) >= OWN_WORD_LETTERS and t.isalpha() and not _matched(t, query)]
    if not own or not other:
        return False
    own_prefixes, other_prefixes = {t[:3] for t in own}, {t[:3] for t in other}
    return (any(t[:3] not in other_prefixes and not _initials_of(t, other) for t in own)
            and any(t[:3] not in own_prefixes and not _initials_of(t, own) for t in other))


def _names_another_unit(query: list[str], name: tuple[str, ...], idf: dict[str, float], rare: float) -> bool:
    """A unit under a parent (two kinds of organisation shared: academy and institute) is not the
    listed unit whose own name adds a distinguishing word: the CAS Institute of Automation is not
    the CAS Shenyang Institute of Automation. A word after the unit's name ("..., Mianyang") is
    an address, not a name."""
    if len({t for t in query if t in ORG_WORDS and t in name}) < 2:
        return False
    prefixes = {t[:4] for t in query}  # industrial / industry: a variant, not another word
    return any(t.isalpha() and idf.get(t, rare) >= rare and t[:4] not in prefixes and not _matched(t, query)
               and _matched(following, query) for t, following in zip(name, name[1:], strict=False))


def _patronymic(token: str) -> bool:
    """Viktorovich, Oleksandrovych, Petrovna: a word of seven letters or more with a patronymic ending."""
    return len(token) >= MIN_PATRONYMIC_LETTERS and token.endswith(PATRONYMIC_ENDINGS)


def _initials_of(token: str, words: list[str]) -> bool:
    """CAS spells the initials of some of "chinese academy sciences"."""
    initials = "".join(w[0] for w in words)
    return len(token) >= 2 and token in initials


def _country_allows(query: str, tr: Translation, entry: ListEntry, name: _Name) -> bool:
    """A Chinese-script query reaches an entry listed under a country that does not write Chinese
    (or, for a Korean reading, under Korea) only through an exact alias: the entry's own Chinese
    name, or the alias table naming exactly one of its published names (not a derived form:
    "Huawei Technologies (Yangon)" without its bracket is not published)."""
    country = (entry.country or "").strip().lower()
    allowed = KOREAN_COUNTRIES if tr.method == "korean" else CHINESE_SCRIPT_COUNTRIES
    if not country or country in allowed:
        return True
    folded = fold_zh(query)
    if any(is_chinese(a) and fold_zh(a) == folded for a in entry.aliases):
        return True
    return tr.method in ("alias", "pinyin-alias") and name.weight == 1.0 and _same_words(name.text, tr.text)


@lru_cache(maxsize=200_000)
def _org_count(text: str) -> int:
    """How many words naming a kind of organisation or unit a name has (a name's own units)."""
    return sum(t in ORG_WORDS for t in tokens_en(text))


def _has_bracketed(matched: str, word: str) -> bool:
    """The listed name has the query's bracketed word in its own brackets: 'Inspur (HK)' for （香港）."""
    inner = [content_tokens(x) for x in re.findall(r"\(([^)]*)\)", matched)]
    read = content_tokens(reading(word))
    initials = "".join(t[0] for t in read)
    return any(all(_matched(t, x) for t in read) or initials in x for x in inner if x)


def _adds_subunit(query: list[str], name: tuple[str, ...]) -> bool:
    return any(t in SUBUNIT_WORDS and t not in name for t in query)


def _initialism(name: str, min_words: int = 4) -> str | None:
    """UESTC for University of Electronic Science and Technology of China (4+ letters, 4+ words)."""
    words = [w for w in re.split(r"[\s,.\-—]+", name) if w]
    content = [w for w in words if w.lower() not in ("of", "and", "the", "for", "co", "ltd", "limited", "inc")]
    if len(content) < min_words or not all(w[:1].isalpha() and w[:1].isupper() for w in content):
        return None
    return "".join(w[0] for w in content).upper()


def _extra_parenthetical(query: str, matched: str) -> bool:
    """"Harbin Institute of Technology (Shenzhen)": a bracketed place the listed name does not have."""
    extra = re.findall(r"[(（]([^)）]{2,20})[)）]", query)
    # An acronym ("(NORINCO)") or a designation with a number ("(611 Institute)") restates the
    # entity; only a word the listed name lacks, such as a place, names a part of it.
    return any(x.strip().lower() not in matched.lower() for x in extra
               if not x.isupper() and not any(ch.isdigit() for ch in x))


def _skeleton(token: str) -> str:
    """A consonant skeleton ("haerbin", "harbin" -> "#hrbn") that catches romanisation variants."""
    if len(token) < 5:
        return "#" + token
    return "#" + token[0] + token[1:].translate(_NO_VOWELS)


def _parents(query: str) -> list[str]:
    if is_chinese(query):
        folded = fold_zh(query)
        out = []
        for i in range(len(folded) - 2, 1, -1):
            head, rest = folded[:i], folded[i:]
            if rest.startswith(NAME_CONTINUATIONS):
                continue
            if head.endswith(SUBUNIT_MARKERS) or _known(head):
                out.append(head)
        return out
    words = query.replace(",", " ,").split()
    out = [" ".join(words[:i]).rstrip(" ,") for i in range(len(words) - 1, 1, -1)]
    if len(words) > 1 and len(words[0]) >= 5:
        out.append(words[0])  # "Inspur Cloud Information Technology" -> "Inspur"
    head, _, tail = query.rpartition(",")
    if head and len(tail.split()) >= 2 and any(t in ORG_WORDS for t in tokens_en(head)):
        out.append(tail.strip())  # "West China Hospital, Sichuan University" -> "Sichuan University"
    return out


def _known(head: str) -> bool:
    from .names import alias

    return alias(head) is not None


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
