from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidanceConfig(AppConfig):
    name = "guidance"
    verbose_name = _("The guide")

    def ready(self):
        from django.db.models.signals import post_save, pre_save

        from statutes.models import ArticleVersion

        from . import (
            cited_by,  # noqa: F401  (registers the "Used in the guide" panel on article pages)
            indexing,  # noqa: F401  (registers what search finds of the guide)
            review,
        )

        pre_save.connect(review.remember_wording, sender=ArticleVersion, dispatch_uid="guide-review-before")
        post_save.connect(review.flag_citing_steps, sender=ArticleVersion, dispatch_uid="guide-review-after")
