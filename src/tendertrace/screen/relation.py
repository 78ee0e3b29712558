"""The relation rules: when a name that scores well is not the listed entity, and when it is a part
of it (an affiliate) rather than the entity itself. Each rule is one named function.

Rules that refuse a hit (``refusal`` names the first that applies):

- association (applied to every hit, ``association_of``): a membership body (协会, 联合会, "Association") is no unit of the company it is named
  after;
- country: a Chinese-script name (or a reading of one) reaches an entry of a country that does not
  write Chinese only through an exact alias (陆军研究院 is not Peru's Shining Path, a.k.a.
  "People's Liberation Army");
- parent: the query's organisation is not a unit listed inside it (中国科学院 is not its Academy of
  Optoelectronics; 中国电子科技集团 is not CETC's 14th Research Institute);
- own word: two Latin names that each keep a word of their own are two parties;
- sister: two units of one parent, each with its own distinguishing word or number
  (中国科学院物理研究所 is not its Institute of Semiconductors; CETC 13 is not CETC 14);
- another unit: a unit under a parent is not the listed unit whose name adds a distinguishing word;
- group form: a group company (集团有限公司) read through the glossary is not a listed company of
  its words whose English name says no group (CSIC is not its listed CSICL);
- holding: a holding or investment company is not the listed operating company of its name that
  keeps a field word of its own (湖南X控股 is not Hunan X Microelectronics);
- near name: a listed name with a field word put inside it is another organisation
  (天津|工业|大学 is not Tianjin University).

Rules that make a self match an affiliate (``subunit_of``): a sub-unit word added (天山区分局), a
bracketed place the listed name lacks ((Shenzhen)), a proper name put inside the listed name
(中国移动通信集团|福建|有限公司).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from rapidfuzz import fuzz
from rigour.names.org_types import extract_org_types
from rigour.text.phonetics import metaphone

from ..model import ListEntry
from ..text.numerals import chinese_number
from . import factors as f
from .index import IndexedName, NameIndex
from .names import (
    ASSOCIATION_ENDINGS_ZH,
    ASSOCIATION_WORDS_EN,
    CHINESE_SCRIPT_COUNTRIES,
    HOLDING_WORDS,
    KOREAN_COUNTRIES,
    NAME_CONTINUATIONS,
    ORG_WORDS,
    STOPWORDS,
    SUBUNIT_MARKERS,
    SUBUNIT_SITES,
    SUBUNIT_WORDS,
    WHOLE_INSTITUTION_ENDINGS,
    Translation,
    content_tokens,
    ends_in_legal_form,
    fold_zh,
    form_kind,
    glossary_words,
    is_chinese,
    lengthened_trade_name,
    piece_prefixes,
    pinyin_legal_words,
    reading,
    tokens_en,
    zh_legal_form_only,
)
from .score import Scored, matched, same_words, sim


def refusal(index: NameIndex, query: str, tr: Translation, reads_chinese: bool, q_tokens: list[str],
            name: IndexedName, scored: Scored) -> str | None:
    """The rule that keeps this well-scoring name from being a hit, or None when none does."""
    entry = index.entries[name.entry]
    if reads_chinese and not country_allows(query, tr, entry, name):
        return "country"
    if (scored.query_coverage >= f.FULL_COVER and scored.name_coverage < f.FULL_COVER
            and 1 <= org_count(tr.text) < org_count(name.text)):
        return "parent"
    if tr.method in f.OWN_WORD_FORMS and each_has_its_own_word(q_tokens, name.tokens):
        return "own word"
    if tr.method in f.LATIN_FORMS and other_lineage(q_tokens, name.tokens):
        return "lineage"
    if sisters(q_tokens, name.tokens, index.idf, index.rare_idf):
        return "sister"
    if names_another_unit(q_tokens, name.tokens, index.idf, index.rare_idf):
        return "another unit"
    if other_kind_of_unit(q_tokens, name.tokens):
        return "another unit"
    if adds_another_unit(q_tokens, name.tokens, index.idf, index.rare_idf):
        return "another unit"
    if tr.method == "glossary" and holding_of(tr.text, name.text):
        return "holding"
    if tr.method == "glossary" and group_against_company(query, name.text):
        return "group form"
    if (tr.method == "glossary" and scored.name_coverage >= f.FULL_COVER
            and not adds_subunit(q_tokens, name.tokens) and inserts_field_word(q_tokens, name.tokens)):
        return "near name"
    if tr.method == "glossary" and lacks_distinguishing_word(q_tokens, name.tokens, index.idf, index.rare_idf):
        return "near name"
    if tr.method == "glossary" and slipped_proper_name(q_tokens, name.tokens, index.idf, index.rare_idf):
        return "near name"
    return None


def names_association(query: str) -> bool:
    """Whether a name is a membership body's: it ends in 协会, 联合会, 学会 ... or its last English word
    is "Association", "Society" ... (name_words.yaml)."""
    written = re.sub(r"[\s()（）.,]+$", "", query)
    if written.endswith(ASSOCIATION_ENDINGS_ZH):
        return True
    words = re.findall(r"[A-Za-z]+", written)
    return bool(words) and words[-1].lower() in ASSOCIATION_WORDS_EN


def association_of(query: str, entry: ListEntry) -> bool:
    """A membership body (协会, 联合会, "Association") named after a listed company or institution is an
    organisation of its own (中国移动通信联合会 is no part of China Mobile), unless the listed entry is
    such a body too."""
    return names_association(query) and not any(names_association(n) or any(w in n for w in ASSOCIATION_ENDINGS_ZH)
                                                  or ASSOCIATION_WORDS_EN & {t.lower() for t in re.findall(r"[A-Za-z]+", n)}
                                                  for n in (entry.name, *entry.aliases))


def slipped_proper_name(query: list[str], name: tuple[str, ...], idf: dict[str, float], rare: float) -> bool:
    """天地科技 -> "Tiandi Technology" against the listed "Tiandy Technologies": a composed
    translation spells a proper name as its characters read, so a rare listed word it reaches only
    as a one-letter slip (Tiandi / Tiandy) is another name's spelling -- the alias table, not the
    score, says when a company writes its name otherwise."""
    for t in query:
        if t in name or not t.isalpha() or idf.get(t, rare) < rare or t in glossary_words():
            continue
        partners = [y for y in name if sim(t, y)]
        if partners and all(sim(t, y) == f.ONE_EDIT_CREDIT and fuzz.ratio(t, y) / 100 < f.FUZZY_RATIO
                            for y in partners):
            return True
    return False


# English words a group company's listed name carries (集团有限公司 is "X Group Co., Ltd.", "X
# Corporation", "X Holdings"): a listed name with none of them is a company of the group, not the group.
GROUP_NAME_WORDS = frozenset({"group", "corporation", "corp", "holding", "holdings", "conglomerate"})
GROUP_ZH = "集团"  # a group named without its legal form (中国船舶重工集团), as a sub-unit's parent is cut


def group_against_company(query: str, matched_name: str) -> bool:
    """中国船舶重工集团有限公司 (CSIC, the group) read word by word is not the listed "China
    Shipbuilding Industry Company Limited" (its listed stock company): a Chinese name in a group's
    legal form (or named 集团 alone) reaches through the glossary only a listed name that says it is a group."""
    folded = fold_zh(query) if is_chinese(query) else ""
    if not folded or not (form_kind(folded) == "group" or folded.endswith(GROUP_ZH)):
        return False
    return not any(t in GROUP_NAME_WORDS for t in tokens_en(matched_name))


def says_group(text: str) -> bool:
    """Whether a name says it is a group: 集团 in Chinese, "Group" (or the like) in English."""
    if is_chinese(text):
        folded = fold_zh(text)
        return form_kind(folded) == "group" or folded.endswith(GROUP_ZH)
    return any(t in GROUP_NAME_WORDS for t in tokens_en(text))


def lacks_distinguishing_word(query: list[str], name: tuple[str, ...], idf: dict[str, float], rare: float) -> bool:
    """中国|机械|进出口 -> China Machinery Import and Export against China (National) Precision
    Machinery Import/Export: the listed name keeps, between words the query has, a rare field word
    the query lacks -- another company, not a shorter writing of this one."""
    # a word sharing its first letters with one of the query's is a variant (industry / industrial)
    prefixes = {t[:f.PREFIX_LETTERS] for t in query}
    inside = [t for t in name if not matched(t, query) and t[:f.PREFIX_LETTERS] not in prefixes]
    return bool(inside) and (inserts_field_word(list(name), tuple(query))
            and any(idf.get(t, rare) >= rare and t in glossary_words() and t not in ORG_WORDS
                    and t not in SUBUNIT_WORDS for t in inside))


def subunit_of(query: str, tr: Translation, q_tokens: list[str], name: IndexedName, scored: Scored) -> bool:
    """A self match that names a part of the listed entity: the listed name plus a sub-unit."""
    full = scored.name_coverage >= f.FULL_COVER
    return ((full and adds_subunit(q_tokens, name.tokens))
            or (not is_chinese(query) and extra_parenthetical(query, name.text))
            or (tr.method == "glossary" and full and inserts_proper_name(q_tokens, name.tokens)))


def holding_of(text: str, matched_name: str) -> bool:
    """A holding's name (X Holdings) against a listed name of the same words plus a field word."""
    ours, theirs = tokens_en(text), tokens_en(matched_name)
    if not any(t in HOLDING_WORDS and t not in theirs for t in ours):
        return False
    vocabulary = glossary_words()
    return any(t in vocabulary and t not in ORG_WORDS and not matched(t, ours) for t in content_tokens(matched_name))


