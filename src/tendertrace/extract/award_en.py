"""The parties of an English sentence that reports a contract award, named without a legal form.

News and press releases write "The U.S. Army has awarded BAE Systems a $699 million contract", "The
Environmental Protection Agency has awarded a three-year contract to IT services firm CGI Federal",
"Lockheed Martin has been awarded the ... contract by the Department of Defense ...", "IBM won a
cloud contract from the Interior Department" or "CoreWeave will provide Meta Platforms with AI
computing". The suffix recogniser (extract/orgs.py) finds none of these names: they carry no legal
form. Here the frame of ``orgs.yaml award_news_en`` finds them: the one that awards buys, the one
awarded, that wins or that provides supplies. A name is a run of capitalised words (of, for, the
and & between them), after any descriptor ("IT services firm", "Virginia-based"); a sentence is
read on its own, and a headline in title case is no sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from ..knowledge import files as knowledge
from ..model import Role
from .literals import longest_word_pattern

# The most capitalised words a name runs to ("Department of Defense High Performance Computing
# Modernization Office" is eight with its connectives; more is a title).
MAX_NAME_WORDS = 10
# The most names of one list ("awarded to Google, Oracle, Amazon, and Microsoft"): a handful.
MAX_LIST = 8
# How far after the verb the object and its "to"/"by"/"from" may stand, in characters.
FRAME_REACH = 200
# A sentence with this share or more of its words capitalised is a headline in title case
# ("U.S. Army Awards Computing Modernization Contract to BAE Systems"), whose frame cannot be told.
TITLE_CASE_SHARE = 0.85
# Shortest sentence (in words) that the title-case test applies to: shorter ones are names alone.
TITLE_CASE_MIN_WORDS = 4
# A sentence with more than one Chinese character in this many is Chinese prose, not an English sentence.
CJK_SHARE = 5
_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True, slots=True)
class AwardParty:
    start: int
    end: int
    role: Role
    cue: str


def _alt(words: tuple[str, ...] | list[str]) -> str:
    return "(?:" + longest_word_pattern(words) + ")"


# A capitalised word of a name: a word (BAE, CoreWeave, Inc.), an initialism (U.S.), a small-first brand (xFusion).
# (letters beyond ASCII count: Hawaiʻi, Société, Zürich)
_LETTER = "A-Za-z\u00c0-\u024f\u02bb\u02bc"  # Latin letters, accented and with the ʻokina
_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][" + _LETTER + r"0-9&’'\-]*\.?|[a-z][A-Z][" + _LETTER + r"0-9\-]*)"
# A full stop that ends a sentence: after a word that is no abbreviation, before a capital or a quote.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“A-Z])|\n\s*\n|\n(?=[A-Z][^\n]{0,120}\n)|[。！？；]")


# The words of a verb phrase that are no verb of its own (has been awarded, will provide, each are awarded).
_AUXILIARY_WORDS = frozenset({"has", "have", "had", "been", "was", "were", "is", "are", "each", "will", "to", "out"})


@dataclass(frozen=True, slots=True)
class _Frames:
    active: re.Pattern[str]
    passive: re.Pattern[str]
    win: re.Pattern[str]
    provide: re.Pattern[str]
    bought_from: re.Pattern[str]
    offer_from: re.Pattern[str]
    object_to: re.Pattern[str]
    descriptor_before: re.Pattern[str]
    awarded_to: re.Pattern[str]
    by: re.Pattern[str]
    from_: re.Pattern[str]
    item: re.Pattern[str]
    separator: re.Pattern[str]
    opener: re.Pattern[str]
    gate: re.Pattern[str]
    gate_words: tuple[str, ...]  # the gate's words lower-cased: a cheap substring test before the pattern
    not_names: frozenset[str]
    country_words: frozenset[str]
    prepositions: frozenset[str]
    connectives: frozenset[str]
    abbreviated: re.Pattern[str]  # a word whose full stop ends no sentence: initials (U.S.), Corp., Dr.


@cache
def _frames() -> _Frames:
    conf = knowledge.orgs()
    w = conf.award_news_en
    # a name: capitalised words, up to two connectives between two of them
    name = (_WORD + r"(?:[ ](?:" + _alt(w.connectives) + r"[ ]){0,2}" + _WORD + r"){0," + str(MAX_NAME_WORDS - 1) + r"}")
    aux = r"(?:(?:" + _alt(w.auxiliaries) + r"|[a-z]+ly)\s+){0,3}"
    bracket = r"(?:\s*\([^()\n]{1,40}\))?(?:,[^,\n]{1,60},)?"
    based = r"(?:(?:[A-Z][\w.\-]*,?\s?)+-\s?(?:based|headquartered)\s+)"  # "Saint-Eustache, Canada-based"
    noun = r"(?:(?:[A-Za-z\-]+\s+){0,3}?" + _alt(w.descriptors) + r"\s+)"
    descriptor = r"(?:(?:the|a|an|its)\s+)?" + based + "?" + noun + "?"
    item = re.compile(descriptor + r"(" + name + r")")
    # the verbs of every frame, each phrase's own verb (awarded of "has been awarded"): a sentence holding
    # none of them is not read
    verbs = sorted({next((x for x in phrase.split() if x.lower() not in _AUXILIARY_WORDS), phrase)
                    for phrase in (*w.award_verbs, *w.passive_verbs, *w.win_verbs, *w.provide_verbs, *w.buy_verbs,
                                   *w.choose_verbs)})
    return _Frames(
        active=re.compile(r"(" + name + r")" + bracket + r"\s+" + aux
                          + r"(?:(?:said|says|announced|announces)\s+(?:(?:on\s+)?[A-Z][a-z]+day\s+|today\s+|yesterday\s+)?(?:that\s+)?it\s+" + aux + r")?"
                          + _alt(w.award_verbs) + r"\b\s*"),
        passive=re.compile(r"(" + name + r")" + bracket + r"\s+" + aux + _alt(w.passive_verbs) + r"\b"),
        win=re.compile(r"(" + name + r")" + bracket + r"\s+" + aux + _alt(w.win_verbs)
                       + r"\s+(?:a|an|the|its|two|three|four|five|several|multiple|one|\$|US\$)[^.;\n]{0," + str(FRAME_REACH)
                       + r"}?\b" + _alt(w.objects) + r"\b"),
        bought_from=re.compile(r"(" + name + r")" + bracket + r"\s+" + aux
                               + r"(?:(?:has\s+|have\s+)?(?:agreed|voted|decided|plans?|planned|approved)\s+to\s+)?"
                               + _alt(w.buy_verbs) + r"\b[^.;\n]{0," + str(FRAME_REACH) + r"}?\bfrom\s+"),
        offer_from=re.compile(r"\b" + _alt(w.choose_verbs) + r"\s+(?:the|a|an|its|their)\s+(?:[a-z]+\s+){0,2}?"
                              + _alt(w.offer_nouns) + r"\s+(?:from|of|by|submitted\s+by)\s+"),
        provide=re.compile(r"(" + name + r")" + bracket + r"\s+" + aux + _alt(w.provide_verbs) + r"\s+(?:the\s+)?(" + name + r")\s+with\b"),
        descriptor_before=re.compile(r"(?:(?:the|a|an|its)\s+)?" + based + noun + "?$|" + noun + "$"),
        object_to=re.compile(r"\b" + _alt(w.objects) + r"\b[^;\n]{0," + str(FRAME_REACH) + r"}?\bto\s+"),
        awarded_to=re.compile(r"\b(?:awarded|granted)\s+to\s+"),
        by=re.compile(r"\bby\s+"),
        from_=re.compile(r"\b(?:from|with|by)\s+"),
        item=item,
        separator=re.compile(r",\s+and\s+|,\s+|\s+and\s+"),
        opener=re.compile(r"[^,;\n]{0,60}?,?\s+" + _alt(w.list_openers) + r"\s+"),
        gate=re.compile(r"\b" + _alt(verbs) + r"\b"),  # (not "buyer", "procurement": whole words)
        gate_words=tuple(sorted({v.lower() for v in verbs})),
        not_names=frozenset(w.not_names),
        country_words=frozenset(w.country_words),
        prepositions=frozenset(w.prepositions),
        connectives=frozenset(w.connectives),
        abbreviated=re.compile(r"(?:\b(?:[A-Z]\.)+|\b" + _alt(conf.en_abbreviated) + r"\.)$"),
    )


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: a full stop after an abbreviation (Corp., U.S.) ends none."""
    out = []
    start = 0
    abbreviated = _frames().abbreviated
    for m in _SENTENCE_END.finditer(text):
        if "\n" not in m.group(0) and abbreviated.search(text, max(0, m.start() - 8), m.start()):
            continue  # "Orbis Data Corp. won", "the U.S. Army": a full stop of an abbreviation
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return [(s, e) for s, e in out if e > s]


