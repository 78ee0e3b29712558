"""Winners that news of an award names by their short names, without a legal form.

Reports of a tender's result (the operators' 集采 in C114通信网, 运营商财经网, 新浪财经) write
"经评审，智谱华章综合排名第一、浪潮云综合排名第二", "武汉长江计算以约6.33亿元成为第一中标候选人，四川华鲲振宇
和神州数码分别获得27%和23%份额", "紧随其后的则是中兴通讯、新华三、超聚变和曙光信息等" or "包三由湖南移动中标".
The suffix-driven recogniser (extract/orgs.py) finds none of these names, and the knowledge holds only
the listed ones. Here a name is the run of name characters right beside a ranking, share or award cue
of ``orgs.yaml award_news``, bounded by punctuation and split at 、 and 和; a run that holds a function
character (的, 是) or is a word of the cue's own kind (厂商, 项目) is no name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..knowledge import files as knowledge
from ..text.fold import fold_pattern

# The shortest and longest short name read: two characters (华为 is a name of its own); the short
# names of news (中电信人工智能科技, 四川华鲲振宇) run to about ten, and a full name with its legal form is
# the suffix recogniser's; fourteen leaves room for a place in brackets.
MIN_BARE = 2
MAX_BARE = 14
# How far before a cue the price or adverbs a winner takes may stand ("以约6.3311亿元成为", "分别获得").
PREFIX_REACH = 24
# How far a subject list reaches back from its cue ("A、B、C和D分别获得…"): a few names.
LIST_REACH = 60

# Characters a short name is made of: Chinese, Latin letters, digits, a bracketed place, 中点, & and -.
_NAME_CHAR = r"[\u3400-\u9fff〇A-Za-z0-9()（）·&\-]"
_RUN_BEFORE = re.compile(r"(?:" + _NAME_CHAR + r"|、)+$")
_RUN_AFTER = re.compile(r"[\s:：]*(?:[(（][^()（）\n]{0,12}[)）][\s:：]*)?((?:" + _NAME_CHAR + r"|、)+)")
_TRAILING_ETC = re.compile(r"(?:等(?:公司|企业|厂商|多家|\d+家)?)$")
_PRICE_OR_ADVERB = re.compile(r"(?:以[^，,。；;\n]{0," + str(PREFIX_REACH) + r"}?|分别|均|也|还|共|则|同时|已|最终|成功)$")


@dataclass(frozen=True, slots=True)
class BareWinner:
    """A winner's short name in news of an award, and the cue beside it."""

    start: int
    end: int
    cue: str

    @property
    def short(self) -> bool:
        """Short enough to be a name of its own where the recogniser found none."""
        return self.end - self.start <= MAX_BARE


@dataclass(frozen=True, slots=True)
class _Cues:
    subject: re.Pattern[str]  # the cue stands after the name
    shared_ranks: frozenset[str]
    shared_award: re.Pattern[str]
    listing: re.Pattern[str]  # the names follow the cue
    between: re.Pattern[str]  # 由X中标, 由A、B和C中标
    coordinators: re.Pattern[str]
    not_names: frozenset[str]
    not_starts: tuple[str, ...]
    never_inside: frozenset[str]
    packages: re.Pattern[str]


def _alt(words: tuple[str, ...] | list[str]) -> str:
    return "(?:" + "|".join(re.escape(fold_pattern(w)) for w in sorted(words, key=len, reverse=True)) + ")"


@cache
def _cues() -> _Cues:
    conf = knowledge.orgs()
    news = conf.award_news
    ordinal = r"(?P<rank>" + _alt([*news.rank_ordinals, *news.shared_ordinals]) + r")(?![0-9一二三四五六七八九十])"
    rank = (_alt(news.rank_words) + _alt(news.rank_adverbs) + r"?(?:位列|排在|排名)?第" + ordinal + _alt(news.rank_tails) + "?"
            + "|" + _alt(news.rank_words_with_tail) + _alt(news.rank_adverbs) + r"?第" + ordinal.replace("?P<rank>", "?P<rank2>")
            + _alt(news.rank_tails))
    share = _alt(news.share_verbs) + r"了?[^，,。；;\n]{0,12}?" + _alt(news.share_nouns)
    subject = re.compile(r"(?:" + rank + "|" + share + "|" + _alt(news.count_words) + ")")
    not_names = frozenset(fold_pattern(w) for w in news.not_names)
    return _Cues(
        subject=subject,
        shared_ranks=frozenset(fold_pattern(w) for w in news.shared_ordinals),
        shared_award=re.compile(_alt(news.shared_award_words)),
        listing=re.compile(_alt(news.list_cues)),
        between=re.compile(r"(?<!" + _alt(news.between_not_after) + ")" + _alt(news.between_before) + r"(?![于此衷])((?:" + _NAME_CHAR + r"|、){" + str(MIN_BARE) + "," + str(LIST_REACH) + r"}?)"
                           + _alt(news.between_after) + r"(?![候结公通金价])"),
        coordinators=re.compile(_alt(news.coordinators)),
        not_names=not_names,
        # a run opened by a word no name opens with (预计该项目, 确认公司): the main recogniser's left words
        not_starts=(tuple(w for w in not_names if len(w) >= MIN_BARE) + tuple(fold_pattern(w) for w in conf.zh_generic_heads)
                    + tuple(fold_pattern(w) for w in conf.zh_left_always if len(w) >= MIN_BARE)),
        never_inside=frozenset(fold_pattern(w) for w in conf.zh_never_inside),
        packages=re.compile(_alt(news.package_words)),
    )