def inserts_proper_name(query: list[str], name: tuple[str, ...]) -> bool:
    """中国移动通信集团|福建|有限公司: the whole listed name with a place put inside it is a subsidiary."""
    extra = [i for i, t in enumerate(query) if not matched(t, name)]
    # One unmatched word, not the first, long enough to be a place ("yu" of 与 is a connective).
    return len(extra) == 1 and extra[0] > 0 and len(query[extra[0]]) >= f.PLACE_MIN_LETTERS


def inserts_field_word(query: list[str], name: tuple[str, ...]) -> bool:
    """天津|工业|大学 -> Tianjin Industry University: a glossary word, not a place, inside the listed name."""
    hits = [i for i, t in enumerate(query) if matched(t, name)]
    if not hits:
        return False
    return any(0 < i < hits[-1] and t in glossary_words() and t not in ORG_WORDS and t not in SUBUNIT_WORDS
               for i, t in enumerate(query) if i not in hits)


def sisters(query: list[str], name: tuple[str, ...], idf: dict[str, float], rare: float) -> bool:
    """Two units of one parent: each side keeps a word the other lacks -- different numbers
    (CETC 13 / CETC 14), or, beside a shared kind of unit (institute), different fields of which
    at least one is a distinguishing word (Physics / Semiconductors)."""
    own = [t for t in query if not matched(t, name)]
    other = [t for t in name if not matched(t, query)]
    if not own or not other:
        return False
    if not any(t in ORG_WORDS and t in name for t in query):
        return False
    if any(t.isdigit() for t in own) and any(t.isdigit() for t in other):
        return True
    # A word sharing its first four letters with one of the other side's is a variant (industry / industrial).
    cut = f.PREFIX_LETTERS
    own_prefixes, other_prefixes = {t[:cut] for t in own}, {t[:cut] for t in other}
    own, other = ([t for t in own if t.isalpha() and t[:cut] not in other_prefixes and not initials_of(t, other)],
                  [t for t in other if t.isalpha() and t[:cut] not in own_prefixes and not initials_of(t, own)])
    return bool(own and other) and any(idf.get(t, rare) >= rare for t in [*own, *other])


