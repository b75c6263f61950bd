"""Read a file written by `export_content` back in, replacing the law and the guide, in one transaction."""

from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.db import connection, transaction

from guidance.models import Guide
from search import registry as search_index
from statutes.models import Law

from .export_content import CONTENT


class Command(BaseCommand):
    help = "Replace the law, the guide and feedback with the content of an export_content file."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--replace", action="store_true", help="required when content exists: it is all replaced")

    @transaction.atomic
    def handle(self, *args, file, replace=False, **options):
        if not replace and (Law.objects.exists() or Guide.objects.exists()):
            raise CommandError("There is content already: add --replace to replace all of it with the file's.")
        with open(file, encoding="utf-8") as source:
            try:
                objects = list(serializers.deserialize("json", source))
            except serializers.base.DeserializationError as error:
                raise CommandError(f"{file} is not an export of this site's content: {error}") from error
        users = set(get_user_model().objects.values_list("pk", flat=True))
        with search_index.batch():  # each result page indexed once, not again with each of its steps
            for model in reversed(CONTENT):
                model._default_manager.all().delete()
            with connection.constraint_checks_disabled():
                for item in objects:
                    if isinstance(item.object, Guide) and item.object.published_by_id not in users:
                        item.object.published_by = None  # the publisher's account is not on this site
                    item.save()
            connection.check_constraints()
        # Rows came in with their ids: move PostgreSQL's id counters past them.
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), CONTENT):
                cursor.execute(statement)
        self.stderr.write(f"{len(objects)} objects imported from {file}.")
