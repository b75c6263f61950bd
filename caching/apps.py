from django.apps import AppConfig, apps
from django.db.models.signals import m2m_changed, post_delete, post_save


class CachingConfig(AppConfig):
    name = "caching"
    verbose_name = "Page cache"

    def ready(self):
        from . import version

        # Every model of the content apps, as the registry lists them at start-up: a new model is covered
        # without anyone remembering to. Only those: a model nobody listens to is deleted in bulk, so the
        # thousands of entries of a search document go in one statement, not one by one.
        for model in apps.get_models(include_auto_created=True):
            if version.is_content(model):
                for signal in (post_save, post_delete, m2m_changed):
                    signal.connect(version.content_saved, sender=model, dispatch_uid="caching-content")