def each_has_its_own_word(query: list[str], name: tuple[str, ...]) -> bool:
    """Two names as written that each keep a word of their own (AYMAN ... AL-DULAIMI / AYMAN ...
    AL-TIKRITI; Bowne Global Solutions II / Bowne Global Solutions Denmark): two parties, however
    much else they share. Words that are spelling variants or initials of the other's are not
    their own."""
    own = [t for t in query if len(t) >= f.OWN_WORD_LETTERS and t.isalpha() and not matched(t, name)]
    other = [t for t in name if len(t) >= f.OWN_WORD_LETTERS and t.isalpha() and not matched(t, query)]
    if not own or not other:
        return False
    cut = f.SISTER_PREFIX_LETTERS
    own_prefixes, other_prefixes = {t[:cut] for t in own}, {t[:cut] for t in other}
    return (any(t[:cut] not in other_prefixes and not initials_of(t, other) for t in own)
            and any(t[:cut] not in own_prefixes and not initials_of(t, own) for t in other))


def names_another_unit(query: list[str], name: tuple[str, ...], idf: dict[str, float], rare: float) -> bool:
    """A unit under a parent (two kinds of organisation shared: academy and institute) is not the
    listed unit whose own name adds a distinguishing word: the CAS Institute of Automation is not
    the CAS Shenyang Institute of Automation. A word after the unit's name ("..., Mianyang") is
    an address, not a name."""
    if len({t for t in query if t in ORG_WORDS and t in name}) < 2:
        return False
    prefixes = {t[:f.PREFIX_LETTERS] for t in query}  # industrial / industry: a variant, not another word
    return any(t.isalpha() and idf.get(t, rare) >= rare and t[:f.PREFIX_LETTERS] not in prefixes
               and not matched(t, query) and matched(following, query)
               for t, following in zip(name, name[1:], strict=False))


# The kinds of research and teaching unit a parent has: a name's own kind says which unit it is.
UNIT_KINDS = frozenset({"academy", "institute", "laboratory", "center", "observatory", "university", "college"})


def other_kind_of_unit(query: list[str] | tuple[str, ...], name: tuple[str, ...]) -> bool:
    """Two units of one parent of different kinds: the CAS Optoelectronic Technology *Institute*
    (光电技术研究所) is not the listed *Academy* of Optoelectronics, CAS, however alike their fields.
    Both name the parent's kind (a kind word both have), and each has a kind word the other lacks,
    counted with repeats (the academy of the Academy of Sciences is the parent's). "Research
    Institute" is how 研究院 (an academy) and 研究所 (an institute) are both read, so it is no
    kind of its own here."""
    asked, listed = _unit_kinds(query), _unit_kinds(name)
    return bool(asked & listed) and bool(asked - listed) and bool(listed - asked)


