"""Give every row of the legal texts and the guide that has no revision yet a first one.

Before this, loading content recorded no revision, so the first edit of an article or step destroyed
the only copy the admin could restore. The rows are written as django-reversion writes them (JSON of
the row), from the models as they are at this point in the history, so later changes to the code cannot
change what this migration does.
"""

from django.core import serializers
from django.db import migrations
from django.utils import timezone

MODELS = [
    ("statutes", "law"),
    ("statutes", "lawversion"),
    ("statutes", "chapter"),
    ("statutes", "article"),
    ("statutes", "articleversion"),
    ("guidance", "guide"),
    ("guidance", "question"),
    ("guidance", "option"),
    ("guidance", "outcome"),
    ("guidance", "step"),
    ("guidance", "citation"),
    ("guidance", "practicenote"),
]
COMMENT = "First revision, recorded for content that existed before revisions were kept."


def record_first_revisions(apps, schema_editor):
    Revision = apps.get_model("reversion", "Revision")
    Version = apps.get_model("reversion", "Version")
    ContentType = apps.get_model("contenttypes", "ContentType")
    database = schema_editor.connection.alias
    revision = None
    for app_label, model_name in MODELS:
        model = apps.get_model(app_label, model_name)
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name)
        recorded = set(Version.objects.filter(content_type=content_type).values_list("object_id", flat=True))
        missing = [row for row in model.objects.order_by("pk") if str(row.pk) not in recorded]
        if not missing:
            continue
        if revision is None:
            revision = Revision.objects.create(date_created=timezone.now(), comment=COMMENT)
        Version.objects.bulk_create(
            Version(
                revision=revision,
                object_id=str(row.pk),
                content_type=content_type,
                db=database,
                format="json",
                serialized_data=serializers.serialize("json", [row]),
                object_repr=f"{model._meta.verbose_name} {row.pk}"[:191],
            )
            for row in missing
        )


class Migration(migrations.Migration):
    dependencies = [
        ("guidance", "0006_practice_notes_items_former_names"),
        ("statutes", "0003_legal_texts"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(record_first_revisions, migrations.RunPython.noop)]
