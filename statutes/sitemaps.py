from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Article, Chapter, Law


class LawSitemap(Sitemap):
    """The law's contents, chapters and articles, in both languages with hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return [
            *Law.objects.all(),
            *Chapter.objects.select_related("law"),
            *Article.objects.select_related("law"),
        ]


class GuideSitemap(Sitemap):
    """The guide's start page; its questions and results depend on answers, so they are not listed."""

    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return ["guidance:start"]

    def location(self, item):
        return reverse(item)
