"""Find where a legal text cites its own articles ("本法第六十三条", "Article 63 of this Law") so they can be linked,
and read what a reader types to jump to an article ("第23条", "Art. 23")."""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from .numbering import chinese_to_int

CHINESE_NUMERAL = "[〇零一二两三四五六七八九十百千]+"
# Full-width digits turn up in text pasted from Chinese word processors.
ARABIC_NUMERAL = "[0-9０-９]+"

ZH_NUMBER = rf"(?:{CHINESE_NUMERAL}|{ARABIC_NUMERAL})"
ZH_ITEM_TEMPLATE = r"第\s*{number}\s*条(?:第\s*{paragraph}\s*款)?"
ZH_ITEM = re.compile(
    ZH_ITEM_TEMPLATE.format(number=f"(?P<number>{ZH_NUMBER})", paragraph=f"(?P<paragraph>{ZH_NUMBER})")
)
# Articles joined by these belong to the same law as the first, so one title before the first covers them all.
ZH_CHAIN = re.compile(
    "{item}(?:(?:、|和|及|以及|与|或者|或|至|到){item})*".format(
        item=ZH_ITEM_TEMPLATE.format(number=ZH_NUMBER, paragraph=ZH_NUMBER)
    )
)
# What names another law just before its article numbers.
ZH_OTHER_LAW_ENDINGS = ("》", "〉", "该法", "该条例", "该规定", "该办法", "该决定")

EN_ITEM = re.compile(r"(?:[Aa]rticles?\s+)?(?P<number>[0-9]+)\b(?:\((?P<paragraph>[0-9]+)\))?")
EN_CONNECTOR = r"(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|to|through)\s+|\s*[-–—]\s*)"
EN_NUMBER = r"[0-9]+\b(?:\([0-9]+\))?"
# A bare number may continue a list only after the plural "Articles": in "Article 12, 3 months later" the 3 is no
# article.
EN_CHAIN = re.compile(
    rf"\b(?:[Aa]rticles\s+{EN_NUMBER}(?:{EN_CONNECTOR}(?:[Aa]rticles?\s+)?{EN_NUMBER})*"
    rf"|[Aa]rticle\s+{EN_NUMBER}(?:{EN_CONNECTOR}[Aa]rticles?\s+{EN_NUMBER})*)"
)
# "of this Law" is deliberately not matched: only "this" points back at the law being read.
EN_OTHER_LAW = re.compile(
    r"\s+of\s+(?:the|that)\s+(?:(?:said|same|aforesaid)\s+)?(?:[A-Z][\w'’.-]*\s+){0,8}?"
    r"(?:Laws?|Regulations?|Measures|Provisions|Rules|Constitution|Code|Act)\b"
)

# Nobody types a citation this long; the cap also keeps int() away from huge digit strings.
MAX_QUERY_LENGTH = 40
CITATION_PATTERNS = [
    re.compile(rf"第?\s*(?P<number>{ZH_NUMBER})\s*(?:条(?:\s*第\s*{ZH_NUMBER}\s*款)?)?"),
    re.compile(r"(?:article|art\.?)\s*(?P<number>[0-9]+)(?:\s*\([0-9]+\))?", re.IGNORECASE),
    re.compile(r"§\s*(?P<number>[0-9]+)"),
]


@dataclass(frozen=True, slots=True)
class Reference:
    """A citation of an article of this law: text[start:end] is what gets linked."""

    start: int
    end: int
    number: int
    paragraph: int | None = None


def find_references(text, language):
    """The citations of this law's own articles in `text`, in order; `language` is "zh" or "en" (or "zh-hans")."""
    if language.startswith("zh"):
        return _find_chinese(text)
    if language.startswith("en"):
        return _find_english(text)
    raise ValueError(f"unsupported language: {language!r}")


def link_references(text, language, url_for, titles=None):
    """`text` escaped, with each citation that `url_for(number, paragraph)` finds a page for turned into a link,
    and each title of another legal text in `titles` (title -> URL) linked to that text."""
    links = []
    for reference in find_references(text, language):
        url = url_for(reference.number, reference.paragraph)
        if url is not None:
            links.append((reference.start, reference.end, url))
    for title, url in (titles or {}).items():
        start = text.find(title)
        while title and start != -1:
            links.append((start, start + len(title), url))
            start = text.find(title, start + len(title))
    parts, position = [], 0
    for start, end, url in sorted(links):
        if start < position:
            continue  # overlaps a link already made
        parts.append(escape(text[position:start]))
        parts.append(format_html('<a href="{}">{}</a>', url, text[start:end]))
        position = end
    parts.append(escape(text[position:]))
    # Safe because every piece of `text` went through escape() or format_html() on its way in.
    return mark_safe("".join(parts))


def parse_citation(query):
    """The article number a search box query asks for ("第23条", "Art. 23", "§23"), or None if it is not a citation."""
    if not isinstance(query, str) or len(query) > MAX_QUERY_LENGTH:
        return None
    # Whitespace around a pasted citation is forgiven; invisible characters inside mean it is not what it looks like.
    query = query.strip()
    if any(unicodedata.category(char) in ("Cc", "Cf") for char in query):
        return None
    for pattern in CITATION_PATTERNS:
        match = pattern.fullmatch(query)
        if match:
            number = _to_int(match["number"])
            return number if number and number > 0 else None
    return None


def _find_chinese(text):
    references = []
    for chain in ZH_CHAIN.finditer(text):
        if text[: chain.start()].rstrip().endswith(ZH_OTHER_LAW_ENDINGS):
            continue
        for item in ZH_ITEM.finditer(text, chain.start(), chain.end()):
            references.append(_reference(item))
    return [reference for reference in references if reference]


def _find_english(text):
    references = []
    for chain in EN_CHAIN.finditer(text):
        if EN_OTHER_LAW.match(text, chain.end()):
            continue
        items = list(EN_ITEM.finditer(text, chain.start(), chain.end()))
        for item in items:
            # "Article 63" reads as one link; in "Articles 58 and 60" each number is its own.
            start = item.start("number") if item[0].startswith(("Articles", "articles")) and len(items) > 1 else None
            references.append(_reference(item, start))
    return [reference for reference in references if reference]


def _reference(item, start=None):
    """The matched citation, or None when its numerals are not real numbers (第十十条) or are zero."""
    number = _to_int(item["number"])
    paragraph = _to_int(item["paragraph"]) if item["paragraph"] else None
    if not number or (item["paragraph"] and not paragraph):
        return None
    return Reference(item.start() if start is None else start, item.end(), number, paragraph)


def _to_int(numeral):
    try:
        return int(numeral) if re.fullmatch(ARABIC_NUMERAL, numeral) else chinese_to_int(numeral)
    except ValueError:
        return None