def _unit_kinds(tokens: list[str] | tuple[str, ...]) -> Counter[str]:
    return Counter(t for i, t in enumerate(tokens)
                   if t in UNIT_KINDS and not (t == "institute" and i > 0 and tokens[i - 1] == "research"))


def adds_another_unit(query: list[str], name: tuple[str, ...], idf: dict[str, float], rare: float) -> bool:
    """The other way round: a unit under a parent whose name puts a distinguishing word before the
    listed unit's words is another unit (the CAS Shanghai Institute of Technical Physics is not
    the CAS Institute of Physics). The words put in run up to a word the listed name has; words
    after the unit's name are an address."""
    if len({t for t in query if t in ORG_WORDS and t in name}) < 2:
        return False
    prefixes = {t[:f.PREFIX_LETTERS] for t in name}
    run: list[str] = []
    for t in query:
        if matched(t, name):
            if any(w.isalpha() and idf.get(w, rare) >= rare and w[:f.PREFIX_LETTERS] not in prefixes for w in run):
                return True
            run = []
        else:
            run.append(t)
    return False


def initials_of(token: str, words: list[str]) -> bool:
    """CAS spells the initials of some of "chinese academy sciences"."""
    initials = "".join(w[0] for w in words)
    return len(token) >= 2 and token in initials


def country_allows(query: str, tr: Translation, entry: ListEntry, name: IndexedName) -> bool:
    """A Chinese-script query reaches an entry listed under a country that does not write Chinese
    (or, for a Korean reading, under Korea) only through an exact alias: the entry's own Chinese
    name, or the alias table naming exactly one of its published names (not a derived form:
    "Huawei Technologies (Yangon)" without its bracket is not published)."""
    country = (entry.country or "").strip().lower()
    allowed = KOREAN_COUNTRIES if tr.method == "korean" else CHINESE_SCRIPT_COUNTRIES
    if not country or country in allowed:
        return True
    folded = fold_zh(query)
    aliases: list[str] = entry.aliases
    if any(is_chinese(a) and fold_zh(a) == folded for a in aliases):
        return True
    return tr.method in f.VOUCHING and name.weight == 1.0 and same_words(name.text, tr.text)


@lru_cache(maxsize=f.WORD_CACHE)
def org_count(text: str) -> int:
    """How many words naming a kind of organisation or unit a name has (a name's own units)."""
    return sum(t in ORG_WORDS for t in tokens_en(text))


def has_bracketed(matched_name: str, word: str) -> bool:
    """The listed name has the query's bracketed word in its own brackets: 'Inspur (HK)' for （香港）."""
    inner = [content_tokens(x) for x in re.findall(r"\(([^)]*)\)", matched_name)]
    read = content_tokens(reading(word))
    initials = "".join(t[0] for t in read)
    return any(all(matched(t, x) for t in read) or initials in x for x in inner if x)


def adds_subunit(query: list[str], name: tuple[str, ...]) -> bool:
    """A sub-unit word the listed name lacks (天山区|分局); a variant of one of its words (Institute
    of the listed "Field Blood Transfusion Institution") is that word, not a unit added."""
    return any(t in SUBUNIT_WORDS and t not in name and not matched(t, name) for t in query)


def extra_parenthetical(query: str, matched_name: str) -> bool:
    """"Harbin Institute of Technology (Shenzhen)": a bracketed place the listed name does not have."""
    extra = re.findall(r"[(（]([^)）]{2,20})[)）]", query)
    # An acronym ("(NORINCO)") or a designation with a number ("(611 Institute)") restates the
    # entity; only a word the listed name lacks, such as a place, names a part of it.
    listed = set(tokens_en(matched_name))  # as words: (Hong Kong) is the listed (HK)
    return any(not set(tokens_en(x)) <= listed for x in extra
               if not x.isupper() and not any(ch.isdigit() for ch in x))


