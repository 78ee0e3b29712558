"""Money as Chinese notices write it: 49.1万元, ￥1,234.00, 人民币贰拾万元整, 1439.1 万元（含税）."""

from __future__ import annotations

import re

from ..text.fold import LINE_REACH
from ..text.fold import line_end as end_of_line
from ..text.fold import line_start as start_of_line
from ..text.numerals import DIGITS, counted_number

NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# Currency marks written before a figure, longest first, with the ISO code each stands for.
PREFIX_CURRENCY = {
    "人民币": "CNY", "RMB": "CNY", "CNY": "CNY", "￥": "CNY", "¥": "CNY",
    "USD": "USD", "US$": "USD", "US $": "USD", "$": "USD",
    "HKD": "HKD", "HK$": "HKD", "港币": "HKD", "港元": "HKD",
    "GBP": "GBP", "£": "GBP", "EUR": "EUR", "€": "EUR",
    # the Macau pataca (ISO 4217 MOP), as Macau's public tenders write it (MOP 9,600,000.00, 澳門元)
    "MOP$": "MOP", "MOP": "MOP", "澳门元": "MOP", "澳门币": "MOP", "澳門元": "MOP", "澳門幣": "MOP",
}
# Units written after a figure: their scale and, where they name one, their currency (5万美元, 410 million yuan).
UNIT_SCALE = {
    "亿美元": (1e8, "USD"), "万美元": (1e4, "USD"), "美元": (1.0, "USD"),
    "亿港元": (1e8, "HKD"), "万港元": (1e4, "HKD"), "港元": (1.0, "HKD"), "港币": (1.0, "HKD"),
    "万澳门元": (1e4, "MOP"), "澳门元": (1.0, "MOP"), "万澳門元": (1e4, "MOP"), "澳門元": (1.0, "MOP"), "patacas": (1.0, "MOP"),
    "万欧元": (1e4, "EUR"), "欧元": (1.0, "EUR"), "万英镑": (1e4, "GBP"), "英镑": (1.0, "GBP"),
    "亿元": (1e8, "CNY"), "万元": (1e4, "CNY"), "千元": (1e3, "CNY"), "元": (1.0, "CNY"), "圆": (1.0, "CNY"),
    "万": (1e4, None), "亿": (1e8, None),
    "million yuan": (1e6, "CNY"), "billion yuan": (1e9, "CNY"), "million": (1e6, None), "billion": (1e9, None),
    "yuan": (1.0, "CNY"),
    "million US dollars": (1e6, "USD"), "billion US dollars": (1e9, "USD"), "US dollars": (1.0, "USD"),
    "million Hong Kong dollars": (1e6, "HKD"), "Hong Kong dollars": (1.0, "HKD"),
    # the abbreviations of English financial prose (RMB12m, HK$3.5m, US$1.5bn), after a currency only
    "mn": (1e6, None), "m": (1e6, None), "bn": (1e9, None),
    # ... and of news headlines and tickers ($14.2B, $500M), in capitals
    "B": (1e9, None), "M": (1e6, None),
}
# A figure said to be exceeded (3亿余元, 300余万元, 1万多元, 5万余美元: 现代汉语词典 余 "整数后面的零头", 多):
# its round figure, the least the text states. Each Chinese unit of money is also read with 余 or 多
# before it or after its scale character.
APPROXIMATE = ("余", "多")
_SCALES = ("万", "亿")


def _approximate(units: dict[str, tuple[float, str | None]]) -> dict[str, tuple[float, str | None]]:
    out: dict[str, tuple[float, str | None]] = {}
    for unit, (factor, currency) in units.items():
        if currency is None or not "\u4e00" <= unit[0] <= "\u9fff":
            continue  # a bare scale (万) counts things too; an English unit takes no 余
        for mark in APPROXIMATE:
            out.setdefault(mark + unit, (factor, currency))
            if unit[0] in _SCALES and len(unit) > 1:
                out.setdefault(unit[0] + mark + unit[1:], (factor, currency))
    return out


