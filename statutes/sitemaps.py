from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Article, Chapter, Law


class LawSitemap(Sitemap):
    """The list of legal texts, each text's contents, chapters and articles, in both languages with hreflang
    alternates."""

    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return [
            "statutes:texts",
            *Law.objects.all(),
            *Chapter.objects.select_related("law"),
            *Article.objects.select_related("law"),
        ]

    def location(self, item):
        return reverse(item) if isinstance(item, str) else item.get_absolute_url()