def _title_case(sentence: str) -> bool:
    words = re.findall(r"[A-Za-z][A-Za-z’'\-]*", sentence)
    long_words = [x for x in words if len(x) > 3]
    return len(words) >= TITLE_CASE_MIN_WORDS and bool(long_words) and \
        sum(1 for x in long_words if x[0].isupper()) / len(long_words) >= TITLE_CASE_SHARE


def _trim(text: str, start: int, end: int, frames: _Frames) -> tuple[int, int] | None:
    """The name inside a matched run: its opening sentence words (The, For, In) dropped, cut after a
    legal form's full stop, and its sentence's own full stop left out."""
    run = text[start:end]
    tokens = list(re.finditer(r"\S+", run))
    first = 0
    while first < len(tokens) - 1 and tokens[first].group(0) not in frames.country_words and (
            tokens[first].group(0) in frames.not_names or tokens[first].group(0).lower() in frames.connectives):
        first += 1  # "The U.S. Army": the article goes, the country word opens the name
    if first >= len(tokens):
        return None
    last = len(tokens) - 1
    for i in range(first, len(tokens) - 1):
        word = tokens[i].group(0)
        if word.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", word):
            last = i  # "Microsoft Corp. The DoD said": the legal form's full stop ends the name
            break
    while last > first and (tokens[last].group(0).lower() in frames.connectives
                            or tokens[last].group(0).rstrip(".,") in frames.not_names and tokens[last].group(0) not in frames.country_words):
        last -= 1  # "Veloxa Labs on Friday", "the Harbour Board in March": a time word ends the name before it
    s, e = start + tokens[first].start(), start + tokens[last].end()
    word = tokens[last].group(0)
    if word.endswith(".") and not frames.abbreviated.search(word) and not re.fullmatch(r"(?:[A-Z]\.)+", word):
        e -= 1
    name = text[s:e]
    if not name or name in frames.not_names or not re.search(r"[A-Za-z]{2}", name):
        return None
    return s, e


