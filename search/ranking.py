"""Ranking with BM25F (Robertson and Zaragoza, "The Probabilistic Relevance Framework: BM25 and
Beyond", 2009), over concepts rather than terms.

A field holds a concept if it holds every term of one of the concept's ways (both pairs of 医疗
for 医疗, or the stem "retir" for retired); the concept's frequency there is that way's smallest term
count, the largest over its ways. Each field's frequency is normalised by the field's length, then
weighted: a word in a title says more than one in a body. Not every concept must match: a document
needs most of them, and more matched concepts rank higher.
"""

import math
from collections import Counter
from dataclasses import dataclass

from django.db.models import Avg, Count

from caching import local

from .models import Document, Posting

K1 = 1.2
FIELDS = {  # weight, length normalisation (b)
    "title": (3.0, 0.5),
    "body": (1.0, 0.75),
}


@dataclass
class Match:
    content_type_id: int
    object_id: int
    score: float
    matched: int  # how many of the query's concepts the document holds


def needed(concept_count):
    """How many of the query's concepts a document must hold: all of one or two, then all but one,
    and from five on three in five."""
    if concept_count <= 2:
        return concept_count
    if concept_count <= 4:
        return concept_count - 1
    return math.ceil(concept_count * 0.6)


def rank(concepts):
    """The documents that hold enough of `concepts`, best first. Two queries, however large the index; on
    a public page, each term's entries and the index's totals are read once for each content version."""
    terms = {term for concept in concepts for way in concept.ways for term in way}
    if not terms:
        return []
    documents = {}  # document id -> (content type id, object id, (title length, body length))
    counts = [{} for _ in FIELDS]  # for each field: term -> {document id: how often the term occurs there}
    in_titles, in_bodies = counts
    for term, postings in local.kept_each(("postings",), sorted(terms), _postings).items():
        for document_id, content_type_id, object_id, title_length, body_length, in_title, in_body in postings:
            documents[document_id] = (content_type_id, object_id, (title_length, body_length))
            if in_title:
                in_titles.setdefault(term, {})[document_id] = in_title
            if in_body:
                in_bodies.setdefault(term, {})[document_id] = in_body
    if not documents:
        return []
    totals = local.kept(("index-totals",), _totals)
    averages = (totals["title"] or 1, totals["body"] or 1)

    frequencies = [_frequencies(concept, counts, documents, averages) for concept in concepts]
    number = totals["number"]
    idfs = [math.log(1 + (number - len(found) + 0.5) / (len(found) + 0.5)) for found in frequencies]
    minimum = needed(len(concepts))
    results = []
    for document_id, matched in Counter(document for found in frequencies for document in found).items():
        if matched < minimum:
            continue
        held = [(idf, found[document_id]) for idf, found in zip(idfs, frequencies, strict=True) if document_id in found]
        score = sum(idf * frequency / (K1 + frequency) for idf, frequency in held)
        content_type_id, object_id, _lengths = documents[document_id]
        results.append(Match(content_type_id, object_id, score, matched))
    # Ties in a stable order, whatever order the database returned the postings in.
    results.sort(key=lambda match: (-match.matched, -match.score, match.content_type_id, match.object_id))
    return results


def _postings(terms):
    """For each of `terms`, the documents it occurs in: (document id, content type id, object id, title
    length, body length, count in the title, count in the body), in one query."""
    found = {term: [] for term in terms}
    postings = Posting.objects.filter(term__in=terms).values_list(
        "term",
        "document_id",
        "document__content_type_id",
        "document__object_id",
        "document__title_length",
        "document__body_length",
        "title_count",
        "body_count",
    )
    for term, *posting in postings:
        found[term].append(tuple(posting))
    return found


def _totals():
    """How many documents there are, and their titles' and bodies' average lengths."""
    return Document.objects.aggregate(number=Count("id"), title=Avg("title_length"), body=Avg("body_length"))


def _frequencies(concept, counts, documents, averages):
    """{document id: the concept's frequency there} for the documents that hold it: per field, the best
    way's count (a way's count is its rarest term's), normalised by the field's length and weighted;
    summed over the fields."""
    found = {}
    for field, (weight, b) in enumerate(FIELDS.values()):
        best = {}  # document id -> the best way's count in this field
        for way in concept.ways:
            held = [counts[field].get(term, {}) for term in way]
            if not held:
                continue
            if len(held) == 1:  # most ways are one word
                way_counts = held[0]
            else:
                way_counts = {
                    document_id: min(term_counts[document_id] for term_counts in held)
                    for document_id in set(held[0]).intersection(*held[1:])
                }
            for document_id, count in way_counts.items():
                if count > best.get(document_id, 0):
                    best[document_id] = count
        for document_id, count in best.items():
            length = documents[document_id][2][field]
            found[document_id] = found.get(document_id, 0.0) + weight * count / (1 - b + b * length / averages[field])
    return found
