"""The pages of the legal texts: the list of texts, and each text's contents, chapters and articles, each as
in force on a chosen date."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from insurance_site.content import is_english
from insurance_site.links import admin_url

from . import akn
from .comparison import compare_paragraphs
from .extensions import render_article_panels
from .forms import PointInTimeForm
from .linked_data import article_graph, as_script, law_graph
from .models import Article, Chapter, Law


def texts(request):
    """The legal texts the site carries, with what each is and when it took effect."""
    laws = Law.objects.prefetch_related("versions")
    return render(request, "statutes/texts.html", {"laws": laws})


def law_contents(request, law):
    """The law's title, history and chapters, each article linked."""
    law = get_object_or_404(Law.objects.prefetch_related("versions"), slug=law)
    chapters = law.chapters.prefetch_related(Prefetch("articles", queryset=Article.objects.select_related("law")))
    context = {"law": law, "chapters": chapters, "edit_url": admin_url(law), **_law_context(request, law)}
    context["linked_data"] = as_script(law_graph(request, law, chapters))
    context["akn_url"] = _akn_url(law)
    return render(request, "statutes/law.html", context)


def chapter_detail(request, law, number):
    """A chapter's articles in full, as in force on the chosen date."""
    chapter = get_object_or_404(
        Chapter.objects.select_related("law").prefetch_related("law__versions"), law__slug=law, number=number
    )
    context = _law_context(request, chapter.law)
    articles = chapter.articles.with_versions()
    neighbours = {c.number: c for c in chapter.law.chapters.filter(number__in=[number - 1, number + 1])}
    context.update(
        law=chapter.law,
        chapter=chapter,
        texts=[(article, article.version_on(context["on"])) for article in articles],
        previous=neighbours.get(number - 1),
        next=neighbours.get(number + 1),
        edit_url=admin_url(chapter),
    )
    return render(request, "statutes/chapter.html", context)


def article_detail(request, law, number):
    """One article: the official Chinese text, and on the English site the translation beside it."""
    article = get_object_or_404(
        Article.objects.with_versions().prefetch_related("law__versions"), law__slug=law, number=number
    )
    return render(request, "statutes/article.html", article_context(request, article))


def article_context(request, article, draft=None):
    """What the article page shows; with `draft`, the article as it will read once the draft is
    published, at the draft's date unless its wording is the one in force today (the staff preview)."""
    versions = list(article.versions.all())
    reading = None
    if draft:
        preview = draft.as_version()
        versions = sorted([v for v in versions if v.pk != preview.pk] + [preview], key=lambda v: v.effective_from)
        if article.version_on(versions=versions) is not preview:
            reading = preview.effective_from
    context = _law_context(request, article.law, reading)
    numbers = context["article_numbers"]
    context.update(
        law=article.law,
        article=article,
        version=article.version_on(context["on"], versions),
        history=_history(versions),
        previous=Article(law=article.law, number=article.number - 1) if article.number - 1 in numbers else None,
        next=Article(law=article.law, number=article.number + 1) if article.number + 1 in numbers else None,
        panels=render_article_panels(request, article),
        edit_url=admin_url(draft or article),
    )
    context["linked_data"] = as_script(article_graph(request, article, article.version_on(versions=versions)))
    context["akn_url"] = f"{_akn_url(article.law)}/~art_{article.number}"
    return context


def _akn_url(law):
    """The Akoma Ntoso XML of the text as it reads today, in the page's language."""
    latest = max(law.versions.all(), key=lambda version: version.effective_from)
    return akn.expression_uri(law, latest, akn.LANGUAGES["en" if is_english() else "zh"])


def _law_context(request, law, reading=None):
    """What every law page needs: the date to read the law at (`?date=`, else `reading`, else today),
    whether the law was in force then, and which article numbers exist (for links between articles)."""
    form = PointInTimeForm(request.GET if "date" in request.GET else None)
    chosen = form.cleaned_data["date"] if form.is_valid() else None
    today = timezone.localdate()
    on = chosen or reading or today
    in_force_from = law.in_force_from()
    return {
        "date_form": form,
        "on": on,
        "chosen_date": chosen,
        "chosen_is_ahead": chosen is not None and chosen > today,
        "date_query": f"?date={chosen:%Y-%m-%d}" if chosen else "",
        "in_force_from": in_force_from,
        "not_yet_in_force": in_force_from is None or on < in_force_from,
        "article_numbers": set(law.articles.values_list("number", flat=True)),
        "other_texts": SimpleLazyObject(lambda: _titles(exclude=law)),
    }


def _titles(exclude):
    """Each other legal text's titles, in both languages, with the address of its contents."""
    titles = {}
    for other in Law.objects.exclude(pk=exclude.pk):
        url = other.get_absolute_url()
        titles.update({other.title_zh: url, other.title_en: url})
    return titles


def _history(versions):
    """Each version with the date it ended, and what changed from the version before it."""
    history = []
    for index, version in enumerate(versions):
        earlier = versions[index - 1] if index else None
        history.append(
            {
                "version": version,
                "until": versions[index + 1].effective_from if index + 1 < len(versions) else None,
                "changes_zh": compare_paragraphs(earlier.text_zh, version.text_zh) if earlier else None,
                "changes_en": compare_paragraphs(earlier.text_en, version.text_en, "en") if earlier else None,
            }
        )
    return history