def _list_at(text: str, pos: int, limit: int, frames: _Frames) -> list[tuple[int, int]]:
    """The names of a list that opens at ``pos`` ("Google, Oracle, Amazon, and Microsoft")."""
    out = []
    for _ in range(MAX_LIST):
        m = frames.item.match(text, pos, limit)
        if m is None:
            break
        span = _trim(text, m.start(1), m.end(1), frames)
        if span is None:
            break
        out.append(span)
        sep = frames.separator.match(text, m.end(1), limit)
        if sep is None:
            break
        pos = sep.end()
    return out


def _list_before(text: str, floor: int, start: int, frames: _Frames) -> list[tuple[int, int]]:
    """The names coordinated before a subject at ``start`` ("A LLC, B Inc., and C Corp. each are
    awarded"), each part between commas and "and" read back while it is a name."""
    described = frames.descriptor_before.search(text, max(floor, start - FRAME_REACH), start)
    if described is not None:
        start = described.start()  # "Washington-based Microsoft Corp.": the descriptor is the item's
    parts = re.split(r"(,\s+and\s+|,\s+|\s+and\s+)", text[floor:start])
    if len(parts) < 3 or parts[-1].strip():
        return []
    out: list[tuple[int, int]] = []
    end = start - len(parts[-2]) - len(parts[-1])
    for i in range(len(parts) - 3, -1, -2):
        part = parts[i]
        part_start = end - len(part)
        if part.split(" ", 1)[0].strip() in frames.prepositions:
            break  # "For the Washington Headquarters Services, A LLC and B Inc. each are awarded": no item
        m = frames.item.fullmatch(text, part_start + len(part) - len(part.lstrip()), end)
        span = _trim(text, m.start(1), m.end(1), frames) if m else None
        if span is None or len(out) >= MAX_LIST:
            break
        out.append(span)
        end = part_start - (len(parts[i - 1]) if i >= 1 else 0)
    return out


def _recipients_after(text: str, pos: int, limit: int, frames: _Frames) -> list[tuple[int, int]]:
    """Who an active award's verb gives to: its direct object ("awarded BAE Systems a contract"), or
    the names after "to" that follow the contract ("a contract to IT services firm CGI Federal"), or
    a list after "to nine suppliers, including"."""
    direct = _list_at(text, pos, limit, frames)
    if direct and re.match(r"\s*(?:,\s*)?(?:a|an|the|its|two|three|four|five|several|contracts?|\$|US\$)\b", text[direct[-1][1]: limit]):
        return direct
    to = frames.object_to.search(text, pos, limit)
    if to is None:
        return []
    named = _list_at(text, to.end(), limit, frames)
    if named:
        return named
    opener = frames.opener.match(text, to.end(), limit)
    return _list_at(text, opener.end(), limit, frames) if opener else []


