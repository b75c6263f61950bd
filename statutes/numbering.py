"""Numbers as legal texts write them: 第二十三条 in Chinese, "Article 23" in English, and Chinese numerals
read and written in one place."""

from insurance_site.content import is_english

DIGITS = "零一二三四五六七八九"
ZEROS = ("〇", "零")
DIGIT_VALUES = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
PLACES = {"十": 1, "百": 2, "千": 3}


def chinese_number(n):
    """Write 1 to 9999 in Chinese numerals the way the law numbers its articles (二十三, 一百零五)."""
    if not 0 < n < 10000:
        raise ValueError(f"{n} is outside the range the law uses")
    units = [(1000, "千"), (100, "百"), (10, "十"), (1, "")]
    parts, pending_zero = [], False
    for value, unit in units:
        digit = n // value % 10
        if digit == 0:
            pending_zero = bool(parts)
            continue
        if pending_zero:
            parts.append("零")
            pending_zero = False
        parts.append(DIGITS[digit] + unit)
    text = "".join(parts)
    return text[1:] if text.startswith("一十") else text


def chinese_to_int(text):
    """Read a Chinese numeral (二十三, 一百零五, 一千零一) the way the law writes article numbers.

    The written form must be the standard one: 零 marks skipped places exactly once, so colloquial shorthands
    like 一百五 (150? 105?) are refused rather than guessed.
    """
    if not isinstance(text, str) or not text:
        raise ValueError(f"not a Chinese numeral: {text!r}")
    if text in ZEROS:
        return 0
    total, previous_place, zero_seen, position = 0, len(PLACES) + 1, False, 0
    while position < len(text):
        char = text[position]
        if char in ZEROS:
            if zero_seen or not total:
                raise ValueError(f"misplaced zero in {text!r}")
            zero_seen, position = True, position + 1
            continue
        if char == "十" and position == 0:
            digit, place = 1, 1
            position += 1
        elif char in DIGIT_VALUES:
            digit = DIGIT_VALUES[char]
            position += 1
            place = PLACES.get(text[position], 0) if position < len(text) else 0
            if place:
                position += 1
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
        if place >= previous_place:
            raise ValueError(f"places out of order in {text!r}")
        skipped_a_place = bool(total) and place < previous_place - 1
        if skipped_a_place != zero_seen:
            raise ValueError(f"零 missing or misplaced in {text!r}")
        total += digit * 10**place
        previous_place, zero_seen = place, False
    if zero_seen:
        raise ValueError(f"trailing zero in {text!r}")
    return total


def article_label(number, paragraph=None, item=None):
    """ "Article 30(1)(2)" on the English site, "第三十条第一款第二项" on the Chinese one."""
    if is_english():
        parts = [f"({paragraph})" if paragraph else "", f"({item})" if paragraph and item else ""]
        return f"Article {number}" + "".join(parts)
    label = f"第{chinese_number(number)}条"
    if paragraph:
        label += f"第{chinese_number(paragraph)}款" + (f"第{chinese_number(item)}项" if item else "")
    return label


def chapter_heading(number, title):
    """ "Chapter 3: Basic Medical Insurance" in English, "第三章　基本医疗保险" in Chinese."""
    if is_english():
        return f"Chapter {number}: {title}"
    return f"第{chinese_number(number)}章　{title}"


def article_range(first, last):
    """ "Articles 23–32" in English, "第二十三条至第三十二条" in Chinese."""
    if is_english():
        return f"Articles {first}–{last}"
    return f"{article_label(first)}至{article_label(last)}"
