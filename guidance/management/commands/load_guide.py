"""Load the guide shipped in guidance/data/guide.json: questions, options, outcomes, steps.

It loads the guide once. When the guide is already in the database, staff own it and running
this again changes nothing. Run load_law first: steps cite the law's articles.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from guidance.models import Citation, Guide, Option, Outcome, Question, Step
from statutes.models import SOCIAL_INSURANCE_LAW, Article

DATA = Path(__file__).resolve().parents[2] / "data" / "guide.json"
TEXTS = ("text", "hint", "label", "title", "summary", "to_bring", "body")


class Command(BaseCommand):
    help = "Load the guide's questions and outcomes, in both languages, with their citations."

    @transaction.atomic
    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        data = json.loads(DATA.read_text(encoding="utf-8"))
        law_articles = Article.objects.filter(law__slug=SOCIAL_INSURANCE_LAW).prefetch_related("versions")
        articles = {article.number: article for article in law_articles}
        if not articles:
            raise CommandError("The law is not loaded: run `manage.py load_law` first.")

        existing = Guide.objects.filter(slug=data["slug"]).first()
        if existing:
            self._report(f"{existing}: already loaded, left as it is.")
            return
        # What ships with the site has been reviewed: it is the first published edition.
        guide = Guide.objects.create(
            slug=data["slug"], status=Guide.Status.PUBLISHED, published_at=timezone.now(), **_texts(data)
        )

        outcomes = {}
        for item in data["outcomes"]:
            outcome = Outcome.objects.create(guide=guide, slug=item["slug"], **_texts(item))
            outcomes[item["slug"]] = outcome
            for position, step_data in enumerate(item["steps"]):
                step = Step.objects.create(outcome=outcome, position=position, **_texts(step_data))
                for order, reference in enumerate(step_data["cite"]):
                    article, paragraph = _cited(articles, reference)
                    Citation.objects.create(step=step, article=article, paragraph=paragraph, position=order)

        questions = {
            item["slug"]: Question.objects.create(guide=guide, slug=item["slug"], **_texts(item))
            for item in data["questions"]
        }
        for item in data["questions"]:
            for position, option in enumerate(item["options"]):
                kind, target = option["next"].split(":")
                Option.objects.create(
                    question=questions[item["slug"]],
                    position=position,
                    value=option["value"],
                    next_question=questions[target] if kind == "question" else None,
                    outcome=outcomes[target] if kind == "outcome" else None,
                    **_texts(option),
                )
        guide.start = questions[data["start"]]
        guide.save(update_fields=["start"])
        self._report(f"{guide}: {len(questions)} questions and {len(outcomes)} outcomes loaded.")

    def _report(self, message):
        if self.verbosity:
            self.stdout.write(message)


def _texts(item):
    """The bilingual fields of one item in the data file."""
    return {
        f"{name}_{lang}": item.get(f"{name}_{lang}", "")
        for name in TEXTS
        for lang in ("zh", "en")
        if f"{name}_zh" in item
    }


def _cited(articles, reference):
    """ "23.2" is Article 23, paragraph 2; "4" is the whole of Article 4."""
    number, _, paragraph = reference.partition(".")
    article = articles.get(int(number))
    if article is None:
        raise CommandError(f"The guide cites Article {number}, which the law does not have.")
    if paragraph and int(paragraph) > len(article.version_on().paragraphs_zh):
        raise CommandError(f"The guide cites paragraph {paragraph} of Article {number}, which has fewer.")
    return article, int(paragraph) if paragraph else None
