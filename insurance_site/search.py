"""Full-text search that works the same on SQLite and PostgreSQL: text is split into terms that are
stored in an indexed table, and a query is split the same way.

Chinese has no spaces, so Chinese text is indexed by single characters and pairs of characters
(a two-character word like 补缴 is one term); English is indexed by lower-cased words, plurals folded.
"""

import re
import unicodedata
from collections import Counter

from django.db import models
from django.utils.html import escape
from django.utils.safestring import mark_safe

MAX_QUERY_LENGTH = 100
MAX_TERM_LENGTH = 100  # the index's column width; longer "words" are not words anyone searches for
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


class IndexedTerm(models.Model):
    """A row of a search index: a term (a Chinese character or pair, or an English word) and how often
    it occurs in the text of the row's owner. Each app adds the foreign key to what it indexes."""

    term = models.CharField(max_length=MAX_TERM_LENGTH, db_index=True)
    count = models.PositiveIntegerField()

    class Meta:
        abstract = True

    def __str__(self):
        return self.term


def terms(text):
    """Every term in `text` with how often it occurs."""
    counted = Counter()
    for run in HAN.findall(text):
        counted.update(run)
        counted.update(run[i : i + 2] for i in range(len(run) - 1))
    counted.update(_fold(word) for word in WORD.findall(text.lower()) if len(word) <= MAX_TERM_LENGTH)
    return counted


def replace_terms(index, text):
    """Make `index` (an object's related manager of term rows, e.g. `version.search_terms`) hold
    exactly the terms of `text`."""
    index.all().delete()
    owner = {index.field.name: index.instance}
    index.model.objects.bulk_create(index.model(term=term, count=count, **owner) for term, count in terms(text).items())


def clean_query(query):
    """The query with control characters dropped and spaces collapsed; empty when nothing is left."""
    visible = "".join(ch for ch in query if unicodedata.category(ch)[0] != "C")
    return " ".join(visible.split())


def query_terms(query):
    """The terms a text must contain to match: pairs of characters for Chinese, words for English."""
    wanted = []
    for run in HAN.findall(query):
        wanted += [run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)]
    wanted += [_fold(word) for word in WORD.findall(query.lower())]
    return list(dict.fromkeys(wanted))


def phrases(query):
    """What to look for literally, to confirm a match and to highlight it: Chinese runs and English words."""
    return HAN.findall(query) + WORD.findall(query.lower())


def matches(text, query):
    """Whether `text` contains every Chinese run of the query literally and every English word (plurals folded)."""
    if not all(run in text for run in HAN.findall(query)):
        return False
    words = {_fold(word) for word in WORD.findall(text.lower())}
    return all(_fold(word) in words for word in WORD.findall(query.lower()))


def score(text, query):
    """Higher for more occurrences, and for the whole query appearing as written."""
    lowered = text.lower()
    found = sum(lowered.count(phrase) for phrase in phrases(query))
    return found + (10 if query.lower() in lowered else 0)


def highlight(text, query, width=60):
    """An excerpt of `text` around the first match, HTML-escaped, each match in <mark>."""
    spans = _match_spans(text, query)
    if not spans:
        return escape(text[:width]) + ("…" if len(text) > width else "")
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


def _match_spans(text, query):
    lowered = text.lower()
    spans = []
    for phrase in phrases(query):
        pattern = re.escape(phrase) if HAN.match(phrase) else rf"\b{re.escape(_fold(phrase))}(?:s|es)?\b"
        spans += [match.span() for match in re.finditer(pattern, lowered)]
    return sorted(spans)


def _fold(word):
    """Fold simple English plurals, so "fees" finds "fee" and "workers" finds "worker"."""
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
