"""Ranking with BM25F (Robertson and Zaragoza, "The Probabilistic Relevance Framework: BM25 and
Beyond", 2009), over concepts rather than terms.

A field holds a concept if it holds every term of one of the concept's ways (both pairs of 医疗
for 医疗, or the stem "retir" for retired); the concept's frequency there is that way's smallest term
count, the largest over its ways. Each field's frequency is normalised by the field's length, then
weighted: a word in a title says more than one in a body. Not every concept must match: a document
needs most of them, and more matched concepts rank higher.
"""

import math
from dataclasses import dataclass

from django.db.models import Avg, Count

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
    """The documents that hold enough of `concepts`, best first. Two queries, however large the index."""
    terms = {term for concept in concepts for way in concept.ways for term in way}
    if not terms:
        return []
    held = {}  # document id -> {term: (title count, body count)}
    documents = {}
    postings = Posting.objects.filter(term__in=terms).values_list(
        "document_id",
        "document__content_type_id",
        "document__object_id",
        "document__title_length",
        "document__body_length",
        "term",
        "title_count",
        "body_count",
    )
    for document_id, content_type_id, object_id, title_length, body_length, term, in_title, in_body in postings:
        held.setdefault(document_id, {})[term] = (in_title, in_body)
        documents[document_id] = (content_type_id, object_id, (title_length, body_length))
    if not documents:
        return []
    totals = Document.objects.aggregate(number=Count("id"), title=Avg("title_length"), body=Avg("body_length"))
    averages = (totals["title"] or 1, totals["body"] or 1)

    frequencies = {}  # document id -> [weighted, normalised frequency of each concept]
    for document_id, counts in held.items():
        lengths = documents[document_id][2]
        frequencies[document_id] = [_frequency(concept, counts, lengths, averages) for concept in concepts]
    number = totals["number"]
    idfs = []
    for position in range(len(concepts)):
        holding = sum(1 for found in frequencies.values() if found[position])
        idfs.append(math.log(1 + (number - holding + 0.5) / (holding + 0.5)))
    minimum = needed(len(concepts))
    results = []
    for document_id, found in frequencies.items():
        matched = sum(1 for frequency in found if frequency)
        if matched < minimum:
            continue
        weighed = zip(idfs, found, strict=True)
        score = sum(idf * frequency / (K1 + frequency) for idf, frequency in weighed if frequency)
        content_type_id, object_id, _lengths = documents[document_id]
        results.append(Match(content_type_id, object_id, score, matched))
    results.sort(key=lambda match: (-match.matched, -match.score))
    return results


def _frequency(concept, counts, lengths, averages):
    """The concept's frequency in a document: per field, the best way's count, normalised by the field's
    length and weighted; summed over the fields."""
    total = 0.0
    for field, ((weight, b), length, average) in enumerate(zip(FIELDS.values(), lengths, averages, strict=True)):
        count = max((min(counts.get(term, (0, 0))[field] for term in way) for way in concept.ways), default=0)
        if count:
            total += weight * count / (1 - b + b * length / average)
    return total
