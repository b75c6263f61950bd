from django.shortcuts import get_object_or_404, render

from .models import Article, Law


def law_contents(request, law):
    """The law's title, history and chapters, each article linked."""
    law = get_object_or_404(Law.objects.prefetch_related("versions"), slug=law)
    chapters = law.chapters.prefetch_related("articles")
    return render(request, "statutes/law.html", {"law": law, "chapters": chapters})


def article_detail(request, law, number):
    """One article: the official Chinese text, and on the English site the translation beside it."""
    article = get_object_or_404(Article.objects.with_versions(), law__slug=law, number=number)
    version = article.version_on()
    earlier = [v for v in article.versions.all() if version and v.effective_from < version.effective_from]
    context = {"article": article, "law": article.law, "version": version, "earlier_versions": earlier[::-1]}
    return render(request, "statutes/article.html", context)
