"""Organisations named anywhere in a text, Chinese or English, each with its role.

A Chinese name is found from the word it ends with (大学, 研究所, 有限公司 … from knowledge/orgs.yaml
and the organisation words of glossary_zh_en.csv) and read leftwards until a boundary: punctuation,
a verb or preposition of procurement prose (采购, 签订, 与 …), a role word or a group-company word
(全资子公司). An English name is a run of capitalised words that ends with an institution word or a
legal form. The role comes from the words around the name: a role word before it (采购人：, 用户单位,
甲方为), a bracket after it (（以下简称“乙方”）, ("the Purchaser")), or the contract it is signed into
(与……签订 …合同, "entered into an agreement with"); a listed company's announcement makes the company
the supplier of its customer. Every other organisation is ``mentioned``.

Matching runs on the folded match text (simplified, half-width), which has the length of the visible
text, so every span points at what the user reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import cast

from ..knowledge import files as knowledge
from ..model import Role
from ..text.dates import find_date
from ..text.fold import fold_pattern
from ..text.fold import line_end as end_of_line
from ..text.fold import line_start as start_of_line
from .award_en import en_award_parties
from .award_news import award_news_winners
from .clauses import AT_PLACE, WRAP_LINE, clause_roles
from .literals import longest_word_pattern

# The longest Chinese organisation name read leftwards from its suffix: 中国科学院长春光学精密机械与物理研究所
# has 19 characters and the longest names of the listed Chinese entities about 30; 40 leaves room.
MAX_ZH_NAME = 40
# Glossary words up to this length are organisation words (研究所, 附属医院); longer rows are whole
# names of institutions (中国电子科技集团有限公司), which the recogniser reads through their suffix.
MAX_GLOSSARY_SUFFIX = 4
# A bracket inside a name holds a place or a short qualifier: （深圳）, （庆阳）, （集团）.
MAX_INNER_BRACKET = 8
# How far before a name its role word may stand (采购单位名称：, "supplied by ").
ROLE_WINDOW = 24
# How far after a name the contract verb of "与X签订……合同" may stand.
SIGN_WINDOW = 40
# How far before an English counterpart its verb may stand ("has entered into a computing power
# service agreement with"): one clause.
EN_SIGN_WINDOW = 120
# The clause searched before an English name for its verb: the verb's window and the words between
# the verb and the counterpart's own article ("an agreement for GPU servers with the").
EN_CLAUSE_REACH = EN_SIGN_WINDOW + 30
# How many characters of adverbs may stand between a buyer and its verb (近日通过代理商购买).
VERB_GAP = 10
# How far a procurement's noun may follow the verb that opens it: a year range and an item
# ("启动2020-2021年人工智能服务器产品集采" has 19 characters between).
LAUNCH_REACH = 30
# Or the price it pays between them ("X以1.84亿元的价格采购", "X以498万元购置", "X斥资1.2亿元采购",
# "X拟投入预算980万元，采购"), as news prose tells a purchase.
_PRICE_BEFORE_VERB = (r"(?:以[^，,。；;:：\n]{0,16}?元(?:的(?:价格|总价|报价|金额))?"
                      r"|(?:近日|日前|拟|将|计划)?(?:斥资|投入|投资|出资)(?:预算|资金)?[^，,。；;:：\n]{0,16}?元[，,]?\s*(?:用于)?)")
# The longest thing ending of orgs.yaml (实验台, 工作站 …), the window it is looked for in.
THING_WORD = 4
# The lines of a notice's heading, where its issuer stands.
HEAD_LINES = 4
# Where a disclosure's announcer is named: the first lines of the announcement.
ANNOUNCER_HEAD = 600
# The sentence around a counterpart that says what its contract sells or buys.
CONTRACT_WINDOW = 80

# A bracket may give the short name first and the role after it: （以下简称“公司”、“乙方”）.
_SHORT_NAME_FIRST = r"(?:[“\"「『'][^”\"」』'()]{1,12}[”\"」』']\s*[、,，]\s*)?"
# ... or qualify the role after a comma: （联合体成员，城地香江全资子公司）.
_ROLE_QUALIFIER = r"(?:[,，、][^()\n]{1,20})?"

_CJK = r"\u3400-\u9fff"
_SIGN = re.compile(r"签订|签署|订立|签约|签定|达成")


@dataclass(frozen=True, slots=True)
class OrgName:
    """One organisation named in a text."""

    name: str  # as the visible text writes it
    start: int
    end: int
    role: Role
    masked: bool = False
    cue: str | None = None  # the words that gave the role: 采购人, 乙方, 与…签订, announcer …


@dataclass(frozen=True, slots=True)
class _Vocab:
    suffix: re.Pattern[str]
    weak: frozenset[str]
    not_after: frozenset[str]
    left_always: re.Pattern[str]
    joiners: frozenset[str]
    generic_heads: frozenset[str]
    compounds: re.Pattern[str]
    fragment_start: re.Pattern[str]
    glossary_words: frozenset[str]
    thing_end: re.Pattern[str]
    numerals: frozenset[str]
    title_words: re.Pattern[str]
    masked_only: frozenset[str]
    boundary: re.Pattern[str]
    cut: re.Pattern[str]
    never_inside: frozenset[str]
    generic_edge: re.Pattern[str]
    generic_edge_end: re.Pattern[str]
    buyer_verb_after: re.Pattern[str]
    win_after: re.Pattern[str]
    masks: tuple[str, ...]
    prose_verbs: tuple[str, ...]
    opening_verbs: tuple[str, ...]
    role_of: dict[str, Role]
    role_sizes: tuple[int, ...]
    role_after: re.Pattern[str]
    right_ok: re.Pattern[str]
    suffix_end: re.Pattern[str]
    en_name: re.Pattern[str]
    en_suffix_words: frozenset[str]
    en_suffix_any: re.Pattern[str]
    en_stop_heads: frozenset[str]
    en_provider_after: re.Pattern[str]
    en_buyer_after: re.Pattern[str]
    en_role_phrase: re.Pattern[str]
    en_role_of: dict[str, Role]
    disclosure: tuple[str, ...]
    sells: tuple[str, ...]
    buys: tuple[str, ...]


def _alternation(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, longest first, as a trie: Python's regex engine
    tries the branches of a plain alternation one by one, which for a few hundred words costs more
    than the rest of the recogniser; a trie tries one branch per character."""
    unique = sorted({w for w in words if w})
    return "(?:" + _trie(unique) + ")" if unique else "(?!)"


def _trie(words: list[str]) -> str:
    if words == [""]:
        return ""
    groups: dict[str, list[str]] = {}
    for word in words:
        if word:
            groups.setdefault(word[0], []).append(word[1:])
    branches = []
    for ch in sorted(groups):
        rests = sorted(groups[ch], key=len, reverse=True)
        optional = "" in rests
        longer = [r for r in rests if r]
        tail = _trie(longer) if longer else ""
        if tail:
            tail = "(?:" + tail + ")" + ("?" if optional else "")
        branches.append(re.escape(ch) + tail)
    return "|".join(branches) if len(branches) > 1 else branches[0]


def _glossary_suffixes() -> list[str]:
    """Organisation words of the screening glossary: the Chinese words whose English is an institution
    word (研究所 Institute, 实验室 Laboratory, 附属医院 Affiliated Hospital …)."""
    heads = ("Institute", "University", "Laboratory", "College", "School", "Center", "Academy", "Hospital",
             "Bureau", "Department", "Government", "Company", "Corporation", "Group", "Branch", "Co. Ltd.")
    out = []
    for row in knowledge.glossary():
        zh, en = row.zh, row.en
        if 2 <= len(zh) <= MAX_GLOSSARY_SUFFIX and any(en.endswith(h) for h in heads) and not zh.startswith("第"):
            out.append(zh)
    return out


def _glossary_words() -> list[str]:
    """The Chinese words of the screening glossary that are no proper name (电力, 科技, 信息 …): a name
    whose head is one of them alone (电力公司, 科技有限公司) names no one."""
    return [fold_pattern(row.zh) for row in knowledge.glossary()
            if 2 <= len(row.zh) <= 4 and not row.zh.startswith("第")]


@cache
def _vocab() -> _Vocab:
    conf = knowledge.orgs()
    fold = fold_pattern
    suffixes = [fold(w) for w in [*conf.zh_suffixes, *_glossary_suffixes()]]
    role_of: dict[str, Role] = {}
    en_role_of: dict[str, Role] = {}
    for role, words in conf.roles.items():
        for word in words:
            if re.search(r"[A-Za-z]", word):
                en_role_of[word.lower()] = cast(Role, role)  # a party role: knowledge/files.py checks the keys
            else:
                role_of[fold(word)] = cast(Role, role)  # a party role: knowledge/files.py checks the keys
    for role, phrases in conf.en_role_phrases.items():
        for phrase in phrases:
            en_role_of[phrase.lower()] = cast(Role, role)  # a party role: knowledge/files.py checks the keys
    roles_alt = _alternation(role_of)
    left_always = [fold(w) for w in conf.zh_left_always]
    joiners = [fold(w) for w in conf.zh_joiners]
    en_suffix_words = frozenset(conf.en_suffixes)
    cap = r"(?:[A-Z][A-Za-z\u00c0-\u024f\u02bb\u02bc0-9'’&\-]*\.?|[A-Z]\.)"  # (Hawaiʻi, Zürich)
    conn = r"(?:" + "|".join(re.escape(c) for c in conf.en_connectors) + r")"
    paren = r"\([A-Z][A-Za-z ]{1,24}\)"
    legal = r"(?:,?[ ]?(?:Co\.,?[ ]?Ltd\.?|CO\.,?[ ]?LTD\.?|Ltd\.?|LTD\.?|Inc\.?|INC\.?|Limited|LIMITED|LLC|Corp\.?|CORP\.?|PLC|plc|GmbH|AG|S\.A\.|N\.V\.|B\.V\.))"
    en_name = re.compile(
        r"(?<![A-Za-z0-9])" + cap + r"(?:(?:[ ]+" + conn + r")*[ ]+(?:" + cap + r"|" + paren + r")|" + legal + r")*"
    )
    return _Vocab(
        suffix=re.compile(_alternation(suffixes)),
        weak=frozenset(fold(w) for w in conf.zh_weak_suffixes),
        not_after=frozenset(fold(w) for w in conf.zh_not_after),
        left_always=re.compile(_alternation([*left_always, *role_of])),
        joiners=frozenset(joiners),
        generic_heads=frozenset(fold(w) for w in conf.zh_generic_heads),
        compounds=re.compile(_alternation(map(fold, conf.zh_compounds))),
        numerals=frozenset(fold(conf.zh_numerals)),
        thing_end=re.compile("(?:" + _alternation(map(fold, conf.zh_thing_endings)) + ")$"),
        title_words=re.compile(_alternation(map(fold, conf.notice_title_words))),
        masked_only=frozenset(fold(w) for w in conf.zh_masked_only),
        never_inside=frozenset(fold(w) for w in conf.zh_never_inside),
        boundary=re.compile(r"[^\u3400-\u9fff〇A-Za-z()0-9]|[" + "".join(map(fold, conf.zh_never_inside))
                            + r"]|(?<![第\d])\d+(?:[ \t]?(?:年度|[年月日](?!\d)))?"),  # "9 月 12 日与X": a date's spaced 日 too  # 2023年9月杭州…, 2024年度山东…: a date's 月 opens no name
        cut=re.compile(_alternation([*left_always, *role_of, *joiners])),
        generic_edge=re.compile("^" + _alternation([*map(fold, conf.zh_generic_heads), *suffixes])),
        generic_edge_end=re.compile(_alternation([*map(fold, conf.zh_generic_heads), *suffixes]) + "$"),
        glossary_words=frozenset(_glossary_words()),
        fragment_start=re.compile(_alternation(map(fold, conf.zh_fragment_starts))),
        buyer_verb_after=re.compile(
            r"(?:(?:" + _PRICE_BEFORE_VERB + r"|[^，,。；;:：\n与和同向的为对由及签|]{0," + str(VERB_GAP) + r"}?)(?:"
            + _alternation(map(fold, conf.buyer_verbs_after)) + ")"
            # "X启动…集采", "X完成…的集采": the procurement X opens or closes, its noun later in the clause
            + r"|[^，,。；;:：\n与和同向的为对由及签|]{0," + str(VERB_GAP) + r"}?(?:" + _alternation(map(fold, conf.buyer_launch_verbs))
            + r")[^，,。；;:：\n]{0," + str(LAUNCH_REACH) + r"}?(?:" + _alternation(map(fold, conf.procurement_nouns)) + r"))"
            + r"(?!" + _alternation(map(fold, conf.verb_noun_heads)) + ")"
        ),
        # "X以498万元中标", "X 35298 万元中标", "X作为联合牵头人中标", "X所投微机以最低价中标", "X成功中标…"
        win_after=re.compile(
            r"\s*(?:作为[^，,。；;\n]{0,10}?|所投[^，,。；;\n]{0,12}?)?"
            # "由A、B、C 3家国内知名车企中标", "A等4家公司中标": the list's count and kind before the verb
            r"(?:等?\s*(?:\d{1,2}|[两二三四五六七八九十])\s*家[^，,。；;\n\d]{0,10}?(?:企业|车企|公司|单位|厂家|厂商|供应商|机构))?"
            r"(?:以[^，,。；;\n]{0,24}?|\d[\d.,]*\s*(?:亿|万)?元\s*|已|成功|顺利|再次|被(?:确定|确认|选定|推选)为(?:本项目|该项目|本次采购)?的?)?"
            r"(?:" + _alternation(map(fold, conf.zh_win_verbs)) + r")"
            + r"(?!" + _alternation(map(fold, conf.zh_win_nouns)) + r")"
            + r"|\s*被(?:确定|确认|选定)为(?:本项目|该项目|本次采购)?的?(?:中标|成交|中选)(?:人|单位|供应商|方)"
            # "确认X为中标商", "X为本项目成交供应商": the result's statement of who won
            + r"|\s*为(?:本项目|该项目|本次采购|本次)?的?(?:中标|成交|中选)(?:人|单位|供应商|方|商)(?!候选)"
            + r"|\s*关于(?:项目|公司)?(?:中标|成交|中选)(?!候选)"
        ),
        masks=tuple(fold(w) for w in conf.zh_masks),
        prose_verbs=tuple(fold(w) for w in (*conf.zh_right_verbs, *conf.zh_left_always, *conf.zh_prose_verbs)),
        opening_verbs=tuple(fold(w) for w in conf.zh_opening_verbs),
        role_of=role_of,
        role_sizes=tuple(sorted({len(w) for w in role_of}, reverse=True)),
        role_after=re.compile(
            r"\s*\((?:以下简称|以下称|下称|简称|作为|系|为)?\s*" + _SHORT_NAME_FIRST
            + r"[“\"「『']?(?P<role>" + roles_alt + r")[”\"」』']?" + _ROLE_QUALIFIER + r"\)"
        ),
        right_ok=re.compile(_alternation([*left_always, *joiners, *role_of, *map(fold, conf.zh_right_verbs), "所长", "院长", "校长", "主任", "董事会",
                                          "党委", "名下", "等"])),
        suffix_end=re.compile(r"(?:" + _alternation(suffixes) + r")$"),
        en_name=en_name,
        en_suffix_words=en_suffix_words,
        en_suffix_any=re.compile(_alternation(w.rstrip(".") for w in en_suffix_words)),
        en_stop_heads=frozenset(conf.en_stop_heads),
        en_provider_after=re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*)?(?:,[^,.]{0,60},\s*)?(?:(?:" + _EN_TIME_WORDS + r"|both|all|just)\s+)?(?:"
                                     + _alternation(conf.en_provider_verbs_after) + r")\b"),
        en_buyer_after=re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*)?(?:,[^,.]{0,60},\s*)?(?:recently\s+|has\s+recently\s+|(?:" + _EN_TIME_WORDS + r")\s+)?(?:"
                                  + _alternation(conf.en_buyer_verbs_after) + r")\b"),
        en_role_phrase=re.compile(
            # a bilingual form's label gives its other language after a slash ("Buyer / 구매자:", "Seller / 卖方：")
            r"(?P<role>" + _alternation(en_role_of) + r")[\"”]?\)?(?:\s*/\s*[^\s:：/A-Za-z]{1,12})?\s*(?:[:：,]\s*|is\s+|was\s+)?(?:the\s+)?$", re.I
        ),
        en_role_of=en_role_of,
        disclosure=tuple(conf.disclosure_markers),
        sells=tuple(fold(w).lower() for w in conf.sells),
        buys=tuple(fold(w).lower() for w in conf.buys),
    )


