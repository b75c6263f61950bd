"""Excerpts of a result's text around what was found, with each find marked."""

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .text import HAN, WORD, stem


def highlight(text, marks, width=60):
    """An excerpt of `text` around the first find, HTML-escaped, each find in <mark>. `marks` are Chinese
    words as written and English stems."""
    spans = _spans(text, marks)
    if not spans:
        return mark_safe(escape(text[:width]) + ("…" if len(text) > width else ""))
    start = max(0, spans[0][0] - width // 2)
    if start and text[start - 1].isascii() and text[start - 1].isalnum():
        # Do not open an English excerpt in the middle of a word.
        space = text.find(" ", start, spans[0][0])
        start = space + 1 if space != -1 else start
    end = min(len(text), start + width * 2)
    pieces, position = [], start
    for span_start, span_end in spans:
        if span_start < position or span_end > end:
            continue
        pieces.append(escape(text[position:span_start]))
        pieces.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    pieces.append(escape(text[position:end]))
    return mark_safe(("…" if start else "") + "".join(pieces) + ("…" if end < len(text) else ""))


def _spans(text, marks):
    """Where the marks are in `text`, longest first where they overlap."""
    words, stems = _chinese_and_english(tuple(marks))
    spans = [found.span() for found in words.finditer(text)] if words else []
    if stems:
        spans += [span for span, its_stem in _stemmed_words(text) if its_stem in stems]
    kept, end = [], -1
    for span in sorted(spans, key=lambda span: (span[0], -span[1])):
        if span[0] >= end:
            kept.append(span)
            end = span[1]
    return kept


@lru_cache(maxsize=64)
def _chinese_and_english(marks):
    """One pattern finding the Chinese marks (the longest where several start at one place, as a reader
    would mark them), or None; and the set of English stems. Worked out once for a page's results."""
    chinese = sorted({mark for mark in marks if HAN.fullmatch(mark)}, key=len, reverse=True)
    words = re.compile("|".join(map(re.escape, chinese))) if chinese else None
    return words, frozenset(mark for mark in marks if not HAN.fullmatch(mark))


@lru_cache(maxsize=4096)
def _stemmed_words(text):
    """Where each English word of `text` is, with its stem: read once for the texts results show often."""
    return tuple((found.span(), stem(found.group())) for found in WORD.finditer(text.lower()))