def parents(query: str) -> list[str]:
    """The leading names a sub-unit's name may be written under, longest first."""
    if is_chinese(query):
        folded = fold_zh(query)
        out = []
        for i in range(len(folded) - 2, 1, -1):
            head, rest = folded[:i], folded[i:]
            if (rest.startswith(NAME_CONTINUATIONS) and not rest.endswith(SUBUNIT_SITES)
                    and not head.endswith(WHOLE_INSTITUTION_ENDINGS)):
                continue
            if zh_legal_form_only(rest):
                continue  # 中国船舶重工|集团有限公司 is a company of that name (here its group), not a part of it
            # 海思|科医药: the trade name is 海思科, not the known 海思
            if head.endswith(SUBUNIT_MARKERS) or (_known(head) and not lengthened_trade_name(head, rest)):
                out.append(head)
        return out
    words = query.replace(",", " ,").split()
    # a name never ends with a connector: "Centre for" of "Centre for Artificial Intelligence Research" is none;
    # nor is a name's legal form in pinyin a part of it ("X Keji | Gufen Youxian Gongsi")
    forms = pinyin_legal_words()
    out = [" ".join(words[:i]).rstrip(" ,") for i in range(len(words) - 1, 1, -1)
           if content_tokens(words[i - 1].strip(","))
           and not all(t in forms for t in tokens_en(" ".join(words[i:])))]
    if len(words) > 1 and len(words[0]) >= f.PARENT_WORD_MIN_LETTERS and not set(tokens_en(words[0])) <= ORG_WORDS:
        out.append(words[0])  # "Inspur Cloud Information Technology" -> "Inspur"; never "Centre" of "Centre for …"
    parts = query.split(",")
    for k in range(1, len(parts)):
        # "West China Hospital, Sichuan University" -> "Sichuan University"; "State Key Laboratory
        # of X, Second Institute of Oceanography, MNR" -> "Second Institute of Oceanography, MNR"
        tail = ",".join(parts[k:]).strip()
        if len(tail.split()) >= 2 and any(t in ORG_WORDS for t in tokens_en(",".join(parts[:k]))):
            out.append(tail)
    return out


def names_parent(tail: str) -> bool:
    """The part of a Latin name after its last comma names an organisation a unit belongs to: a
    word of an organisation's kind (Academy, Ministry, Observatories) or an initialism (CAS), not
    a legal form ("Co., Ltd."), a sub-unit (", Tianjin Branch") or nothing."""
    if is_chinese(tail):
        return False
    words = content_tokens(tail)
    if not words or any(t in SUBUNIT_WORDS and t not in ORG_WORDS for t in words):
        return False
    compact = tail.replace("-", "")
    if compact.isalpha() and compact.isupper() and len(compact) >= f.PARENT_INITIALISM_WORDS:
        return True
    return any(t in ORG_WORDS and t not in SUBUNIT_ONLY for t in words)


# Words that name a part of an organisation and never the organisation a unit is written under.
SUBUNIT_ONLY = frozenset({"branch", "office", "division", "department", "campus", "faculty", "subsidiary"})


def parent_fits(head: str, tail: str, entry: ListEntry, matched_name: str) -> bool:
    """The parent written after a unit agrees with the listed entry: the listed name has no
    words beyond the unit's (it names no parent, so the one written is its parent or an address),
    or the parent's words or initials are the listed name's remaining words."""
    unit = tokens_en(head)
    rest = [t for t in content_tokens(matched_name) if not matched(t, unit)]
    if not rest:
        return True
    words = content_tokens(tail)
    if all(matched(t, tuple(rest)) for t in words):
        return True
    letters = tail.replace("-", "").lower()
    return letters.isalpha() and "".join(t[0] for t in rest) == letters


def _known(head: str) -> bool:
    from .names import alias

    return alias(head) is not None


# The longest bracketed part of a Latin name read as a restatement: long enough for another whole
# name of the entity ("CSSC 707 Institute (Tianjin Navigation Instruments Research Institute)", 49
# characters; the lists' longest unit names run to about 80), short enough that a bracket holding a
# sentence or an address is not read as a name.
MAX_LATIN_BRACKET = 80
_LATIN_BRACKET = re.compile(rf"\s*\(([^()]{{2,{MAX_LATIN_BRACKET}}})\)")


def latin_bracket(query: str) -> tuple[str, str, str] | None:
    """A Latin-script name with one bracketed part: the name without it, the part, and the name
    with the part put in front ("Institute of Optics (Shanghai), CAS" -> "Shanghai Institute of
    Optics, CAS"), the way the lists write a unit's place before its name."""
    if is_chinese(query):
        return None
    found = list(_LATIN_BRACKET.finditer(query))
    if len(found) != 1:
        return None
    m = found[0]
    inner = m.group(1).strip()
    without = (query[: m.start()] + query[m.end():]).strip(" ,")
    if not without or not inner:
        return None
    return without, inner, f"{inner} {without}"


