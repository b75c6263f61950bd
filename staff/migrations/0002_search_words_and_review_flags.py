"""Editors and publishers tune search's everyday words and slips as they tune its synonyms, and see the
searches people made (read only: the counts are the visitors'); they see the steps to check against the
law, and confirm them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ALL = ("add", "change", "delete", "view")
ADDED = [
    *((f"{action}_everydayterm", "search") for action in ALL),
    ("view_searchcount", "search"),
    ("view_reviewflag", "guidance"),
    ("change_reviewflag", "guidance"),
]


def add_permissions(apps, schema_editor):
    # Permissions are normally created after all migrations; the roles need them now (see 0001_roles).
    for app_config in apps.get_app_configs():
        previous = getattr(app_config, "models_module", None)
        app_config.models_module = previous or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = previous
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    added = [Permission.objects.get(content_type__app_label=app, codename=code) for code, app in ADDED]
    for group in Group.objects.filter(name__in=["Editors", "Publishers"]):
        group.permissions.add(*added)


class Migration(migrations.Migration):
    dependencies = [("staff", "0001_roles"), ("search", "0004_everyday_words"), ("guidance", "0015_review_flags")]

    operations = [migrations.RunPython(add_permissions, migrations.RunPython.noop)]
