from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidanceConfig(AppConfig):
    name = "guidance"
    verbose_name = _("The guide")

    def ready(self):
        from . import (
            cited_by,  # noqa: F401  (registers the "Used in the guide" panel on article pages)
            indexing,  # noqa: F401  (registers what search finds of the guide)
        )
