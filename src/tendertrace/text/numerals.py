"""Chinese numerals, read by one parser: 十四, 五十四, 二〇二四, 贰拾万, 壹佰贰拾叁万肆仟伍佰陆拾柒.

Two writings are read. A run of digits alone is positional, the way years and codes are written
(二〇二四 -> 2024, 二〇八 -> 208). With a unit character it is the counting form (三十一 -> 31,
贰拾万 -> 200000), where a unit without a digit before it counts one (十四 -> 14). The financial
(大写) digits and units are the same numbers as the common ones.
"""

from __future__ import annotations

# Common and financial (大写) digits; 〇 and the white circle ○ both write zero in dates.
DIGITS = {"零": 0, "〇": 0, "○": 0, "壹": 1, "一": 1, "贰": 2, "二": 2, "两": 2, "叁": 3, "三": 3, "肆": 4,
          "四": 4, "伍": 5, "五": 5, "陆": 6, "六": 6, "柒": 7, "七": 7, "捌": 8, "八": 8, "玖": 9, "九": 9}
# Units within a group of four places.
SMALL_UNITS = {"拾": 10, "十": 10, "佰": 100, "百": 100, "仟": 1000, "千": 1000}
# Units that close a group: 万 scales what stands before it in its group, 亿 all that stands before it.
TEN_THOUSAND = 10_000
HUNDRED_MILLION = 100_000_000
LARGE_UNITS = {"万": TEN_THOUSAND, "亿": HUNDRED_MILLION}


def counted_number(text: str) -> int | None:
    """The counting form, units included (壹佰贰拾叁万肆仟伍佰陆拾柒 -> 1234567); None when a
    character is neither a digit nor a unit. A digit followed by another digit is replaced by it,
    so a zero between units (一百零五) reads as it is meant."""
    total = section = digit = 0
    for ch in text:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch in SMALL_UNITS:
            section += (digit or 1) * SMALL_UNITS[ch]
            digit = 0
        elif ch == "亿":
            total = (total + section + digit) * HUNDRED_MILLION
            section = digit = 0
        elif ch in LARGE_UNITS:
            total += (section + digit) * LARGE_UNITS[ch]
            section = digit = 0
        else:
            return None
    return total + section + digit


def positional_number(text: str) -> int | None:
    """Digits read place by place (二〇二四 -> 2024); None unless every character is a digit."""
    digits = [DIGITS.get(ch) for ch in text]
    if not digits or any(d is None for d in digits):
        return None
    return int("".join(str(d) for d in digits))


def chinese_number(text: str) -> int | None:
    """十四 -> 14, 五十四 -> 54, 二〇八 -> 208, 7 -> 7: Arabic digits, positional Chinese digits,
    or the counting form when a unit is written."""
    if text.isdigit():
        return int(text)
    if not any(ch in SMALL_UNITS or ch in LARGE_UNITS for ch in text):
        return positional_number(text)
    return counted_number(text)
