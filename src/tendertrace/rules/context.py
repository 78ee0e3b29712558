"""Context that cancels or lowers a mention: negation, prohibition, replacement, existing equipment,
and cancelled procurements (knowledge/context.yaml).

A cue opens a scope that runs forward to the end of its clause: a full stop, a semicolon, the end of
the line, or a comma outside brackets. "不得采用境外云服务（包括但不限于AWS、Microsoft Azure）" puts
both providers in a ``negated`` scope; "国产化替代，弃用英伟达A100" puts the A100 in a ``replaced``
scope; a 终止公告 cancels the whole document. A few cues run backwards instead, from the start of
their clause to the cue: "将英伟达H100替换为昇腾910B" puts the H100, not the Ascend, in a ``replaced``
scope.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache

from ..extract.literals import longest_word_pattern
from ..knowledge import files as knowledge
from ..text.fold import fold_pattern
from ..text.fold import line_start as start_of_line

Effect = knowledge.ScopeEffect  # negated, withdrawn, replaced, existing, compatible, past, part
# The effects under which a mention, and a route word, is not stated as what the notice acquires.
NOT_STATED: frozenset[str] = frozenset({"negated", "withdrawn", "replaced"})

# Brackets and quotation marks: a comma inside them does not end a scope ("撤销原“租用AWS GPU云服务器，
# 12个月”采购需求" withdraws the whole quoted row).
_OPEN = "([（【[《“‘「『"
# A clause ending in 的 before its comma is the condition of what follows ("未提供…的，投标无效",
# "不满足…的"): a negation inside it states what the bid must do, not what it excludes.
_CONDITION_END = "的"
_CLOSE = ")]）】]》”’」』"


@dataclass(frozen=True, slots=True)
class Scope:
    """Characters ``start``..``end`` of the text stand under ``cue`` with ``effect``."""

    start: int
    end: int
    effect: Effect
    cue: str


@dataclass(frozen=True, slots=True)
class _Conf:
    cues: tuple[tuple[Effect, re.Pattern[str]], ...]
    sentence: frozenset[int]  # the cues whose scope runs to the end of the sentence, over commas
    until: dict[int, re.Pattern[str]]  # the cues whose scope ends at a word of their own (除…外)
    backward: tuple[tuple[Effect, re.Pattern[str]], ...]
    unless: dict[int, re.Pattern[str]]  # the backward cues a word of their clause undoes
    track_record: re.Pattern[str]
    refused: re.Pattern[str]
    end: re.Pattern[str]
    comma: re.Pattern[str]
    elaboration: re.Pattern[str]
    row_status: re.Pattern[str]
    cancellation: re.Pattern[str]
    existing_end: re.Pattern[str]
    correction_end: re.Pattern[str]
    cancel_words: re.Pattern[str]
    condition: re.Pattern[str]
    value_change: re.Pattern[str]
    topic: re.Pattern[str]
    nexus: re.Pattern[str]
    taiwan: re.Pattern[str]
    prc: re.Pattern[str]
    foreign: re.Pattern[str]
    reference: re.Pattern[str]
    lot: re.Pattern[str]
    no_purchase: re.Pattern[str]
    no_purchase_statement: re.Pattern[str]
    research_report_mark: re.Pattern[str]
    research_report: re.Pattern[str]
    job: tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]  # duties, requirements, a procurement heading


@cache
def _conf() -> _Conf:
    conf = knowledge.context()
    cues = tuple((row.effect, re.compile(fold_pattern(row.pattern))) for row in conf.scopes)
    sentence = frozenset(i for i, row in enumerate(conf.scopes) if row.reach == "sentence")
    until = {i: re.compile(fold_pattern(row.until)) for i, row in enumerate(conf.scopes) if row.until}
    backward = tuple((row.effect, re.compile(fold_pattern(row.pattern))) for row in conf.backward_scopes)
    unless = {i: re.compile(fold_pattern(row.unless)) for i, row in enumerate(conf.backward_scopes) if row.unless}
    return _Conf(cues, sentence, until, backward, unless, re.compile(fold_pattern(conf.track_record_heading)),
                 re.compile(fold_pattern(conf.refused_answer)), re.compile(fold_pattern(conf.scope_end)), re.compile(conf.scope_comma),
                 re.compile(fold_pattern(conf.elaboration)), re.compile(fold_pattern(conf.row_status)),
                 re.compile(fold_pattern(conf.cancellation)), re.compile(fold_pattern(conf.existing_end)),
                 re.compile(fold_pattern(conf.correction_end)), re.compile(fold_pattern(conf.cancel_words)),
                 re.compile(fold_pattern(conf.condition)), re.compile(fold_pattern(conf.value_change)),
                 re.compile(fold_pattern(conf.topic_procurement)), re.compile(fold_pattern(conf.china_nexus)),
                 re.compile(fold_pattern(conf.taiwan_script)), re.compile(fold_pattern(conf.prc_script)),
                 re.compile(fold_pattern(conf.foreign_script)), re.compile(fold_pattern(conf.reference_cell)),
                 re.compile(fold_pattern(conf.lot_marker), re.MULTILINE), re.compile(fold_pattern(conf.no_purchase)),
                 re.compile(fold_pattern(conf.no_purchase_statement)), re.compile(fold_pattern(conf.research_report_mark)), re.compile(fold_pattern(conf.research_report)),
                 (re.compile(fold_pattern(conf.job_duties)), re.compile(fold_pattern(conf.job_requirements)),
                  re.compile(fold_pattern(conf.procurement_heading))))


def _clause_end(text: str, start: int, limit: int | None = None, commas: bool = True) -> int:
    """Where a scope opened at ``start`` ends: the clause end, a comma outside brackets (unless
    ``commas`` is false: the scope runs to the sentence end), or the line end (read no further
    than ``limit``)."""
    conf = _conf()
    limit = len(text) if limit is None else min(len(text), limit)
    line_end = text.find("\n", start, limit)
    while 0 <= line_end < limit - 1 and _wrapped_into(text, line_end + 1):
        line_end = text.find("\n", line_end + 1, limit)  # a hard-wrapped sentence runs on
    line_end = limit if line_end < 0 else line_end
    hard = conf.end.search(text, start, line_end)
    stop = hard.start() if hard else line_end
    if not commas:
        return stop
    depth = 0
    for i in range(start, stop):
        ch = text[i]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and conf.comma.match(text, i):
            if conf.elaboration.match(text, i + 1):
                continue  # "不含管制物项，包括但不限于A100、H100": the list names what is negated
            return i
    return stop


def _clause_start(text: str, end: int) -> int:
    """Where the clause holding ``text[end - 1]`` begins: after the last clause end, comma outside
    brackets or line break before ``end``, at most :data:`SCOPE_REACH` characters back."""
    conf = _conf()
    floor = max(0, end - SCOPE_REACH)
    line_start = text.rfind("\n", floor, end) + 1 or floor
    depth = 0
    for i in range(end - 1, line_start - 1, -1):
        ch = text[i]
        if ch in _CLOSE:
            depth += 1
        elif ch in _OPEN:
            if depth == 0:
                return i + 1  # the cue stands inside this bracket: its clause is the bracket's
            depth -= 1
        elif conf.end.match(text, i) or (depth == 0 and conf.comma.match(text, i)):
            return i + 1
    return line_start


# What may stand between a backward cue and the end of its clause when the cue is all the clause
# says ("，已撤销。", "（本包已删除）", ": withdrawn."): closing brackets, quotes and spaces.
_CLAUSE_TAIL = re.compile(r"[ \t\u3000)）】\]》”’」』]*")  # (never past the line's end, which ends the clause)


# A negator right before a withdrawal cue denies it ("not cancelled", "并未撤销", "没有暂缓"): the
# row stands. The negator is read this many characters back (", has not been " is the longest).
_NEGATOR_REACH = 14
_AUXILIARY = re.compile(r"\s*(?:been\s+|be\s+)?")
_NEGATOR_BEFORE = re.compile(r"(?:\b(?:not|never|n't)\s+(?:been\s+|be\s+)?|并未|未|没有|并非|不是|无须|无需)\s*$")


def _denies_withdrawal(text: str, end: int) -> bool:
    """Whether a negator ending at ``end`` is followed by a withdrawal cue it denies."""
    gap = _AUXILIARY.match(text, end)
    at = gap.end() if gap else end
    return any(effect == "withdrawn" and pattern.match(text, at) for effect, pattern in _conf().backward)


# A clause that names nothing but the cue's subject ("本包已", "该项", "本单位制度") and the adverbials of its
# decision ("已于上周经总经理办公会决定取消"): the cue speaks of the clause before it.
_SUBJECT_ONLY = re.compile(r"\s*(?:[本该此]\s*(?:包|标段|分标|项|行|条|项目|需求|内容|采购意向|意向|方案|计划|单位(?:制度|规定)?)?)?\s*"
                           # the writer itself as the subject ("GPT-4o、Claude 需要境外账号，公司不考虑")
                           r"(?:(?:我|本)?(?:公司|司|单位|校|院|所|局|中心|集团))?\s*"
                           r"(?:已经|已|予以|被|均|一律|现|目前)?\s*(?:于[^，,。；;\n]{1,12}?)?\s*(?:经[^，,。；;\n]{1,16}?)?\s*"
                           r"(?:研究|讨论|审议|审批)?\s*(?:决定|同意|确定)?\s*(?:予以|被)?\s*")


def _backward(text: str, m: re.Match[str], effect: Effect, row: int | None = None) -> list[Scope]:
    """The scopes of a backward cue ``m``: its clause up to the cue, or nothing when what it changes
    is a quantity, a date or a price ("数量由2台调整为4台"). A cue that is its whole clause ("GPU服务器
    （8卡A100）采购，已撤销") speaks of the clause before it; a cue ending in a colon ("以下产品不在采购
    范围内：A100、H100") speaks of the list after it too."""
    start = _clause_start(text, m.start())
    if effect == "replaced" and _conf().value_change.search(text, start, m.start()):
        return []
    if row in _conf().unless and _conf().unless[row].search(text, start, m.start()):
        return []  # "未配置H100的，按无效投标处理": the condition is a lack, the item is required
    if effect != "replaced" and _NEGATOR_BEFORE.search(text[max(start, m.start() - _NEGATOR_REACH): m.start()]):
        return []  # "is not cancelled", "并未撤销": a withdrawal denied
    out: list[Scope] = []
    after = text[m.end(): m.end() + 1]
    if after in (":", "：") and effect != "replaced":
        out.append(Scope(m.end(), _clause_end(text, m.end() + 1, commas=False), effect, m.group(0)))
    tail = _CLAUSE_TAIL.match(text, m.end())
    whole = bool(_SUBJECT_ONLY.fullmatch(text, start, m.start()))
    if whole and start > 0 and tail is not None and _ends_clause(text, tail.end()):
        start = _clause_start(text, start - 1)
    out.append(Scope(start, m.start(), effect, m.group(0)))
    return out


def _ends_clause(text: str, i: int) -> bool:
    return i >= len(text) or text[i] == "\n" or bool(_conf().end.match(text, i) or _conf().comma.match(text, i))


def find_scopes(text: str, lo: int = 0, hi: int | None = None) -> list[Scope]:
    """Every negation, replacement and existing-equipment scope whose cue stands in ``text[lo:hi]``,
    in text order (a forward scope may run on past ``hi`` to the end of its clause; a backward one
    starts where its clause does)."""
    hi = len(text) if hi is None else hi
    out: list[Scope] = []
    for row, (effect, pattern) in enumerate(_conf().backward):
        for m in pattern.finditer(text, lo, hi):
            out.extend(_backward(text, m, effect, row))
    # a cue's lookahead reads past ``hi`` ("除A100以外的" is a cue before the A100 it excludes)
    reach = min(len(text), hi + SCOPE_REACH)
    for i, (effect, pattern) in enumerate(_conf().cues):
        for m in pattern.finditer(text, lo, reach):
            if m.start() >= hi:
                break
            end = _clause_end(text, m.end(), commas=i not in _conf().sentence)
            if effect == "negated" and text[m.end():end].rstrip().endswith(_CONDITION_END):
                continue  # "未配置8块H100的，按无效投标处理": a condition on the bid, not an exclusion
            if effect == "negated" and _denies_withdrawal(text, m.end()):
                continue  # "The tender is not cancelled": the negation denies a withdrawal
            if i in _conf().until:
                stop = _conf().until[i].search(text, m.end(), end)
                end = stop.start() if stop else end
            if effect == "existing":
                turn = _conf().existing_end.search(text, m.end(), end)
                end = turn.start() if turn else end
            elif effect == "replaced" and i in _conf().sentence:
                # "原为“国产加速卡”，现更正为“NVIDIA H100”": the new wording is not what is removed
                turn = _conf().correction_end.search(text, m.end(), end)
                end = turn.start() if turn else end
            out.append(Scope(m.end(), end, effect, m.group(0)))
    out.sort(key=lambda s: (s.start, s.end))
    return out


def scope_at(scopes: list[Scope], start: int, end: int) -> Scope | None:
    """The scope covering the mention at ``start``..``end``: one that removes it (negated,
    withdrawn, replaced) before one that only describes it (existing, compatible: "替换现网A800" is
    a replacement of equipment in service), then the nearest cue."""
    covering = [s for s in scopes if s.start <= start and end <= s.end]
    return max(covering, key=lambda s: (s.effect in NOT_STATED, s.start)) if covering else None


# A plain-text paragraph wrapped by hand with a hanging indent: the line before ends inside a
# sentence (a character, 、 or a comma, no stop), this one opens with more spaces than it did and
# with no list marker.
_OPEN_LINE_END = re.compile(r"[\u3400-\u9fffA-Za-z0-9、，,（(“\"）)]$")
_CONTINUATION = re.compile(r"[ \t\u3000]{2,}(?![（(]?[0-9一二三四五六七八九十①-⑳]+[)）.．、]|[•·\-*])\S")


def _wrapped_into(text: str, line_start: int, depth: int = 0) -> bool:
    """Whether the line starting at ``line_start`` continues the sentence of the line before it."""
    if line_start <= 0 or text[line_start - 1] != "\n":
        return False
    prev_start = text.rfind("\n", 0, line_start - 1) + 1
    prev = text[prev_start: line_start - 1].rstrip()
    if not (prev and _OPEN_LINE_END.search(prev)):
        return False
    m = _CONTINUATION.match(text, line_start)
    if m is None:
        return False
    # indented deeper than the line before (a hanging indent), or as deep as a line that is itself
    # such a continuation -- not one more line of a list or a form
    indent, prev_indent = m.end() - 1 - line_start, len(prev) - len(prev.lstrip())
    if indent < prev_indent or depth >= MAX_WRAPPED_LINES:
        return False
    # the line before opens a list item (its text hangs under the item's words) or is itself wrapped
    return (indent > prev_indent and bool(_LIST_ITEM.match(prev.lstrip()))) or _wrapped_into(text, prev_start, depth + 1)


# A list item's marker: 1. 2、 (3) ① 一、 • -
_LIST_ITEM = re.compile(r"(?:[（(]?[0-9一二三四五六七八九十①-⑳]+[)）.．、]|[•·\-*])\s*\S")
# The most lines of one hard-wrapped sentence read as one.
MAX_WRAPPED_LINES = 6


# How far back from a mention a cue can open its scope: a clause is shorter than a line, and a
# long line (a page flattened into one) is read only this far back.
SCOPE_REACH = 200


def scope_of(text: str, start: int, end: int) -> Scope | None:
    """The scope covering the mention at ``start``..``end``: only the cues of its own line, up to
    :data:`SCOPE_REACH` characters before it (and, for a backward cue, the rest of its clause
    after it), are read."""
    lo = start_of_line(text, start, SCOPE_REACH)
    if lo > 0 and start - lo < SCOPE_REACH and _wrapped_into(text, lo):
        lo = start_of_line(text, lo - 1, SCOPE_REACH - (start - lo))  # the line this one continues
    found = find_scopes(text, lo, start)
    clause_end = _clause_end(text, end, end + SCOPE_REACH)
    if clause_end < len(text) and _conf().comma.match(text, clause_end):
        # a cue that is the whole next clause ("…采购，已撤销") speaks of this one
        clause_end = _clause_end(text, clause_end + 1, end + SCOPE_REACH)
    for row, (effect, pattern) in enumerate(_conf().backward):
        m = pattern.search(text, end, clause_end)
        if m:
            found.extend(_backward(text, m, effect, row))
    found.extend(_row_scopes(text, start, end))
    found.extend(_reference_scopes(text, start, end))
    return (scope_at(found, start, end) or _list_scope(text, start, end) or _record_scope(text, start, end)
            or _refused_question(text, start, end))


# How far a question runs on from its item to its question mark, and back from it to its start.
QUESTION_REACH = 120
_QUESTION_MARK = re.compile(r"[？?]")
_SENTENCE_BEFORE = re.compile(r"[。；;！!？?\n]")


def _refused_question(text: str, start: int, end: int) -> Scope | None:
    """A question naming the item whose answer refuses it ("问：能否投标英伟达A800 GPU服务器？答：不接受")."""
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    mark = _QUESTION_MARK.search(text, end, min(line_end, end + QUESTION_REACH))
    if mark is None or _conf().end.search(text, end, mark.start()):
        return None  # no question mark, or the item's sentence ends before it
    answer = _conf().refused.match(text, mark.end())
    if answer is None:
        return None
    floor = max(0, start - QUESTION_REACH)
    before = [m.end() for m in _SENTENCE_BEFORE.finditer(text, floor, start)]
    return Scope(before[-1] if before else floor, mark.start(), "negated", answer.group(0).strip())


# The cells of a table row, as the readers write a row on one line (ingest.html, extract.tables).
_CELL_SEPARATOR = re.compile(r"\s+\|\s+|\t")


def _row_scopes(text: str, start: int, end: int) -> list[Scope]:
    """A table row withdrawn by one of its cells: a status column ("更正情况", "备注", "Status")
    whose cell is "取消（该项目不再实施）", "已撤销", "暂缓", "withdrawn" speaks of every cell of the
    row, whatever commas the description cell holds."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    if hi - lo > ROW_REACH or not _CELL_SEPARATOR.search(text, lo, hi):
        return []
    seps = list(_CELL_SEPARATOR.finditer(text, lo, hi))
    starts = [lo] + [m.end() for m in seps]
    ends = [m.start() for m in seps] + [hi]
    for cell_start, cell_end in zip(starts, ends, strict=True):
        if cell_start <= start < cell_end:
            continue  # the mention's own cell: its words are the item, not its status
        m = _conf().row_status.match(text, cell_start, cell_end)
        if m:
            return [Scope(lo, hi, "withdrawn", m.group(0).strip())]
    return []


def _cells(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The cells of the table row ``text[lo:hi]`` (one cell when the line holds no separator)."""
    seps = list(_CELL_SEPARATOR.finditer(text, lo, hi))
    return list(zip([lo] + [m.end() for m in seps], [m.start() for m in seps] + [hi], strict=True))


# A reference cell that is a row's remark ("对比基准", "参考") is short; a longer cell is a description.
REFERENCE_REMARK_CHARS = 8


def _reference_scopes(text: str, start: int, end: int) -> list[Scope]:
    """A mention in a comparison table's reference column or row: its own cell opens with a
    reference word ("参考（NVIDIA A100）", "对比型号NVIDIA H100", "Reference: NVIDIA H100"), the header
    cell over its column does (the first row of its table names the column 参考, 对比, 基准), or
    another cell of its row is a short reference remark ("对比基准"). Such a chip is what the item
    is measured against, not what is bought."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    if hi - lo > ROW_REACH or not _CELL_SEPARATOR.search(text, lo, hi):
        return []
    ref = _conf().reference
    cells = _cells(text, lo, hi)
    index = next((i for i, (a, b) in enumerate(cells) if a <= start < b), None)
    if index is None:
        return []
    own = cells[index]
    if ref.match(text, own[0], own[1]):
        return [Scope(own[0], own[1], "reference", text[own[0]:start].strip())]
    for i, (a, b) in enumerate(cells):
        if i != index and b - a <= REFERENCE_REMARK_CHARS + 2 and ref.match(text, a, b):
            return [Scope(lo, hi, "reference", text[a:b].strip())]
    # the header: the first line of the run of table rows above this one
    header = lo
    for _ in range(MAX_LIST_ITEMS):
        if header == 0:
            break
        prev = text.rfind("\n", 0, header - 1) + 1
        if not _CELL_SEPARATOR.search(text, prev, header - 1):
            break
        header = prev
    if header == lo:
        return []
    header_end = text.find("\n", header)
    head = _cells(text, header, header_end)
    if len(head) == len(cells) and ref.match(text, *head[index]):
        return [Scope(own[0], own[1], "reference", text[slice(*head[index])].strip())]
    return []


# A table row is read as one when its line is no longer than this: a page flattened into one line
# with pipes in it is no row.
ROW_REACH = 600


# A list item's line: a number, a bracketed number, a bullet or a circled number first.
_LIST_ITEM = re.compile(r"[ \t]*(?:\d{1,3}\s*[.、)）．]|[（(]\s*\d{1,3}\s*[)）]|[-•·*▪●○]|[①-⑳]"
                        r"|[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*、)")
# A list under one heading runs to this many items at most (a notice's exclusion list is short; a
# page of numbered paragraphs is no list).
MAX_LIST_ITEMS = 30


def _list_scope(text: str, start: int, end: int) -> Scope | None:
    """The scope of a list heading over the item holding ``start``..``end``: "不得采购下列产品：" or
    "以下产品不在采购范围内：" ends its line with a colon, and each numbered or bulleted line under
    it stands in the heading's negation."""
    line_start = text.rfind("\n", 0, start) + 1
    if not line_start or not _LIST_ITEM.match(text, line_start):
        return None
    heading_end = line_start - 1  # the newline before the item
    for _ in range(MAX_LIST_ITEMS):
        heading_start = text.rfind("\n", 0, heading_end) + 1
        if not _LIST_ITEM.match(text, heading_start):
            break
        if not heading_start:
            return None
        heading_end = heading_start - 1
    else:
        return None
    heading = text[heading_start:heading_end].rstrip()
    if not heading.endswith((":", "：")):
        return None
    colon = heading_start + len(heading) - 1
    for scope in find_scopes(text, heading_start, colon):
        if scope.effect in NOT_STATED and scope.start <= colon <= scope.end + 1:
            line_end = text.find("\n", end)
            return Scope(line_start, len(text) if line_end < 0 else line_end, scope.effect, scope.cue)
    return None


def _record_scope(text: str, start: int, end: int) -> Scope | None:
    """A bidder's track record laid out as a table or a list: the rows or items under a heading
    that names it ("类似项目业绩一览表", "供应商业绩：") are past projects, each one's chips delivered
    before, not bought now."""
    line_start = text.rfind("\n", 0, start) + 1
    if not line_start or not _row_or_item(text, line_start):
        return None
    heading_end = line_start - 1
    for _ in range(MAX_LIST_ITEMS):
        heading_start = text.rfind("\n", 0, heading_end) + 1
        if not _row_or_item(text, heading_start):
            break
        if not heading_start:
            return None
        heading_end = heading_start - 1
    else:
        return None
    m = _conf().track_record.search(text, heading_start, heading_end)
    if m is None:
        return None
    line_end = text.find("\n", end)
    return Scope(line_start, len(text) if line_end < 0 else line_end, "past", m.group(0))


def _row_or_item(text: str, line_start: int) -> bool:
    """Whether the line at ``line_start`` is a table row (cells on one line) or a list item."""
    line_end = text.find("\n", line_start)
    line_end = len(text) if line_end < 0 else line_end
    return bool(_LIST_ITEM.match(text, line_start) or _CELL_SEPARATOR.search(text, line_start, line_end))


# How far into a notice its title stands (the heading lines before the body).
TITLE_REACH = 200


def topic_procurement(project_name: str | None, text: str) -> str | None:
    """The words saying that the procurement's object is a course, training or publications (a
    培训服务 or 图书采购 project), found in its project name or its heading; None otherwise."""
    for where in (project_name or "", text[:TITLE_REACH]):
        m = _conf().topic.search(where)
        if m:
            return m.group(0)
    return None


def no_purchase(text: str) -> str | None:
    """The words of a text's heading saying it buys nothing whatever it names: a job advertisement,
    a warning against a forged order, an import request the experts refused; or, anywhere in it, a
    job advertisement's duties and requirements sections under a heading that names no procurement,
    or the statements of a securities research report; None otherwise."""
    m = _conf().no_purchase.search(text[:TITLE_REACH])
    if m:
        return m.group(0)
    said = _conf().no_purchase_statement.search(text)
    if said:
        return said.group(0)
    duties, requirements, procurement = _conf().job
    if not procurement.search(text[:TITLE_REACH]) and (d := duties.search(text)) and (r := requirements.search(text)):
        return f"a job advertisement ({d.group(0).strip(' :：' + chr(10))}, {r.group(0).strip(' :：' + chr(10))})"
    mark = _conf().research_report_mark.search(text)
    statement = _conf().research_report.search(text) if mark else None
    if mark and statement:
        return f"a securities research report ({mark.group(0)}, {statement.group(0)})"
    return None


# How far into a notice its opening lines run when its type is read from them (extract.fields
# reads the first 300 characters when the title names no type).
OPENING_CHARS = 300


def lot_sections(text: str) -> list[tuple[int, int]]:
    """The sections of a notice's lots (第1包…, 标段二…, Lot 2…), each from its marker to the next;
    none when the notice names fewer than two."""
    starts = [m.start() for m in _conf().lot.finditer(text)]
    if len(starts) < 2:
        return []
    return list(zip(starts, starts[1:] + [len(text)], strict=True))


def _cancel_word(text: str, lo: int, hi: int) -> str | None:
    """The words in ``text[lo:hi]`` that state its procurement failed or ended: a cancellation
    phrase, or a cancellation word outside a sentence that states a condition."""
    conf = _conf()
    m = conf.cancellation.search(text, lo, hi)
    if m:
        return m.group(0)
    for w in conf.cancel_words.finditer(text, lo, hi):
        a = max((text.rfind(ch, lo, w.start()) for ch in "。；;\n"), default=-1) + 1
        ends = [i for i in (text.find(ch, w.end(), hi) for ch in "。；;\n") if i >= 0]
        if not conf.condition.search(text, max(a, lo), min(ends, default=hi)):
            return w.group(0)
    return None


def lot_cancellation(text: str, start: int) -> str | None:
    """The words that cancel the lot whose section holds ``start`` (a failed 第1包 beside a 第2包
    that is awarded), or None; only in a notice of several lots, each read alone."""
    for lo, hi in lot_sections(text):
        if lo <= start < hi:
            return _cancel_word(text, lo, hi)
    return None


def cancellation(text: str, notice_type: str | None) -> str | None:
    """The words that cancel the whole procurement (a 终止 or 废标 notice), or None. A notice typed
    a cancellation only for words of a condition in its opening ("如投标人不足三家，本项目将予以废标")
    is not cancelled. In a notice of several lots, words inside one lot's section cancel that lot
    alone (:func:`lot_cancellation`): the notice is cancelled only when every lot is."""
    sections = lot_sections(text)
    if sections:
        preamble = _conf().cancellation.search(text, 0, sections[0][0])
        if preamble:
            return preamble.group(0)
        words = [_cancel_word(text, lo, hi) for lo, hi in sections]
        return words[0] if all(words) else None
    m = _conf().cancellation.search(text)
    if m:
        return m.group(0)
    if notice_type != "cancellation" or _only_conditions(text[:OPENING_CHARS]):
        return None
    return "cancellation notice"


def _only_conditions(opening: str) -> bool:
    """Whether every cancellation word of ``opening`` stands in a sentence that states a condition."""
    conf = _conf()
    words = list(conf.cancel_words.finditer(opening))
    if not words:
        return False
    for w in words:
        lo = max((opening.rfind(ch, 0, w.start()) for ch in "。；;\n"), default=-1) + 1
        ends = [i for i in (opening.find(ch, w.end()) for ch in "。；;\n") if i >= 0]
        if not conf.condition.search(opening, lo, min(ends, default=len(opening))):
            return False
    return True


# A text written in Chinese: this many Han characters (a two-character name is the shortest an
# organisation or place is written in), and no Japanese kana unless the Chinese words the Japanese
# language does not use stand in it too (的, 采购, 有限公司: a Chinese notice quoting a Japanese name).
HAN_NEXUS_CHARS = 2
_HAN = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]")
_KANA = re.compile("[\u3040-\u30ff]")
_CHINESE_ONLY = re.compile("的|采购|有限公司|中国")