UNIT_SCALE |= _approximate(UNIT_SCALE)
# Units that stand for money only after a currency (RMB12m; 12m alone is a length): a figure without
# one counts things as often as money.
PREFIXED_ONLY = ("mn", "m", "bn", "B", "M")


def _unit_pattern(unit: str) -> str:
    # "m" is no unit before a digit or a power (300 m2, 12 m³)
    return re.escape(unit).replace(r"\ ", r"\s+") + (r"(?![0-9²³])" if unit in PREFIXED_ONLY else "")


_PREFIX = "|".join(re.escape(p) for p in sorted(PREFIX_CURRENCY, key=len, reverse=True))
_UNIT = "|".join(_unit_pattern(u) for u in sorted(UNIT_SCALE, key=len, reverse=True))
_BARE_UNIT = "|".join(_unit_pattern(u) for u in sorted(UNIT_SCALE, key=len, reverse=True) if u not in PREFIXED_ONLY)
# The figure is read whole (an atomic group): "12m" that is no money is not "1" either.
_FIGURE = r"(?>" + NUMBER + r")"
MONEY = re.compile(
    r"(?P<prefix>" + _PREFIX + r")?\s*[:：]?\s*(?P<num>" + _FIGURE + r")\s*"
    # a unit of PREFIXED_ONLY only after a currency (RMB12m); without one, 12m is no money
    r"(?P<unit>(?(prefix)(?:" + _UNIT + r")|(?:" + _BARE_UNIT + r")))?(?![A-Za-z])"
)
CAPITAL = re.compile(r"[壹贰叁肆伍陆柒捌玖拾][零壹贰叁肆伍陆柒捌玖拾佰仟万亿]*(?:圆|元)(?:[零壹贰叁肆伍陆柒捌玖]角)?(?:[零壹贰叁肆伍陆柒捌玖]分)?整?")


# An amount in common Chinese numerals, as speech and its transcripts say it (最高限价为人民币一千九百二十万元,
# 三亿元): a counting form with a unit character, then 元.
SPOKEN = re.compile(r"[一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*(?<=[十百千万亿])元")


def parse_spoken(text: str) -> float | None:
    """一千九百二十万元 -> 19200000, 三亿元 -> 300000000 (counted, units included)."""
    value = counted_number(text[:-1]) if text.endswith("元") else None
    return float(value) if value else None


def parse_capital(text: str) -> float | None:
    """大写 amounts: 贰拾万元整 -> 200000, 壹佰贰拾叁万肆仟伍佰陆拾柒元捌角 -> 1234567.8."""
    m = re.fullmatch(r"([零壹贰叁肆伍陆柒捌玖拾佰仟万亿]+)(?:圆|元)(?:([零壹贰叁肆伍陆柒捌玖])角)?(?:([零壹贰叁肆伍陆柒捌玖])分)?整?", text)
    if not m:
        return None
    integer = counted_number(m.group(1))
    if integer is None:
        return None
    value = float(integer)
    if m.group(2):
        value += DIGITS[m.group(2)] / 10
    if m.group(3):
        value += DIGITS[m.group(3)] / 100
    return value if value > 0 else None


def to_number(num: str) -> float:
    return float(num.replace(",", ""))


def scale(unit: str | None) -> float:
    return UNIT_SCALE.get(re.sub(r"\s+", " ", unit or ""), (1.0, None))[0]


# Prefixes of money in US dollars.
USD_PREFIXES = ("USD", "US$", "$")


def currency_of(prefix: str | None, unit: str | None = None) -> str:
    """The currency a figure's prefix or unit names; yuan when neither names one (a Chinese notice's default)."""
    if prefix in PREFIX_CURRENCY:
        return PREFIX_CURRENCY[prefix]
    named = UNIT_SCALE.get(re.sub(r"\s+", " ", unit or ""), (1.0, None))[1]
    return named or "CNY"