def _is_name_char(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or ch == "〇" or ch.isascii() and ch.isalpha()


# -- Chinese ----------------------------------------------------------------------------------


def _hard_start(match: str, s: int, vocab: _Vocab) -> int:
    """Where the run of name characters that ends at ``s`` begins: after punctuation, a space, a
    character no name holds, a digit (but 第28研究所 keeps its ordinal) or an unbalanced bracket;
    a short bracket that closes inside the run stays (（深圳）)."""
    floor = max(0, s - MAX_ZH_NAME)
    window = match[floor:s]
    begin = 0
    for m in vocab.boundary.finditer(window):
        begin = m.end()
    for back in range(1, 4):
        # A boundary word that holds a character no name holds (被告单位, 被告人): the name starts after it.
        word = vocab.left_always.match(window, begin - back) if begin >= back else None
        if word and word.end() > begin:
            begin = word.end()
            break
    part = window[begin:]
    if "(" in part or ")" in part:
        depth_ok = 0
        for i, ch in enumerate(part):
            if ch == "(":
                close = part.find(")", i)
                inner = part[i + 1: close] if close > 0 else ""
                if close < 0 or not inner or len(inner) > MAX_INNER_BRACKET or vocab.boundary.search(inner):
                    depth_ok = i + 1
            elif ch == ")":
                open_at = part.rfind("(", 0, i)
                if open_at < depth_ok:
                    depth_ok = i + 1
        begin += depth_ok
    return floor + begin


def _head_ok(head: str, vocab: _Vocab) -> bool:
    """The part of a name before its suffix holds a proper name, not only references and organisation
    words (本, 该, 全资子, 公司 …): 公司全资子公司 is no name."""
    rest = head
    while len(rest) >= 2:
        m = vocab.generic_edge.match(rest) or vocab.generic_edge_end.search(rest)
        if not m or not m.group(0):
            break
        rest = rest[: m.start()] + rest[m.end():]
    return len(rest) >= 2


def _masked(head: str, vocab: _Vocab) -> bool:
    # a lone Latin letter stands for a name withheld (X公司, A公司, 客户B单位) as 某 does
    return any(m in head for m in vocab.masks) or len(head) == 1 and head.isascii() and head.isalpha()


# A short name a bracket defines: （简称“华铁大黄蜂”）, (以下简称"电光云").
_DEFINED_SHORT = re.compile(r"简称\s*[:：]?\s*[“\"「『]([\u3400-\u9fffA-Za-z0-9]{2,12})[”\"」』]")


def _left_cut(match: str, begin: int, s: int, vocab: _Vocab, shorts: tuple[str, ...] = ()) -> tuple[int, str | None]:
    """Where a name that ends with the suffix at ``s`` starts, at or after ``begin``; with the role
    word that stands right before it, if any."""
    window = match[begin:s]
    cuts = [(m.start(), m.end(), m.group(0)) for m in vocab.cut.finditer(window)]
    for i, (c_start, c_end, word) in enumerate(reversed(cuts)):
        head = window[c_end:]
        if not head and i == 0 and word not in vocab.joiners:
            return s, None  # a suffix right after a verb or preposition (由银行, 采购中心) names nothing
        if not head or not (_head_ok(head, vocab) or _masked(head, vocab) and head):
            if i == 0 and len(word) > 1 and word not in vocab.role_of and word not in vocab.joiners:
                return s, None  # a verb, then no proper name (组织原评标委员会): the verb ends no name's start
            continue
        if word in vocab.joiners and word not in vocab.role_of:
            left = window[:c_start]
            if word in _PAIR_JOINERS and (_place_leads(head) or _masked(head, vocab)):
                # (... and so does a masked one: "莲花紫星与H公司签订", "X与某公司合作")
                # "以单一来源方式与广州极算信息科技有限公司": a name that opens with its place is a name of its own.
                return begin + c_end, None
            designated = left[-1:] in _DESIGNATORS and _ends_with(vocab.left_always, left[-9:-1])
            if len(left) == 1 and not (left in vocab.joiners or _ends_with(vocab.left_always, left)):
                continue  # one character before the joiner is no name of its own: the joiner is inside (云从科技)
            if len(left) > 1 and not vocab.suffix_end.search(left) and not _ends_with(vocab.left_always, left[-8:]) \
                    and not designated and not (shorts and left.endswith(shorts)) \
                    and not any(left.endswith(m) for m in vocab.masks):
                continue
        return begin + c_end, word if word in vocab.role_of else None
    return begin, None


# A whole name, a joiner, then the rest of a longer run (X有限公司及省分公司, X有限公司等子公司): where the
# rest is no proper name, the run is the name and a reference to its units, not one name.
_NAME_THEN_REFERENCE = re.compile(r"(?:有限公司|有限责任公司|集团|公司)(?:以及|及|等|和|与|或)(?P<rest>[^及等和与或]*)$")


# An English form's label, with its colon, right before a name on its line ("Buyer:", "Seller / 판매자:").
_EN_LABEL_BEFORE = re.compile(r"[A-Za-z][A-Za-z ]{1,30}(?:\s*/\s*[^\s:：/A-Za-z]{1,12})?\s*[:：][ \t]*$")


# The preposition of the one bought from, right before a name ("转为向X租赁", "从X处采购").
_FROM_BEFORE = re.compile(r"(?:向|从|自)[ \t]*$")
_CLAUSE_BREAK = re.compile(r"[，,。；;！!？?\n]")


# The letters that tell one party of a kind from another (客户甲为X, 供应商A为Y, 客户一).
_DESIGNATORS = "甲乙丙丁ABCDE一二三四五"
# The suffix of a company named without its legal form (华为公司, 奥飞公司), or of a disclosure's
# reference to itself (提交公司股东会, 交易对手方为公司): 公司法 art. 7 puts 有限公司 or 股份有限公司 in every
# registered name, so a bare 公司 after prose words is no name.
_BARE_COMPANY = "公司"


def _prose_head(head: str, vocab: _Vocab) -> bool:
    """The words before a bare 公司 end in a verb or joiner of prose (提交公司, 与公司, 优化公司) or a
    reference (独立于本公司, 缴付目标公司)."""
    return head[-1:] in vocab.joiners or any(head.endswith(v) for v in vocab.prose_verbs) \
        or any(head.endswith(g) for g in vocab.generic_heads) or head.endswith(("目标", "标的"))


# The joiners of two parties ("A与B签订"), not of two words of one name (精密机械与物理研究所).
_PAIR_JOINERS = ("与", "和", "同", "跟")
# How many characters of a name's opening may be a division's name (内蒙古自治区 has six).
MAX_PLACE = 6


@cache
def _places() -> frozenset[str]:
    """The names of the PRC's divisions and their short forms (广州市, 广州; 江苏省, 江苏), folded."""
    out: set[str] = set()
    for row in knowledge.divisions():
        name = fold_pattern(row.name)
        out.add(name)
        short = _short_division(name)
        if len(short) >= 2:
            out.add(short)
    return frozenset(out)


def _place_leads(head: str) -> bool:
    """``head`` opens with a division's name (广州极算信息科技 opens with 广州)."""
    places = _places()
    return any(head[:n] in places for n in range(2, min(MAX_PLACE, len(head) - 1) + 1))


def places_only(head: str) -> bool:
    """``head`` is a run of divisions' names and nothing else (上海市松江区, 江苏省南京市)."""
    places, i = _places(), 0
    while i < len(head):
        n = next((n for n in range(min(MAX_PLACE, len(head) - i), 1, -1) if head[i: i + n] in places), 0)
        if not n:
            return False
        i += n
    return bool(head)


def _ends_with(words: re.Pattern[str], text: str) -> bool:
    """``text`` ends with one of ``words`` (货物销售给 does; 销售给西岭数 does not)."""
    return any(m.end() == len(text) for m in words.finditer(text)) or any(
        words.fullmatch(text, i) for i in range(max(0, len(text) - 8), len(text)))


def _zh_orgs(match: str, vocab: _Vocab) -> list[tuple[int, int, str | None, bool]]:
    """(start, end, role word before it, masked) of every Chinese organisation name."""
    found: dict[int, tuple[int, str | None, bool, bool]] = {}  # start -> (end, role word, masked, firm end)
    # The short names the text defines (简称“华铁大黄蜂”): one before a joiner is a party's name, as a
    # full name would be ("华铁大黄蜂为X公司提供算力云服务").
    shorts = tuple(m.group(1) for m in _DEFINED_SHORT.finditer(match)) if "简称" in match else ()
    for m in vocab.suffix.finditer(match):
        s, e = m.start(), m.end()
        if s == 0 or not _is_name_char(match[s - 1]) and match[s - 1] not in ")0123456789":
            continue
        suffix = m.group(0)
        compound = vocab.compounds.match(match, s)
        if compound and compound.end() - s >= len(suffix) or len(suffix) == 1 and s > 0 and match[s - 1] in vocab.numerals:
            continue
        nxt = match[e] if e < len(match) else ""
        # A Chinese name ends where the script changes (威海市智慧文旅服务中心GPU云服务器).
        firm = not nxt or not "\u3400" <= nxt <= "\u9fff" or bool(vocab.right_ok.match(match, e))
        if not firm and (suffix in vocab.weak or nxt in vocab.not_after):
            continue
        begin = _hard_start(match, s, vocab)
        if begin == s:
            continue
        start, role_word = _left_cut(match, begin, s, vocab, shorts)
        if start == s:
            continue
        fragment = vocab.fragment_start.match(match, start)
        if fragment and _place_leads(match[fragment.end():s]):
            start = fragment.end()  # "控股子公司北京青云智算科技有限公司" wrapped as "控股子\n公司北京…": the name opens at its place
        head = match[start:s]
        masked = _masked(head, vocab)
        if suffix == _BARE_COMPANY and not masked and _prose_head(head, vocab) or head.startswith(vocab.opening_verbs):
            continue
        tail = _NAME_THEN_REFERENCE.search(head)
        if tail is not None and not _head_ok(tail.group("rest"), vocab):
            continue  # 中国联合网络通信有限公司及省分公司, X有限公司等子公司: a name, then a reference to its units
        if not masked and (suffix in vocab.masked_only or not _head_ok(head, vocab)
                           or vocab.fragment_start.match(match, start)
                           or head in vocab.glossary_words and (suffix.endswith("公司") or suffix in vocab.weak)):
            continue
        if suffix in vocab.weak and not masked and len(head) < 3 or vocab.thing_end.search(match, max(0, e - THING_WORD), e):
            continue
        prev = found.get(start)
        # A longer name from the same start replaces one whose end was not followed by a boundary
        # (中国科学院 → 中国科学院物理研究所); after a boundary word (大学采购……中心) the first stands.
        if prev is None or not prev[3]:
            found[start] = (e, role_word, masked, firm)
    out = [(start, end, role, masked) for start, (end, role, masked, _firm) in sorted(found.items())]
    # Of overlapping names keep the longer (中国科学院 inside 中国科学院物理研究所).
    kept: list[tuple[int, int, str | None, bool]] = []
    for item in sorted(out, key=lambda x: (x[0], -(x[1] - x[0]))):
        if kept and item[0] < kept[-1][1]:
            if item[1] > kept[-1][1] and item[0] == kept[-1][0]:
                kept[-1] = item
            continue
        kept.append(item)
    return kept


# -- English ----------------------------------------------------------------------------------


# A legal form ends an English company's name: "Jiangcheng Computing Co., Ltd. for US$680,000" is
# the company, then the price ("Institute for Advanced Study" goes on past its institution word).
_EN_LEGAL_END = re.compile(r"^(?:Ltd\.?|LTD\.?|Limited|LIMITED|Inc\.?|INC\.?|LLC|L\.L\.C\.|PLC|plc|GmbH|AG|LLP|Bhd\.?|BHD\.?|Pty\.?|Pvt\.|K\.K\.|Tbk|S\.[A-Za-z.]+)$")


# The legal forms a company's name ends with when a form or an invoice writes it in capitals
# ("HANBIT GLOBAL TRADING CO., LTD."): only these, not every institution word in capitals (a heading's
# CENTER, OFFICE or GROUP).
_EN_LEGAL_CAPITALS = frozenset({"CO", "LTD", "LIMITED", "INC", "CORP", "CORPORATION", "LLC", "PTE", "BHD", "PLC", "GMBH"})
_EN_LEGAL_CAPITALS_ANY = re.compile(r"\b(?:CO|LTD|LIMITED|INC|CORP|CORPORATION|LLC|PTE|BHD|PLC|GMBH)\b")


def _en_orgs(text: str, vocab: _Vocab) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    if not vocab.en_suffix_any.search(text) and not _EN_LEGAL_CAPITALS_ANY.search(text):
        return out
    for m in vocab.en_name.finditer(text):
        run = m.group(0)
        if " " not in run or not (vocab.en_suffix_any.search(run) or _EN_LEGAL_CAPITALS_ANY.search(run)):
            continue
        tokens = list(re.finditer(r"[A-Za-z][A-Za-z0-9'’&\-.]*", run))
        last = None
        for tok in tokens:
            word = tok.group(0)
            if word in vocab.en_suffix_words or word.rstrip(".,") in vocab.en_suffix_words or word.rstrip(",") in vocab.en_suffix_words \
                    or word.isupper() and word.rstrip(".,") in _EN_LEGAL_CAPITALS:
                last = tok
        if last is None:
            continue
        first = 0
        while first < len(tokens) and (tokens[first].group(0) in vocab.en_stop_heads
                                       or tokens[first].group(0).lower().endswith(("-based", "-registered", "-headquartered", "-listed"))):
            first += 1  # "Singapore-based Lionpeak Compute Pte. Ltd." names Lionpeak
        if first >= len(tokens):
            continue
        rest = run[last.end():]
        if tokens[first].start() >= last.start():
            # "University of Northmoor", "Ministry of Science and Technology": the institution word first
            of = re.match(r"[ ]+(?:of|for)[ ]+[A-Z]", rest)
            if not of or tokens[first] is not last:
                continue
            whole = run.split(" (")[0].rstrip(" ,")  # a bracket after it names a department
            out.append((m.start() + tokens[first].start(), m.start() + len(whole)))
            continue
        start, end = m.start() + tokens[first].start(), m.start() + last.end()
        if re.match(r"[ ]+(?:of|for)[ ]+[A-Z]", rest) and not _EN_LEGAL_END.search(last.group(0)):
            end = m.start() + len(run.rstrip(" ,"))
        if len(tokens[first: tokens.index(last) + 1]) < 2:
            continue
        out.extend(_en_pair(text, start, end, vocab))
    # "Aerospace Information Research Institute, Chinese Academy of Sciences": a sub-unit and its parent.
    merged: list[tuple[int, int]] = []
    for start, end in out:
        if merged and text[merged[-1][1]: start] == ", " and re.search(r"\b(?:Academy|Group|Corporation)\b", text[start:end]) \
                and re.search(r"\b(?:Institute|Laboratory|School|College|Center|Centre)\b", text[merged[-1][0]: merged[-1][1]]):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


# "Tsinghua University and Zhejiang Lab", "Sugon and the National Supercomputing Center": two names
# joined by "and" -- where the part before ends with an institution or legal word, or "the" opens
# the part after (Ministry of Science and Technology stays whole).
_EN_AND = re.compile(r" and (?P<the>the )?")


def _en_pair(text: str, start: int, end: int, vocab: _Vocab) -> list[tuple[int, int]]:
    """The names a run of capitalised words holds: itself, or its parts on either side of an "and"
    that joins two names (the part before kept when it ends with a suffix word and has two words)."""
    for m in _EN_AND.finditer(text, start, end):
        before = text[start: m.start()].rstrip(",")
        if not (m.group("the") or before.rsplit(" ", 1)[-1] in vocab.en_suffix_words):
            continue
        head = [(start, start + len(before))] if " " in before and before.rsplit(" ", 1)[-1] in vocab.en_suffix_words else []
        return head + _en_pair(text, m.end(), end, vocab)
    if " " not in text[start:end]:
        return []
    last = text[start:end].rsplit(" ", 1)[-1]
    if last.endswith(".") and last not in vocab.en_suffix_words and not _EN_ABBREVIATION.fullmatch(last):
        end -= 1  # the full stop of the sentence the name ends ("supplied by Pacific Compute Limited.")
    return [(start, end)]


# A word a full stop belongs to: an abbreviation (Ltd., Co., S.A., Bhd., Pte., K.K.), not a sentence's end.
_EN_ABBREVIATION = re.compile(r"(?:[A-Za-z]\.)+|(?:Co|Ltd|Inc|Corp|Bhd|Pte|Pty|Pvt|Tbk|Plc|Cie|Mfg|Intl|Bros|Jr|Sr|St"
                              r"|CO|LTD|INC|CORP|BHD|PTE|PTY|PVT|PLC)\.")


# -- roles ------------------------------------------------------------------------------------

# What may stand between a role word and the name: 名称, a bracketed second role (供应商（乙方）：), a
# colon or 为.
_LABEL_TAIL = re.compile(r"(?:[一二三四五六七八九十甲乙丙丁]|[A-E](?![A-Za-z])|\d{1,2})?(?:名称|名|信息)?\s*(?:[(（][^()（）]{1,6}[)）])?\s*(?:如下)?\s*(?:[:：]|为|是)?\s*[“\"「『]?\s*$")


# How far back a spaced label may reach (使 用 单 位 名 称: eleven characters with its spaces), and the
# spaces between its characters.
ROLE_SPACED = 16
_LABEL_SPACES = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")


def _role_word_before(before: str, vocab: _Vocab) -> str | None:
    """The role word that ends right before a name (采购人：, 甲方为, 用户单位名称:), if any."""
    head = before[: _LABEL_TAIL.search(before).start()]  # type: ignore[union-attr]
    if " " in head[-ROLE_SPACED:] or "\u3000" in head[-ROLE_SPACED:]:
        # a label spaced to align a form's columns (供 应 商：, 使 用 单 位：) is the label
        head = head[:-ROLE_SPACED] + _LABEL_SPACES.sub("", head[-ROLE_SPACED:])
    for size in vocab.role_sizes:
        if head[-size:] in vocab.role_of:
            return head[-size:]
    return None


def _sentence(match: str, pos: int) -> tuple[int, int]:
    ends = "。；;!?！？\n"
    start = max(match.rfind(ch, 0, pos) for ch in ends) + 1
    stops = [i for i in (match.find(ch, pos) for ch in ends) if i >= 0]
    return start, min(stops) if stops else len(match)


def is_disclosure(match: str) -> bool:
    """A company's own announcement (a listed company's 公告, a press release), or a report of one that
    names the company by its stock code (电光科技(002730)于6月26日晚间公告)."""
    head = match[:ANNOUNCER_HEAD * 2]
    return any(marker in head for marker in _vocab().disclosure) or bool(_REPORTED_DISCLOSURE.search(head))


# A news report of a listed company's announcement: its short name, its six-digit A-share code in a
# bracket (上海/深圳证券交易所 codes; .SH/.SZ as sites suffix them), then the announcing verb.
# The pattern starts at the bracket, a literal the engine finds fast, and looks back for the name.
_REPORTED_DISCLOSURE = re.compile(r"(?<=[\u3400-\u9fff]{2})\(\d{6}(?:\.S[HZ])?\)[^。；;\n]{0,16}?(?:公告|披露)")


def _contract_direction(match: str, pos: int, vocab: _Vocab) -> Role | None:
    """What the contract in the sentence at ``pos`` makes the announcer's counterpart."""
    s, e = _sentence(match, pos)
    sentence = match[max(s, pos - CONTRACT_WINDOW): min(e, pos + CONTRACT_WINDOW)].lower()
    # The contract's content stated as what is provided: by the announcer ("主要内容为提供40台GPU服务器"), or
    # to it ("由对方向公司提供").
    if _PROVIDED_TO_ANNOUNCER.search(sentence):
        return "supplier"
    if _PROVIDES.search(sentence) or _ANNOUNCER_PROVIDES.search(sentence):
        return "buyer"
    if any(w in sentence for w in vocab.buys):
        return "supplier"
    if any(w in sentence for w in vocab.sells):
        return "buyer"
    return None


# The announcer as the one that provides ("由公司提供", "，公司将提供"): its counterpart is its customer.
_ANNOUNCER_PROVIDES = re.compile(r"(?:^|[，,。；;由])\s*(?:本)?(?:公司|集团)(?:将|拟|负责|须|需)?提供")
_PROVIDED_TO_ANNOUNCER = re.compile(r"(?:向|为)(?:本)?(?:公司|集团)(?:及其?[^，,。；]{0,8}?)?提供|to the company")
_PROVIDES = re.compile(r"(?:内容为|负责|为其|向其|为客户|向客户)[^，,。；]{0,12}?提供|(?:内容为|负责)(?:交付|部署|建设)")


# A bracketed short name or qualifier right after a name, before the words that give its role.
_BRACKET_AFTER = r"\s*+(?:[（(][^（）()\n]{0,30}[）)]\s*+)?"  # possessive: no backtracking over a run of blanks
# "收到X发出的《中标通知书》": X issued the award letter, so X is the one that awarded (the buyer).
_AWARD_LETTER_FROM = re.compile(_BRACKET_AFTER + r"(?:发出|出具|下发|签发|发来)的?\s*[《<“\"]?(?:中标|成交|中选)通知书")
# "统一通过杭州极栈网络科技有限公司代充值", "通过代理商X开通账号": the intermediary that buys for the
# unit is the one it pays, its supplier.
# "委托X代为开通AWS海外账号", "委托X代充值": the one entrusted to open an account or pay for it is the
# intermediary that supplies it ("委托X采购" names an agency: not this).
_OPENS_FOR = re.compile(r"\s*(?:代为|代)(?:开通|开立|注册|充值|续费|支付|付款)")
_BOUGHT_THROUGH = re.compile(_BRACKET_AFTER + r"(?:代为?|为其|为我们|帮助)?(?:充值|开通|采购|购买|购置|租用|订购|办理|开具|代购|代付|支付)")
# "X（下稱「本院」）現邀請合資格服務供應商就以下服務提交標書": the body that invites bids is the buyer.
_INVITES_BIDS = re.compile(_BRACKET_AFTER + r"(?:现|現|诚|誠|特)?(?:邀请|邀請|诚邀|誠邀)[^。；;\n]{0,40}?(?:提交|参与|參與|参加|參加)[^。；;\n]{0,6}?(?:标书|標書|投标|投標|报价|報價|响应|響應|建议书|建議書)")
# "浪潮信息获得了最大的中标份额", "神州数码预计中标数量1711台": a framework award's share, as news reports it.
_WIN_SHARE = re.compile(_BRACKET_AFTER + r"(?:(?:获得|拿下|斩获|赢得|取得)了?[^，,。；;\n]{0,10}?(?:中标|中选)(?:份额|数量|金额)"
                        r"|(?:预计|共|累计)(?:中标|中选)(?:份额|数量)"
                        # "华为最终成功拿下这项预算金额高达5亿元的算力大单": news of the contract it won
                        r"|(?:最终|再次|一举)?(?:成功)?(?:拿下|斩获|摘得|揽获|赢得)了?[^，,。；;\n]{0,30}?(?:大单|订单|项目|合同|标段|标包))")
# "中贝通信(603220)为该数据中心提供服务器", "X将向用户交付": the subject that provides to someone is a supplier.
_PROVIDES_TO = re.compile(_BRACKET_AFTER + r"(?:将|拟|已|负责|主要)?(?:为|向)[^，,。；;\n\u3400-\u9fff]{0,2}"
                          r"[\u3400-\u9fff]{1,12}?(?:提供|交付|供货|供应)(?!商|方|单位)")
# "中央国家机关政府采购中心发布了…项目的中标公告", as news prose tells whose notice it reports: the
# body that publishes a procurement's notice is the one that procures.
_PUBLISHES_NOTICE = re.compile(_BRACKET_AFTER + r"(?:近日|日前|今日|此前|已)?(?:于[^，,。；;\n]{0,16}?)?[ \t]*(?:在[^，,。；;\n]{0,24}?)?(?:正式)?(?:对外|向社会|公开)?(?:发布|公布|发出|挂出)了?"
                               r"[^。；;\n]{0,40}?(?:(?:采购|招标|中标|成交|询价|磋商|谈判|比选)[^。；;\n]{0,10}?(?:公告|公示)|的[^。；;\n]{0,40}?(?:采购|招标)项目"
                               # "贵州移动公布了…项目的中标人": the buyer tells who won its project
                               r"|的(?:中标人|中标结果|中标候选人|成交结果|成交供应商|采购结果))")
# "X于2024年8月12日收到…《中标通知书》": X received the award letter, so X won.
_RECEIVED_AWARD = re.compile(_BRACKET_AFTER + r"(?:已|近日|日前|在)?(?:于[^，,。；;\n]{0,16}?)?(?:收到|获得|取得|领取)[^。；;\n]{0,50}?(?:中标|成交|中选)通知书")
# "X（以下简称“青云智算”）与客户签订的《GPU算力服务协议》": X sells to an unnamed customer.
_SIGNS_WITH_CUSTOMER = re.compile(_BRACKET_AFTER + r"(?:已|近日|日前)?(?:与|和|同)(?:其|某)?(?:客户|用户)[A-Za-z甲乙丙丁一二三四五]?(?:签订|签署|订立|签约)")
# "X（以下简称“济南超级计算中心”）向公司采购…算力服务", "甲方向乙方采购": X buys from the announcer.
_BUYS_FROM_ANNOUNCER = re.compile(_BRACKET_AFTER + r"(?:拟|将|已)?向(?:本公司|公司|我公司|乙方|本集团)(?:采购|购买|租用|租赁|订购)")

# "由X承建", "由X供货": X builds or delivers what is bought (a news report, a result's prose).
_DELIVERED_AFTER = re.compile(_BRACKET_AFTER + r"(?:承建|承接|供货|供应|交付|提供|建设实施|集成)")
# "公司拟向X提供算力服务", "为X提供": X is the one served, the customer (a bracketed short name between).
_PROVIDED_AFTER = re.compile(_BRACKET_AFTER + r"(?:提供|销售|交付|出售|供应|供货)")


# A Chinese name a PDF's fixed-width paragraph wrapped onto the next line (华庆超算(甘肃)科技有\n限公司): the
# break between two characters of a name, after a full line, not before a numbered item or a label.
_WRAP_IN_NAME = re.compile(r"(?<=[\u3400-\u9fff()（）])[ \t]*\n[ \t]*(?=[\u3400-\u9fff])"
                           r"(?![一二三四五六七八九十]+[、.．)）]|[^\n(（]{1,12}[:：])")


# How far into the next line a colon makes it a label's line of its own (长江勘测…有限公司：湖北…).
LABEL_REACH = 24
# A label's value that a line break cuts: the label, its colon, then Chinese up to the break; the rest
# of the name on the next line is this long at most (术有限公司, 信息科技股份有限公司).
_LABEL_VALUE_END = re.compile(r"[:：][ \t]*[\u3400-\u9fff()（）]{2,}$")
WRAPPED_NAME_REST = 16


# The words a company's name is wrapped after, before the rest of its legal form (…有限 / 公司,
# …股份有限 / 公司, …集团 / 公司, …科技 / 公司).
_WRAPPED_BEFORE_FORM = ("有限", "股份", "责任", "集团", "分", "子", "控股", "科技", "技术", "信息", "网络", "电子")


def _unwrapped(text: str, match: str) -> tuple[str, str, list[int]] | None:
    """``text`` and ``match`` with the breaks of wrapped lines taken out, and the offset in ``match`` of
    each character kept; None where nothing is wrapped."""
    vocab = _vocab()
    cuts = []
    for m in _WRAP_IN_NAME.finditer(match):
        line_start = match.rfind("\n", 0, m.start()) + 1
        next_end = match.find("\n", m.end())
        line, following = match[line_start: m.start()], match[m.end(): len(match) if next_end < 0 else next_end]
        # a table's rows (cells joined by " | ") are lines of their own, however long; so is a line
        # that ends with a whole name (unless its legal form follows: 第八工程局\n有限公司) or holds a label
        whole_name = bool(vocab.suffix_end.search(line)) and not vocab.suffix.match(match, m.end())
        # a line opening with 公司 after one that ends in no part of a legal form begins a sentence about
        # the company ("…主要供应商情况" / "公司主要从事…"), no wrapped name (…有限 / 公司)
        sentence_subject = following.startswith(("公司", "本公司")) and not line.endswith(_WRAPPED_BEFORE_FORM)
        # a label's value wrapped by a scan or a narrow column ("供应商名称：广州粤算信息技" / "术有限公司"),
        # however short its line: the next line is the rest of the name and ends with its legal form
        rest = following.strip()
        rest_form = vocab.suffix_end.search(rest)
        # ... and is no name by itself ("术有限公司", "技术有限公司"): a whole name on the next line
        # ("证券简称：江城数据" / "江城数据科技股份有限公司") is a line of its own
        label_wrap = bool(_LABEL_VALUE_END.search(line)) and not whole_name and len(rest) <= WRAPPED_NAME_REST \
            and rest_form is not None and not _head_ok(rest[: rest_form.start()], vocab)
        if (len(line) >= WRAP_LINE or label_wrap) and "|" not in line and "|" not in following and not whole_name \
                and not sentence_subject and not re.search(r"[:：]", following[:LABEL_REACH]):
            cuts.append((m.start(), m.end()))
    if not cuts:
        return None
    keep: list[int] = []
    pos = 0
    for a, b in cuts:
        keep.extend(range(pos, a))
        pos = b
    keep.extend(range(pos, len(match)))
    return "".join(text[i] for i in keep), "".join(match[i] for i in keep), keep


def find_orgs(text: str, match: str | None = None) -> list[OrgName]:
    """Every organisation named in ``text``, in text order, each with its role (or ``mentioned``); a name
    wrapped across a PDF's line break is read whole, its span covering the break."""
    match = match or text
    joined = _unwrapped(text, match)
    if joined is None:
        return _find_orgs(text, match)
    j_text, j_match, offset = joined
    return [OrgName(o.name, offset[o.start], offset[o.end - 1] + 1, o.role, o.masked, o.cue)
            for o in _find_orgs(j_text, j_match)]


def _find_orgs(text: str, match: str) -> list[OrgName]:
    vocab = _vocab()
    disclosure = is_disclosure(match)
    items: list[tuple[int, int, str | None, bool, bool]] = [  # start, end, role word, masked, english
        (s, e, r, mk, False) for s, e, r, mk in _zh_orgs(match, vocab)
    ]
    taken = [(s, e) for s, e, *_ in items]
    for s, e in _en_orgs(match, vocab):
        if not any(s < te and ts < e for ts, te in taken):
            items.append((s, e, None, False, True))
            taken.append((s, e))
    # Names the knowledge holds without a legal form (中国联通, 浪潮信息, "China Unicom"), and an English
    # proper name that buys ("ByteDance bought"): parties only where a role is read for them.
    known: set[int] = set()
    role_list = _en_role_list(match)
    listed_roles = {s: role for s, _e, role in role_list}
    awards = en_award_parties(match)
    for s, e, english in [*_known_names(match, disclosure), *_buying_subjects(match),
                          *((s, e, True) for s, e, _role in role_list), *((a.start, a.end, True) for a in awards)]:
        if not any(s < te and ts < e for ts, te in taken):
            items.append((s, e, None, False, english))
            taken.append((s, e))
            known.add(s)
    # A short name a bracket defines ("四川汇算智算科技有限公司(以下简称“四川汇算智算”)") stands for the
    # full name where the text uses it again ("供应商A已向四川汇算智算交付").
    named_as: dict[int, str] = {}
    for s, e, full_start, full_end in _short_name_uses(match, [(s, e) for s, e, _r, _m, english in items if not english], taken):
        items.append((s, e, None, False, False))
        taken.append((s, e))
        known.add(s)
        named_as[s] = text[full_start:full_end]
    items.sort()
    out: list[OrgName] = []
    for start, end, role_word, masked, english in items:
        role: Role = "mentioned"
        cue: str | None = None
        before = match[max(0, start - ROLE_WINDOW): start]
        after = match[end: end + ROLE_WINDOW]
        if english:
            m = vocab.en_role_phrase.search(before)
            after_m = re.match(r"\s*\(\s*(?:the|as)?\s*[\"“]?(?P<role>[A-Za-z ]{3,30}?)[\"”]?\s*\)", after)
            award = next((a for a in awards if a.start < end and start < a.end), None)
            if start in listed_roles:
                role, cue = listed_roles[start], "listed as " + ("winners" if listed_roles[start] == "supplier" else "buyers")
            elif award is not None:
                role, cue = award.role, award.cue
            elif after_m and after_m.group("role").lower() in vocab.en_role_of:
                role, cue = vocab.en_role_of[after_m.group("role").lower()], after_m.group("role")
            elif m:
                role, cue = vocab.en_role_of[m.group("role").lower()], m.group("role")
            elif _EN_SIGNED_WITH.search(_clause_before(match, start)):
                role, cue = "supplier", "signed with"
            elif _EN_AWARDED_TO.search(_clause_before(match, start)):
                role, cue = "supplier", "awarded to"
            elif (provides := vocab.en_provider_after.match(match, end)) is not None and not (
                    (buys := vocab.en_buyer_after.match(match, end)) is not None and buys.end() > provides.end()):
                # the longer phrase tells: "delivered bidding results" is a buyer's, "delivered" a supplier's
                role, cue = "supplier", "provides"
            elif _en_subjects()[2].match(match, end) and (start, end) in _possessive_buyers(match, _en_subjects()[2]):
                role, cue = "buyer", "its procurement"
            elif vocab.en_buyer_after.match(match, end) or _EN_SAID_IT_BOUGHT.match(match, end) \
                    or _EN_HEADING_LINE.fullmatch(match, start_of_line(match, start), start) and _EN_HEADING_THEN_BOUGHT.match(match, end):
                role, cue = "buyer", "announces its result" if _EN_ANNOUNCES_RESULT.match(match, end) else "verb"
            elif _EN_BOUGHT_FROM.search(_clause_before(match, start)):
                role, cue = "supplier", "bought from"
            elif _EN_ASKED_BEFORE.search(before) and _EN_TO_SUPPLY.match(match, end):
                role, cue = "supplier", "asked to supply"
            elif (zh_role := _role_word_before(before, vocab)) is not None:
                # An English name under a Chinese label (境外发货人：Harbor Peak Trading Ltd.).
                role, cue = vocab.role_of[zh_role], zh_role
            elif re.search(r"(?:与|和|同)\s*$", before) and (sign := _SIGN.search(match, end, end + SIGN_WINDOW)) is not None \
                    and not re.search(r"[。；;\n]", match[end: sign.start()]):
                # "与Meridian Compute Pte. Ltd.洽谈并签署《GPU算力租用服务协议》": the counterpart of a Chinese signing
                role, cue = "supplier", "与…签订"
        else:
            after_m = vocab.role_after.match(match, end)
            before_m = _role_word_before(before, vocab)
            if after_m:
                role, cue = vocab.role_of[after_m.group("role")], after_m.group("role")
            elif role_word:
                role, cue = vocab.role_of[role_word], role_word
            elif _SOLE_SUPPLIER.match(match, end):
                role, cue = "supplier", "为…唯一供应商"
            elif _NAMED_WINNER.match(match, end):
                role, cue = "supplier", "为成交供应商"
            elif vocab.win_after.match(match, end):
                role, cue = "supplier", "中标"
            elif _SELECTED_BEFORE.search(before):
                role, cue = "supplier", "选定"
            elif _PURCHASING_UNIT_AFTER.match(match, end):
                role, cue = "buyer", "采购部"
            elif _CONSORTIUM_AFTER.match(match, end):
                role, cue = "supplier", "联合体成员"
            elif _SEALED_BIDDER_BEFORE.search(before) and _SEAL_AFTER.match(match, end):
                role, cue = "supplier", "投标人（盖章）"
            elif before_m:
                role, cue = vocab.role_of[before_m], before_m
            elif (en_label := _EN_LABEL_BEFORE.search(before)) is not None and (
                    en_m := vocab.en_role_phrase.search(before[: en_label.end()])) is not None:
                # a Chinese name under an English form's label ("Buyer / 구매자:  杭州…有限公司")
                role, cue = vocab.en_role_of[en_m.group("role").lower()], en_m.group("role")
            elif re.search(r"由\s*$", before) and _DELIVERED_AFTER.match(match, end):
                role, cue = "supplier", "由…承建"
            elif re.search(r"(?:向|为)\s*$", before) and _PROVIDED_AFTER.match(match, end):
                role, cue = "buyer", "向…提供"
            elif re.search(r"收到\s*$", before) and _AWARD_LETTER_FROM.match(match, end):
                # the one that issues the award letter awards: the buyer, or the agency that runs its
                # tender (广东省机电设备招标有限公司发出的《成交通知书》), whose name says so
                role = "agency" if _agency_name().search(text[start:end]) else "buyer"
                cue = "发出中标通知书"
            elif re.search(r"(?:通过|经由|借助)\s*$", before) and _BOUGHT_THROUGH.match(match, end) \
                    or re.search(r"委托\s*$", before) and _OPENS_FOR.match(match, end):
                role, cue = "supplier", "通过…代购"
            elif _INVITES_BIDS.match(match, end):
                role, cue = "buyer", "邀请投标"
            elif _WIN_SHARE.match(match, end):
                role, cue = "supplier", "中标份额"
            elif _PROVIDES_TO.match(match, end) and not AT_PLACE.search(before):
                role, cue = "supplier", "为…提供"
            elif _PUBLISHES_NOTICE.match(match, end):
                role, cue = "buyer", "发布公告"
            elif _RECEIVED_AWARD.match(match, end):
                role, cue = "supplier", "收到中标通知书"
            elif _SIGNS_WITH_CUSTOMER.match(match, end):
                role, cue = "supplier", "与客户签订"
            elif _BUYS_FROM_ANNOUNCER.match(match, end):
                role, cue = "buyer", "向公司采购"
            elif re.search(r"(?:与|和|同)\s*$", before) and _SIGN.search(match, end, end + SIGN_WINDOW) \
                    and not re.search(r"[。；;\n]", match[end: _SIGN.search(match, end, end + SIGN_WINDOW).start()]):  # type: ignore[union-attr]
                role, cue = "supplier", "与…签订"
        if role == "mentioned" and not english:
            side = _contract_side(match, start)
            if side is not None:
                role, cue = side, "合同订立对方"
        if role == "mentioned" and not english and _OWN_PROJECT.match(match, end):
            role, cue = "buyer", "项目业主"
        if role == "mentioned" and not english and vocab.buyer_verb_after.match(match, end):
            # "向X租赁GPU算力", "从X采购": the one bought or rented from sells; else the name buys ("X采购")
            # (a named subject before it, "A向X采购", is the clause frames' to read)
            subject = out[-1] if out else None
            named_subject = subject is not None and not _CLAUSE_BREAK.search(match, subject.end, start)
            role, cue = ("supplier", "向…采购") if _FROM_BEFORE.search(before) and not named_subject else ("buyer", "verb")
        if cue in ("与…签订", "signed with") and disclosure:
            direction = _contract_direction(match, start, vocab)
            role = direction or "buyer"
        out.append(OrgName(named_as.get(start, text[start:end]), start, end, role, masked, cue))
    out = _award_news(match, text, out)
    out = _coordinated(match, out)
    if not disclosure:
        out = _zh_signing_subject(match, out)
    out = _consortium_list(match, out)
    out = _consortium_pair(match, out)
    out = _signing_subject(match, out)
    out = _provider_statement(match, out)
    out = _announcer_wins(match, out, disclosure)
    out = _announcer_buys(text, match, out, disclosure)
    out = _column_headed(match, out, vocab)
    out = _addressed_winner(match, out)
    out = _billing_letter(match, out)
    out = _addressed_buyer(match, out)
    out = clause_roles(match, out)
    if disclosure:
        out = _with_announcer(match, text, out)
    elif not any(o.role == "buyer" for o in out):
        out = _with_issuer(match, out, vocab)
        if not any(o.role == "buyer" for o in out):
            out = _with_signature(match, out)
    out = _subsidiary_named_after(match, text, out)
    out = _cited_issuers(match, out)
    # A known name in no role is a brand or a reference (昇腾 of 华为, "Nvidia's chips"), no party; nor is
    # one that only stands after 与 ("海算科技与云天励飞达成合作" says no one sells).
    vendors = _vendor_names()
    # A US vendor heading a news headline or before a buying verb is the brand of what is bought
    # ("豪掷近7亿买英伟达算力服务器"), never its buyer.
    # A US vendor is a party only where a clause says it sells ("bought … from Nvidia", 向英伟达采购): where
    # it heads a headline ("豪掷近7亿买英伟达算力服务器") or provides ("cloud services provided by Amazon") it is
    # the brand or the provider of what is bought, which the rules read.
    out = _short_english_forms(out, vocab, match)
    buyer_read = any(o.role == "buyer" for o in out)
    return [o for o in out if o.start not in known or o.role != "mentioned"
            and (o.cue not in _KNOWN_WEAK_CUES or buyer_read and _PURCHASE_CONTRACT.match(match, o.end, o.end + SIGN_WINDOW))
            and not (fold_pattern(o.name) in vendors and not _sells_in_clause(o.cue))]


# A document cited by its title (orgs.yaml cited_document_kinds): the title, in its brackets.
_CITED_TITLE = re.compile(r"《[^《》\n]{2,120}》")


@cache
def _cited_document() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A cited title's end that makes it an official document's (…关于…, …的通知), and a contract title's word."""
    conf = knowledge.orgs()
    kinds = longest_word_pattern(conf.cited_document_kinds)
    return (re.compile(r"(?:关于[^《》]*|(?:" + kinds + r"))$"),
            re.compile(longest_word_pattern(conf.contract_title_words)))


def _cited_issuers(match: str, orgs: list[OrgName]) -> list[OrgName]:
    """The names that issued a document the text cites by title, as mentioned (no role)."""
    titles = [(m.start() + 1, m.end() - 1) for m in _CITED_TITLE.finditer(match)]
    document_end, contract_word = _cited_document()
    out = []
    for o in orgs:
        inside = next(((lo, hi) for lo, hi in titles if lo <= o.start and o.end <= hi), None)
        if inside is not None and o.role != "mentioned" and not _named_outside(match, o.name, titles) and (
                match.startswith("关于", o.end) or document_end.search(match, inside[0], inside[1])
                and not contract_word.search(match, inside[0], inside[1])):
            o = replace(o, role="mentioned", cue=None)
        out.append(o)
    return out


def _named_outside(match: str, name: str, titles: list[tuple[int, int]]) -> bool:
    """Whether ``name`` also stands outside every cited title (a unit citing its own rules, 依据《电子科技大学
    …管理办法》, is named in its own text too)."""
    return any(not any(lo <= i < hi for lo, hi in titles) for i in _occurrences(match, name))


def _occurrences(text: str, word: str) -> Iterator[int]:
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + 1)


