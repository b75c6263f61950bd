import datetime

from django.db import migrations, models
from django.utils import timezone


def keep_the_dates(apps, schema_editor):
    """Answers sent before this kept only their date: they are shown at midnight of that day."""
    for feedback in apps.get_model("guidance", "Feedback").objects.all():
        moment = datetime.datetime.combine(feedback.created_on, datetime.time())
        feedback.created_at = timezone.make_aware(moment)
        feedback.save(update_fields=["created_at"])


class Migration(migrations.Migration):
    dependencies = [("guidance", "0009_step_identity")]

    operations = [
        migrations.AddField(
            model_name="feedback",
            name="created_at",
            field=models.DateTimeField(auto_now_add=True, default=timezone.now, verbose_name="sent at"),
            preserve_default=False,
        ),
        migrations.RunPython(keep_the_dates, migrations.RunPython.noop),
        migrations.RemoveField(model_name="feedback", name="created_on"),
        migrations.AddField(
            model_name="feedback",
            name="handled",
            field=models.BooleanField(
                default=False, help_text="Staff have read it and acted on it.", verbose_name="handled"
            ),
        ),
        migrations.AlterModelOptions(
            name="feedback",
            options={"ordering": ["-created_at", "-id"], "verbose_name": "feedback", "verbose_name_plural": "feedback"},
        ),
    ]
