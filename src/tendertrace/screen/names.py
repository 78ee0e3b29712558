"""Name normalisation and Chinese-to-English translation for screening.

BIS publishes the Entity List in English only, while tenders write parties in Chinese. A Chinese
name is bridged three ways, each explained in the hit: the curated alias table of listed entities
(knowledge/aliases_zh.csv), a compositional translation from the organisation-word glossary
(knowledge/glossary_zh_en.csv) with pinyin for the proper names between glossary words, and plain
pinyin. No library translates organisation names this way (OpenSanctions deliberately does not
romanise Han), so this part is written here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache

from pypinyin import lazy_pinyin
from pypinyin.seg.simpleseg import seg as pinyin_words
from rigour.names import extract_org_types

from ..knowledge import files as knowledge
from ..text.fold import fold_zh, is_chinese
from ..text.latin import latin_words, strip_marks
from ..text.numerals import chinese_number
from .abbrev import english_short_form
from .abbrev import expand as expand_abbreviation
from .factors import WORD_CACHE

_WORDS = knowledge.name_words()
_ABBREVIATIONS: Mapping[str, str] = _WORDS.abbreviations
# Two-word runs read as one word (hong kong -> hongkong), keyed by their first word.
_JOINED: dict[str, dict[str, str]] = {}
for _run, _word in _WORDS.joined_words.items():
    _first, _second = _run.split()
    _JOINED.setdefault(_first, {})[_second] = _word
STOPWORDS = frozenset(_WORDS.stopwords)
SUBUNIT_WORDS = frozenset(_WORDS.subunit_words)
HOLDING_WORDS = frozenset(_WORDS.holding_words)
SUBUNIT_MARKERS = tuple(_WORDS.subunit_markers)
SUBUNIT_SITES = tuple(_WORDS.subunit_sites)
NAME_CONTINUATIONS = tuple(_WORDS.name_continuations)
WHOLE_INSTITUTION_ENDINGS = tuple(_WORDS.whole_institution_endings)
ASSOCIATION_ENDINGS_ZH = tuple(_WORDS.association_endings_zh)
ASSOCIATION_WORDS_EN = frozenset(_WORDS.association_words_en)
SELF_MARKERS = frozenset(_WORDS.self_markers)
CAMPUS_MARKERS = tuple(_WORDS.campus_markers)
ORG_WORDS = frozenset(_WORDS.org_words)
CHINESE_SCRIPT_COUNTRIES = frozenset(_WORDS.chinese_script_countries)
KOREAN_COUNTRIES = frozenset(_WORDS.korean_countries)
PATRONYMIC_ENDINGS = tuple(_WORDS.patronymic_endings)
_TRAILING_BRACKET = re.compile(r"[(（]([^()（）]{1,12})[)）]\s*$")


_NOT_WORD = re.compile(r"\W")


def split_bracket(name: str) -> tuple[str, str] | None:
    """A Chinese name ending in a bracketed word: the name before it and the word
    (北京大学（本级） -> 北京大学, 本级; 哈尔滨工业大学（威海） -> 哈尔滨工业大学, 威海)."""
    if not name.rstrip().endswith((")", "）")) or not is_chinese(name):
        return None
    text = unicodedata.normalize("NFKC", name).strip()
    m = _TRAILING_BRACKET.search(text)
    if not m or not text[: m.start()].strip():
        return None
    return text[: m.start()].strip(), m.group(1).strip()


def self_marked(name: str) -> tuple[str, str] | None:
    """The name a self marker qualifies, and the marker: （本级）, （采购中心）, （校本部） name the
    organisation itself. The marker is also read unbracketed at the end (北京大学本级)."""
    split = split_bracket(name)
    if split and fold_zh(split[1]) in SELF_MARKERS:
        return split
    if name.rstrip().endswith(_BARE_SELF_MARKER):
        folded = fold_zh(name)
        if folded.endswith(_BARE_SELF_MARKER) and len(folded) - len(_BARE_SELF_MARKER) >= MIN_ORG_CHARS:
            return folded[: -len(_BARE_SELF_MARKER)], _BARE_SELF_MARKER
    return None


_BARE_SELF_MARKER = "本级"  # the one marker written without brackets too (北京大学本级)


MIN_ORG_CHARS = 4  # the shortest Chinese organisation name a marker can follow (四川大学)


@cache
def glossary_words() -> frozenset[str]:
    """The English words the glossary translates into: words of an organisation's kind or field,
    not proper names (天津|工业|大学 -> "industry" is a glossary word, "tianjin" is pinyin)."""
    return frozenset(t for en in _glossary().values() for t in tokens_en(en))


def reading(word: str) -> str:
    """The English reading of a short Chinese word: the glossary's, or pinyin as one proper name."""
    folded = fold_zh(word)
    return _glossary().get(folded) or _proper(folded)


def tokens_en(text: str) -> list[str]:
    """Lower-case word tokens of an English (or pinyin) name, abbreviations expanded, stopwords kept."""
    return list(_tokens_en(text))