def _defines_short(match: str, end: int, short: str) -> bool:
    """Whether the bracket right after a name defines ``short`` as its short name (("Lingyun Zhisuan"))."""
    return bool(re.match(r"\s*[(（]\s*(?:the\s+|hereinafter\s+|以下简称\s*)?[\"“'「]?" + re.escape(short) + r"[\"”'」]?\s*[)）]",
                         match[end: end + len(short) + 40]))


def _short_english_forms(orgs: list[OrgName], vocab: _Vocab, match: str = "") -> list[OrgName]:
    """An English name that is the leading words of a longer one the text names ("Hanlin Digital" of
    "Hanlin Digital Infrastructure Group Co., Ltd.") is that organisation's short form: the longer name
    takes the role it was given and the short one goes; an institution word alone ("the Centre's
    tender") is no name."""
    out = [o for o in orgs if not (o.name.isascii() and o.name.rstrip(".") in vocab.en_suffix_words)]
    longer = [j for j, o in enumerate(out) if o.name.isascii() and " " in o.name]
    drop: set[int] = set()
    for i, o in enumerate(out):
        if not o.name.isascii():
            continue
        # the leading words ("Hanlin Digital"), or words inside it that a bracket after it defines as its
        # short name ("Hangzhou Lingyun Zhisuan Technology Co., Ltd. ("Lingyun Zhisuan")")
        j = next((j for j in longer if j != i and (out[j].name.startswith(o.name + " ")
                                                   or " " in o.name and len(out[j].name) > len(o.name)
                                                   and f" {o.name} " in f" {out[j].name} "
                                                   and _defines_short(match, out[j].end, o.name))), None)
        if j is None:
            continue
        drop.add(i)
        full = out[j]
        if full.role == "mentioned" and o.role != "mentioned":
            out[j] = OrgName(full.name, full.start, full.end, o.role, full.masked, o.cue)
    return [o for i, o in enumerate(out) if i not in drop]


