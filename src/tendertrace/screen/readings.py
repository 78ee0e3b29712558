"""The query's other forms the lists may write it in: initialisms spelled out as the lists spell
them, a person's name without a title, words joined or split as the lists have them, and readings
of a person's name in another script (习近平 -> Xi Jinping, 金正恩 -> Kim Jong Un, محمد -> Mohamed).
They are tried after the translations of ``names.translate``; each is a ``Translation`` with its
method, so the explanation says how the query was read.
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict

from rigour.names import remove_person_prefixes

from . import factors as f
from .index import NameIndex
from .names import STOPWORDS, Translation, content_tokens, is_chinese, split_syllables, tokens_en, translate
from .persons import chinese_reading, korean_readings

_RIGOUR_READY = threading.Event()
_RIGOUR_LOCK = threading.Lock()
_SYMBOLS_LOCK = threading.Lock()  # module-level: a screener is pickled for worker processes, a lock is not
_HYPHENED = re.compile(r"([A-Za-z]+)-(?=([A-Za-z]+))")  # overlapping: A-B-C gives (A, B) and (B, C)


def warm_name_symbols() -> None:
    """Load rigour's name-symbol tagger, which its first call builds (seconds of CPU, once per
    process). A server calls this in the background at start, so that the first request naming a
    person in another script does not wait for it."""
    if _RIGOUR_READY.is_set():
        return
    with _RIGOUR_LOCK:
        if not _RIGOUR_READY.is_set():
            from rigour.names import NameTypeTag, analyze_names

            list(analyze_names(NameTypeTag.PER, ["ali"], consolidate=False, phonetics=False, numerics=False,
                               rewrite=False))
            _RIGOUR_READY.set()


# The most syllables one word of a romanised name holds (Haishi, Yongan, Xiangteng: two; Wulumuqi: four).
MAX_WORD_SYLLABLES = 4
# ... and the fewest: a listed word of one syllable (Dong, Ling) is as likely any other name's.
MIN_WORD_SYLLABLES = 2

class Readings:
    """The other forms of queries, against one index (whose words decide what is joined or split)."""

    def __init__(self, index: NameIndex) -> None:
        self.index = index
        self._symbols: dict[str, list[str]] | None = None

    def person_readings(self, query: str) -> tuple[Translation, ...]:
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
        if f.SYMBOL_SCRIPTS.search(query):
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
            for k in range(f.SYMBOL_READINGS):
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
        if self._symbols is not None:
            return self._symbols
        warm_name_symbols()
        with _SYMBOLS_LOCK:  # concurrent first queries wait for one build
            if self._symbols is not None:
                return self._symbols
            from rigour.names import NameTypeTag, SymbolCategory, analyze_names

            words = [t for t in self.index.idf if t.isalpha() and len(t) >= f.MIN_SYMBOL_LETTERS]
            forms: dict[str, set[str]] = defaultdict(set)
            for name in analyze_names(NameTypeTag.PER, words, consolidate=False, phonetics=False, numerics=False,
                                      rewrite=False):
                for span in name.spans:
                    if span.symbol.category == SymbolCategory.NAME and len(span.parts) == len(name.parts):
                        forms[span.symbol.id].add(name.norm_form)
            self._symbols = {qid: sorted(ws, key=lambda w: self.index.weight_of(w)) for qid, ws in forms.items()}
        return self._symbols

    def expansions(self, query: str) -> tuple[Translation, ...]:
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
        if not self.index.acronyms:
            return None
        words = re.split(r"(\W+)", query)
        if sum(bool(w.strip()) and w.isalnum() for w in words) < 2:
            return None  # the initialism alone is matched as the lists write it
        changed = False
        for k, word in enumerate(words):
            full = self.index.acronyms.get(word) if word.isupper() and len(word) >= 2 else None
            if full:
                words[k], changed = full, True
        return "".join(words) if changed else None

    def _rejoined(self, query: str) -> str | None:
        """Words run together or split apart where the lists write them the other way: SiemensAG ->
        Siemens AG, VladimirPutin -> Vladimir Putin, Good Will -> Goodwill. Only words no listed
        name has are cut, and only into two listed words; two words are joined only into one."""
        words = tokens_en(query)
        # Words a hyphen joins (Opto-electronic, AIR-CAS) are one word wherever the lists write them so.
        hyphened = {(ta[-1], tb[0]) for a, b in _HYPHENED.findall(query) if (ta := tokens_en(a)) and (tb := tokens_en(b))}
        out: list[str] = []
        changed = False
        i = 0
        while i < len(words):
            word = words[i]
            if (i + 1 < len(words) and (word not in self.index.postings or (word, words[i + 1]) in hyphened)
                    and (word + words[i + 1]) in self.index.postings):
                out.append(word + words[i + 1])
                changed, i = True, i + 2
                continue
            if word not in self.index.postings and word not in STOPWORDS and len(word) >= 2 * f.MIN_SPLIT_LETTERS:
                for cut in range(f.MIN_SPLIT_LETTERS, len(word) - 1):
                    left, right = word[:cut], word[cut:]
                    # The second word may be a legal form the index leaves out (SiemensAG).
                    if left in self.index.postings and len(right) >= 2 and (
                            right in self.index.postings or content_tokens(f"{left} {right}") == [left]):
                        out.extend((left, right))
                        changed = True
                        break
                else:
                    syllables = self._pinyin_split(word)
                    out.extend(syllables or [word])
                    changed = changed or bool(syllables)
            elif word not in self.index.postings and (syllables := self._pinyin_split(word)):
                out.extend(syllables)  # Jihua -> Ji Hua: a short pinyin word the list writes apart
                changed = True
            else:
                out.append(word)
            i += 1
        return " ".join(out) if changed else None

    def syllabled(self, tr: Translation) -> Translation | None:
        """A Chinese name's translation whose proper name came out as one run of pinyin
        ("Pishanhaishiyongan Electronic Technology") where the lists write it word by word ("Pishan
        Haishi Yong'an Electronic Technology"): the run cut into the fewest listed words, each
        several syllables of it."""
        words = tokens_en(tr.text)
        if all(w in self.index.postings or len(w) < 2 * f.MIN_SPLIT_LETTERS for w in words):
            return None  # every word listed or too short to hold two
        out: list[str] = []
        changed = False
        for word in words:
            pieces = self._listed_pieces(word) if word not in self.index.postings and word.isalpha() else None
            out.extend(pieces or [word])
            changed = changed or bool(pieces)
        return Translation(" ".join(out), tr.method, tr.relation, tr.source) if changed else None

    def _listed_pieces(self, word: str) -> list[str] | None:
        """``word``'s syllables grouped into the fewest words the index holds (two at least), or None."""
        syllables = split_syllables(word)
        if len(syllables) < 2 or "".join(syllables) != word:
            return None
        n = len(syllables)
        best: list[list[str] | None] = [None] * (n + 1)
        best[0] = []
        for end in range(1, n + 1):
            for start in range(max(0, end - MAX_WORD_SYLLABLES), end - MIN_WORD_SYLLABLES + 1):
                prev = best[start]
                piece = "".join(syllables[start:end])
                if prev is not None and piece in self.index.postings and (best[end] is None or len(prev) + 1 < len(best[end])):  # type: ignore[arg-type]
                    best[end] = [*prev, piece]
        found = best[n]
        return found if found is not None and len(found) >= 2 else None

    def _pinyin_split(self, word: str) -> list[str] | None:
        """A pinyin word the index does not have, cut into syllables that the index each has as a
        word, where the lists write a name syllable by syllable (Ji Hua Laboratory)."""
        if not word.isalpha():
            return None
        syllables = split_syllables(word)
        if len(syllables) < 2 or not all(s in self.index.postings for s in syllables):
            return None
        return syllables
