from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class CachingConfig(AppConfig):
    name = "caching"
    verbose_name = "Page cache"

    def ready(self):
        from . import version

        # Connected for every model: a new model in a content app is covered without anyone remembering to.
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(version.content_saved, dispatch_uid=f"caching-{signal}")