# A purchase contract signed with a name (中国移动近日与华为签署…采购协议): where the text reads a buyer,
# the name it signs with sells (民法典 第五百九十五条: 买卖合同), even one that only the knowledge knows.
_PURCHASE_CONTRACT = re.compile(r"[^。；;\n]*?(?:采购|购买|购销|供货|买卖)(?:协议|合同|框架协议|订单)")


def _sells_in_clause(cue: str | None) -> bool:
    # a clause's seller, and a supplier an English award sentence names ("CoreWeave will provide Meta with")
    return cue is not None and (cue.startswith("clause ") or cue in ("bought from", "通过…代购") or cue.endswith("(news)"))


@cache
def _vendor_names() -> frozenset[str]:
    return frozenset(fold_pattern(n) for n in knowledge.orgs().us_vendor_names)


def _award_news(match: str, text: str, orgs: list[OrgName]) -> list[OrgName]:
    """News of an award's winners (extract/award_news.py): a name found already takes the role where it
    has none; a short name nothing found is added."""
    winners = award_news_winners(match)
    if not winners:
        return orgs
    out = list(orgs)
    added = False
    for w in winners:
        hit = next((i for i, o in enumerate(out) if o.start < w.end and w.start < o.end), None)
        if hit is None:
            if w.short:
                out.append(OrgName(text[w.start: w.end], w.start, w.end, "supplier", False, w.cue))
                added = True
        elif out[hit].role == "mentioned":
            o = out[hit]
            if w.short and w.start <= o.start and o.end <= w.end:
                # the cue bounds the whole short name; the knowledge knew a part of it (智谱 of 智谱华章)
                out[hit] = OrgName(text[w.start: w.end], w.start, w.end, "supplier", False, w.cue)
            else:
                out[hit] = OrgName(o.name, o.start, o.end, "supplier", o.masked, w.cue)
    return sorted(out, key=lambda o: o.start) if added else out


