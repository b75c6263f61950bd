"""The staff roles: Editors change the law and the draft guide and preview it; Publishers may also
publish. Managing users stays with superusers: neither group has any permission on accounts."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT = {
    "statutes": ["law", "lawversion", "chapter", "article", "articleversion"],
    "guidance": ["guide", "question", "option", "outcome", "step", "citation"],
}
ROLES = {
    "Editors": [],
    "Publishers": [("guidance", "publish_guide")],
}


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; these groups need them now.
    # (create_permissions skips app configs without a models module, which historical ones lack.)
    for app_config in apps.get_app_configs():
        previous = getattr(app_config, "models_module", None)
        app_config.models_module = previous or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = previous
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editing = [
        Permission.objects.get(content_type__app_label=app, codename=f"{action}_{model}")
        for app, models in CONTENT.items()
        for model in models
        for action in ("add", "change", "delete", "view")
    ]
    editing.append(Permission.objects.get(content_type__app_label="guidance", codename="view_feedback"))
    for name, extra in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *editing, *(Permission.objects.get(content_type__app_label=app, codename=code) for app, code in extra)
        )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("guidance", "0004_feedback"),
        ("statutes", "0002_searchterm"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
