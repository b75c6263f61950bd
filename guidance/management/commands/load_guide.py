"""Load the guide shipped in guidance/data/guide.json: questions, options, outcomes, steps, citations
and practice notes, and the names that earlier versions of the guide used in web addresses.

On a new site the shipped guide is the published edition. Where staff already have the guide, a newer
shipped version arrives as a draft edition for them to review and publish; nothing they wrote is
changed, and running this again changes nothing. Run load_law first: steps cite the legal texts.
"""

import datetime
import json
from pathlib import Path

import reversion
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from guidance.models import Citation, FormerName, Guide, Option, Outcome, PracticeNote, Question, Step, shipped_key
from search import registry as search_index
from statutes import structure
from statutes.models import Article

DATA = Path(__file__).resolve().parents[2] / "data" / "guide.json"
TEXTS = ("text", "hint", "label", "title", "summary", "to_bring", "body", "source")


class Command(BaseCommand):
    help = "Load the guide's questions and outcomes, in both languages, with their citations and practice notes."

    def handle(self, *args, **options):
        # Every row loaded gets a revision, so the first edit in the admin can be undone.
        with transaction.atomic(), reversion.create_revision(), search_index.batch():
            reversion.set_comment("Loaded from the guide shipped with the site.")
            self.load(options)

    def load(self, options):
        self.verbosity = options["verbosity"]
        data = json.loads(DATA.read_text(encoding="utf-8"))
        articles = {
            (article.law.slug, article.number): article
            for article in Article.objects.select_related("law").prefetch_related("versions")
        }
        if not articles:
            raise CommandError("The legal texts are not loaded: run `manage.py load_law` first.")
        self.record_former_names(data)

        editions = Guide.objects.filter(slug=data["slug"])
        if editions.filter(shipped_version__gte=data["version"]).exists():
            self._report(f"{data['slug']}: version {data['version']} already loaded, left as it is.")
            return
        if editions.filter(status=Guide.Status.DRAFT).exists():
            self._report(
                f"{data['slug']}: a draft edition is being edited, so version {data['version']} was not loaded. "
                "Publish or delete the draft, then run load_guide again."
            )
            return
        if editions.exists():
            # Staff own the published guide: the new version waits as a draft for them to review.
            guide = self.load_edition(data, articles, status=Guide.Status.DRAFT)
            self._report(f"{guide}: version {data['version']} loaded as a draft edition to review and publish.")
        else:
            # What ships with the site has been reviewed: on a new site it is the first published edition.
            guide = self.load_edition(data, articles, status=Guide.Status.PUBLISHED)
            self._report(f"{guide}: {guide.questions.count()} questions and {guide.outcomes.count()} outcomes loaded.")

    def load_edition(self, data, articles, status):
        latest = Guide.objects.filter(slug=data["slug"]).order_by("-edition").first()
        guide = Guide.objects.create(
            slug=data["slug"],
            edition=latest.edition + 1 if latest else 1,
            status=status,
            published_at=timezone.now() if status == Guide.Status.PUBLISHED else None,
            shipped_version=data["version"],
            note=data.get("note", ""),
            **_texts(data),
        )
        notes = data.get("practice", {})
        outcomes = {}
        for item in data["outcomes"]:
            outcome = Outcome.objects.create(
                guide=guide, slug=item["slug"], key=shipped_key(guide.slug, "Outcome", item["slug"]), **_texts(item)
            )
            outcomes[item["slug"]] = outcome
            for position, step_data in enumerate(item["steps"], start=1):
                step = Step.objects.create(
                    outcome=outcome,
                    position=position,
                    key=shipped_key(guide.slug, "Step", f"{item['slug']}:{position}"),
                    **_texts(step_data),
                )
                for order, reference in enumerate(step_data.get("cite", [])):
                    Citation.objects.create(step=step, position=order, **_cited(articles, reference))
                for order, name in enumerate(step_data.get("practice", [])):
                    if name not in notes:
                        raise CommandError(f"The step “{step_data['title_en']}” names practice “{name}”, not defined.")
                    note = notes[name]
                    PracticeNote.objects.create(
                        step=step,
                        position=order,
                        checked_on=datetime.date.fromisoformat(note["checked_on"]),
                        **_texts(note),
                    )

        questions = {
            item["slug"]: Question.objects.create(
                guide=guide, slug=item["slug"], key=shipped_key(guide.slug, "Question", item["slug"]), **_texts(item)
            )
            for item in data["questions"]
        }
        for item in data["questions"]:
            for position, option in enumerate(item["options"]):
                kind, target = option["next"].split(":")
                Option.objects.create(
                    question=questions[item["slug"]],
                    position=position,
                    value=option["value"],
                    key=shipped_key(guide.slug, "Option", f"{item['slug']}={option['value']}"),
                    next_question=questions[target] if kind == "question" else None,
                    outcome=outcomes[target] if kind == "outcome" else None,
                    **_texts(option),
                )
        guide.start = questions[data["start"]]
        guide.save(update_fields=["start"])
        return guide

    def record_former_names(self, data):
        """Names that earlier versions of the shipped guide used, so saved links keep leading somewhere."""
        for entry in data.get("former_names", []):
            FormerName.objects.get_or_create(
                guide_slug=data["slug"],
                kind=entry["kind"],
                old_question=entry.get("old_question", ""),
                old=entry["old"],
                defaults={"new_question": entry.get("new_question", ""), "new": entry.get("new", "")},
            )

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
    """ "23.2" is Article 23, paragraph 2 of the Social Insurance Law; "30.1.2" is item 2 of its paragraph 1;
    "social-insurance-handling-regulations:13.1" cites another legal text."""
    law, _, place = reference.rpartition(":")
    law = law or "social-insurance-law"
    number, paragraph, item = ([int(part) for part in place.split(".")] + [None, None])[:3]
    article = articles.get((law, number))
    if article is None:
        raise CommandError(f"The guide cites Article {number} of {law}, which is not loaded.")
    if paragraph and not structure.select(article.version_on().paragraphs_zh, paragraph, item):
        raise CommandError(f"The guide cites {reference}, which {law} does not have.")
    return {"article": article, "paragraph": paragraph, "item": item}