# A company's subsidiary as news and filings name it: the parent, the relation word, then the
# subsidiary's short name right before what it does ("汇纳科技控股子公司四川汇算智算拟采购100台服务器").
_SUBSIDIARY_WORD = re.compile(r"(?:全资|控股|间接全资)?(?:子公司|孙公司|附属公司)$")
_SHORT_THEN_VERB = (r"(?:拟|将|已|已经|近日|日前|计划|正在|于\d{4}年\d{1,2}月\d{1,2}日)?")
# A subsidiary's short name runs two characters at least and, like a trade name with its place
# (四川汇算智算), about twelve at most.
SUBSIDIARY_SHORT = (2, 12)


@cache
def _buying_verb_at() -> re.Pattern[str]:
    conf = knowledge.orgs()
    return re.compile(_SHORT_THEN_VERB + "(?:" + _alternation(map(fold_pattern, conf.buyer_verbs_after)) + ")")


def _subsidiary_named_after(match: str, text: str, orgs: list[OrgName]) -> list[OrgName]:
    """A buyer read as "X控股子公司" whose subsidiary's short name stands between it and its verb: the
    subsidiary is the buyer (its parent is only how the text places it)."""
    out = list(orgs)
    verb = _buying_verb_at()
    for i, o in enumerate(out):
        if o.role != "buyer" or not _SUBSIDIARY_WORD.search(o.name):
            continue
        low, high = SUBSIDIARY_SHORT
        for n in range(low, high + 1):
            end = o.end + n
            if end > len(match) or not all(_is_name_char(ch) for ch in match[o.end: end]):
                break
            if verb.match(match, end):
                out[i] = OrgName(text[o.end: end], o.end, end, "buyer", False, "verb")
                break
    return out


# The cues too weak to make a party of a name that only the knowledge recognises.
_KNOWN_WEAK_CUES = ("与…签订", "signed with")


# "（以下简称“四川汇算智算”）", a Hong Kong filing's "（「祥高」）": the short name a bracket after a name defines for it.
_DEFINES_SHORT = re.compile(r"\s*[（(](?:(?:以下简称|以下称|下称|简称)\s*[:：]?\s*[“\"「『']?([\u3400-\u9fffA-Za-z]{2,12})[”\"」』']?"
                            r"|[“\"「『']([\u3400-\u9fffA-Za-z]{2,12})[”\"」』'])(?:[、,，或][^()（）]{0,24})?[）)]")
# Short names that stand for a role or the writer, not for one organisation (公司, 甲方, 发行人).
_NOT_SHORT_NAMES = ("公司", "本公司", "集团", "本集团", "甲方", "乙方", "丙方", "发行人", "控股股东", "上市公司", "目标公司",
                    "标的公司", "买方", "卖方", "出租人", "承租人", "采购人", "供应商", "招标人", "中标人", "交易对方")


