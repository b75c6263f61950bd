"""The search index as ranking reads it, kept in each process's memory while the content version stays the
same: the documents' lengths, each term's entries once asked for, and the staff's search words. A new
query then costs no database query for the terms and words others asked before.

Kept as it is (not copied) by `caching.local.held`, which starts a new Corpus when the content changes; a
page drawn outside the page cache (staff, the preview, a cache outage) gets a fresh one.
"""

from functools import cached_property, lru_cache

from .models import Document, EverydayTerm, Posting, Synonym
from .text import vocabulary, word_terms

REMEMBERED = 5_000  # results of ranking kept at most (a concept's frequencies): many more than people ask for


class Corpus:
    def __init__(self):
        self._postings = {}  # term -> ((document id, count in the title, count in the body), …)
        self._documents = None
        self._vocabulary = None
        self._worked_out = lru_cache(maxsize=REMEMBERED)(lambda function, *args: function(self, *args))

    def worked_out(self, function, *args):
        """`function(corpus, *args)`, worked out once while this corpus is in use (the REMEMBERED latest)."""
        return self._worked_out(function, *args)

    def documents(self):
        """{document id: (content type id, object id, title length, body length)}, in one query."""
        if self._documents is None:
            rows = Document.objects.values_list("pk", "content_type_id", "object_id", "title_length", "body_length")
            self._documents = {pk: rest for pk, *rest in rows}
        return self._documents

    @cached_property
    def totals(self):
        """How many documents there are, and their titles' and bodies' average lengths: worked out once, as
        every search ranks with them (a relaxed one several times)."""
        documents = self.documents().values()
        number = len(documents)
        return {
            "number": number,
            "title": sum(document[2] for document in documents) / number if number else 0,
            "body": sum(document[3] for document in documents) / number if number else 0,
        }

    def postings(self, terms):
        """{term: its entries} for each of `terms`; those not asked for before are read in one query."""
        missing = [term for term in terms if term not in self._postings]
        if missing:
            found = {term: [] for term in missing}
            rows = Posting.objects.filter(term__in=missing)
            rows = rows.values_list("term", "document_id", "title_count", "body_count")
            for term, *entry in rows:
                found[term].append(tuple(entry))
            self._postings.update((term, tuple(entries)) for term, entries in found.items())
        return {term: self._postings[term] for term in terms}

    def known_words(self, words):
        """Those of `words` whose every term the index holds."""
        terms = {word: word_terms(word) for word in words}
        held = self.postings({term for each in terms.values() for term in each})
        return {word for word, its_terms in terms.items() if its_terms and all(held[term] for term in its_terms)}

    def vocabulary(self):
        """The staff's synonyms and everyday words, ready for reading queries (two queries, once)."""
        if self._vocabulary is None:
            groups = [synonym.group() for synonym in Synonym.objects.all()]
            everyday = [(term.typed(), term.meaning(), term.is_slip) for term in EverydayTerm.objects.all()]
            self._vocabulary = vocabulary(groups, everyday)
        return self._vocabulary