def restates(inner: str, entry: ListEntry, matched_name: str) -> bool:
    """A bracketed part that says which entity, not which part of it: an initialism (NORINCO), a
    designation with a number (611 Institute), words the listed name already has (Zhengzhou of
    National Supercomputer Center Zhengzhou) or another of the entry's names has, or the place the entity is listed at (an institute
    "(Nanjing)" whose listed address is in Nanjing) -- not a campus or branch elsewhere."""
    if own_designation(inner, matched_name):
        return True
    words = content_tokens(reading(inner) if is_chinese(inner) else inner)
    if not words:
        return False
    if not is_chinese(inner) and (inner.replace("-", "").replace(" ", "").isupper() or any(ch.isdigit() for ch in inner)):
        return True
    listed = set(tokens_en(matched_name))
    if all(matched(t, tuple(listed)) for t in words):
        return True
    # ... or words one other name of the entry has: Spacety "(Changsha)", listed also as Changsha
    # Tianyi Space Science and Technology Research Institute.
    # (Not a name that is the listed one plus the place, "Harbin Institute of Technology, Shenzhen":
    # that names the campus.)
    others = [tuple(tokens_en(a)) for a in entry.aliases if not is_chinese(a)]
    if any(all(matched(t, a) for t in words) and not all(matched(t, a) for t in listed) for a in others):
        return True
    # The first address is the entity's seat; later ones are often its campuses and branches.
    seat = set(tokens_en(re.split(r";\s*and\b|;", entry.address or "")[0]))
    return bool(seat) and all(t in seat for t in words)


# Words only a body of the state begins its name with (企业名称登记管理规定 art. 9 keeps them from companies).
NATIONAL_WORDS_ZH = ("国家", "中国", "中华人民共和国")
# The kinds of state body that carry a second name (一个机构两块牌子: one body, two nameplates).
STATE_BODY_ENDINGS = ("中心", "局", "院", "委员会", "署", "办公室")
MIN_SECOND_NAME = 6  # characters: a body's whole name (国家空间天气监测预警中心), not a unit's short one


def second_name(head: str, inner: str) -> bool:
    """国家卫星气象中心（国家空间天气监测预警中心）: a state body written with its second name in brackets
    (一个机构两块牌子) -- both names begin with a national word and end as the same kind of body. A
    unit of it would not carry a national word of its own."""
    if not (is_chinese(head) and is_chinese(inner)) or len(inner) < MIN_SECOND_NAME:
        return False
    kind = next((e for e in STATE_BODY_ENDINGS if head.endswith(e)), None)
    return (kind is not None and inner.endswith(kind)
            and head.startswith(NATIONAL_WORDS_ZH) and inner.startswith(NATIONAL_WORDS_ZH))


# A unit's designation alone: 707所, 第七〇七研究所, 二院, 十四所 -- a number and a kind of unit.
_UNIT_DESIGNATION = re.compile(r"第?([0-9一二三四五六七八九十百〇零两]{1,5})(?:研究所|研究院|所|院|厂)")


def unit_number(word: str) -> int | None:
    """The number of a unit's designation written alone (（707所）, （第十四研究所）), or None."""
    m = _UNIT_DESIGNATION.fullmatch(fold_zh(word))
    return chinese_number(m.group(1)) if m else None


def own_designation(word: str, matched_name: str) -> bool:
    """天津航海仪器研究所（707所）: a bracketed designation that is the listed unit's own number (the
    listed 707th Research Institute) restates the unit; it names no part of it."""
    number = unit_number(word) if is_chinese(word) else None
    return number is not None and str(number) in tokens_en(matched_name)


# The most words a place written after a company's legal form has ("Hong Kong", "Kowloon Bay").
MAX_PLACE_WORDS = 3
_TRAILING_PLACE = re.compile(r"^(?P<head>.+?)\s*(?:,\s*(?P<comma>[^,()]+)|\((?P<bracket>[^()]+)\))\s*$")


def name_and_place(query: str) -> tuple[str, list[str]] | None:
    """"Skyverse Ltd., Hong Kong", "Tenco Technology Co., Limited (Hong Kong)", "CETC 10th Institute,
    Chengdu": a Latin company name ending in its legal form, or a numbered unit (a number and a
    kind of unit: one site, so a place after it is its address, not a campus), then a place -- the
    name and the place's words. A place is at most ``MAX_PLACE_WORDS`` words of letters, none a
    kind of organisation or unit."""
    if is_chinese(query):
        return None
    m = _TRAILING_PLACE.match(query.strip())
    if not m:
        return _one_word_and_city(query)
    head, place = m.group("head").strip(" ,"), m.group("comma") or m.group("bracket") or ""
    words = content_tokens(place)
    if (not words or len(place.split()) > MAX_PLACE_WORDS or not all(t.isalpha() for t in words)
            or any(t in ORG_WORDS or t in SUBUNIT_WORDS for t in words)
            or not (ends_in_legal_form(head) or numbered_unit(head) or one_word_name(head))):
        return None
    return head, words