def en_award_parties(text: str) -> list[AwardParty]:
    """Every party an English award sentence of ``text`` names, with its role."""
    if not text.isascii() and not re.search(r"[A-Za-z]{4}", text):
        return []
    frames = _frames()
    low = text.lower()
    if not any(word in low for word in frames.gate_words):
        return []  # no award, win or purchase word: the gate pattern, which opens with \b, would try every position
    out: list[AwardParty] = []
    gates = list(frames.gate.finditer(text))
    if not gates:
        return []
    spans = sentences(text)
    starts = [s for s, _e in spans]
    todo: dict[tuple[int, int], None] = {}
    for g in gates:
        k = bisect_right(starts, g.start()) - 1
        if k >= 0 and spans[k][0] <= g.start() < spans[k][1]:
            todo[spans[k]] = None  # only the sentences that hold an award, win or purchase word are read
    for s, e in todo:
        sentence = text[s:e]
        if len(_CJK.findall(sentence)) * CJK_SHARE > len(sentence) or _title_case(sentence):
            continue  # a Chinese sentence (the recogniser's own frames read it), or a headline
        found: list[AwardParty] = []
        for m in frames.active.finditer(text, s, e):
            agent = _trim(text, m.start(1), m.end(1), frames)
            recipients = _recipients_after(text, m.end(), e, frames)
            if agent and recipients:
                found.append(AwardParty(*agent, "buyer", "awarded (news)"))
                found.extend(AwardParty(a, b, "supplier", "awarded (news)") for a, b in recipients)
        for m in frames.passive.finditer(text, s, e):
            found.extend(_winners_and_awarder(text, m, s, e, frames.by, "was awarded (news)", frames))
        for m in frames.awarded_to.finditer(text, s, e):
            # "contracts were awarded to Google, Oracle, Amazon, and Microsoft": the winners, whoever awards
            found.extend(AwardParty(a, b, "supplier", "awarded to (news)") for a, b in _list_at(text, m.end(), e, frames))
        for m in frames.win.finditer(text, s, e):
            found.extend(_winners_and_awarder(text, m, s, e, frames.from_, "won (news)", frames))
        for m in frames.bought_from.finditer(text, s, e):
            # "the city council … has agreed to purchase two fire trucks from Martin Apparatus"
            sellers = _list_at(text, m.end(), e, frames)[:1]
            buyer = _trim(text, m.start(1), m.end(1), frames)
            found.extend(AwardParty(a, b, "supplier", "bought from (news)") for a, b in sellers)
            if buyer and sellers:
                found.append(AwardParty(*buyer, "buyer", "bought from (news)"))
        for m in frames.offer_from.finditer(text, s, e):
            # "approve the bid from Crossroad Ambulance Sales and Service LLC": the one whose offer is taken sells
            found.extend(AwardParty(a, b, "supplier", "offer chosen (news)") for a, b in _list_at(text, m.end(), e, frames)[:1])
        for m in frames.provide.finditer(text, s, e):
            supplier = _trim(text, m.start(1), m.end(1), frames)
            buyer = _trim(text, m.start(2), m.end(2), frames)
            if supplier and buyer:
                found.append(AwardParty(*supplier, "supplier", "provides (news)"))
                found.append(AwardParty(*buyer, "buyer", "provides (news)"))
        out.extend(found)
    # each span once (its first frame's reading), and none inside another's
    kept: dict[tuple[int, int], AwardParty] = {}
    for party in _without_short_forms(text, out):
        kept.setdefault((party.start, party.end), party)
    return [p for (a, b), p in sorted(kept.items())
            if not any(c <= a and b <= d and (c, d) != (a, b) for c, d in kept)]


def _winners_and_awarder(text: str, m: re.Match[str], s: int, e: int, before_awarder: re.Pattern[str], cue: str,
                         frames: _Frames) -> list[AwardParty]:
    """The winners a passive or a win frame names as its subject -- with the names coordinated before
    it -- and the one awarding after its preposition ("… by the X", "… from X")."""
    winners = _list_at(text, m.start(1), m.end(1), frames) + _list_before(text, s, m.start(1), frames)
    at = before_awarder.search(text, m.end(), min(e, m.end() + FRAME_REACH))
    awarder = _list_at(text, at.end(), e, frames)[:1] if at else []
    return [AwardParty(a, b, "supplier", cue) for a, b in winners] + [AwardParty(a, b, "buyer", cue) for a, b in awarder]


def _without_short_forms(text: str, parties: list[AwardParty]) -> list[AwardParty]:
    """A name that is the first or last words of a longer one of the same role ("Army" of "U.S.
    Army", "Meta" of "Meta Platforms", "CGI" of "CGI Federal") is that party again: it goes."""
    names = {(p.role, text[p.start:p.end]) for p in parties}

    def shorter(p: AwardParty) -> bool:
        name = text[p.start:p.end]
        return any(role == p.role and other != name and (other.startswith(name + " ") or other.endswith(" " + name))
                   for role, other in names)
    return [p for p in parties if not shorter(p)]
