"""Pages that belong to the whole site rather than to one app: search, and error pages that need
the request."""

import logging
import re

from django.http import HttpResponseServerError
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone

from guidance.models import Guide, Outcome
from guidance.models import SearchTerm as OutcomeTerm
from statutes.models import SOCIAL_INSURANCE_LAW, Article, ArticleVersion, Law
from statutes.models import SearchTerm as ArticleTerm
from statutes.references import parse_citation

from . import search
from .forms import SearchForm

logger = logging.getLogger(__name__)


def site_search(request):
    """Articles and guide results that contain the words searched for, best first.

    Typing an article number ("23", "第二十三条", "Article 23") goes straight to that article.
    """
    form = SearchForm(request.GET if "q" in request.GET else None)
    context = {"form": form, "articles": [], "outcomes": []}
    if form.is_bound and form.is_valid():
        query = form.cleaned_data["q"]
        article = _cited_article(query)
        if article is not None:
            return redirect(article)
        articles, outcomes = _articles(query), _outcomes(query)
        context.update(query=query, articles=articles, outcomes=outcomes, count=len(articles) + len(outcomes))
    return render(request, "search.html", context)


def bad_request(request, exception):
    """A 400 page in the visitor's language (Django's default renders without the request)."""
    return render(request, "400.html", status=400)


def permission_denied(request, exception):
    """A 403 page in the visitor's language: the staff site's own for its pages, the public one elsewhere."""
    template = "admin/403.html" if request.path.startswith("/admin/") else "403.html"
    return render(request, template, status=403)


def server_error(request):
    """A 500 page in the visitor's language; on the staff site, the staff site's own page, which says that
    nothing typed was saved. If that page cannot be drawn (the fault may be in what it needs, such as the
    database), the public page, which needs nothing."""
    if request.path.startswith("/admin/"):
        try:
            return HttpResponseServerError(render_to_string("admin/500.html", request=request))
        except Exception:  # noqa: BLE001 - whatever broke the page, the visitor still gets an answer
            logger.warning("The staff error page could not be drawn; the plain one is shown.", exc_info=True)
    return HttpResponseServerError(render_to_string("500.html"))


# A citation has a number in it: digits, a Chinese numeral before 条, or "article".
CITATION_HINT = re.compile(r"[0-9０-９§]|条|art", re.IGNORECASE)


def _cited_article(query):
    """The article a citation names ("第23条", "Article 23", "经办条例第六条", "Regulations article 6"), or None.

    A citation without the name of a text cites the Social Insurance Law.
    """
    slug, rest = SOCIAL_INSURANCE_LAW, query.strip()
    if not CITATION_HINT.search(rest):
        return None
    if parse_citation(rest) is None:
        named = [(name, law.slug) for law in Law.objects.all() for name in law.names()]
        for name, law_slug in sorted(named, key=lambda pair: -len(pair[0])):
            if rest.casefold().startswith(name.casefold()):
                slug, rest = law_slug, rest[len(name) :].lstrip(" ,，")
                break
    number = parse_citation(rest)
    if number is None:
        return None
    return Article.objects.select_related("law").filter(law__slug=slug, number=number).first()


def _matching_ids(term_model, key, query):
    """The ids of the rows whose indexed text holds every term of the query: one indexed lookup."""
    wanted = search.query_terms(query)
    found = {}
    for row_id, term in term_model.objects.filter(term__in=wanted).values_list(key, "term"):
        found.setdefault(row_id, set()).add(term)
    return [row_id for row_id, terms in found.items() if len(terms) == len(wanted)]


def _articles(query):
    """Articles whose text in force today matches, with an excerpt in each language.

    One query loads every version of the matching articles with their text and chapter; the text in
    force today is chosen from them.
    """
    versions = set(_matching_ids(ArticleTerm, "version_id", query))
    every_version = (
        ArticleVersion.objects.filter(article__versions__in=versions)
        .select_related("article__law", "article__chapter")
        .distinct()
    )
    by_article = {}
    for version in every_version:
        by_article.setdefault(version.article_id, []).append(version)
    today = timezone.localdate()
    results = []
    for article_versions in by_article.values():
        version = max(
            (v for v in article_versions if v.effective_from <= today), key=lambda v: v.effective_from, default=None
        )
        text = f"{version.text_zh}\n{version.text_en}" if version else ""
        if version and version.pk in versions and search.matches(text, query):
            results.append(
                {
                    "article": version.article,
                    "score": search.score(text, query),
                    "excerpt_zh": search.highlight(version.text_zh, query),
                    "excerpt_en": search.highlight(version.text_en, query),
                }
            )
    return sorted(
        results, key=lambda result: (-result["score"], result["article"].law.position, result["article"].number)
    )


def _outcomes(query):
    """Guide results that match, each linked with answers that lead there."""
    ids = _matching_ids(OutcomeTerm, "outcome_id", query)
    if not ids:
        return []
    guide = Guide.objects.live()
    urls = guide.load_flow().result_urls() if guide else {}
    results = []
    for outcome in Outcome.objects.filter(pk__in=ids, guide=guide).prefetch_related("steps__practice_notes"):
        text = outcome.searchable_text()
        if outcome.slug in urls and search.matches(text, query):
            results.append({"outcome": outcome, "url": urls[outcome.slug], "score": search.score(text, query)})
    return sorted(results, key=lambda result: -result["score"])