def currency_at(text: str) -> str:
    """The currency of the figure that ``text`` starts with (a figure's span, prefix included)."""
    m = MONEY.match(text)
    return currency_of(m.group("prefix"), m.group("unit")) if m else "CNY"


# A currency word written right before a figure in words (澳門元肆拾捌萬陸仟元正, 美元贰万元) stands
# this many characters before it at most.
WORDS_PREFIX_REACH = 4


def currency_before(text: str, start: int) -> str | None:
    """The currency a prefix right before ``start`` names (for a figure written in capital numerals)."""
    before = text[max(0, start - WORDS_PREFIX_REACH): start].rstrip(" ：:")
    return next((code for mark, code in sorted(PREFIX_CURRENCY.items(), key=lambda kv: -len(kv[0]))
                 if before.endswith(mark)), None)


def tidy(value: float) -> float | int:
    """Integers when whole, otherwise two decimals."""
    rounded = round(value, 2)
    return int(rounded) if rounded == int(rounded) else rounded


# The units of yuan a table's header, a label's bracket or a unit line states for the bare figures it
# governs (中标金额（万元）, （单位：千元）), longest first; a pattern of them for those readers.
YUAN_UNITS = ("亿元", "万元", "千元", "元")
YUAN_UNIT = "|".join(YUAN_UNITS)
# A scale word alone (万, 亿) after a bare number counts things as often as money (1750亿参数, 3万台):
# a figure is money with one only where a label or a currency says so.
BARE_SCALES = ("万", "亿")

# A figure is money only with a currency or a unit of money beside it; a bare number is a count.
_CONTEXT_ENDS = "。；;\n"
_STATED = re.compile(
    r"(?P<prefix>" + _PREFIX + r")\s*[:：]?\s*(?P<num>" + _FIGURE + r")\s*(?P<unit>" + _UNIT + r")?(?![A-Za-z])"
    r"|(?P<bare>" + _FIGURE + r")\s*(?P<bare_unit>" + "|".join(
        _unit_pattern(u) for u in sorted(UNIT_SCALE, key=len, reverse=True)
        if u not in BARE_SCALES and u not in PREFIXED_ONLY) + r")(?![A-Za-z])"
)


def find_amounts(text: str) -> list[tuple[float, str, int, int, int, int]]:
    """Every figure of money in ``text``: (value, currency, start, end, context start, context end),
    the context being the table row (a line) or the sentence that holds it."""
    out: list[tuple[float, str, int, int, int, int]] = []
    for m in _STATED.finditer(text):
        prefix = m.group("prefix")
        unit = m.group("unit") if prefix else m.group("bare_unit")
        value = to_number(m.group("num") if prefix else m.group("bare")) * scale(unit)
        if value <= 0:
            continue
        currency = currency_of(prefix, unit)
        out.append((value, currency, m.start(), m.end(), *_context(text, m.start(), m.end())))
    for m in CAPITAL.finditer(text):
        written = parse_capital(m.group(0))
        if written:
            out.append((written, "CNY", m.start(), m.end(), *_context(text, m.start(), m.end())))
    return sorted(out, key=lambda a: a[2])


def _context(text: str, start: int, end: int) -> tuple[int, int]:
    lo, hi = start_of_line(text, start), end_of_line(text, end)
    if " | " in text[lo:hi] or "\t" in text[lo:hi]:
        return lo, hi
    floor, ceiling = max(0, start - LINE_REACH), min(len(text), end + LINE_REACH)
    left = max(text.rfind(ch, floor, start) for ch in _CONTEXT_ENDS) + 1 or floor
    rights = [i for i in (text.find(ch, end, ceiling) for ch in _CONTEXT_ENDS) if i >= 0]
    return left, min(rights) if rights else ceiling
