from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class GuideSitemap(Sitemap):
    """The guide's start page; its questions and results depend on answers, so they are not listed."""

    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return ["guidance:start"]

    def location(self, item):
        return reverse(item)