def _plausible(name: str, cues: _Cues) -> bool:
    """Whether a run could be a name; its length is checked by the caller (a full name the recogniser
    found may be longer than a short name)."""
    if len(name) < MIN_BARE or name in cues.not_names or name[0].isdigit() or name[0] in "第(（":
        return False
    if any(ch in cues.never_inside for ch in name) or name.startswith(cues.not_starts) or cues.packages.search(name):
        return False
    # a bracket opened is closed (中电信人工智能科技(北京)), never a half of one
    return name.count("(") == name.count(")") and name.count("（") == name.count("）")


def _split(segment: str, offset: int, cues: _Cues) -> list[tuple[int, int]]:
    """The names of a list ("A、B和C"), each as (start, end) in the text."""
    out: list[tuple[int, int]] = []
    pos = 0
    for part in re.split(r"(、)", segment):
        if part == "、":
            pos += 1
            continue
        pieces = [(m.start(), m.end()) for m in cues.coordinators.finditer(part)]
        bounds = [0, *[x for s, e in pieces for x in (s, e)], len(part)]
        for a, b in zip(bounds[::2], bounds[1::2], strict=True):
            out.append((offset + pos + a, offset + pos + b))
        pos += len(part)
    return out


def award_news_winners(match: str) -> list[BareWinner]:
    """Every winner's name beside an award cue of ``match`` (the folded text), in text order."""
    cues = _cues()
    found: dict[tuple[int, int], str] = {}

    def keep(spans: list[tuple[int, int]], cue: str) -> None:
        for s, e in spans:
            name = match[s:e]
            etc = _TRAILING_ETC.search(name)
            if etc is not None:
                e -= len(etc.group(0))
                name = match[s:e]
            if _plausible(name, cues):
                found.setdefault((s, e), cue)

    previous = 0  # a subject never reaches back over the cue before it (A排名第一、B排名第二)
    shared: bool | None = None
    for m in cues.subject.finditer(match):
        rank = m.group("rank") or m.group("rank2")
        if rank in cues.shared_ranks:
            if shared is None:
                shared = cues.shared_award.search(match) is not None
            if not shared:
                previous = m.end()
                continue
        floor = max(previous, m.start() - LIST_REACH)
        previous = m.end()
        head = match[floor: m.start()]
        prefix = _PRICE_OR_ADVERB.search(head)
        if prefix is not None:
            head = head[: prefix.start()]
        run = _RUN_BEFORE.search(head)
        if run is None:
            continue
        start = floor + run.start()
        spans = _split(run.group(0), start, cues)
        if run.start() == 0 and floor == m.start() - LIST_REACH > 0:
            spans = spans[1:]  # the window cut the first name
        keep(spans, m.group(0))
    for m in cues.listing.finditer(match):
        run = _RUN_AFTER.match(match, m.end())
        if run is not None:
            keep(_split(run.group(1), run.start(1), cues), m.group(0))
    for m in cues.between.finditer(match):
        # "由A、B和C中标": each name of the list, none longer than a short name
        spans = _split(m.group(1), m.start(1), cues)
        # a list is names only where every part is one ("由综合评分第一名、第二名的保险公司…中标" lists ranks)
        if all(e - s <= MAX_BARE for s, e in spans) and (len(spans) == 1 or all(_plausible(match[s:e], cues) for s, e in spans)):
            keep(spans, "由…中标")
    return [BareWinner(s, e, cue) for (s, e), cue in sorted(found.items())]