def china_nexus(text: str) -> str | None:
    """The words that tie a document to the PRC, Hong Kong or Macau (knowledge/context.yaml
    ``china_nexus``): Chinese script (unless it is Taiwan's: ``taiwan_script`` without
    ``prc_script``), or the country, a province, a provincial capital, a
    sub-provincial city or the currency named in another script; None when the text names none."""
    han = sum(1 for _ in itertools.islice(_HAN.finditer(text), HAN_NEXUS_CHARS))
    conf = _conf()
    prc_words = bool(conf.prc.search(text) or _prc_places().search(text))
    taiwanese = bool(conf.taiwan.search(text)) and not prc_words
    # a buyer abroad writing in Chinese ("马来西亚某公司采购…", "预算1,200万令吉") with no PRC word or place
    taiwanese = taiwanese or (bool(conf.foreign.search(text)) and not prc_words)
    if han >= HAN_NEXUS_CHARS and not taiwanese and (not _KANA.search(text) or _CHINESE_ONLY.search(text)):
        return "written in Chinese"
    m = conf.nexus.search(text) or _prefecture_cities().search(text)
    return m.group(0) if m else None


# A province-level division's code: its two digits, then 0000.
_PROVINCE_CODE = re.compile(r"\d{2}0000")
# The suffixes of a division's name that are dropped when it is written short (浙江省 -> 浙江).
_DIVISION_SUFFIX = re.compile(r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$")


@cache
def _prc_places() -> re.Pattern[str]:
    """Every province-level division and prefecture-level city of the PRC by its Chinese name,
    full or short (浙江省, 浙江; 深圳市, 深圳), from the whole GB/T 2260 table."""
    names: set[str] = set()
    for row in knowledge.divisions():
        if _PROVINCE_CODE.fullmatch(row.code) or (_PREFECTURE_CODE.fullmatch(row.code) and row.name.endswith("市")):
            names.add(row.name)
            short = _DIVISION_SUFFIX.sub("", row.name)
            if len(short) >= 2:
                names.add(short)
    return re.compile("|".join(sorted(map(re.escape, names), key=len, reverse=True)))


# A prefecture-level city's code in GB/T 2260 (knowledge/divisions_zh.csv): the province's two
# digits, the city's two (not 00), and 00 for the city itself rather than one of its counties.
_PREFECTURE_CODE = re.compile(r"\d{2}(?!00)\d{2}00")
# One syllable of Hanyu Pinyin (an initial, then a final): a city whose name romanises to one
# (吉安 Jian, 六安 Luan, 西安 Xian) is also a syllable of countless people's names, so it ties nothing.
_ONE_SYLLABLE = re.compile(r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|iao|ian|uai|uan"
                           r"|ai|ei|ui|ao|ou|iu|ie|ve|ue|er|an|en|in|un|vn|ia|ua|uo|a|o|e|i|u|v)")
# Readings tried per city when its characters have several (长治 is Changzhi, not Zhangzhi).
MAX_CITY_READINGS = 8


@cache
def _prefecture_cities() -> re.Pattern[str]:
    """Every prefecture-level city of the PRC by its romanised name (苏州市 -> Suzhou, SUZHOU), from
    the whole GB/T 2260 table: an English notice naming one is tied to the PRC even when it names
    no province. Autonomous prefectures, leagues and 地区 are left out: their English names are not
    the pinyin of their Chinese ones (延边朝鲜族自治州 is Yanbian). Each reading of a character with
    several is written, as pypinyin cannot tell which a place name takes."""
    from pypinyin import Style, pinyin

    names: set[str] = set()
    for row in knowledge.divisions():
        name = row.name
        if not (_PREFECTURE_CODE.fullmatch(row.code) and name.endswith("市") and len(name) > 2):
            continue
        readings = itertools.islice(itertools.product(*pinyin(name[:-1], style=Style.NORMAL, heteronym=True)),
                                    MAX_CITY_READINGS)
        for parts in readings:
            roman = "".join(parts)
            if roman.isascii() and roman.isalpha() and not _ONE_SYLLABLE.fullmatch(roman):
                names.update((roman.capitalize(), roman.upper()))
    alternatives = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z])(?:{alternatives})(?![A-Za-z])")


