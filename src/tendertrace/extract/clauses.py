"""Roles from the clause that names two organisations: who buys from whom.

Running prose (a news story, an audit finding, a court's account, a post) names its parties in
clauses, not under labels: "南屏市大数据发展中心以单一来源方式与广州极算信息科技有限公司签订《…采购合同》",
"实验室通过深圳跃浪信息科技有限公司代开通海外账号", "ByteDance bought the servers from Jiangcheng Computing
Co., Ltd.". Each organisation the recogniser found is replaced by one placeholder character, and the
clause frames of knowledge/orgs.yaml (``clause_frames``) are matched over the result: a frame is the
verb or preposition that relates two placeholders, with gaps that hold no third one. A frame gives
each side a role, or says only that the two deal with each other (``either``): then the public body
of the two (a university, an institute, a bureau) is the buyer and the company the supplier, as in
public procurement (政府采购法 第十五条, 第二十一条), and a pair of two companies stays unread.

A frame only fills roles the recogniser left ``mentioned``; one that contradicts a role read from a
label or a cue is not applied.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..knowledge import files as knowledge
from ..model import Role
from ..text.fold import fold_pattern
from .literals import could_match, required_words

if TYPE_CHECKING:  # the recogniser calls this module: its class is only named here
    from .orgs import OrgName

# The cue of a role a frame gave: "clause 与…签订".
CUE_PREFIX = "clause "
# Each organisation becomes one character of the Unicode private use area, which no notice's text
# holds: 6,400 places, more than the organisations a document is read for.
PLACEHOLDER_BASE = 0xE000
PLACEHOLDER_LAST = 0xF8FF
# The words a Chinese frame allows between a party and its verb or preposition: adverbials of time,
# manner and price (近日, 以单一来源方式, 以1.36亿元), as long as a disclosure's sentence of what is sold
# at which unit price and total ("拟将名下600台…以人民币260,000.00元/台，合计总价…的价格出售给"), within
# one sentence and with no other name between.
GAP_ZH = 120
# English clauses run longer: "bought 2,000 H100 servers worth $120 million last year from".
GAP_EN = 90
# Between the second party and its verb ("为B提供", "向B采购", "通过B代开通"): a few adverbs, no comma, so
# "A为B的全资子公司，为客户提供" is no frame.
GAP_NEAR = 12
# A line of this many characters or more that ends without a full stop is a paragraph wrapped by its
# page (a PDF's text layer): its line break does not end the sentence, unless the next line opens a
# numbered item or a label (一、, 2., 采购人：). A shorter line ends at its break.
WRAP_LINE = 30  # extract.fields reads a label's figure across such a break the same way
# Where a sentence ends: Chinese full stops and semicolons, a line break, an English full stop before
# a space (a name's own full stops are inside its placeholder by then).
_SENTENCE_END = re.compile(r"[。；;!?！？\n]|\.(?=\s)")
# The line break of a wrapped paragraph: after a line that long, not before a numbered item or a label.
_WRAPPED = re.compile(r"\n(?![ \t]*(?:[一二三四五六七八九十\d]+[、.．)）]|[^\n(（]{1,12}[:：]))")
# A bracket right after a name gives its short name or kind (（以下简称“公司”）, (NTU)): part of the name.
_OWN_BRACKET = re.compile(r"\s*[（(][^（）()]{0,40}[）)]")
_PRIVATE_USE = re.compile(f"[\\u{PLACEHOLDER_BASE:04x}-\\u{PLACEHOLDER_LAST:04x}]")
# A facility named where a service is delivered from ("乙方在日本东京数据中心为甲方提供", "通过其合作的德国法兰克福
# 数据中心向甲方提供", "位于香港将军澳之数据中心"): a place, not the one that provides.
AT_PLACE = re.compile(r"(?:在|于|位于|依托|通过|经由|借助|利用|从|之|的)\s*$")
# How far before a name its locative preposition may stand (在其江苏南通智算中心).
AT_PLACE_REACH = 4
@dataclass(frozen=True, slots=True)
class _Frame:
    name: str
    pattern: re.Pattern[str]
    a: str  # buyer, supplier, agency or either
    b: str
    gate: tuple[tuple[str, ...], ...]  # words a sentence must hold for the frame to match (literals.required_words)


@cache
def _frames() -> tuple[_Frame, ...]:
    holder = f"[\\u{PLACEHOLDER_BASE:04x}-\\u{PLACEHOLDER_LAST:04x}]"
    gap_zh = f"[^\\u{PLACEHOLDER_BASE:04x}-\\u{PLACEHOLDER_LAST:04x}]{{0,{GAP_ZH}}}?"
    gap_en = f"[^\\u{PLACEHOLDER_BASE:04x}-\\u{PLACEHOLDER_LAST:04x}]{{0,{GAP_EN}}}?"
    near = f"[^\\u{PLACEHOLDER_BASE:04x}-\\u{PLACEHOLDER_LAST:04x}，,。；;]{{0,{GAP_NEAR}}}?"
    out = []
    for frame in knowledge.orgs().clause_frames:
        english = bool(re.search(r"[A-Za-z]{3}", re.sub(r"\{(?:A|B|gap|near)\}", "", frame.pattern)))
        source = frame.pattern if english else fold_pattern(frame.pattern)
        source = (source.replace("{A}", f"(?P<A>{holder})").replace("{B}", f"(?P<B>{holder})")
                  .replace("{gap}", gap_en if english else gap_zh).replace("{near}", near))
        compiled = re.compile(source)  # case as written: prose writes the verbs in lower case, and a gate needs it
        out.append(_Frame(frame.name, compiled, frame.a, frame.b, required_words(compiled)))
    return tuple(out)


def _join_wrapped(text: str) -> str:
    """``text`` with the line breaks of wrapped paragraphs as spaces, one character for one, so every
    offset stays: a break after a line of ``WRAP_LINE`` characters or more, not before an item or a label."""
    def join(m: re.Match[str]) -> str:
        line_start = text.rfind("\n", 0, m.start()) + 1
        return " " if m.start() - line_start >= WRAP_LINE else "\n"
    return _WRAPPED.sub(join, text)


@cache
def _kinds() -> tuple[tuple[str, ...], frozenset[str], tuple[str, ...], frozenset[str], tuple[str, ...]]:
    """orgs.yaml's words of a public body's and a company's name, Chinese endings and English words
    apart, and its agency words."""
    conf = knowledge.orgs()

    def split(words: tuple[str, ...]) -> tuple[tuple[str, ...], frozenset[str]]:
        return (tuple(fold_pattern(w) for w in words if not w.isascii()), frozenset(w for w in words if w.isascii()))

    public_zh, public_en = split(conf.public_body_words)
    company_zh, company_en = split(conf.company_words)
    return public_zh, public_en, company_zh, company_en, tuple(fold_pattern(w) for w in conf.agency_words)


def _kind(name: str) -> str:
    """``public`` for a body that buys under procurement law, ``company`` for a firm, else ``unknown``."""
    public_zh, public_en, company_zh, company_en, _agency = _kinds()
    plain = re.sub(r"[(（][^()（）]*[)）]$", "", name.strip())
    words = {w.rstrip(",") for w in plain.split()}
    if words & company_en or plain.endswith(company_zh):
        return "company"
    if words & public_en or plain.endswith(public_zh):
        return "public"
    return "unknown"


def _sides(frame: _Frame, a: OrgName, b: OrgName) -> tuple[Role, Role] | None:
    if frame.a != "either":
        sides = (frame.a, frame.b)
    else:
        kinds = (_kind(a.name), _kind(b.name))
        if kinds == ("public", "company"):
            sides = ("buyer", "supplier")
        elif kinds == ("company", "public"):
            sides = ("supplier", "buyer")
        else:
            return None
    named = (a.name, b.name)
    agency = _kinds()[4]
    roles = tuple("agency" if role == "supplier" and any(w in name for w in agency) else role
                  for role, name in zip(sides, named, strict=True))
    return roles  # type: ignore[return-value]  # orgs.yaml's frames are checked on load


def _key(name: str) -> str:
    return "".join(name.split()).casefold()


def _weak(org: OrgName) -> bool:
    """A role read from the verb right after a name alone (X采购): the clause around it says more
    ("A通过X购买" makes X the seller)."""
    return org.cue == "verb"


def is_clause_cue(cue: str | None) -> bool:
    """The cue of a role a clause frame gave."""
    return cue is not None and cue.startswith(CUE_PREFIX)


def clause_roles(match: str, orgs: list[OrgName]) -> list[OrgName]:
    """``orgs`` with the roles the clause frames give to those the recogniser left ``mentioned``."""
    if len(orgs) < 2 or len(orgs) > PLACEHOLDER_LAST - PLACEHOLDER_BASE:
        return orgs
    if not any(o.role == "mentioned" or _weak(o) for o in orgs):
        return orgs  # every name has its role from a label or a cue
    match = _join_wrapped(match)
    pieces: list[str] = []
    pos = 0
    for i, org in enumerate(orgs):
        if org.start < pos:
            return orgs  # overlapping names: the recogniser's own order is not a sequence of clauses
        pieces.append(_PRIVATE_USE.sub(" ", match[pos: org.start]))
        pieces.append(chr(PLACEHOLDER_BASE + i))
        pos = org.end
        bracket = _OWN_BRACKET.match(match, pos)
        if bracket is not None and (i + 1 == len(orgs) or bracket.end() <= orgs[i + 1].start):
            pos = bracket.end()  # "X（以下简称“成都奥飞智算”）向Y采购": the bracket is the name's own
    pieces.append(_PRIVATE_USE.sub(" ", match[pos:]))
    text = "".join(pieces)
    out = list(orgs)
    # The role a name has where it stands elsewhere under a label or a cue: a frame that gives the same
    # name another role contradicts it.
    held: dict[str, set[str]] = {}
    for org in orgs:
        if org.role != "mentioned" and not _weak(org):
            held.setdefault(_key(org.name), set()).add(org.role)
    given: set[int] = set()  # the names a frame has already given a role
    paired: set[frozenset[int]] = set()
    for sentence in _SENTENCE_END.split(text):
        if len(_PRIVATE_USE.findall(sentence)) < 2:
            continue
        for frame in _frames():
            if not could_match(sentence, frame.gate):
                continue
            for m in frame.pattern.finditer(sentence):
                ia, ib = ord(m.group("A")) - PLACEHOLDER_BASE, ord(m.group("B")) - PLACEHOLDER_BASE
                if ia == ib or frozenset((ia, ib)) in paired:
                    continue  # the first frame that relates two names (orgs.yaml's order) reads them
                sides = _sides(frame, out[ia], out[ib])
                if sides is None or AT_PLACE.search(match, max(0, out[ia].start - AT_PLACE_REACH), out[ia].start):
                    continue  # no frame, or its subject is where the service is delivered (在X为Y提供)
                if any(out[i].role not in ("mentioned", role) and not _weak(out[i])
                       or held.get(_key(out[i].name), {role}) != {role}
                       for i, role in zip((ia, ib), sides, strict=True)):
                    continue  # the frame contradicts a role read from a label or a cue
                paired.add(frozenset((ia, ib)))
                for i, role in zip((ia, ib), sides, strict=True):
                    if (out[i].role == "mentioned" or _weak(out[i]) and out[i].role != role) and i not in given:
                        given.add(i)
                        out[i] = dataclasses.replace(out[i], role=role, cue=CUE_PREFIX + frame.name)
    return out
