"""The search page: a citation goes straight to its article; anything else is ranked across everything
the content apps index, ten results a page, with best bets first. A slip is corrected and said so; a query
nothing matches in full is relaxed and said so; each first page served is counted for staff."""

from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import get_language

from caching import local

from . import registry
from .corpus import Corpus
from .excerpts import highlight
from .forms import SearchForm
from .ranking import rank_relaxed
from .tally import tally_of
from .text import concepts, normalised

PER_PAGE = 10
MOST = 100  # results ranked and shown at most: nobody reads further
PHRASE_BONUS = 1.5  # the query as written, in the text, counts this much more


# It only reads (the counts are written in their own transaction), and most searches need no query at all:
# outside a transaction, no connection is opened for them.
@transaction.non_atomic_requests
def search(request):
    form = SearchForm(request.GET if "q" in request.GET else None)
    context = {"form": form}
    if not (form.is_bound and form.is_valid()):
        return render(request, "search/search.html", context)
    query = form.cleaned_data["q"]
    url = registry.shortcut(query)
    if url:
        return redirect(url)
    corpus = local.held(("search corpus",), Corpus)
    vocabulary = corpus.vocabulary()
    asked, corrected = concepts(query, corpus.known_words, vocabulary)
    bets = registry.best_bets(asked)
    relax = any(vocabulary.knows(concept.word) for concept in asked)  # a query about the domain is never left empty
    found, relaxed = find(corpus, query, asked, guide_first=bool(bets), relax=relax)
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))  # a bad page number shows the first
    page.object_list = registry.hits(page.object_list)
    marks = [mark for concept in asked for mark in concept.marks]
    language = "en" if get_language() == "en" else "zh"
    results = [  # each Hit with its excerpts in the languages shown, the finds marked (the Hit is not changed)
        (hit, [(lang, highlight(text, marks)) for lang, text in hit.excerpts if lang in ("zh", language)])
        for hit in page
    ]
    searched = normalised(asked)
    context.update(
        query=query,
        searched=searched,
        corrected=searched if corrected else "",
        relaxed=relaxed,
        best_bets=bets,
        page=page,
        results=results,
        count=len(found),
    )
    response = render(request, "search/search.html", context)
    if request.GET.get("page", "1") == "1":  # paging through results is not another search
        response.tally = tally_of(searched, len(found) + len(bets))
    return response


def find(corpus, query, asked, guide_first=False, relax=True):
    """The candidates for the query's concepts, best first (BM25, a bonus for the query as written, and with
    best bets the guide's results before the law's), and whether the match was relaxed to find them."""
    matches, relaxed = rank_relaxed(corpus, asked, relax)
    matches = matches[:MOST]
    found = []
    for index in registry.indexes():
        content_type = index.content_type()
        ids = {match.object_id: match for match in matches if match.content_type_id == content_type.pk}
        for candidate in index.candidates(list(ids), query):
            match = ids[candidate.object_id]
            candidate.index = index
            candidate.score = match.score * index.boost * (PHRASE_BONUS if candidate.phrase else 1)
            candidate.matched = match.matched
            found.append(candidate)

    def place(candidate):
        return (guide_first and candidate.index.kind != "guide", -candidate.matched, -candidate.score, candidate.order)

    return sorted(found, key=place), relaxed