def place_first(query: str) -> tuple[str, list[str]] | None:
    """"Shenzhen Intellifusion Technologies Co., Ltd.", "Hangzhou Hikvision": a Latin company name
    opened by one word that may be its registration place (a Chinese registered name opens with its
    place; the list's English often drops it), then a name that names one company by itself (a
    legal form closes it, or it is one word) -- the name and the place's word. Whether the word is a
    place of the entity is the caller's test (``place_listed``)."""
    if is_chinese(query):
        return None
    first, _sep, rest = query.strip().partition(" ")
    rest = rest.strip(" ,")
    if not first.isalpha() or not first[:1].isupper() or not rest:
        return None
    words = content_tokens(first)
    if len(words) != 1 or words[0] in ORG_WORDS or words[0] in SUBUNIT_WORDS:
        return None
    if not (ends_in_legal_form(rest) and len(content_tokens(rest)) >= 1 or one_word_name(rest)):
        return None
    return rest, words


def one_word_name(name: str) -> bool:
    """A name of one word (an initialism or a brand: CUMEC, XMC): it names one organisation, not a
    kind of one, so a place after it is its seat, not a campus of it."""
    words = content_tokens(name)
    return len(words) == 1 and words[0].isalpha() and words[0] not in ORG_WORDS and words[0] not in SUBUNIT_WORDS


def _one_word_and_city(query: str) -> tuple[str, list[str]] | None:
    """"XMC Wuhan": a one-word name and a Chinese city's name (``divisions.place_readings``)."""
    from .divisions import place_readings  # divisions reads names; imported when first used

    words = query.split()
    if len(words) != 2 or not one_word_name(words[0]):
        return None
    place = content_tokens(words[1])
    return (words[0], place) if len(place) == 1 and place[0] in place_readings() else None


def numbered_unit(name: str) -> bool:
    """"CETC 10th Institute", "CSSC 707 Research Institute": a Latin name with a number that ends
    in a kind of organisation."""
    words = tokens_en(name)
    return len(words) >= 2 and words[-1] in ORG_WORDS and any(t.isdigit() for t in words)


def place_listed(place: list[str], entry: ListEntry) -> bool:
    """The entry's country, or one of its addresses, names the place: a company written with a
    place it is listed at is the listed company, not a branch elsewhere."""
    listed = set(tokens_en(entry.address or "")) | set(tokens_en(entry.country or ""))
    return all(t in listed for t in place)


_BRACKETED = re.compile(r"\s*\([^)]*\)")  # a bracketed part, as the index drops it for a derived form


def group_fits(group: str, entry: ListEntry, matched_name: str) -> bool:
    """A unit reached through its name without its group's initialism ("10th Research Institute" of
    the listed "CETC 10th Research Institute") is that unit only under that group: "CASC 10th
    Research Institute" is another group's. A unit's published name says nothing of the group."""
    from .index import without_group_initialism

    published = [entry.name, *entry.aliases]
    if matched_name in published:
        return True
    dropped = [n for n in published if matched_name in (without_group_initialism(n),
                                                         without_group_initialism(_BRACKETED.sub("", n).strip()))]
    return not dropped or any(n.split()[0].casefold() == group.casefold() for n in dropped)


def group_prefixes(query: str) -> list[tuple[str, str]]:
    """Ways to read a name as a group's name followed by a unit's: (group, unit), longest group
    first. In Chinese the group is a name the alias table knows and the unit at least
    ``MIN_UNIT_CHARS`` characters; in Latin script the group is one initialism that the lists
    of three letters or more (AVIC, COMAC) and the unit at least two words."""
    if is_chinese(query):
        folded = fold_zh(query)
        # A head that begins no known name is no known name, nor is any longer head.
        prefixes = piece_prefixes()
        longest = 1
        while longest < len(folded) - f.MIN_UNIT_CHARS and folded[:longest + 1] in prefixes:
            longest += 1
        return [(folded[:i], folded[i:]) for i in range(longest, 1, -1) if _known(folded[:i])]
    words = query.split()
    lead = words[0].strip(",") if words else ""
    if len(words) > 2 and len(lead) >= f.MIN_GROUP_INITIALS and lead.isupper() and lead.isalpha():
        return [(lead, " ".join(words[1:]))]
    return []


def person_like(tokens: list[str] | tuple[str, ...], written: bool = False) -> bool:
    """Words that can be a person's name: letters only, no word of an organisation's kind or field -- and,
    for a name as ``written`` (its words before legal forms and stopwords go), none of those."""
    vocabulary = glossary_words()  # the words of organisations' names (cloud, information, steel)
    return bool(tokens) and all(t.isalpha() and t not in ORG_WORDS and t not in SUBUNIT_WORDS and t not in vocabulary
                                and not (written and t in STOPWORDS) for t in tokens)