@lru_cache(maxsize=WORD_CACHE)
def _tokens_en(text: str) -> tuple[str, ...]:
    """``tokens_en``, kept per text: a query's translations, its parents' and the listed names
    are tokenised again by the scorer and the relation rules."""
    words = latin_words(text)
    out: list[str] = []
    i = 0
    while i < len(words):
        joined = _JOINED.get(words[i], {}).get(words[i + 1]) if i + 1 < len(words) else None
        if words[i] in NUMBER_SIGNS and i + 1 < len(words) and words[i + 1].isdigit():
            i += 1  # "No. 703 Institute" is the 703rd Institute: the sign says nothing the number does not
            continue
        if joined is None and i + 1 < len(words) and _singular(words[i] + words[i + 1]) in _compounds():
            joined = _singular(words[i] + words[i + 1])  # Super Computing, Opto-Electronics
        word = joined or _singular(_ABBREVIATIONS.get(words[i], words[i]))
        out.extend(word.split())  # an abbreviation of several words (IT: information technology)
        i += 2 if joined else 1
    return tuple(out)


NUMBER_SIGNS = frozenset({"no", "nr", "num"})  # "No. 703", "Nr. 14": a unit's number, as the lists write "703rd"
MIN_PLURAL_LETTERS = 6  # "corps", "parts", "times" are words of their own; "metals", "sciences", "materials" are plurals
MIN_SHORT_PLURAL_LETTERS = 5  # "gases", "boxes": a short -es plural read only where its singular is a vocabulary word


def _singular(word: str) -> str:
    """An English plural of the lists' vocabulary as its singular, on both sides of a comparison: the
    lists write a name's words both ways (Heavy Industries / Heavy Industry, IT Services / Service,
    Feiyuan Gases / Gas, Observatories, Sciences, Materials). A plural whose singular is a word of that
    vocabulary -- the glossary's English, the kinds of organisation -- is read as it (-ies as -y, -es or
    -s dropped; a word of fewer than :data:`MIN_PLURAL_LETTERS` letters only its -es: "gases", not "times");
    so is a plural the vocabulary itself writes (Materials) of that length or more ("corps" is a word of
    its own). A proper name ending in s (Siemens, Jones) and endings
    that are no plural (Press, Autonomous, Analysis) stay as written."""
    if len(word) < MIN_SHORT_PLURAL_LETTERS or not _plural_like(word):
        return word
    vocabulary = _vocabulary()
    candidates = ([word[:-3] + "y"] if word.endswith("ies") else []) + ([word[:-2]] if word.endswith("es") else [])
    if len(word) >= MIN_PLURAL_LETTERS:
        candidates.append(word[:-1])  # (a short word loses only an "es": "times" is a word of its own)
    found = next((c for c in candidates if c in vocabulary), None)
    if found is not None:
        return found
    if word in vocabulary and len(word) >= MIN_PLURAL_LETTERS:
        return word[:-3] + "y" if word.endswith("ies") else word[:-2] if word.endswith(_ES_PLURALS) else word[:-1]
    return word


@cache
def _vocabulary() -> frozenset[str]:
    """The English words of organisations' names: the glossary's translations as written (Industry,
    Service, Materials) and the kinds of organisation."""
    words = {_ABBREVIATIONS.get(t, t) for en in _glossary().values() for t in latin_words(en)}
    return frozenset(words | ORG_WORDS | SUBUNIT_WORDS)


# Endings of English words that end in "s" without being plurals: Press, Autonomous, Analysis, Atlas, Kronos, Physics
# (and initialisms read as words: AIRCAS, CAS).
_NOT_PLURAL = ("ss", "us", "is", "as", "os", "ics")
_ES_PLURALS = ("sses", "xes", "ches", "shes")


def _plural_like(word: str) -> bool:
    return word.endswith("s") and not word.endswith(_NOT_PLURAL) and word.isalpha()


@cache
def _compounds() -> frozenset[str]:
    """The long one-word English of the vocabulary (Supercomputing, Optoelectronics, Microelectronics), singular:
    two words that spell one of them together (Super Computing, Opto-Electronics) are that word."""
    return frozenset(_singular(w) for w in _vocabulary() if len(w) >= MIN_COMPOUND_LETTERS)


MIN_COMPOUND_LETTERS = 8  # a compound of two real words ("microwave" is micro + wave); shorter joins are chance


def content_tokens(text: str) -> list[str]:
    """The words that say which organisation: stopwords and legal forms go."""
    return [t for t in tokens_en(without_legal_forms(text)) if t not in STOPWORDS]


@lru_cache(maxsize=200_000)
def without_legal_forms(text: str) -> str:
    """A name without its legal forms, in any language, from rigour's table (the one OpenSanctions
    matches with): Aktiengesellschaft, OAO, Sp. z o.o., Limited Liability Company.

    A two-letter form is taken off only at the end of a name ("Siemens AG", "Volvo AB"): in front
    it is as often the name itself ("LL Electronic"). A name that is nothing but legal forms stays.
    """
    if is_chinese(text):
        return text
    folded = text.casefold()
    out = folded
    for found, _canonical in extract_org_types(folded):
        at_end, anywhere = _form_patterns(found)
        letters = _NOT_WORD.sub("", found)
        if len(letters) < 3 and not at_end.search(out):
            continue
        out = anywhere.sub(" ", out)
    return out if tokens_en(out) else text


