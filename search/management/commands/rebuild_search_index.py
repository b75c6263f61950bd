from django.core.management.base import BaseCommand

from search import registry


class Command(BaseCommand):
    help = "Rebuild the search index from the content (it is kept current on every change; this starts afresh)."

    def handle(self, *args, **options):
        count = registry.rebuild()
        self.stdout.write(f"The search index holds {count} documents.")
