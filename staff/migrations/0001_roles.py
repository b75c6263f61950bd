"""The staff roles as they are now, set in full (earlier migrations only added to them).

Editors change the draft guide, propose changes to the law as drafts, preview both, read and
mark feedback and tune search's synonyms; they see the law's texts but cannot change what citizens read. Publishers may also
publish the guide and drafts of the law, and change a legal text's title, chapters and history.
Changing an article's wording directly is left to superusers: everyone else goes through a draft.
Managing accounts stays with superusers: neither group has any permission on accounts.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ALL = ("add", "change", "delete", "view")
GUIDE = ["guide", "question", "option", "outcome", "step", "citation", "practicenote"]
LAW = ["law", "lawversion", "chapter", "article", "articleversion"]

EDITORS = [
    *((f"{action}_{model}", "guidance") for model in GUIDE for action in ALL),
    *((f"view_{model}", "statutes") for model in LAW),
    *((f"{action}_articledraft", "statutes") for action in ALL),
    ("view_feedback", "guidance"),
    ("change_feedback", "guidance"),
    ("view_formername", "guidance"),
    *((f"{action}_synonym", "search") for action in ALL),
]
PUBLISHERS = [
    *EDITORS,
    ("publish_guide", "guidance"),
    ("publish_articledraft", "statutes"),
    *((f"{action}_{model}", "statutes") for model in ("law", "lawversion", "chapter") for action in ("add", "change")),
    ("add_article", "statutes"),
    ("change_article", "statutes"),
]
ROLES = {"Editors": EDITORS, "Publishers": PUBLISHERS}


def set_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; the roles need them now.
    # (create_permissions skips app configs without a models module, which historical ones lack.)
    for app_config in apps.get_app_configs():
        previous = getattr(app_config, "models_module", None)
        app_config.models_module = previous or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = previous
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(
            [Permission.objects.get(content_type__app_label=app, codename=code) for code, app in codes]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("guidance", "0011_step_numbers"),
        ("statutes", "0004_article_drafts"),
        ("search", "0002_synonyms"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(set_roles, migrations.RunPython.noop)]
