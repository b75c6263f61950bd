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

K1 = 1.2
FIELDS = {  # weight, length normalisation (b)
    "title": (3.0, 0.5),
    "body": (1.0, 0.45),  # less than the usual 0.75: a longer result page covers more of a situation, not padding
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


def rank_relaxed(corpus, concepts, relax=True):
    """The documents that hold enough of `concepts`, best first, and whether the match was relaxed to find
    any: when none holds enough (and `relax`), the rarest concept is dropped, again and again, and at last
    any one concept is enough, so a query with one word the index holds always finds something."""
    found = rank(corpus, concepts)
    if found or len(concepts) < 2 or not relax:
        return found, False
    frequencies = _all_frequencies(corpus, concepts)
    left = sorted(range(len(concepts)), key=lambda i: (len(frequencies[i]), i), reverse=True)  # commonest first
    while len(left) > 1:
        left.pop()  # the rarest
        found = rank(corpus, [concepts[i] for i in sorted(left)], scored=concepts)
        if found:
            return found, True
    found = rank(corpus, concepts, minimum=1)
    return found, bool(found)


def rank(corpus, concepts, minimum=None, scored=None):
    """The documents that hold at least `minimum` of `concepts` (by default as many as `needed`), best first:
    by how many of `scored` (by default `concepts`) they hold, then by BM25F over those."""
    scored = scored or concepts
    if not concepts or not any(concept.ways for concept in scored):
        return []
    frequencies = _all_frequencies(corpus, scored)
    totals = corpus.totals
    number = totals["number"]
    idfs = [math.log(1 + (number - len(found) + 0.5) / (len(found) + 0.5)) for found in frequencies]
    required = {id(concept) for concept in concepts}
    minimum = needed(len(concepts)) if minimum is None else minimum
    held_required = Counter(
        document
        for concept, found in zip(scored, frequencies, strict=True)
        if id(concept) in required
        for document in found
    )
    documents = corpus.documents()
    results = []
    for document_id, matched in held_required.items():
        if matched < minimum:
            continue
        held = [(idf, found[document_id]) for idf, found in zip(idfs, frequencies, strict=True) if document_id in found]
        score = sum(idf * frequency / (K1 + frequency) for idf, frequency in held)
        content_type_id, object_id, _title, _body = documents[document_id]
        results.append(Match(content_type_id, object_id, score, len(held)))
    # Ties in a stable order, whatever order the database returned the postings in.
    results.sort(key=lambda match: (-match.matched, -match.score, match.content_type_id, match.object_id))
    return results


def _all_frequencies(corpus, concepts):
    """For each concept, {document id: its frequency there}: worked out once while the corpus is in use (a
    new query mostly combines concepts other queries asked for); the terms not read yet are read together."""
    corpus.postings({term for concept in concepts for way in concept.ways for term in way})
    return [corpus.worked_out(_frequencies, concept.ways) for concept in concepts]


def _frequencies(corpus, ways):
    """{document id: the frequency there of the concept said in `ways`} for the documents that hold it: per
    field, the best way's count (a way's count is its rarest term's), normalised by the field's length and
    weighted; summed over the fields."""
    counts = [{}, {}]  # for each field: term -> {document id: how often the term occurs there}
    for term, entries in corpus.postings({term for way in ways for term in way}).items():
        for document_id, in_title, in_body in entries:
            if in_title:
                counts[0].setdefault(term, {})[document_id] = in_title
            if in_body:
                counts[1].setdefault(term, {})[document_id] = in_body
    totals = corpus.totals
    averages = (totals["title"] or 1, totals["body"] or 1)
    documents = corpus.documents()
    found = {}
    for field, (weight, b) in enumerate(FIELDS.values()):
        best = {}  # document id -> the best way's count in this field
        for way in ways:
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
            length = documents[document_id][2 + field]
            found[document_id] = found.get(document_id, 0.0) + weight * count / (1 - b + b * length / averages[field])
    return found
