from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    """The staff site around the content: recent changes by everyone, unlocking locked-out accounts."""

    name = "staff"
    verbose_name = _("Staff")