def person_written(name: str) -> bool:
    """A name as written that can be a person's: Latin letters, no bracket, no legal form (rigour's
    table of organisation types: AG, OOO, GmbH) and ``person_like`` words."""
    if is_chinese(name) or "(" in name or "（" in name:
        return False
    words = tokens_en(name)
    return person_like(words, written=True) and not extract_org_types(" ".join(words))


def spelled_alike(query: list[str], name: tuple[str, ...]) -> bool:
    """One person's name in two spellings, word by word in the same order: each pair of words the
    same, a variant or an initial of the other (``_agree``), or two transliterations that sound
    alike (Wladimir / Vladimir, Husayn / Hussein, Qaddafi / Gaddafi); at least one word agrees
    as written, so that no name is found by its sound alone."""
    if len(query) != len(name) or len(query) < f.SHORT_FORM_MIN_WORDS:
        return False
    agreed = [_agree(a, b) for a, b in zip(query, name, strict=True)]
    return any(agreed) and all(ok or sounds_alike(a, b) for ok, a, b in zip(agreed, query, name, strict=True))


@lru_cache(maxsize=f.PAIR_CACHE)
def sounds_alike(a: str, b: str) -> bool:
    """Two words of ``PHONETIC_MIN_LETTERS`` or more with one Metaphone key (rigour's), lengths
    within ``PHONETIC_LENGTH_GAP`` and a rapidfuzz ratio of at least ``PHONETIC_MIN_RATIO``: one
    sound respelt, not two surnames that share a key (Marquez / Marcos, Maroghashvili / Margoshvili)."""
    return (len(a) >= f.PHONETIC_MIN_LETTERS and len(b) >= f.PHONETIC_MIN_LETTERS and a.isalpha() and b.isalpha()
            and abs(len(a) - len(b)) <= f.PHONETIC_LENGTH_GAP and fuzz.ratio(a, b) / 100 >= f.PHONETIC_MIN_RATIO
            and metaphone(a) == metaphone(b))


def short_form(query: list[str], name: tuple[str, ...]) -> bool:
    """One person's name written short: the shorter name's words all stand in the longer, in
    order, and both begin and end alike (SIRAJUDDIN HAQQANI / SIRAJUDDIN JALLALOUDINE HAQQANI,
    Thomas A. Lindeman / Thomas Lindemann). The lists give a person's whole chain of names; a
    document often gives the first and the last."""
    shorter, longer = (query, list(name)) if len(query) < len(name) else (list(name), query)
    if len(shorter) < f.SHORT_FORM_MIN_WORDS or not 0 < len(longer) - len(shorter) <= f.SHORT_FORM_MAX_LEFT_OUT:
        return False
    if not (person_like(shorter) and person_like(longer)):
        return False
    if not (_agree(shorter[0], longer[0]) and _agree(shorter[-1], longer[-1])):
        return False
    at = 1
    for t in shorter[1:-1]:
        while at < len(longer) - 1 and not _agree(t, longer[at]):
            at += 1
        if at >= len(longer) - 1:
            return False
        at += 1
    return True


def other_lineage(query: list[str], name: tuple[str, ...]) -> bool:
    """Two Arabic chains of names (X bin Y bin Z) whose links differ at one place: SALMAN BIN
    MUHAMMAD is not MUHAMMAD BIN SALMAN, nor NOUREDDINE BEN MOHAMED BEN BELKASSEM the son of ALI.
    Each link is a generation; the chains are compared link by link where both have it."""
    ours, theirs = _links(query), _links(list(name))
    if len(ours) < 2 or len(theirs) < 2:
        return False
    return any(a and b and not any(_agree(x, y) for x in a for y in b) for a, b in zip(ours, theirs, strict=False))


def _links(tokens: list[str]) -> list[list[str]]:
    links: list[list[str]] = [[]]
    for t in tokens:
        if t in f.LINEAGE_WORDS:
            links.append([])
        elif t not in f.LINEAGE_PARTICLES:
            links[-1].append(t)
    return links


def _agree(a: str, b: str) -> bool:
    """Two words of a person's name that are one: the same, a variant, or an initial and its word."""
    return matched(a, (b,)) or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


_WHOLE_COMPANY_ZH = re.compile(r"(?:有限责任公司|有限公司|股份公司)(?=.)")
_LATIN_LEGAL_WORDS = frozenset({"ltd", "limited", "inc", "llc", "plc"})


def unit_of_whole_company(query: str) -> bool:
    """A whole company's name with more after it: 北京某某科技有限公司|天津分公司, "Example Co., Ltd.
    Tianjin Branch" -- a unit of that company, whatever place it names."""
    if is_chinese(query):
        return _WHOLE_COMPANY_ZH.search(query) is not None
    words = tokens_en(query)
    return any(w in _LATIN_LEGAL_WORDS for w in words[:-1])

