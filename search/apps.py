from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Search across what the content apps register: the index, its text rules, ranking, the page, and the
    counts of what people searched for."""

    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from caching.signals import page_served

        from . import tally

        post_migrate.connect(_index_if_empty, sender=self)
        page_served.connect(tally.count, dispatch_uid="search-tally")


def _index_if_empty(**kwargs):
    """A site upgraded to this index starts with it empty: fill it once, from the content."""
    from . import registry
    from .models import Document

    if not Document.objects.exists():
        registry.rebuild()