# How the glossary's source column marks a row that gives a place's English name (not a word's
# translation: 东方 is "Oriental" as a word, Dongfang as a city).
_PLACE_ROW = "English place name"


@cache
def _party_name_words() -> re.Pattern[str]:
    """The English words of a PRC proper name a party's English name may hold: the glossary's
    English form of a PRC division (Harbin, Urumqi, Hohhot) or of a PRC university's own short name
    (清华 -> Tsinghua, knowledge/university_short_names_zh.csv); a people's or a river's name is none."""
    divisions = {row.name for row in knowledge.divisions()}
    divisions |= {_DIVISION_SUFFIX.sub("", name) for name in divisions}
    universities = {row.short for row in knowledge.university_short_names()}
    words = {row.en for row in knowledge.glossary()
             if (row.zh in divisions or row.zh in universities) and _PLACE_ROW in row.source
             and not _conf().taiwan.search(row.zh)}
    # with no such word (a knowledge file without place rows) the pattern matches nowhere, not everywhere
    return re.compile(r"(?<![A-Za-z])(?:" + longest_word_pattern(words) + r")(?![A-Za-z])")


def party_nexus(names: list[str]) -> str | None:
    """A party whose English name holds a PRC proper name ("Tsinghua University", "Harbin Institute of
    Technology"): the document's tie to the PRC when its text, written in English, names no place."""
    pattern = _party_name_words()
    return next((name for name in names if pattern.search(name)), None)
