"""Write the legal texts and the guide (every edition, its practice notes and former names), with citizens'
feedback, to one JSON file.

`import_content` reads it back, on this site or another: a round trip loses nothing.
"""

import datetime

from django.core import serializers
from django.core.management.base import BaseCommand
from django.core.serializers.json import DjangoJSONEncoder

from guidance.models import Citation, Feedback, FormerName, Guide, Option, Outcome, PracticeNote, Question, Step
from statutes.models import Article, ArticleVersion, Chapter, Law, LawVersion

# In the order they can be read back. The search index is left out: it is rebuilt from the text.
CONTENT = [
    Law,
    LawVersion,
    Chapter,
    Article,
    ArticleVersion,
    Guide,
    Question,
    Outcome,
    Option,
    Step,
    Citation,
    PracticeNote,
    FormerName,
    Feedback,
]


class WholeTimes(DjangoJSONEncoder):
    """Times with their microseconds: Django's JSON keeps milliseconds, and a round trip would change them."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            return o.isoformat()
        return super().default(o)


class Command(BaseCommand):
    help = "Export the law, the guide and feedback as JSON (to standard output, or --output FILE)."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="file to write; standard output if not given")

    def handle(self, *args, output=None, **options):
        objects = [obj for model in CONTENT for obj in model._default_manager.order_by("pk")]
        text = serializers.serialize("json", objects, indent=1, ensure_ascii=False, cls=WholeTimes)
        if output:
            with open(output, "w", encoding="utf-8") as file:
                file.write(text)
            self.stderr.write(f"{len(objects)} objects written to {output}.")
        else:
            self.stdout.write(text)
