from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatutesConfig(AppConfig):
    name = "statutes"
    verbose_name = _("The law")

    def ready(self):
        from . import indexing  # noqa: F401  (registers what search finds of the law)