def _short_name_uses(match: str, names: list[tuple[int, int]], taken: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """(start, end, and the full name's start and end) of each later use of a short name a bracket
    defines for a Chinese name."""
    out: list[tuple[int, int, int, int]] = []
    busy = list(taken)
    for s, e in names:
        m = _DEFINES_SHORT.match(match, e)
        if m is None:
            continue
        short = m.group(1) or m.group(2)
        if short in _NOT_SHORT_NAMES or short == match[s:e]:
            continue
        for use in re.finditer(re.escape(short), match[m.end():]):
            a, b = m.end() + use.start(), m.end() + use.end()
            if not any(a < te and ts < b for ts, te in busy):
                out.append((a, b, s, e))
                busy.append((a, b))
    return out


# The shortest name of the knowledge read in running text without a legal form: two characters
# (腾讯, 华为) are names of their own in the alias table.
MIN_KNOWN_ZH = 2
# An English name of the knowledge is a phrase of at least this many letters ("China Unicom").
MIN_KNOWN_EN = 5


@cache
def _known_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The Chinese and English names of listed entities and their units that the knowledge holds
    (aliases_zh.csv and the listed companies' securities names): news prose writes them without a
    legal form, so the suffix-driven recogniser does not find them."""
    zh: set[str] = set()
    en: set[str] = set()
    for name in ("aliases_zh.csv", "listed_securities_zh.csv"):
        for row in knowledge.aliases(name):
            if len(row.zh) >= MIN_KNOWN_ZH and not re.search(r"[A-Za-z0-9]", row.zh):
                zh.add(fold_pattern(row.zh))
            plain = re.sub(r",?\s*(?:Co\.,?\s*Ltd\.?|Ltd\.?|Limited|Inc\.?|Corporation|Corp\.?|Company)$", "", row.en).strip()
            if len(plain) >= MIN_KNOWN_EN and " " in plain or re.fullmatch(r"[A-Z][a-z]+[A-Z]?[a-z]+", plain):
                en.add(plain)
    for name in knowledge.orgs().us_vendor_names:
        (en if name.isascii() else zh).add(name if name.isascii() else fold_pattern(name))
    # The operators' provincial companies as news writes them (宁夏电信, 湖南移动): a province's short name
    # and the operator's; screening reads them by the rules of abbreviations_zh.yaml.
    provinces = [_short_division(fold_pattern(row.name)) for row in knowledge.divisions() if row.code.endswith(PROVINCE_CODE_END)]
    zh.update(p + fold_pattern(b) for p in provinces for b in knowledge.orgs().zh_operator_brands)
    zh_re = re.compile(_alternation(zh))  # one trie: a second alternation beside it costs the scan its first-character test
    # no look-behind before the trie: it would be tried at every position (``_known_names`` checks the
    # character before)
    en_re = re.compile(_alternation(en) + r"(?![A-Za-z0-9&])")
    return zh_re, en_re


# A province-level division's GB/T 2260 code ends so (110000 北京市, 640000 宁夏回族自治区).
PROVINCE_CODE_END = "0000"
# The endings a division's short form drops (江苏省 -> 江苏, 宁夏回族自治区 -> 宁夏, 广州市 -> 广州): its
# level, and the nationality of an autonomous region (GB/T 2260 names).
_DIVISION_ENDING = re.compile(r"(?:(?:壮族|回族|维吾尔|蒙古族|藏族)?自治(?:区|州)|特别行政区|地区|省|市|县|区|盟)$")


def _short_division(name: str) -> str:
    return _DIVISION_ENDING.sub("", name)


def _known_names(match: str, disclosure: bool) -> list[tuple[int, int, bool]]:
    """(start, end, english) of every knowledge name the text holds, longest first at each place,
    never inside a longer run of name characters of its own script that would make another word of it."""
    zh_re, en_re = _known_patterns()
    out: list[tuple[int, int, bool]] = []
    for m in zh_re.finditer(match):
        out.append((m.start(), m.end(), False))
    for m in en_re.finditer(match):
        if m.start() == 0 or not (match[m.start() - 1].isascii() and (match[m.start() - 1].isalnum() or match[m.start() - 1] == "&")):
            out.append((m.start(), m.end(), True))
    # A report of a company's own filing names the company by its code: the announcer's reading
    # (``_with_announcer``) places it and its subsidiaries.
    for code in () if disclosure else _STOCK_CODE.finditer(match):
        span = _short_name_before(match, code.start())
        if span is not None:
            out.append((*span, False))
    return out


def _short_name_before(match: str, code: int) -> tuple[int, int] | None:
    """The short name right before a stock code at ``code`` (中贝通信(603220)); it starts after a verb or
    preposition of the prose before it (公告称中贝通信)."""
    short = _STOCK_SHORT_NAME.search(match, max(0, code - STOCK_NAME_REACH), code)
    if short is None:
        return None
    cut = 0
    for w in _vocab().cut.finditer(short.group(0)):
        if w.end() < len(short.group(0)) - 1:
            cut = w.end()
    return (short.start() + cut, short.end()) if len(short.group(0)) - cut >= MIN_KNOWN_ZH else None


# "X, which designs chips, said in an April tender document it spent 600,000 yuan": the subject of a
# report of its own purchase, one sentence.
_EN_SAID_IT_BOUGHT = re.compile(r"[^.\n]{0,80}?\b(?:said|says|stated|disclosed|wrote)\b[^.\n]{0,60}?\b(?:it|they)\s+(?:had\s+|has\s+|have\s+)?"
                                r"(?:spent|bought|purchased|ordered|rented|leased|acquired|procured|paid)\b")
# A news list's item: the organisation alone on its line ("2. National Center of Technology
# Innovation for EDA"), then a paragraph that refers back to it and says it bought ("The state-backed
# entity, ..., said ... it spent 600,000 yuan").
_EN_HEADING_LINE = re.compile(r"[ \t]*(?:\d{1,2}[.)][ \t]*)?")
_EN_HEADING_THEN_BOUGHT = re.compile(r"[ \t]*\n+[ \t]*(?:The|This|It)\b[^.\n]{0,200}?\b(?:spent|bought|purchased|ordered|rented|leased|acquired|procured|paid|sought)\b")
# "has asked China Bester Group (中贝通信), a Hubei-based IT company, to supply the hardware": the
# one engaged to supply is the supplier.
_EN_ASKED_BEFORE = re.compile(r"\b(?:asked|hired|contracted|commissioned|engaged|chose|selected|picked|tapped)\s+(?:the\s+)?$")
_EN_TO_SUPPLY = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:,[^,.\n]{0,60},\s*)?to\s+(?:supply|provide|deliver|build|install|equip)\b")
# A short name right before its A-share stock code (中贝通信(603220), 浪潮信息（000977.SZ）), as news
# reports of a company's filing write it: a listed company.
_STOCK_CODE = re.compile(r"[(（]\d{6}(?:\.S[HZ])?[)）]")  # found by its literal bracket, then the name read back
_STOCK_SHORT_NAME = re.compile(r"[\u3400-\u9fff]{2,8}$")
STOCK_NAME_REACH = 8


# The time words news writes between a subject and its verb ("China Unicom yesterday released").
_EN_TIME_WORDS = r"(?:yesterday|today|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|this\s+week|last\s+week)"
# The verbs of a news sentence whose subject buys or wins, beyond the role verbs of ``orgs.yaml``
# (en_buyer_verbs_after, en_provider_verbs_after), which are subject verbs too: what a subject does
# that gives it no role of its own ("snapped up", "stockpiled" say it bought; the role verbs tell).
_EN_SUBJECT_ONLY_VERBS = ("acquired", "imported", "tapping", "buying", "renting", "secured", "plans to buy",
                          "planned to buy", "plans to spend", "made orders", "made an order", "is to buy", "are to buy",
                          "agreed to buy", "stockpiled", "snapped up", "rushing to buy", "rushing to acquire")
# An English proper name, one to three capitalised words (a brand written with a small first
# letter, xFusion, counts as capitalised).
_EN_PROPER = r"(?:[A-Z][A-Za-z0-9&\-]*[a-z][A-Za-z0-9&\-]*|[a-z][A-Z][A-Za-z0-9&\-]*|[A-Z]{2,}[A-Za-z0-9&\-]*|[A-Z]&[A-Z])"
# The most words between a possessive buyer and its procurement ("China Telecom's $2 billion server
# procurement", "China Mobile's 2024-2025 new intelligent computing center tender").
EN_POSSESSIVE_WORDS = 6


@cache
def _en_subjects() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The pattern of an English proper name that buys, rents, spends or wins in a news sentence
    ("ByteDance bought", "Tencent has ordered", "ZTE won the most"), one to three capitalised words
    before the verb; the gate of its verbs; and the possessive before a procurement ("China
    Telecom's server tender"), whose owner buys."""
    conf = knowledge.orgs()
    verbs = "(?:" + _alternation([*_EN_SUBJECT_ONLY_VERBS, *conf.en_buyer_verbs_after, *conf.en_provider_verbs_after]) + ")"
    subject = re.compile(
        r"(?<![A-Za-z0-9&])(" + _EN_PROPER + r"(?:[ ](?:[A-Z][A-Za-z0-9&\-]+|&)){0,2})"
        r"(?=(?:,[^,.\n]{0,60},)?[ ](?:(?:has|had|have|is|are|was|were|also|reportedly|recently|both|all|just|" + _EN_TIME_WORDS + r")[ ]){0,2}" + verbs + r"\b)")
    gate = re.compile(r" " + verbs + r"\b|['’]s\b")
    possessive = re.compile(r"['’]s(?:[ ][^ ,.;:!?\n]+){0," + str(EN_POSSESSIVE_WORDS) + r"}?[ ](?:"
                            + _alternation(conf.en_possessive_objects) + r")\b")
    return subject, gate, possessive
# A sentence's opening adverb ("Recently", "Reportedly") is no name.
_EN_ADVERB = re.compile(r"[A-Z][a-z]{3,}ly")
# Sentence openers and pronouns that the pattern reads as a name ("The university bought").
# Country words open a name ("China Telecom", "US Steel") and are none alone ("China bought").
_EN_COUNTRY_WORDS = frozenset({"China", "Chinese", "US", "U.S."})
_EN_NOT_NAMES = frozenset({"The", "It", "He", "She", "They", "We", "This", "That", "Its", "Their", "A", "An",
                           "Which", "Who", "China", "Chinese", "US", "U.S.", "Company", "Reuters"})


# News of a tender's result listing its winners by their names alone ("Successful bidders are including
# Huawei, H3C, Inspur, Sugon, etc."): a list of capitalised names after the cue, up to its end.
# Its buyers likewise ("Among the buyers were the Chinese Academy of Sciences, the Shandong …").
# Or the names after a passive supply verb, a descriptor of what they are between ("will be supplied
# by local firms ZTE, H3C and xFusion", "built by Chinese vendors such as Inspur and Sugon").
_EN_WINNERS_CUE = re.compile(r"\b(?:(?P<supplier>(?:[Ss]uccessful|[Ww]inning)\s+bidders|[Ww]inners)|(?P<buyer>[Bb]uyers|[Cc]ustomers|[Cc]lients))"
                             r"\s+(?:are\s+including|are|were|include|included)\s*:?\s+"
                             r"|\b(?P<supplied>(?:supplied|provided|delivered|built|won)\s+by)\s+"
                             r"(?:(?:local|domestic|Chinese|Chinese-made|state-owned|major|leading|several)\s+)?"
                             r"(?:firms|companies|vendors|suppliers|manufacturers|makers|players|bidders)\s+(?:such\s+as\s+|including\s+)?"
                             # the go-between a report names ("placed with an intermediary called Runxin Supply Chain")
                             r"|\b(?P<named>(?:intermediary|reseller|distributor|agent|supplier|vendor)\s+(?:called|named))\s+")
# The letters every cue of ``_EN_WINNERS_CUE`` holds: a cheap test before the pattern.
_EN_LIST_WORDS = ("idders", "inners", "uyers", "ustomers", "lients", "ed by", "ilt by", "on by", "called", "named")
_EN_LIST_NAME = re.compile(r"(?:the[ ])?(?:[a-z]+-[a-z]+[ ])?((?:[A-Z]|[a-z](?=[A-Z]))[A-Za-z0-9&\-]*(?:[ ](?:(?:of|for|on)[ ](?:the[ ])?)?[A-Z][A-Za-z0-9&\-]*){0,5})")
_EN_LIST_SEPARATOR = re.compile(r",[ ]and[ ]|,[ ]|[ ]and[ ]")
# "X announced the winning bid": the buyer whose result the story tells, before any it names in passing.
_EN_ANNOUNCES_RESULT = re.compile(r"\s*(?:" + _EN_TIME_WORDS + r"\s+|just\s+|has\s+|has\s+just\s+)?(?:announced|delivered|released|published|issued)\s+"
                                  r"(?:the\s+|its\s+)?(?:winning\s+bids?|bid(?:ding)?\s+results|bid-winning\s+announcement|results|shortlist)")
# The most names such a list is read for (a results story names a handful; a longer run is a table).
MAX_EN_WINNERS = 12


def _en_role_list(match: str) -> list[tuple[int, int, Role]]:
    """(start, end, role) of each name of a story's list of winners or of buyers."""
    out: list[tuple[int, int, Role]] = []
    if not any(w in match for w in _EN_LIST_WORDS):
        return out  # no cue word: the pattern, which opens with a word boundary, would try every position
    for cue in _EN_WINNERS_CUE.finditer(match):
        role: Role = "supplier" if cue.group("supplier") or cue.group("supplied") or cue.group("named") else "buyer"
        pos = cue.end()
        for _ in range(MAX_EN_WINNERS):
            name = _EN_LIST_NAME.match(match, pos)
            if name is None or name.group(1) in _EN_NOT_NAMES:
                break
            out.append((name.start(1), name.end(1), role))
            sep = _EN_LIST_SEPARATOR.match(match, name.end())
            if sep is None:
                break
            pos = sep.end()
    return out


def _buying_subjects(match: str) -> list[tuple[int, int, bool]]:
    subject, gate, possessive = _en_subjects()
    if not gate.search(match):
        return []  # no buying verb: the pattern, which opens with a capital, would try every one
    out = []
    for start, end in _possessive_buyers(match, possessive):
        out.append((start, end, True))
    for m in subject.finditer(match):
        before = match[max(0, m.start(1) - 5): m.start(1)]
        if re.search(r"[a-z] $", before) and not before.endswith("and "):
            continue  # a capitalised word inside a clause ("said Monday Kestrelworks"), not its subject
        words = m.group(1).split()
        while len(words) > 1 and (words[0] in _EN_NOT_NAMES and words[0] not in _EN_COUNTRY_WORDS or _EN_ADVERB.fullmatch(words[0])):
            words = words[1:]
        if not words or len(words) == 1 and (words[0] in _EN_NOT_NAMES or _EN_ADVERB.fullmatch(words[0])):
            continue
        name = " ".join(words)
        start = m.end(1) - len(name)
        out.append((start, m.end(1), True))
        # "ByteDance, Alibaba Group and Tencent Holdings have placed orders": the names coordinated
        # before the subject buy with it.
        chain = _EN_COORDINATED_BEFORE.search(match, max(0, start - EN_CHAIN_REACH), start)
        for name_m in _EN_CAPITALISED.finditer(chain.group(0) if chain else ""):
            if name_m.group(0) not in _EN_NOT_NAMES and not _EN_ADVERB.fullmatch(name_m.group(0)):
                out.append((chain.start() + name_m.start(), chain.start() + name_m.end(), True))  # type: ignore[union-attr]
    return out


# The owner of a possessive before a procurement is one to three capitalised words ("China Telecom's").
_EN_OWNER_BEFORE = re.compile(r"(?<![A-Za-z0-9&])" + _EN_PROPER + r"(?:[ ][A-Z][A-Za-z0-9&\-]+){0,2}$")


def _possessive_buyers(match: str, possessive: re.Pattern[str]) -> list[tuple[int, int]]:
    """(start, end) of each name whose procurement a news sentence names ("China Telecom's $2 billion
    server procurement"): the procurement's owner buys. A US vendor's orders ("Nvidia's H20 orders")
    are its sales, so it is none."""
    vendors = frozenset(knowledge.orgs().us_vendor_names)
    out = []
    for m in possessive.finditer(match):
        owner = _EN_OWNER_BEFORE.search(match, max(0, m.start() - 60), m.start())
        if owner is None:
            continue
        words = owner.group(0).split()
        while words and (words[0] in _EN_NOT_NAMES and words[0] not in _EN_COUNTRY_WORDS or _EN_ADVERB.fullmatch(words[0])):
            words = words[1:]
        name = " ".join(words)
        if not words or name in _EN_NOT_NAMES or name in vendors or words[0] in vendors:
            continue
        out.append((m.start() - len(name), m.start()))
    return out


# How far back the names coordinated with a buying subject may run ("A, B, C and D bought").
EN_CHAIN_REACH = 150
_EN_CAPITALISED = re.compile(r"[A-Z][A-Za-z0-9&\-]*(?:[ ][A-Z][A-Za-z0-9&\-]*){0,2}")
# A list's last member follows "and": "A, B and C bought" coordinates A and B with C; "Recently, C
# bought" has no list before C.
_EN_COORDINATED_BEFORE = re.compile(r"(?:[A-Z][A-Za-z0-9&\-]*(?:[ ][A-Z][A-Za-z0-9&\-]*){0,2}(?:,[ ]))*"
                                    r"[A-Z][A-Za-z0-9&\-]*(?:[ ][A-Z][A-Za-z0-9&\-]*){0,2}(?:,[ ]and[ ]|[ ]and[ ])$")


# A name right before the quoted name of its project (X“多尺度材料计算GPU服务器采购项目”已于……发布):
# the project is X's, X its owner -- unless X is said to have won it (X“…项目”中标); its candidates' or
# result's list (X“…项目”中标候选人名单) is still X's project's.
_OWN_PROJECT = re.compile(r"\s*(?:的)?[“\"「『][^”\"」』\n]{2,60}?(?:项目|工程|采购|服务)[”\"」』](?!\s*(?:中标|成交|中选|的中标|的成交)(?!候选|结果|公告|公示|名单))")
# A letter that tells its addressee it won (中标通知书: "确定你方为中标人", "贵公司被确定为成交供应商").
_YOU_WON = re.compile(r"(?:你方|贵方|你单位|贵单位|你公司|贵公司)[^。；;\n]{0,20}?(?:为|作为)(?:本项目|本次采购|该项目)?的?"
                      r"(?:中标|成交|中选)(?:人|供应商|单位|方)(?!候选)|(?:中标|成交|中选)通知书")


# Words one of which a letter telling its addressee it won holds: a cheap test before the pattern.
_YOU_WORDS = ("你方", "贵方", "你单位", "贵单位", "你公司", "贵公司", "通知书")


def _addressed_winner(match: str, orgs: list[OrgName]) -> list[OrgName]:
    """An award letter names no supplier label: its addressee (致：X) is the one told it won."""
    if any(o.role == "supplier" for o in orgs) or not any(w in match for w in _YOU_WORDS) or not _YOU_WON.search(match):
        return orgs
    for i, o in enumerate(orgs):
        if o.role != "mentioned":
            continue
        line_start = start_of_line(match, o.start)
        before = match[line_start: o.start]
        after = match[o.end: o.end + 2]
        if re.fullmatch(r"[ \t]*(?:致|送)[ \t]*[:：][ \t]*", before) or not before.strip() and after[:1] in (":", "："):
            out = list(orgs)
            out[i] = OrgName(o.name, o.start, o.end, "supplier", o.masked, "致")
            return out
    return orgs


# A company's letter to its customer -- a bill, a statement of charges, a quotation -- greets the
# customer (尊敬的X：, 致：X, at a line's start), calls itself 我司 or 本公司, and signs at its foot: the one
# greeted buys what the letter bills or quotes, and the company that signs supplies it.
_GREETING = re.compile(r"^[ \t]*(?:尊敬的|致)[ \t]*(?:[（(][A-Za-z ]{1,12}[)）])?[ \t]*[:：]?[ \t]*$")
# A letter to the one it buys from (最终用户说明, 采购函: "致：X … 我单位向贵公司采购下列物项"): the addressee sells.
_BUYS_FROM_ADDRESSEE = re.compile(r"向贵(?:公司|方|单位|司)(?:采购|购买|订购|购置|租用|租赁|定制)")
_SELF_REFERENCE = re.compile(r"我司|我公司|本公司")
_BILLING = re.compile(r"账单|對帳單|对账单|费用确认|费用明细|结算单|缴费通知|付款通知|请于[^。\n]{0,20}付款|报价单|报价函|报价如下")


def _billing_letter(match: str, orgs: list[OrgName]) -> list[OrgName]:
    if not any(o.role == "supplier" for o in orgs) and _BUYS_FROM_ADDRESSEE.search(match):
        addressee = next((i for i, o in enumerate(orgs) if o.role == "mentioned"
                          and _GREETING.match(match[start_of_line(match, o.start): o.start])), None)
        if addressee is not None:
            out = list(orgs)
            a = out[addressee]
            out[addressee] = OrgName(a.name, a.start, a.end, "supplier", a.masked, "致 (向贵公司采购)")
            return out
    if any(o.role in ("buyer", "supplier") for o in orgs) or not _SELF_REFERENCE.search(match) or not _BILLING.search(match):
        return orgs
    greeted = next((i for i, o in enumerate(orgs) if o.role == "mentioned"
                    and _GREETING.match(match[start_of_line(match, o.start): o.start])), None)
    if greeted is None:
        return orgs
    lines = [m.start() for m in re.finditer(r"[^\n]*\S[^\n]*", match)]
    foot = lines[-SIGNATURE_LINES] if len(lines) >= SIGNATURE_LINES else 0
    sender = next((i for i in range(len(orgs) - 1, -1, -1) if i != greeted and orgs[i].role == "mentioned"
                   and orgs[i].start >= foot and orgs[i].name.endswith(("公司", "有限公司"))), None)
    out = list(orgs)
    g = out[greeted]
    out[greeted] = OrgName(g.name, g.start, g.end, "buyer", g.masked, "尊敬的 (bill)")
    if sender is not None:
        o = out[sender]
        out[sender] = OrgName(o.name, o.start, o.end, "supplier", o.masked, "我司 (bill)")
    return out


def _addressed_buyer(match: str, orgs: list[OrgName]) -> list[OrgName]:
    """A supplier's own letter (a 报价单 or 响应函 from 报价单位：Y, addressed 致：X): the addressee is the
    buyer it offers to, when no other buyer is named. An award letter's addressee is its winner
    (``_addressed_winner``), read first."""
    if any(o.role == "buyer" for o in orgs) or not any(o.role == "supplier" for o in orgs):
        return orgs
    for i, o in enumerate(orgs):
        if o.role != "mentioned":
            continue
        before = match[start_of_line(match, o.start): o.start]
        if re.fullmatch(r"[ \t]*(?:致|送|呈)[ \t]*[:：][ \t]*", before):
            out = list(orgs)
            out[i] = OrgName(o.name, o.start, o.end, "buyer", o.masked, "致")
            return out
    return orgs


# How far a contract block runs after a party label: the lines that state its subject and sums.
CONTRACT_BLOCK = 400


@cache
def _contract_labels() -> tuple[re.Pattern[str], re.Pattern[str]]:
    conf = knowledge.orgs()
    tail = r"[ \t]*[:：][ \t]*$"
    return (re.compile("(?:" + _alternation(map(fold_pattern, conf.contract_own_side)) + ")" + tail),
            re.compile("(?:" + _alternation(map(fold_pattern, conf.contract_counterpart)) + ")" + tail))


def _contract_side(match: str, start: int) -> Role | None:
    """The role of a party a contract block labels (合同订立公司方名称：A / 合同订立对方名称：B): the
    counterpart of a contract the company sells under is its customer (the buyer), of one it buys
    under its supplier; the company's own side is the other."""
    before = match[start_of_line(match, start): start]
    own, other = _contract_labels()
    is_own = bool(own.search(before))
    if not is_own and not other.search(before):
        return None
    vocab = _vocab()
    # The deal's words may come before its block too (关于向关联方采购…的公告 above 关联方名称：X).
    block = match[max(0, start - CONTRACT_BLOCK): start + CONTRACT_BLOCK].lower()
    counterpart: Role = "supplier" if any(w in block for w in vocab.buys) else "buyer"
    if is_own:
        return "supplier" if counterpart == "buyer" else "buyer"
    return counterpart


# "X为该产品在华北地区的唯一授权服务商": the single supplier a single-source notice justifies.
_SOLE_SUPPLIER = re.compile(r"\s*(?:是|为)[^，,。；;\n]{0,16}?(?:唯一|独家)(?:授权|指定)?(?:供应商|服务商|供货商|代理商|生产商|制造商)")
# "确定X为成交供应商", "X为本项目中标人": the winner a result names in prose (never a 候选人).
_NAMED_WINNER = re.compile(r"\s*(?:为|是)(?:本项目|本次采购|本次|该项目)?的?(?:成交|中标|中选)(?:供应商|人|单位|方)(?!候选)"
                           # "X成为学生计算机设备采购项目的中标方", as a news report tells the winner
                           r"|\s*成为[^，,。；;\n]{0,40}?的(?:成交|中标|中选)(?:供应商|人|单位|方)(?!候选)")
# "拟选定X", "最终选定X为…": the conclusion of a price comparison or selection naming the supplier chosen.
# A name, then its purchasing department on the same line (X有限公司 采购部 陈生, a 求购 post's or an
# order's signature; X大学采购与招标中心): the organisation that buys.
_PURCHASING_UNIT_AFTER = re.compile(r"[ \t\u3000]*(?:采购部|采购处|采购科|采购办|采购中心|采购与招标(?:中心|管理中心|办公室)|物资采购部|"
                                    r"(?:Procurement|Purchasing)\s+(?:Department|Dept\.?|Office|Centre|Center))(?![\u3400-\u9fff])")
_SELECTED_BEFORE = re.compile(r"(?:拟|决定|最终|经比较)?选定\s*$")
# The label of a title line in a record laid out as text ("title: …", "标题：…").
_TITLE_LABEL = re.compile(r"(?:title|标题|公告标题|name)\s*[:：]", re.I)


# The label of the unit a report, a form or a request is made by, in its head (工作报告: 单位, 填报单位,
# 报送单位, 编制单位), and the department of it that may follow on the line (信息科, 设备处, 科研部).
_UNIT_LABEL = re.compile(r"(?:单位|单位名称|填报单位|报送单位|编制单位|报告单位|发文单位|发布单位|派出单位|组团单位)\s*[:：]")
_DEPARTMENT = re.compile(r"[\u3400-\u9fff]{1,8}(?:科|处|部|室|办|中心|组|所)")


# How far down a unit's own label may stand (a notice's head of fields: 发布者, 日期, then 派出单位：X).
UNIT_LABEL_LINES = 12
# A bracketed address after a unit's name (（合肥市蜀山区望江西路658号）).
_ADDRESS_AFTER = re.compile(r"[（(][^（）()]{2,40}(?:路|街|道|号|区|市|镇)[^（）()]{0,20}[）)]")


def _line_offset(text: str, lines: int) -> int:
    """Where the text's ``lines``-th line ends (its length, for a shorter text)."""
    pos = 0
    for _ in range(lines):
        nxt = text.find("\n", pos)
        if nxt < 0:
            return len(text)
        pos = nxt + 1
    return pos


def _with_issuer(match: str, orgs: list[OrgName], vocab: _Vocab) -> list[OrgName]:
    """A notice headed by its issuer, which names no buyer otherwise: the issuer is the buyer."""
    deal = any(o.role == "supplier" for o in orgs)
    unit_head = _line_offset(match, UNIT_LABEL_LINES)
    for i, o in enumerate(orgs):
        if o.start >= unit_head:
            break
        if o.role != "mentioned":
            continue
        before = match[start_of_line(match, o.start): o.start].strip()
        after = match[o.end: end_of_line(match, o.end)].strip()
        if _UNIT_LABEL.fullmatch(before.lstrip(">*-#· \t")) and (not after or _DEPARTMENT.fullmatch(after) or _ADDRESS_AFTER.fullmatch(after)):
            # a report's, a form's or a notice's own unit in its head (单位：X医院 信息科, 派出单位：X（合肥市…）): it issues it
            orgs[i] = OrgName(o.name, o.start, o.end, "buyer", o.masked, "issuer")
            return orgs
    head_end = 0
    for _ in range(HEAD_LINES):
        nxt = match.find("\n", head_end + 1)
        head_end = len(match) if nxt < 0 else nxt
        if nxt < 0:
            break
    for i, o in enumerate(orgs):
        if o.start >= head_end:
            break
        if o.role != "mentioned":
            continue
        line_start, line_end = start_of_line(match, o.start), end_of_line(match, o.end)
        before, after = match[line_start: o.start].strip(), match[o.end: line_end].strip()
        if before and not _TITLE_LABEL.fullmatch(before):
            continue
        # A report of a deal (a supplier named in it) headed by the organisation whose project it is
        # (X智能计算平台二期正式上线 … 中标单位为Y): the one that opens the headline is the buyer.
        subject = deal and i == 0 and not before and o.start == line_start
        if not after or vocab.title_words.search(after) or after.startswith("关于") or subject:
            orgs[i] = OrgName(o.name, o.start, o.end, "buyer", o.masked, "issuer")
            return orgs
    return orgs


# A document's signature (落款): the issuing organisation's name on a line of its own, the date of
# issue on the next (GB/T 9704-2012 党政机关公文格式 §7.3.5: 发文机关署名 above 成文日期), within the
# last lines of the text; a seal word may follow the name, a label may open it.
SIGNATURE_LINES = 8
_SIGNATURE_LABEL = re.compile(r"(?:发布单位|发布人|发文单位|落款|单位(?:名称)?)\s*[:：]?")


@cache
def _agency_name() -> re.Pattern[str]:
    """A name holding one of orgs.yaml's agency words runs tenders for others (X招标有限公司, Y工程咨询
    有限公司, Z公共资源交易中心): its signature or title is the agency's, not the buyer's (政府采购法 第十九条)."""
    return re.compile(_alternation(map(fold_pattern, knowledge.orgs().agency_words)))


def _is_date_line(line: str) -> bool:
    """A line that is only a date (2025年3月1日, 二〇二五年三月一日, 2025-03-01)."""
    found = find_date(line)
    # (a numeric date's match stops before its 日 or 号)
    return found is not None and not line[: found[1]].strip() and line[found[2]:].strip() in ("", "日", "号")


# A title that opens with its buyer's name, then its project (中国移动新疆公司2025年变频氟泵空调集成采购_招标公告,
# 西岭大学智算平台建设项目询价公告): the usual form of a Chinese notice's title, 采购人 + 项目名称 + 公告类型
# (政府采购公告和公示信息格式规范, 财办库〔2020〕50号). A title opened by a company's own announcement
# (X关于中标…的公告) is the company's, and one opened by an agency names who runs the tender.
_TITLE_AFTER_BUYER = re.compile(r"\s*(?:\d{4}\s*(?:年|-)|[^关]|关(?!于))")


def title_buyer(title: str) -> str | None:
    """The organisation a notice's title opens with, when what follows it is its project."""
    match = fold_pattern(title.strip())
    orgs = [o for o in find_orgs(match) if o.start == 0]
    if not orgs:
        return None
    first = orgs[0]
    if _agency_name().search(first.name) or not _TITLE_AFTER_BUYER.match(match, first.end):
        return None
    return title.strip()[first.start: first.end]


def _with_signature(match: str, orgs: list[OrgName]) -> list[OrgName]:
    """A notice that names no buyer but is signed at its foot by an organisation, the date under it:
    the signer issued it, so it is the buyer."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", match)]
    tail = lines[-SIGNATURE_LINES:]
    for k, (start, end) in enumerate(tail[:-1]):
        nxt_start, nxt_end = tail[k + 1]
        if not _is_date_line(match[nxt_start: nxt_end]):
            continue
        for i, o in enumerate(orgs):
            if o.role != "mentioned" or not start <= o.start < end:
                continue
            before, after = match[start: o.start].strip(), match[o.end: end].rstrip()
            if before and not _SIGNATURE_LABEL.fullmatch(before):
                continue
            if (after and not _SEAL_AFTER.fullmatch(after)) or _agency_name().search(o.name):
                continue
            orgs[i] = OrgName(o.name, o.start, o.end, "buyer", o.masked, "signature")
            return orgs
    return orgs


def _coordinated(match: str, orgs: list[OrgName]) -> list[OrgName]:
    """Names joined to a buyer or a contract's counterpart take their side: "A和B采购" makes A a
    buyer too; "A与B签订合同" (B the supplier) makes A the buyer."""
    out = list(orgs)
    for i in range(len(out) - 1, 0, -1):
        left, right = out[i - 1], out[i]
        if left.role != "mentioned":
            continue
        defined = _DEFINES_SHORT.match(match, left.end, right.start)
        # (the bracket defining the left name's short form stands in the gap: "A（以下简称“a”）与B签订")
        gap = match[defined.end() if defined else left.end: right.start].strip()
        if right.role == "buyer" and right.cue in ("verb", "发布公告") and gap in ("和", "及", "、", "与", "以及", "and", ",", ", and"):
            out[i - 1] = OrgName(left.name, left.start, left.end, "buyer", left.masked, right.cue)
        elif right.role == "supplier" and right.cue in ("中标", "中标份额", "为成交供应商") and gap in ("、", "和", "及", "以及"):
            # "中兴通讯、新华三和曙光信息中标": the names listed with a winner won with it
            out[i - 1] = OrgName(left.name, left.start, left.end, "supplier", left.masked, right.cue)
        elif right.role == "supplier" and right.cue == "provides" and gap in ("and", ",", ", and"):
            # "Getech Ltd and Jigsaw Systems Limited were appointed as suppliers"
            out[i - 1] = OrgName(left.name, left.start, left.end, "supplier", left.masked, "provides")
        elif right.cue in ("与…签订", "signed with") and gap in ("与", "和", "同"):
            if right.role == "supplier" and _sells_by_contract(match, left, right):
                out[i - 1] = OrgName(left.name, left.start, left.end, "supplier", left.masked, right.cue)
                out[i] = OrgName(right.name, right.start, right.end, "buyer", right.masked, right.cue)
                continue
            other: Role = "buyer" if right.role == "supplier" else "supplier"
            out[i - 1] = OrgName(left.name, left.start, left.end, other, left.masked, right.cue)
    return out


# A bidder's own response papers (投标函, 报价表, 偏离表, 响应文件) name their bidder under its label with
# its seal: "投标人：X（盖章）" is the one offering to supply (招标投标法 第二十七条: the bid is the bidder's
# response, sealed by it); a call's blank template has no name before its （盖章）.
_SEALED_BIDDER_BEFORE = re.compile(r"(?:投标人|投标单位|响应人|响应供应商|报价人|报价单位|磋商供应商|供应商)(?:名称|全称)?\s*[:：]\s*$")
_SEAL_AFTER = re.compile(r"\s*[（(]\s*(?:盖章|加盖公章|盖公章|公章|盖单位公章|单位盖章)\s*[)）]")

# "X作为联合体牵头人", "X为本项目联合体成员": X bids in a consortium, one of the winning side.
_CONSORTIUM_AFTER = re.compile(r"\s*(?:作为|为|系|是)(?:本项目|该项目|本次)?的?联合体(?:牵头人|牵头方|主体|成员)")
# The bracket that opens a lead's list of members right after its name: "（联合体成员：".
_MEMBER_BRACKET = re.compile(r"\s*\(\s*联合体(?:成员|牵头人|牵头方)?(?:[一二三四五六七八九十]|\d{1,2})?(?:名称)?\s*[:：]?\s*")
# The consortium words of orgs.yaml's supplier roles: the names listed after one are its members too.
_CONSORTIUM_CUES = ("联合体牵头人", "联合体牵头方", "联合体主体", "联合体成员")


# "A与B组成的联合体成功中标", "由A和B组成的联合体中标": the consortium named by its members won.
_FORMED_CONSORTIUM_WON = re.compile(r"\s*(?:共同)?组成的?联合体[^，,。；;\n]{0,12}?(?:成功|顺利|最终)?(?:中标|成交|中选|独中|获得)")


def _consortium_pair(match: str, orgs: list[OrgName]) -> list[OrgName]:
    out = list(orgs)
    for i, o in enumerate(out):
        if o.role != "mentioned" and o.role != "supplier" or not _FORMED_CONSORTIUM_WON.match(match, o.end):
            continue
        out[i] = OrgName(o.name, o.start, o.end, "supplier", o.masked, "联合体中标")
        if i > 0 and out[i - 1].role in ("mentioned", "supplier") and match[out[i - 1].end: o.start].strip() in ("与", "和", "及", "、"):
            left = out[i - 1]
            out[i - 1] = OrgName(left.name, left.start, left.end, "supplier", left.masked, "联合体中标")
    return out


def _consortium_list(match: str, orgs: list[OrgName]) -> list[OrgName]:
    """"联合体成员：A、B、C": the names listed after a consortium member, joined by 、 or a comma, are its
    members too, so the winning side's suppliers."""
    out = list(orgs)
    for i in range(1, len(out)):
        left, right = out[i - 1], out[i]
        if right.cue in _CONSORTIUM_CUES and _MEMBER_BRACKET.fullmatch(match[left.end: right.start]):
            # "X（联合体成员：Y）": Y bids in X's consortium and takes X's side, whatever it is (a ranked
            # candidate's members are no more a supplier than their lead).
            out[i] = right = OrgName(right.name, right.start, right.end, left.role, right.masked,
                                     left.cue if left.role != "supplier" else right.cue)
        if left.role != "supplier" or left.cue not in _CONSORTIUM_CUES or right.role != "mentioned":
            continue
        if match[left.end: right.start].strip() in ("、", ",", "，", "和", "及", "以及"):
            out[i] = OrgName(right.name, right.start, right.end, "supplier", right.masked, left.cue)
    return out


# A disclosure in which the company runs the tender itself (公司作为招标人的…项目开标): it is the buyer.
_ANNOUNCER_TENDERS = re.compile(r"(?:本|我)?公司(?:作为|为|系)(?:本项目|该项目|项目)?的?(?:招标人|采购人|发包人|建设单位|项目业主|业主)")


def _with_announcer(match: str, text: str, orgs: list[OrgName]) -> list[OrgName]:
    """A disclosure whose counterpart is a customer and that names no supplier of its own: the
    announcing company is the supplier."""
    if _ANNOUNCER_TENDERS.search(match) and not any(o.role == "buyer" and o.cue not in _KNOWN_WEAK_CUES for o in orgs
                                                   if o.cue != "announcer"):
        announcer = _announcer(match, orgs)
        if announcer is not None:
            return [OrgName(o.name, o.start, o.end, "buyer", o.masked, "公司作为招标人") if o is announcer
                    else (OrgName(o.name, o.start, o.end, "supplier", o.masked, o.cue) if o.role == "buyer" else o)
                    for o in orgs]
    has_supplier = any(o.role == "supplier" for o in orgs)
    # In a disclosure a 与…签订 counterpart is a supplier only when the contract's words say the company
    # buys (购销合同, 采购协议: _contract_direction).
    if not any(o.role == "buyer" for o in orgs) and any(o.role == "supplier" and o.cue in ("合同订立对方", "与…签订")
                                                        for o in orgs):
        # A deal the company buys under (向关联方采购, 采购合同): the announcer is the buyer.
        announcer = _announcer(match, orgs)
        if announcer is not None and announcer.role == "mentioned":
            return [OrgName(o.name, o.start, o.end, "buyer", o.masked, "announcer") if o is announcer else o
                    for o in orgs]
        return orgs
    counterpart_buyer = any(o.role == "buyer" and (o.cue in ("与…签订", "signed with") or _is_customer_cue(o.cue))
                            for o in orgs)
    if has_supplier or not counterpart_buyer:
        return orgs
    announcer = _announcer(match, orgs)
    if announcer is None:
        return orgs
    return [OrgName(o.name, o.start, o.end, "supplier", o.masked, "announcer") if o is announcer else o for o in orgs]


# A company announcing its own award: "公司中标…项目", "确认公司为…的中标单位", "收到…《中标通知书》".
_OWN_WIN = re.compile(r"(?:本公司|公司|本集团|the Company)[^。；;\n]{0,30}?(?:中标|成交|中选)(?!候选)"
                      r"|收到[^。；;\n]{0,40}?(?:中标|成交|中选)通知书|has (?:won|been awarded)")
_CALLS_ITSELF = re.compile(r"\s*[(（]\s*(?:以下简称|下称|简称)\s*[“\"「]?(?:本公司|公司|本集团|集团)")


def _announcer_wins(match: str, orgs: list[OrgName], disclosure: bool) -> list[OrgName]:
    """A company's own announcement that it won a tender names no supplier label: the announcing
    company (the one the text calls 公司, or a disclosure's announcer) is the supplier."""
    if any(o.role == "supplier" for o in orgs) or not _OWN_WIN.search(match):
        return orgs
    announcer = next((o for o in orgs if _CALLS_ITSELF.match(match, o.end)), None)
    if announcer is None:
        listed = _stock_named(match)
        if listed is not None:
            # "天铁股份(300587)3月12日晚间公告,公司近日收到…《中标通知书》": the company its stock code names
            start, end = listed
            named = OrgName(match[start:end], start, end, "supplier", False, "announcer")
            return sorted([o for o in orgs if not (o.start < end and start < o.end)] + [named], key=lambda o: o.start)
    if announcer is None and disclosure:
        announcer = _announcer(match, orgs)
    if announcer is None or announcer.role not in ("mentioned", "supplier"):
        return orgs
    return [OrgName(o.name, o.start, o.end, "supplier", o.masked, "announcer") if o is announcer else o for o in orgs]


def _stock_named(match: str) -> tuple[int, int] | None:
    """The short name before the first A-share stock code at a text's head (天铁股份(300587)), when the
    text then speaks of 公司 as the one it reports on."""
    m = _STOCK_CODE.search(match, 0, ANNOUNCER_HEAD)
    if m is None or not re.search(r"(?:公司|本公司)(?:近日|于|已|日前)?[^。；\n]{0,20}?收到", match):
        return None
    return _short_name_before(match, m.start())


# A company's own purchase as its filing, or news of it, tells it: "公司拟斥资不超过40亿元采购服务器",
# "本公司拟向多家供应商购买". Not after 向, 为 or 与 (客户向公司采购: the customer buys), and not a lease,
# which a lessor and a lessee both announce.
_OWN_PURCHASE = re.compile(r"(?<![向为与给对])(?:本公司|公司|本集团)(?:拟|计划|将|决定|已)[^。；;\n]{0,24}?(?<![向为给])(?:采购|购买|购置)(?!合同|协议|订单)")


def _announcer_buys(text: str, match: str, orgs: list[OrgName], disclosure: bool) -> list[OrgName]:
    """A company's announcement of its own purchase, or news of it, names no buyer label: the
    announcing company (named before its stock code, or the one the text calls 公司) is the buyer."""
    if any(o.role == "buyer" for o in orgs) or "公司" not in match and "集团" not in match or not _OWN_PURCHASE.search(match):
        return orgs
    announcer = next((o for o in orgs if _STOCK_CODE.match(match, o.end) or _CALLS_ITSELF.match(match, o.end)), None)
    if announcer is None:
        # news of a filing names the company by its short name and code (协创数据(300857)公告，公司拟…)
        code = _STOCK_CODE.search(match)
        short = _STOCK_SHORT_NAME.search(match, max(0, code.start() - STOCK_NAME_REACH), code.start()) if code else None
        if short is not None and len(short.group(0)) >= MIN_KNOWN_ZH and not any(o.start <= short.start() < o.end for o in orgs):
            named = OrgName(text[short.start(): short.end()], short.start(), short.end(), "buyer", False, "announcer")
            return sorted([*orgs, named], key=lambda o: o.start)
    if announcer is None and disclosure:
        announcer = _announcer(match, orgs)
    if announcer is None or announcer.role != "mentioned":
        return orgs
    return [OrgName(o.name, o.start, o.end, "buyer", o.masked, "announcer") if o is announcer else o for o in orgs]


# A form of two or more columns drawn with rules (an invoice's 购买方信息 │ 销售方信息 block, a
# contract's 甲方 │ 乙方 signature block): a header row names each column's party, the rows under it
# give 名称：X in that column. How many rows under its header a column's name may stand.
COLUMN_ROWS = 4
_CELL_RULE = re.compile(r"[│┃|]")
_COLUMN_NAME = re.compile(r"\s*(?:名\s*称|单位名称|公司名称|单位)\s*[:：]\s*$")
_COLUMN_HEAD = re.compile(r"\s*(?P<role>[\u4e00-\u9fff]{1,8}?)\s*(?:信息|情况)?\s*[:：]?\s*$")


def _column_headed(match: str, orgs: list[OrgName], vocab: _Vocab) -> list[OrgName]:
    """A name under 名称： in a ruled column whose header cell, a few rows up, is a role word
    (购买方信息 │ 销售方信息): it has that role."""
    if not any(o.role == "mentioned" for o in orgs) or "│" not in match and "|" not in match:
        return orgs
    out = list(orgs)
    for i, o in enumerate(orgs):
        if o.role != "mentioned":
            continue
        line_start = start_of_line(match, o.start)
        row = match[line_start: match.find("\n", o.start) if "\n" in match[o.start:] else len(match)]
        before = match[line_start: o.start]
        column = len(_CELL_RULE.findall(before))
        cell_open = max((m.end() for m in _CELL_RULE.finditer(before)), default=0)
        if column == 0 or not _CELL_RULE.search(row[o.end - line_start:]) or not _COLUMN_NAME.fullmatch(before[cell_open:]):
            continue
        pos = line_start
        for _ in range(COLUMN_ROWS):
            if pos == 0:
                break
            up = start_of_line(match, pos - 1)
            cells = _CELL_RULE.split(match[up: pos - 1])
            pos = up
            if len(cells) <= column:
                continue
            head = _COLUMN_HEAD.fullmatch(cells[column])
            role = vocab.role_of.get(head.group("role")) if head else None
            if role is not None:
                out[i] = OrgName(o.name, o.start, o.end, role, o.masked, head.group("role"))  # type: ignore[union-attr]
                break
    return out


@cache
def upstream_supplier_roles() -> frozenset[str]:
    """Supplier words of a foreign seller behind an import, a supplier only when no other is named."""
    return frozenset(fold_pattern(w) for w in knowledge.orgs().upstream_supplier_roles)


@cache
def owner_roles() -> frozenset[str]:
    """Buyer words that name a project's owner or user, not the party that procures."""
    return frozenset(knowledge.orgs().owner_roles)


def _is_customer_cue(cue: str | None) -> bool:
    """A role word that names the announcer's customer (客户, 第一名客户, customer)."""
    return cue is not None and ("客户" in cue or "customer" in cue.lower() or "client" in cue.lower()
                                or cue == "向…提供")


# "X, a Singapore-registered operator, has signed an agreement with Y": how far the subject may stand
# before its verb.
EN_SUBJECT_WINDOW = 160
# After "A与B签订……协议", how far on the sentence that says which of them provides may stand.
PROVIDER_WINDOW = 300
# The shortest part of a name that stands for it in later prose (中卫华算 for 中卫华算智能科技有限公司).
SHORT_NAME = 4
# What stands between the two parties of "A（以下简称“甲”）与B签订": a bracketed short name, then 与.
_PAIR_GAP = re.compile(r"\s*(?:[（(][^（）()]{0,24}[）)])?\s*(?:与|和|同)\s*")
_LEGAL_TAIL = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|集团|公司|研究院|研究所)$")


# "X has purchased GPU servers from Y" ("from distributor Y", "from its supplier Y"): Y sold them.
_EN_BOUGHT_FROM = re.compile(r"\b(?:purchased|bought|procured|ordered|acquired|leased|rented|buys|purchases|procures|orders)\b"
                             r"[^.;]{0,120}?\bfrom\s+(?:the\s+|its\s+|their\s+)?(?:[a-z]+\s+){0,2}$")
# "X entered into an agreement with Y": Y is X's counterpart.
_EN_SIGNED_WITH = re.compile(r"\b(?:entered into|signed|signs|concluded|executed|entering into)\b[^.]{0,"
                             + str(EN_SIGN_WINDOW) + r"}\bwith\s+(?:the\s+)?$")
# "X awarded the contract for GPU servers to Y": Y is the winner, X the one that awards.
_EN_AWARDED_TO = re.compile(r"\b(?:awarded|awards|has awarded|granted)\b[^.;]{0,120}?\bto\s+(?:the\s+)?$")


# What stands between the subject of "X日前与Y签订…合同" and its 与: time words and adverbs only.
_ZH_SUBJECT_GAP = re.compile(r"[ \t]*(?:(?:日前|近日|今日|近期|此前|已经|已|正式|成功|于\d{4}年\d{1,2}月\d{1,2}日)[ \t]*)*(?:与|和|同)[ \t]*")


def _zh_signing_subject(match: str, orgs: list[OrgName]) -> list[OrgName]:
    """The subject of a Chinese "X（日前）与Y签订…合同" sentence outside a company's own disclosure (a news
    story, a notice): Y signs as the counterpart that supplies, X as the side that buys."""
    out = list(orgs)
    for i in range(1, len(out)):
        o, left = out[i], out[i - 1]
        if o.cue == "与…签订" and left.role == "supplier" and left.cue == "收到中标通知书" \
                and not re.search(r"[。；;\n]", match[left.end: o.start]):
            # "X在获得…中标通知书后，与Y签订…合同": the winner signs with the one it won from
            out[i] = OrgName(o.name, o.start, o.end, "buyer", o.masked, "与中标人签订")
            continue
        if o.cue != "与…签订" or o.role != "supplier" or left.role != "mentioned":
            continue
        if not _ZH_SUBJECT_GAP.fullmatch(match, left.end, o.start):
            continue
        if _sells_by_contract(match, left, o):
            # "X股份有限公司与Y签订《算力服务合同》": news of a listed company's contract tells what it sells,
            # as its own disclosure does (the sales contracts of 上市规则 日常经营重大合同)
            out[i - 1] = OrgName(left.name, left.start, left.end, "supplier", left.masked, "与…签订")
            out[i] = OrgName(o.name, o.start, o.end, "buyer", o.masked, o.cue)
        else:
            out[i - 1] = OrgName(left.name, left.start, left.end, "buyer", left.masked, "与…签订")
    return out


# A joint-stock company's legal form (公司法 第二条 股份有限公司), the form of every A-share issuer.
_JOINT_STOCK = ("股份有限公司", "股份公司")


def _sells_by_contract(match: str, subject: OrgName, counterpart: OrgName) -> bool:
    """"X股份有限公司与Y有限公司签订《算力服务合同》": news of a listed company's contract tells what it sells,
    as its own disclosure does (the sales contracts of 上市规则 日常经营重大合同): the joint-stock subject
    supplies a company counterpart that is no joint-stock one."""
    contract = match[counterpart.end: counterpart.end + SIGN_WINDOW].lower()
    return (subject.name.endswith(_JOINT_STOCK) and not counterpart.name.endswith(_JOINT_STOCK)
            and counterpart.name.endswith("公司") and any(w in contract for w in _vocab().sells))


def _clause_before(match: str, start: int) -> str:
    """The English clause before a name at ``start``, where its verb (signed ... with) would stand."""
    return match[max(0, start - EN_CLAUSE_REACH): start]


def _signing_subject(match: str, orgs: list[OrgName]) -> list[OrgName]:
    """The English subject of "X has signed ... with Y" (or "X awarded ... to Y") takes the side opposite Y's."""
    out = list(orgs)
    for i, o in enumerate(out):
        if o.role == "mentioned" or (o.cue not in ("signed with", "awarded to") and not _EN_SIGNED_WITH.search(
                _clause_before(match, o.start))):
            continue  # a counterpart named as such, or by its bracket ("with Apex Limited (the "Vendor")")
        # English prose may be wrapped: a sentence runs over single line breaks, to a blank line.
        s = max(match.rfind("\n\n", 0, o.start), match.rfind("。", 0, o.start)) + 1
        for j in range(i - 1, -1, -1):
            left = out[j]
            if left.start < max(s, o.start - EN_SUBJECT_WINDOW) or left.role != "mentioned":
                break
            if re.search(r"[\x00-\x7f]", left.name) and re.search(
                    r"\b(?:has|have|had|to)?\s*(?:entered into|signed|signs|concluded|executed|awarded|awards|granted)\b",
                    match[left.end: o.start]):
                other: Role = "buyer" if o.role == "supplier" else "supplier"
                out[j] = OrgName(left.name, left.start, left.end, other, left.masked, "signed with")
                break
    return out


def _short_forms(name: str) -> list[str]:
    head = _LEGAL_TAIL.sub("", name)
    head = re.sub(r"^(?:中国|[\u3400-\u9fff]{2}(?:省|市))", "", head) or head
    return [head[i: i + SHORT_NAME] for i in range(0, max(1, len(head) - SHORT_NAME + 1))] if len(head) >= SHORT_NAME else [head]


def _provider_statement(match: str, orgs: list[OrgName]) -> list[OrgName]:
    """"A与B签订……协议，约定由A为B提供……" / "根据协议，A将……为B提供": the one that provides is the
    supplier and the other the buyer, whatever the signing sentence alone suggested."""
    out = list(orgs)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if not _PAIR_GAP.fullmatch(match[a.end: b.start]) or not _SIGN.search(match, b.end, b.end + SIGN_WINDOW):
            continue
        rest = match[b.end: b.end + PROVIDER_WINDOW]
        give = re.search(r"提供", rest)
        if not give:
            continue
        clause = rest[: give.start()]
        clause = clause[max(clause.rfind("。"), clause.rfind("；"), clause.rfind(";")) + 1:]
        hits = []
        for org in (a, b):
            for form in _short_forms(org.name):
                pos = clause.find(form)
                if pos >= 0:
                    hits.append((pos, org))
                    break
        if not hits:
            continue
        pos, first = min(hits, key=lambda h: h[0])
        recipient = bool(re.search(r"(?:为|向|给)\s*$", clause[:pos]))
        provider = (b if first is a else a) if recipient else first
        cue = "为…提供"
        out[i] = OrgName(a.name, a.start, a.end, "supplier" if provider is a else "buyer", a.masked, cue)
        out[i + 1] = OrgName(b.name, b.start, b.end, "supplier" if provider is b else "buyer", b.masked, cue)
    return out


def announcer_of(match: str, orgs: list[OrgName]) -> OrgName | None:
    """The company announcing a disclosure: the one the text calls 公司, else the first named at its head."""
    return _announcer(match, orgs)


def _announcer(match: str, orgs: list[OrgName]) -> OrgName | None:
    for o in orgs:
        after = match[o.end: o.end + 30]
        if re.match(r"\s*[(（]?\s*(?:[「“\"]|以下简称|下称|简称)?\s*[“\"「]?(?:本公司|公司|the Company|[A-Z][\w ]{1,30}[\"”]? or the [\"“]Company)",
                    after):
            return o
    # the first named at the head that no role word claims, or the one already read as the announcer
    head = [o for o in orgs if o.start < ANNOUNCER_HEAD and (o.role == "mentioned" or o.cue == "announcer")
            and fold_pattern(o.name) not in _vendor_names()]  # a US vendor is the brand of a headline, never its announcer
    return head[0] if head else None
