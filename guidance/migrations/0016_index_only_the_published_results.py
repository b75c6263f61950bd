"""The search index keeps only the published edition's results: what it held of drafts and archived
editions is dropped (candidates never showed them; they only weighed on how the published results rank)."""

from django.db import migrations


def drop_unpublished(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Document = apps.get_model("search", "Document")
    Outcome = apps.get_model("guidance", "Outcome")
    content_type = ContentType.objects.filter(app_label="guidance", model="outcome").first()
    if content_type is None:  # a new database: nothing indexed yet
        return
    unpublished = Outcome.objects.exclude(guide__status="published").values_list("pk", flat=True)
    Document.objects.filter(content_type=content_type, object_id__in=list(unpublished)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("guidance", "0015_review_flags"),
        ("search", "0004_everyday_words"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(drop_unpublished, migrations.RunPython.noop)]
