"""The screening index: every listed name as weighted terms, the postings that block on them, and
the per-name weights the candidate bounds read -- built once, as one typed structure.

A listed entry contributes its published names, the names without a bracket, the initialisms it
prints or that its words spell, and the initialisms the lists spell out elsewhere. Each name's words
weigh by a smoothed IDF, so rare words ("Hikvision") decide and "University" barely counts.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from rigour.names.org_types import extract_org_types

from ..model import ListEntry
from . import factors as f
from .names import (
    ORG_WORDS,
    PATRONYMIC_ENDINGS,
    STOPWORDS,
    content_tokens,
    core_zh,
    fold_zh,
    is_chinese,
    tokens_en,
)

_NO_VOWELS = str.maketrans("", "", "aeiouy")
_ACRONYM = re.compile(r"\(([A-Z][A-Z0-9\- ]{1,12})\)")


@dataclass(frozen=True, slots=True)
class Terms:
    """A token list as the scorer reads it, worked out once: for a listed name when the index is
    built, for a query translation before its candidates are scored."""

    tokens: tuple[str, ...]
    pairs: tuple[tuple[str, float], ...]  # each token with its IDF weight
    total: float  # the sum of the weights
    long: dict[str, tuple[str, ...]]  # tokens that can have fuzzy variants (4+ letters), by initial
    prefixes: frozenset[str]  # tokens cut to four letters
    weights: dict[str, float]  # each distinct token with its weight times its count


@dataclass(frozen=True, slots=True)
class IndexedName:
    entry: int  # index into the index's entries
    text: str
    terms: Terms
    weight: float = 1.0  # < 1 for derived forms (parenthesis dropped, initialism)

    @property
    def tokens(self) -> tuple[str, ...]:
        return self.terms.tokens


@dataclass(frozen=True, slots=True)
class NameIndex:
    """The listed names and everything derived from them that screening reads.

    ``postings`` maps each word, and each word's consonant skeleton, to the names that have it
    (ascending name numbers). ``totals``, ``weights`` and ``short_weight`` are one value per name, in
    ``names`` order: what each name weighs, what its form is worth, and its weight in words under
    four letters. ``long_columns[initial_column[c]]`` is, per name, its weight in words of four
    letters or more beginning with ``c``: one array per initial, so that a query reads only the
    initials it has.
    """

    entries: list[ListEntry]
    names: list[IndexedName]
    idf: dict[str, float]
    default_idf: float  # the IDF of a word no listed name has
    rare_idf: float  # a word at least this rare distinguishes a name
    postings: dict[str, np.ndarray]
    totals: np.ndarray
    weights: np.ndarray
    initial_column: dict[str, int]
    long_columns: np.ndarray
    long_present: np.ndarray  # ``long_columns > 0`` as 0.0 / 1.0: multiplied by a query's weight without a cast
    short_weight: np.ndarray
    zh_names: dict[str, list[int]]  # names the lists themselves write in Chinese, folded
    acronyms: dict[str, str]  # initialisms the lists spell out, with their phrase
    # The postings each query word blocks on, worked out on its first query (``blocking``).
    _blocking: dict[str, np.ndarray | None] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(cls, entries: list[ListEntry]) -> NameIndex:
        short = _short_initialisms(entries)
        forms = [(i, text, tuple(content_tokens(text)), weight)
                 for i, entry in enumerate(entries) for text, weight in [*_forms(entry), *short.get(i, [])]]
        forms = [form for form in forms if form[2]]
        df: dict[str, int] = defaultdict(int)
        index: dict[str, list[int]] = defaultdict(list)  # word or skeleton -> names, ascending
        for n, (_i, _text, toks, _weight) in enumerate(forms):
            for tok in set(toks):
                df[tok] += 1
                index[tok].append(n)
                index[skeleton(tok)].append(n)
                for key in slip_keys(tok):
                    index[key].append(n)
        total = max(len(forms), 1)
        # Smoothed IDF: rare words decide, but generic words ("university") still count for something.
        idf = {tok: math.log(1 + total / count) + f.IDF_FLOOR for tok, count in df.items()}
        default_idf = math.log(1 + total) + f.IDF_FLOOR
        # On a short list every word is on a good share of the names: a word on one name is distinguishing.
        rare_idf = min(f.RARE_IDF, default_idf - f.RARE_IDF_EPSILON)
        names = [IndexedName(i, text, make_terms(toks, idf, default_idf), weight) for i, text, toks, weight in forms]
        # Names are appended in ascending order, so a word's postings are sorted once repeats go.
        postings = {key: np.fromiter(dict.fromkeys(ns), dtype=np.int32) for key, ns in index.items()}
        # Each name's weight in words of four letters or more, by initial, and in shorter words:
        # what it can bring to a match, for ``bound.reach``.
        initials = sorted({initial for name in names for initial in name.terms.long})
        initial_column = {c: i for i, c in enumerate(initials)}
        long_columns = np.zeros((len(initials), len(names)), dtype=np.float32)
        short_weight = np.zeros(len(names))
        for n, name in enumerate(names):
            for tok, w in name.terms.weights.items():
                if len(tok) >= f.LONG_WORD_LETTERS:
                    long_columns[initial_column[tok[0]], n] += w
                else:
                    short_weight[n] += w
        # Names the lists themselves write in Chinese (OFAC's and the CSL's Chinese aliases), folded.
        zh_names: dict[str, list[int]] = defaultdict(list)
        for n, name in enumerate(names):
            if is_chinese(name.text):
                zh_names[core_zh(fold_zh(name.text))].append(n)
        return cls(entries=entries, names=names, idf=idf, default_idf=default_idf, rare_idf=rare_idf,
                   postings=postings, totals=np.array([name.terms.total for name in names]),
                   weights=np.array([name.weight for name in names]), initial_column=initial_column,
                   long_columns=long_columns, long_present=(long_columns > 0).astype(np.float64),
                   short_weight=short_weight, zh_names=zh_names,
                   acronyms=_learn_acronyms(entries))

    def terms(self, tokens: list[str] | tuple[str, ...]) -> Terms:
        """A query's tokens weighed by this index's IDF."""
        return make_terms(tokens, self.idf, self.default_idf)

    def weight_of(self, token: str) -> float:
        return self.idf.get(token, self.default_idf)

    def blocking(self, token: str) -> np.ndarray | None:
        """The names a query word can reach: those of its consonant skeleton (a word's names are
        among its skeleton's: both are indexed for every word of a name) or, for a word no listed
        name has, the names whose word it may misspell (by its slip keys); None when there are none.
        Queries repeat their words, so each word's answer is kept."""
        if token in self._blocking:
            return self._blocking[token]
        postings = self.postings.get(skeleton(token))
        if postings is None and token not in self.postings:
            slipped = [self.postings[k] for k in slip_keys(token) if k in self.postings]
            if slipped:
                postings = slipped[0] if len(slipped) == 1 else _union(slipped)
        if len(self._blocking) < f.WORD_CACHE:
            self._blocking[token] = postings
        return postings


def _union(postings: list[np.ndarray]) -> np.ndarray:
    """The names of several postings, ascending, each once (``np.union1d`` without its first call's
    import of numpy's masked arrays, tens of milliseconds)."""
    merged = np.sort(np.concatenate(postings))
    keep = np.empty(len(merged), dtype=bool)
    keep[:1] = True
    np.not_equal(merged[1:], merged[:-1], out=keep[1:])
    return merged[keep].astype(np.int32)


def make_terms(tokens: list[str] | tuple[str, ...], idf: dict[str, float], default_idf: float) -> Terms:
    pairs = tuple([(t, idf.get(t, default_idf) * _share(t)) for t in tokens])
    weights: dict[str, float] = {}
    for t, w in pairs:
        weights[t] = weights.get(t, 0.0) + w
    return Terms(tuple(tokens), pairs, sum([w for _, w in pairs]), by_initial(tokens),
                 frozenset([t[:f.PREFIX_LETTERS] for t in tokens]), weights)


def _share(token: str) -> float:
    """The share of its IDF a word weighs with: less for words a list writes a person with and
    without (a patronymic, a lone middle initial)."""
    if patronymic(token):
        return f.PATRONYMIC_WEIGHT
    if len(token) == 1 and token.isalpha():
        return f.LONE_INITIAL_WEIGHT
    return 1.0


def by_initial(tokens: list[str] | tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The tokens that can be fuzzy partners (four letters or more), by initial."""
    out: dict[str, list[str]] = {}
    for t in tokens:
        if len(t) >= f.LONG_WORD_LETTERS:
            out.setdefault(t[0], []).append(t)
    return {k: tuple(v) for k, v in out.items()}


def patronymic(token: str) -> bool:
    """Viktorovich, Oleksandrovych, Petrovna: a word of seven letters or more with a patronymic ending."""
    return len(token) >= f.MIN_PATRONYMIC_LETTERS and token.endswith(PATRONYMIC_ENDINGS)


def skeleton(token: str) -> str:
    """A consonant skeleton ("haerbin", "harbin" -> "#hrbn") that catches romanisation variants."""
    if len(token) < f.SKELETON_MIN_LETTERS:
        return "#" + token
    return "#" + token[0] + token[1:].translate(_NO_VOWELS)


def slip_keys(token: str) -> tuple[str, ...]:
    """The keys a long word is also found by when a query misspells it past its skeleton
    (Hanniball, Schell): its first and its last four letters. A query word looks them up only
    when the index has neither it nor its skeleton."""
    if len(token) < f.SKELETON_MIN_LETTERS or not token.isalpha():
        return ()
    return "^" + token[:f.SLIP_KEY_LETTERS], "$" + token[-f.SLIP_KEY_LETTERS:]


def initialism(name: str, min_words: int = f.MIN_INITIALISM_WORDS) -> str | None:
    """UESTC for University of Electronic Science and Technology of China (4+ letters, 4+ words)."""
    words = [w for w in re.split(r"[\s,.\-—]+", name) if w]
    content = [w for w in words if w.lower() not in f.INITIALISM_SKIPPED]
    if len(content) < min_words or not all(w[:1].isalpha() and w[:1].isupper() for w in content):
        return None
    return "".join(w[0] for w in content).upper()


def _short_initialisms(entries: list[ListEntry]) -> dict[int, list[tuple[str, float]]]:
    """HIT for Harbin Institute of Technology: the initials of a three-word name, kept where they
    name one listed organisation. Three letters are often several names' initials; universities
    and institutes go by them (HIT, BIT, NPU), companies rarely, so where names collide an
    institution's initials are kept if it is the only institution among them."""
    by: dict[str, dict[tuple[str, ...], set[int]]] = defaultdict(lambda: defaultdict(set))
    for i, entry in enumerate(entries):
        for text in [entry.name, *entry.aliases]:
            stripped = re.sub(r"\s*\([^)]*\)", "", text).strip()
            initials = initialism(stripped, f.SHORT_INITIALISM_WORDS)
            if initials and len(initials) == f.SHORT_INITIALISM_WORDS:
                by[initials][tuple(content_tokens(stripped))].add(i)
    out: dict[int, list[tuple[str, float]]] = defaultdict(list)
    for initials, names in by.items():
        if len(names) > 1:
            names = {k: v for k, v in names.items() if any(t in ORG_WORDS for t in k)}
        if len(names) == 1:
            for i in next(iter(names.values())):
                out[i].append((initials, f.INITIALISM_WEIGHT))
    return out


_BRACKETED_INITIALS = re.compile(r"\(([A-Z]{2,6})\)")


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
                phrase = spelled_by(m.group(1), words)
                if phrase:
                    seen[m.group(1)][phrase] += 1
            if "," not in text or _BRACKETED_INITIALS.search(text):
                continue  # a name that spells its own initialisms says which phrase they are
            for part in text.split(",")[1:]:
                # A parent written after its unit ("Second Institute of Oceanography, Ministry of
                # Natural Resources") goes by its initials (MNR) when written short.
                words = part.split()
                initials = initialism(part.strip(), f.PARENT_INITIALISM_WORDS)
                if initials and any(t in ORG_WORDS for t in tokens_en(part)):
                    phrase = spelled_by(initials, words)
                    if phrase:
                        seen[initials][phrase] += 1
            head = text.split(",")[0]
            if any(t in ORG_WORDS for t in tokens_en(head)):
                # ... and a parent written before it ("Academy of Military Medical Sciences, Institute
                # of Microbiology and Epidemiology": AMMS).
                initials = initialism(head.strip(), f.PARENT_INITIALISM_WORDS)
                phrase = spelled_by(initials, head.split()) if initials else None
                if initials and phrase:
                    seen[initials][phrase] += 1
        if len(names) < 2:
            continue
        for a in names:
            for word in re.findall(r"\b[A-Z]{2,6}\b", a):
                rest = set(re.findall(r"\w+", a.replace(word, " ")))
                for b in names:
                    if b is a or word in b:
                        continue
                    extra = [w for w in re.split(r"[\s,]+", b) if w and w.strip(",.") not in rest]
                    phrase = spelled_by(word, extra)
                    if phrase and len(phrase.split()) == len(extra):
                        seen[word][phrase] += 1
    out = {}
    for acronym, phrases in seen.items():
        phrase, count = max(phrases.items(), key=lambda kv: kv[1])
        if count / sum(phrases.values()) >= f.MIN_ACRONYM_SHARE and content_tokens(phrase):  # not a legal form (JSC)
            out[acronym] = phrase
    return out


def spelled_by(acronym: str, words: list[str]) -> str | None:
    """The shortest run of words at the end of ``words`` whose initials spell ``acronym``, passing
    over connectives (of, and) and, where the initialism does, words of kind (CETC: China
    Electronics Technology Group Corporation). Returned without the connectives: the key the lists
    agree on."""
    words = [w.strip(",.") for w in words if w.strip(",.")]
    letters = acronym.lower()
    for start in range(len(words) - 2, -1, -1):
        run = words[start:]
        if run[0].lower() in f.CONNECTIVES or run[0][0].lower() != letters[0]:
            continue
        k = 0
        for w in run:
            if k < len(letters) and w[0].lower() == letters[k]:
                k += 1
            elif w.lower() not in f.CONNECTIVES and w.lower() not in STOPWORDS:
                break
        else:
            if k == len(letters):
                return " ".join(t for t in tokens_en(" ".join(run)) if t not in f.CONNECTIVES)
    return None


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
            letters = "".join(w[0] for w in re.split(r"[\s,.\-—]+", stripped) if w).upper()
            own = all(x.strip().isupper() and re.sub(r"[^A-Z]", "", x) in letters for x in inner)
            forms.setdefault(stripped, 1.0 if own else f.UNOWN_BRACKET_WEIGHT)
        for m in _ACRONYM.finditer(text):
            # "China Electronics Technology Group Corp. (CETC) 54th Research Institute": CETC is
            # the parent's initialism, not this entry's; an initialism spelled by words that do not
            # begin the name is someone else's.
            words = re.split(r"[\s,]+", text[: m.start()].strip())
            spelled = spelled_by(m.group(1), words)
            trailing = not text[m.end():].strip(" ,.")
            if trailing and (spelled is None or spelled.split()[0] == tokens_en(words[0])[:1][0]):
                forms.setdefault(m.group(1), 1.0)
        # An initialism the list does not print is the entry's own only when its own name spells it: an
        # alias is often a literal translation of the Chinese name ("Jiangsu Carbon Element Technology"
        # for 碳元科技), whose initials (JCET) nobody goes by -- and another company may (JCET Group).
        initials = initialism(stripped or text) if text == entry.name else None
        if initials:
            forms.setdefault(initials, f.INITIALISM_WEIGHT)
        unit = without_group_initialism(stripped or text)
        if unit:
            forms.setdefault(unit, f.GROUP_LESS_WEIGHT)
    return [(text, w) for text, w in forms.items() if text]


_LEADING_INITIALISM = re.compile(rf"^([A-Z]{{{f.MIN_GROUP_INITIALISM},}})\s+(?=\S)")


def without_group_initialism(name: str) -> str | None:
    """"CETC 10th Research Institute" -> "10th Research Institute": a numbered unit's name after its
    group's initialism -- a number and a kind of organisation. Only a numbered one: without its
    number what follows an initialism is often the group's own name spelled out ("CAS Chinese
    Academy of Sciences ...") or a field several groups' units share."""
    m = _LEADING_INITIALISM.match(name)
    if not m or extract_org_types(m.group(1)):
        return None  # a legal form (ZAO, OOO, JSC) is no group
    rest = name[m.end():]
    words = content_tokens(rest)
    return (rest if len(words) <= f.MAX_UNIT_DESIGNATION_WORDS and any(t.isdigit() for t in words)
            and any(t in ORG_WORDS for t in words) else None)