@lru_cache(maxsize=WORD_CACHE)
def legal_form_only(text: str) -> bool:
    """"Pte Ltd", "Co., Ltd.", "Sdn. Bhd.": a Latin text that is nothing but legal forms (rigour's table)
    and small words, which names no organisation (a cell or a wrapped line read alone)."""
    if is_chinese(text):
        return False
    out = text.casefold()
    found = extract_org_types(out)
    if not found:
        return False
    for form, _canonical in found:
        out = _form_patterns(form)[1].sub(" ", out)
    return not [t for t in tokens_en(out) if t not in STOPWORDS]


@lru_cache(maxsize=WORD_CACHE)
def ends_in_legal_form(text: str) -> bool:
    """"Skyverse Ltd.", "Tenco Technology Co., Limited": a Latin name whose last words are a legal
    form (rigour's table), as a company's name is written before an address put after it."""
    if is_chinese(text):
        return False
    folded = text.casefold()
    return any(_form_patterns(found)[0].search(folded) for found, _canonical in extract_org_types(folded))


@lru_cache(maxsize=WORD_CACHE)
def _form_patterns(form: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A legal form found in a name, compiled once: at the name's end, and as a word anywhere."""
    return re.compile(rf"\b{re.escape(form)}\W*$"), re.compile(rf"(?<!\w){re.escape(form)}(?!\w)")


_LEGAL_FORM = re.compile(r"(?:集团)?(?:" + "|".join(map(re.escape, _WORDS.zh_legal_forms)) + ")$")


@lru_cache(maxsize=WORD_CACHE)
@lru_cache(maxsize=1)
def pinyin_legal_words() -> frozenset[str]:
    """The PRC legal forms (name_words.yaml ``zh_legal_forms``, with 集团) written in pinyin, word by
    word and run together: gufen, youxian, zeren, gongsi, jituan, youxiangongsi."""
    from pypinyin import lazy_pinyin

    out: set[str] = set()
    for form in (*_WORDS.zh_legal_forms, "集团"):
        syllables = lazy_pinyin(form)
        out.update("".join(syllables[k: k + 2]) for k in range(0, len(syllables), 2))
        out.add("".join(syllables))
    return frozenset(out)


def zh_legal_form_only(folded: str) -> bool:
    """集团有限公司, 股份有限公司: the rest of a name is its legal form and nothing else."""
    return bool(_LEGAL_FORM.fullmatch(folded))


def core_zh(folded: str) -> str:
    """A folded Chinese name without its legal form (股份有限公司, 有限责任公司 ...)."""
    return _LEGAL_FORM.sub("", folded) or folded


# curated first: on a clash its row wins; then the listed companies' securities names (证券简称, former names)
ALIAS_FILES = ("aliases_zh.csv", "aliases_zh_sources.csv", "listed_securities_zh.csv")
GENERATED_ALIASES = "aliases_zh_sources.csv"  # built by scripts/build_aliases.py from ASPI and OFAC
# Files whose short names are looked up only as a whole name: a generated short name, and a stock
# short name, which is often two common words (中国卫星 is China Spacesat; 中国卫星网络集团 is another group).
WHOLE_ONLY_SHORT = (GENERATED_ALIASES, "listed_securities_zh.csv")
# A generated short name under this many characters (九院, 中国航天) is looked up only as a whole
# name: inside a longer one it is as often part of another name (河北航天 holds 北航, 中国航天员科研
# 训练中心 -- the PLA's astronaut centre -- holds CASC's 中国航天).
MIN_PIECE_ALIAS = 5


@cache
def _alias_rows() -> tuple[knowledge.AliasRow, ...]:
    """The alias table's rows: the curated file, then the one built from machine-readable sources."""
    return tuple(r for name in ALIAS_FILES for r in knowledge.aliases(name))


@cache
def _aliases() -> dict[str, tuple[str, str, str]]:
    out: dict[str, tuple[str, str, str]] = {}
    for name in ALIAS_FILES:
        for r in knowledge.aliases(name):
            value = (r.en, r.relation, r.source)
            folded = fold_zh(r.zh)
            if name in WHOLE_ONLY_SHORT and len(folded) < MIN_PIECE_ALIAS:
                out.setdefault("whole:" + folded, value)
                continue
            out.setdefault(folded, value)
            out.setdefault(f"core:{core_zh(folded)}|{form_kind(folded)}", value)
    return out


@cache
def _alias_cores() -> frozenset[str]:
    """The names the alias table holds without their legal forms (its ``core:`` keys' names)."""
    return frozenset(key[len("core:"):].rpartition("|")[0] for key in _aliases() if key.startswith("core:"))


_GROUP_FORM = re.compile(r"集团(?:有限责任公司|有限公司|公司)$")
_STOCK_FORM = re.compile(r"(?<!集团)(?:股份有限公司|股份公司)$")
# Legal forms that may stand for one another when a name is looked up without its own: a group
# (X集团有限公司, the parent) and a joint-stock company of its name (X股份有限公司, most often the
# group's listed subsidiary: 中国船舶重工集团有限公司 is CSIC, not its listed CSICL) are two entities.
COMPATIBLE_FORMS = {"group": ("group", "plain"), "stock": ("stock", "plain"), "plain": ("plain", "group", "stock")}


@lru_cache(maxsize=WORD_CACHE)
def form_kind(folded: str) -> str:
    """A Chinese name's legal form, as a kind: ``group``, ``stock`` or ``plain`` (any other, or none)."""
    if _GROUP_FORM.search(folded):
        return "group"
    return "stock" if _STOCK_FORM.search(folded) else "plain"


@cache
def _glossary() -> dict[str, str]:
    return {fold_zh(r.zh): r.en for r in knowledge.glossary()}


@cache
def _pinyin_glossary() -> dict[tuple[str, ...], str]:
    """Glossary words by their pinyin, to read romanised queries ("Sichuan Daxue")."""
    out: dict[tuple[str, ...], str] = {}
    for zh, en in _glossary().items():
        out[tuple(lazy_pinyin(zh))] = en
    return out


@cache
def _pinyin_aliases() -> dict[str, tuple[str, str, str, str]]:
    """The alias table by the pinyin of each Chinese name (also without its legal form, and with
    only its 集团 / 股份 kept), run together, for names written in pinyin: en, relation, source, the Chinese name.

    Pinyin drops the characters: 中芯 (SMIC), 中信 (CITIC) and 中心 all read "zhongxin". Only names
    of four characters or more are read this way, and a reading two entries share is dropped.
    """
    out: dict[str, tuple[str, str, str, str]] = {}
    ambiguous: set[str] = set()
    for r in _alias_rows():
        folded = fold_zh(r.zh)
        for form in {folded, core_zh(folded), _KIND_WORD_KEPT.sub("", folded)}:
            if len(form) < 4:
                continue
            key = _compact_latin("".join(pinyin(form)))
            if key in out and out[key][0] != r.en:
                ambiguous.add(key)
            out.setdefault(key, (r.en, r.relation, r.source, r.zh))
    return {k: v for k, v in out.items() if k not in ambiguous}


# A name in pinyin often keeps the word that says what kind of company it is and drops the rest of
# its legal form: "Zhongguo Jiaotong Jianshe Jituan" is 中国交通建设集团(有限公司), not its 股份 company.
_KIND_WORD_KEPT = re.compile(r"(?<=集团|股份)(?:有限责任公司|有限公司|公司)$")


def _compact_latin(text: str) -> str:
    """Letters only, without tone marks, ü and pypinyin's v as u: "Zhōngguó Kēxuéyuàn" -> "zhongguokexueyuan"."""
    text = strip_marks(text).lower()
    return re.sub(r"[^a-z]", "", text).replace("v", "u")


MIN_NESTED_ALIAS = 6  # characters: a listed unit found after its parent's name is at least this long
MIN_INTERMEDIATE = 3  # characters: a middle unit of a parent chain is a name of its own (国家天文台, 分院), not a marker alone


def without_parent(folded: str) -> str | None:
    """The name from the first listed unit written after its parent's name on: 中国人民解放军军事科学院|
    军事医学研究院基础医学研究所 -> 军事医学研究院基础医学研究所 (the Academy of Military Medical Sciences'
    Institute of Basic Medicine; the parent in front only dilutes the match). The head must end as an
    organisation's name does (学院, 集团, 大学 ...): 杭州|电子科技大学 is another university, not UESTC."""
    table, prefixes = _aliases(), piece_prefixes()
    for start in range(2, len(folded) - MIN_NESTED_ALIAS + 1):
        # After a head that is no marker, only a unit named beyond the parent's shorter name.
        shortest = 0 if folded[:start].endswith(SUBUNIT_MARKERS) else _longer_name_of_next(folded, start)
        if shortest is None:
            continue
        for end in range(len(folded), max(start + MIN_NESTED_ALIAS - 1, shortest), -1):
            piece = folded[start:end]
            if piece in prefixes and piece in table and table[piece][1] == "self":
                return folded[start:]
    return through_intermediate(folded)


def _longer_name_of_next(folded: str, start: int) -> int | None:
    """中国人民解放军|军事医学科学院野战输血研究所: the head and the organisation the rest begins with are
    together another name of that organisation (中国人民解放军军事医学科学院 and 军事医学科学院 are both
    the Academy of Military Medical Sciences): the parent written by its longer name, which the
    listed unit's own name (军事医学科学院野战输血研究所) writes by its shorter one. Where the shorter
    name ends, or None."""
    table, prefixes = _aliases(), piece_prefixes()
    if folded[:start] not in prefixes:
        return None  # no known name begins with the head
    for end in range(start + MIN_INTERMEDIATE, len(folded)):
        longer = folded[:end]
        if longer not in prefixes:
            return None
        shorter = table.get(folded[start:end])
        row = table.get(longer)
        if row is not None and shorter is not None and row[1] == shorter[1] == "self" and row[0] == shorter[0]:
            return end
    return None


@lru_cache(maxsize=1)
def _member_prefixes() -> tuple[str, ...]:
    return tuple(row.prefix for row in knowledge.abbreviations().member_prefixes)


def with_member_prefix(folded: str) -> str | None:
    """黄埔文冲船舶有限公司 -> 中船黄埔文冲船舶有限公司: a state group's member written without the group's
    short name its registered name begins with (knowledge/abbreviations_zh.yaml, ``member_prefixes``),
    where the name with it is a ``self`` row of the alias tables; at least ``MIN_NESTED_ALIAS``
    characters, as a listed unit found after its parent's name is."""
    if len(folded) < MIN_NESTED_ALIAS:
        return None
    for prefix in _member_prefixes():
        if folded.startswith(prefix):
            return None  # written with a group's name already
        row = _aliases().get(prefix + folded)
        if row is not None and row[1] == "self" and _own_name(core_zh(folded)):
            return prefix + folded
    return None


def _own_name(core: str) -> bool:
    """A name that says which organisation without its group's: it begins with a place (黄埔|文冲船舶,
    天津|航道局) or has characters no glossary word covers (a trade name). 海洋与防务装备, glossary
    words only, is a line of business any group's company may have."""
    from .divisions import divisions

    table = divisions()
    if any(core[:size] in table.by_name for size in range(2, min(len(core), table.longest) + 1)):
        return True
    glossary, prefixes = _glossary(), piece_prefixes()
    i = 0
    while i < len(core):
        end, j = 0, i + 2
        while j <= len(core) and core[i:j] in prefixes:
            if core[i:j] in glossary:
                end = j
            j += 1
        if not end and core[i] in CONNECTIVES_ZH:
            end = i + 1
        if not end:
            return True  # a character no glossary word takes: a proper name
        i = end
    return False


CONNECTIVES_ZH = frozenset("与和及")  # 海洋|与|防务: joins two words of a line of business, names nothing


def through_intermediate(folded: str) -> str | None:
    """A listed unit written with the chain of its parents, the middle one left out of the listed
    name: 中国科学院|国家天文台|南京天文光学技术研究所 is 中国科学院南京天文光学技术研究所, the listed unit
    the observatory administers. The group (a head that names in the alias table begin with, ending
    as an organisation does) and the rest after the middle unit must together be a whole ``self``
    row of the table."""
    table, prefixes = _aliases(), piece_prefixes()
    for head in range(2, len(folded) - MIN_NESTED_ALIAS):
        group = folded[:head]
        if group not in prefixes:
            break  # no longer head begins a known name either
        if not group.endswith(SUBUNIT_MARKERS):
            continue
        for start in range(head + MIN_INTERMEDIATE, len(folded) - MIN_NESTED_ALIAS + 1):
            if not folded[head:start].endswith(SUBUNIT_MARKERS):
                continue
            joined = group + folded[start:]
            row = table.get(joined)
            if row is not None and row[1] == "self":
                return joined
    return None


@cache
def _self_names_by_entity() -> dict[str, tuple[str, ...]]:
    """Every ``self`` name of the alias tables by the listed name it stands for, each folded."""
    out: dict[str, list[str]] = {}
    for key, (en, relation, _source) in _aliases().items():
        if relation == "self" and ":" not in key:
            out.setdefault(en, []).append(key)
    return {en: tuple(names) for en, names in out.items()}


MIN_UNIT_AFTER_PARENT = 3  # characters of a unit's own name after its parent's (研究所 at least)


def under_another_parent_name(folded: str) -> str | None:
    """A listed unit written under another name of its parent: 军事医学研究院|放射与辐射医学研究所 is
    the table's 军事医学科学院放射与辐射医学研究所 -- the parent renamed, or written by its full or
    short name, where the unit's own name is the table's. The head must be a ``self`` name of the
    table, the other name of the same listed entity, and the other name plus the rest a ``self``
    row of the table; the longest head first. The table's name, or None."""
    table, prefixes, by_entity = _aliases(), piece_prefixes(), _self_names_by_entity()
    for end in range(len(folded) - MIN_UNIT_AFTER_PARENT, 1, -1):
        head = folded[:end]
        if head not in prefixes:
            continue
        row = table.get(head)
        if row is None or row[1] != "self":
            continue
        rest = folded[end:]
        for other in by_entity.get(row[0], ()):
            found = table.get(other + rest) if other != head else None
            if found is not None and found[1] == "self" and found[0] != row[0]:
                return other + rest
    return None


@dataclass(frozen=True, slots=True)
class Translation:
    text: str  # English (or pinyin) form to match
    method: str  # alias | glossary | pinyin | as-is | pinyin-alias | pinyin-glossary
    relation: str = "self"
    source: str = ""


@lru_cache(maxsize=WORD_CACHE)
def alias(folded: str) -> tuple[str, str, str] | None:
    """The alias-table row for a folded name, also when only the legal form differs. Kept per
    name: a name's translation and the parent rules look up the same heads again."""
    table = _aliases()
    hit = table.get(folded)
    if hit is not None:
        return hit
    core = core_zh(folded)
    if core not in _alias_cores():
        return None  # no row has this name without its legal form, in any form
    for kind in COMPATIBLE_FORMS[form_kind(folded)]:
        hit = table.get(f"core:{core}|{kind}")
        if hit is not None:
            return hit
    return None


def whole_alias(folded: str) -> tuple[str, str, str] | None:
    """A generated short name (九院, 中国航天), found only when it is the whole name: never as a
    piece of a longer name nor as the parent of one (中国航天|员科研训练中心 is not CASC's)."""
    return _aliases().get("whole:" + folded)


# The source of a translation that reads a Chinese name word by word past a known name inside it:
# a fallback, tried where the other translations reach no entry.
WORD_BY_WORD = "read word by word"


@lru_cache(maxsize=50_000)
def translate(name: str) -> tuple[Translation, ...]:
    """English forms of a name to screen, most trustworthy first."""
    return tuple(_translate(name))


def _translate(name: str) -> list[Translation]:
    if not is_chinese(name):
        out: list[Translation] = [Translation(name, "as-is")]
        known = _pinyin_aliases().get(_compact_latin(name))
        if known is None:
            # its legal form in pinyin dropped ("... Keji Gufen Youxian Gongsi"): the table holds each
            # name without its legal form too
            words = tokens_en(name)
            forms = pinyin_legal_words()
            while words and words[-1] in forms:
                words = words[:-1]
            if words and len(words) < len(tokens_en(name)):
                known = _pinyin_aliases().get(_compact_latin("".join(words)))
        if known:  # "Haerbin Gongye Daxue" is the pinyin of 哈尔滨工业大学 in the alias table
            en, relation, source, zh = known
            out.append(Translation(en, "pinyin-alias", relation, f"{zh}: {source}"))
        reading = _read_pinyin(name)
        if reading and reading.lower() != name.lower():
            out.append(Translation(reading, "pinyin-glossary"))
        return out
    folded = fold_zh(name)
    if alias(folded) is None and whole_alias(folded) is None:
        folded = expand_abbreviation(folded) or folded  # 中电科14所 -> 中国电子科技集团公司第14研究所
    out = []
    hit = alias(folded) or whole_alias(folded)
    unit = None if hit else without_parent(folded)
    if unit:
        hit = alias(unit)
    if not hit:
        renamed = under_another_parent_name(unit or folded)  # 军事医学研究院X, listed as 军事医学科学院X
        hit = alias(renamed) if renamed else None
    if not hit and not unit:
        member = with_member_prefix(folded)  # 黄埔文冲船舶有限公司 is 中船黄埔文冲船舶有限公司
        hit = alias(member) if member else None
    if hit:
        out.append(Translation(hit[0], "alias", hit[1], hit[2]))
    if unit and not alias(unit):
        unit_composed = _compose(unit)
        if unit_composed:
            out.append(Translation(unit_composed[0], "glossary", unit_composed[1]))
    composed = _compose(folded)
    if composed:
        out.append(Translation(composed[0], "glossary", composed[1]))
        # A known name inside a longer one may be only its trade name's characters (苏州华为投资 is
        # listed as "Suzhou Huawei Investment", 苏州南大光电材料 as "Suzhou Nanda Optoelectronic
        # Materials"): the name read word by word too.
        plain = None if hit else _compose(folded, with_aliases=False)
        if plain and plain[0] != composed[0]:
            out.append(Translation(plain[0], "glossary", "self", WORD_BY_WORD))
    group = english_short_form(unit or folded)
    if group:  # "AVIC Leihua Electronic Technology Research Institute", as the lists print AVIC's units
        rest = _compose(group[1])
        out.append(Translation(f"{group[0]} {rest[0] if rest else _proper(group[1])}", "glossary",
                               rest[1] if rest else "self"))
    if not hit and not composed:
        # Plain pinyin, syllable by syllable, for names neither the alias table nor the glossary
        # reads (a person's name, 张伟 -> "zhang wei"); a composed form already carries the
        # proper names in pinyin, joined as English writes them.
        latin = " ".join(pinyin(re.sub(r"[^\u4e00-\u9fff]", "", folded)))
        out.append(Translation(latin, "pinyin"))
    return out


_ORDINAL_UNIT = re.compile(r"第?([一二三四五六七八九十百零〇\d]{1,6})(研究所|研究院|所|院)")
# A number written digit by digit in Chinese (七六四, 二〇八): a run of this many Chinese digits, or
# one with a zero (〇 is written only in numbers), is a number, as a company's name carries its
# factory's code (天津七六四通信导航 is the listed "Tianjin 764 Communication and Navigation").
# Shorter runs without a zero are words (三一重工, 九三学社) and stay as they are; 两 (two of
# something) and 零 (零件, 零售: parts, retail) are words too and are not read as digits here.
POSITIONAL_MIN_DIGITS = 3
_POSITIONAL_RUN = re.compile(r"[一二三四五六七八九〇]{2,}")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _numbered_units(folded: str) -> str:
    """第十四研究所 / 十四所 -> a marker the composer reads as "14th Research Institute"."""
    def repl(m: re.Match[str]) -> str:
        n = chinese_number(m.group(1))
        if n is None or n == 0:
            return m.group(0)
        kind = "Research Institute" if m.group(2) in ("研究所", "所") else "Academy"
        return f"[{_ordinal(n)} {kind}]"

    return _NUMBERED_FACTORY.sub(lambda m: f"[{m.group(1) or m.group(2)} Factory]",
                                 _positional_numbers(_ORDINAL_UNIT.sub(repl, folded)))


# A factory named by its number (二三九厂, 159厂): the lists write "239 Factory" ("CASIC 3rd Academy's
# 239 Factory"), no ordinal; the number is read first, written in Chinese digits or Arabic ones.
_NUMBERED_FACTORY = re.compile(r"\[(\d+)\]厂|(?<![\d\[])(\d+)厂")


def _positional_numbers(folded: str) -> str:
    """天津七六四通信 -> 天津[764]通信: a run of Chinese digits written place by place (see
    ``POSITIONAL_MIN_DIGITS``), as a marker the composer reads as the Arabic number."""
    def repl(m: re.Match[str]) -> str:
        run = m.group(0)
        if len(run) < POSITIONAL_MIN_DIGITS and "〇" not in run:
            return run
        n = chinese_number(run)
        return run if n is None else f"[{n}]"

    return _POSITIONAL_RUN.sub(repl, folded)


def _compose(folded: str, with_aliases: bool = True) -> tuple[str, str] | None:
    """Greedy longest-match over aliases and the glossary; pinyin for the runs between.

    Returns the English and the relation: ``affiliate`` when an alias used inside names a
    subsidiary (天翼云 -> China Telecom). Without ``with_aliases``, the glossary and pinyin alone.
    """
    words: list[str] = []
    relation = "self"
    folded = _numbered_units(folded)
    run = ""
    i = 0
    aliases, glossary, prefixes = _aliases() if with_aliases else {}, _glossary(), piece_prefixes()
    matched = False
    while i < len(folded):
        if folded[i] == "[":
            close = folded.find("]", i)
            if close > i:
                if run:
                    words.append(_proper(run))
                    run = ""
                words.append(folded[i + 1: close])
                matched = True
                i = close + 1
                continue
        # The longest piece from here that the glossary or the alias table knows; a longer
        # piece can only be known if this one begins a known name.
        end = 0
        j = i + 2
        while j <= len(folded) and folded[i:j] in prefixes:
            if _known_piece(folded[i:j], glossary, aliases):
                end = j
            j += 1
        if end:
            piece = folded[i:end]
            en = glossary.get(piece)
            if not en:
                en = aliases[piece][0]
                if aliases[piece][1] == "affiliate":
                    relation = "affiliate"
            if run:
                words.append(_proper(run))
                run = ""
            words.append(en)
            matched = True
            i = end
        else:
            if run and run[-1].isascii() != folded[i].isascii() and (run[-1].isalpha() or folded[i].isalpha()):
                # a brand in Latin letters beside Chinese (LINKZOL联众集群, SOPHGO武汉算能) is a word of its own
                words.append(_proper(run))
                run = ""
            run += folded[i]
            i += 1
    if run:
        words.append(_proper(run))
    return (" ".join(words), relation) if matched else None


MAX_PIECE = 24  # characters: the longest glossary or alias-table name looked for inside a name
# A trade name (字号) has two to four characters (海思, 海康威视; 企业名称登记管理规定实施办法, 2023,
# art. 11 asks two or more): a known name this short may be the start of another company's.
MAX_SHORT_NAME = 4


def lengthened_trade_name(head: str, rest: str) -> bool:
    """海思|科|医药集团股份有限公司: a known short name followed by one character that begins no known
    word, then a field word, in a company's name, is another company's trade name (海思科, a
    drug maker, not HiSilicon): the character belongs to the trade name, as no word takes it."""
    if len(head) > MAX_SHORT_NAME or len(rest) < 3 or not _LEGAL_FORM.search(rest):
        return False
    if rest[:2] in piece_prefixes():
        return False  # 海思|光电子: the rest begins a known word
    glossary = _glossary()
    return any(rest[1:j] in glossary for j in range(3, min(len(rest), MAX_PIECE + 1) + 1))


def _known_piece(piece: str, glossary: dict[str, str], aliases: dict[str, tuple[str, str, str]]) -> bool:
    return bool(glossary.get(piece)) or bool(piece in aliases and aliases[piece][0])


@cache
def piece_prefixes() -> frozenset[str]:
    """Every beginning (two characters or more) of a glossary or alias-table name."""
    glossary, aliases = _glossary(), _aliases()
    known = [k for k in [*glossary, *aliases] if len(k) <= MAX_PIECE and _known_piece(k, glossary, aliases)]
    return frozenset(k[:n] for k in known for n in range(2, len(k) + 1))


_PLACE_SUFFIX = re.compile(r"(?<=.{2})[省市县]$")


@lru_cache(maxsize=WORD_CACHE)
def _proper(run: str) -> str:
    """A proper name in pinyin, as English writes it: one capitalised word (深圳 -> Shenzhen)."""
    if not is_chinese(run):
        return run
    run = _PLACE_SUFFIX.sub("", run)  # 北京市 -> Beijing, as English names write places
    place = _leading_place(run)
    if place:  # 深圳一电 -> "Shenzhen Yidian": the lists write a company's place and trade name apart
        return f"{_proper(run[:place[0]])} {_proper(run[place[1]:])}"
    return "".join(pinyin(run)).capitalize()


# A trade name (字号) has two characters or more (企业名称登记管理规定实施办法, 2023, art. 11): a
# shorter rest after a place is no trade name of its own (深圳市 -> 深圳 + 市 is the place alone).
MIN_TRADE_NAME_CHARS = 2
_PLACE_WORDS = ("市", "省")  # a province's or prefecture's own word, written or left out


def _leading_place(run: str) -> tuple[int, int] | None:
    """(end of the place name, start of the rest) when an unread run begins with the name of a
    province or prefecture (GB/T 2260) and goes on with a trade name of its own; None otherwise.
    County names are left alone: many are words that begin trade names too."""
    from .divisions import divisions  # divisions reads names' folding: imported when first used

    table = divisions()
    for size in range(min(table.longest, len(run) - MIN_TRADE_NAME_CHARS), 1, -1):
        found = {d for word in ("", *_PLACE_WORDS) for d in table.by_name.get(run[:size] + word, ())}
        if len(found) != 1 or next(iter(found)).level == "county":
            continue
        start = size + 1 if run[size] in _PLACE_WORDS else size
        if len(run) - start >= MIN_TRADE_NAME_CHARS:
            return size, start
    return None


def pinyin(text: str) -> list[str]:
    """Toneless pinyin, as ``pypinyin.lazy_pinyin`` gives it, a word of its segmentation at a time.

    lazy_pinyin converts every syllable's tone marks afresh on each call; names repeat their words
    (北京, 科技, 有限), so each segmented word's reading is kept. A word reads the same wherever it
    stands: pypinyin picks a phrase's readings from the phrase alone.
    """
    return [syllable for word in pinyin_words(text) for syllable in _word_pinyin(word)]


@lru_cache(maxsize=100_000)
def _word_pinyin(word: str) -> tuple[str, ...]:
    return tuple(lazy_pinyin(word))


def _read_pinyin(name: str) -> str | None:
    """Replace glossary words written in pinyin ("Daxue", "Yanjiusuo") with their English."""
    toks = tokens_en(name)
    if not toks:
        return None
    syllables: list[list[str]] = [split_syllables(t) for t in toks]
    flat = [s for group in syllables for s in group]
    word_of = [n for n, group in enumerate(syllables) for _ in group]
    starts = {0, *(k for k in range(1, len(flat)) if word_of[k] != word_of[k - 1])}
    table = _pinyin_glossary()
    out: list[tuple[str, int | None]] = []  # an English word (None), or a syllable and its written word
    i = 0
    changed = False
    while i < len(flat):
        for j in range(min(len(flat), i + 8), i, -1):
            # A glossary word read across written words must begin and end where they do:
            # "Jisuan Jishu" is 计算 技术, not 计算机 + "shu".
            if word_of[i] != word_of[j - 1] and not (i in starts and (j == len(flat) or j in starts)):
                continue
            en = table.get(tuple(flat[i:j]))
            if en and (j - i) >= 2:
                out.append((en, None))
                i = j
                changed = True
                break
        else:
            out.append((flat[i], word_of[i]))
            i += 1
    if not changed:
        return None
    # The syllables left of one written word are that word again ("Nan da" -> "nanda"); those of two
    # words stay two ("Suzhou Nanda", not "suzhounan da").
    joined: list[str] = []
    last: int | None = None
    for word, written in out:
        if written is not None and written == last and joined:
            joined[-1] += word
        else:
            joined.append(word)
        last = written
    return " ".join(joined)


_INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w")


def warm_tables() -> None:
    """Load the static translation tables (alias table, glossaries, the pinyin syllable set and
    pypinyin's dictionaries) now rather than on the first name screened."""
    _aliases()
    _alias_cores()
    _glossary()
    _pinyin_glossary()
    _pinyin_aliases()
    piece_prefixes()
    glossary_words()
    _syllables()
    english_short_form("中")  # the state groups' English short names
    expand_abbreviation("中")  # the abbreviation rules (compiled patterns) and the university short names
    lazy_pinyin("中")


@cache
def _syllables() -> frozenset[str]:
    from pypinyin.constants import PINYIN_DICT

    out: set[str] = set()
    for value in list(PINYIN_DICT.values())[:40000]:
        for reading in value.split(","):
            out.add(strip_marks(reading))
    return frozenset(out)


def split_syllables(token: str) -> list[str]:
    """Split a run of pinyin ("daxue") into syllables ("da", "xue"); other words stay whole."""
    valid = _syllables()
    n = len(token)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        if best[i] is None:
            continue
        for j in range(min(n, i + 6), i, -1):
            if token[i:j] in valid and (best[j] is None or len(best[j]) > len(best[i]) + 1):  # type: ignore[arg-type]
                best[j] = [*best[i], token[i:j]]  # type: ignore[misc]
    split = best[n]
    return split if split else [token]
