"""Article numbers as the law writes them: 第二十三条 in Chinese, "Article 23" in English."""

from insurance_site.content import is_english

DIGITS = "零一二三四五六七八九"


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


def article_label(number, paragraph=None):
    """ "Article 23(2)" on the English site, "第二十三条第二款" on the Chinese one."""
    if is_english():
        return f"Article {number}" + (f"({paragraph})" if paragraph else "")
    label = f"第{chinese_number(number)}条"
    return label + (f"第{chinese_number(paragraph)}款" if paragraph else "")


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
