"""Load the legal texts shipped in statutes/data (listed in texts.json) into the database.

Safe to run again: it adds what is missing and never overwrites what staff have edited. A corrected
English reference translation replaces the stored one only where no staff member ever saved that text.
"""

import datetime
import json
from pathlib import Path

import reversion
from django.core.management.base import BaseCommand
from django.db import transaction
from reversion.models import Version

from search import registry as search_index
from statutes.models import Article, ArticleVersion, Chapter, Law, LawVersion

DATA = Path(__file__).resolve().parents[2] / "data"
LOADED = "Loaded from the legal texts shipped with the site."
DESCRIPTION = ("short_title_zh", "short_title_en", "kind_zh", "kind_en", "issuer_zh", "issuer_en")


class Command(BaseCommand):
    help = "Load the legal texts (official Chinese text, English reference translation, versions)."

    @transaction.atomic
    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        manifest = _read("texts.json")
        # Every row loaded or corrected gets a revision, so the first edit in the admin can be undone.
        with reversion.create_revision(), search_index.batch():
            reversion.set_comment(LOADED)
            for position, entry in enumerate(manifest["texts"]):
                self.load(entry, position)

    def load(self, entry, position):
        official, english = _read(entry["official"]), _read(entry["translation"])
        law, _ = Law.objects.get_or_create(
            slug=entry["slug"],
            defaults={
                "position": position,
                "title_zh": official["title_zh"],
                "title_en": official["title_en"],
                **{name: entry[name] for name in DESCRIPTION},
                "aliases": "\n".join(entry.get("aliases", [])),
            },
        )
        versions = _versions(official)
        for version in versions:
            label_zh, label_en = entry["versions"][version["label"]]
            LawVersion.objects.get_or_create(
                law=law,
                effective_from=_date(version["effective"]),
                defaults={
                    "label_zh": label_zh,
                    "label_en": label_en,
                    "adopted_on": _date(version["adopted"]),
                    "instrument": version["instrument"],
                },
            )

        chapters = {}
        for chapter in official["chapters"]:
            chapters[chapter["number"]], _ = Chapter.objects.get_or_create(
                law=law,
                number=chapter["number"],
                defaults={"title_zh": chapter["title_zh"], "title_en": english["chapters"][str(chapter["number"])]},
            )

        first, latest = _date(versions[0]["effective"]), _date(versions[-1]["effective"])
        added = corrected = 0
        for item in official["articles"]:
            number = str(item["number"])
            article, _ = Article.objects.get_or_create(
                law=law, number=item["number"], defaults={"chapter": chapters[item["chapter"]]}
            )
            if "text_zh_2010" in item:
                texts = [
                    (first, item["text_zh_2010"], english["articles_2010"][number], ""),
                    (latest, item["text_zh"], english["articles"][number], item["amendment_note"]),
                ]
            else:
                texts = [(first, item["text_zh"], english["articles"][number], "")]
            for effective_from, text_zh, text_en, note in texts:
                version, created = ArticleVersion.objects.get_or_create(
                    article=article,
                    effective_from=effective_from,
                    defaults={"text_zh": text_zh, "text_en": text_en, "note": note},
                )
                added += created
                if not created and version.text_en != text_en and not _edited_by_staff(version):
                    version.text_en = text_en
                    version.save(update_fields=["text_en"])
                    corrected += 1
        self._report(
            f"{law.title_zh}: {len(official['articles'])} articles, {added} new text versions, "
            f"{corrected} translations corrected."
        )

    def _report(self, message):
        if self.verbosity:
            self.stdout.write(message)


def _read(name):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def _versions(official):
    """The text's enactments and amendments; a regulation with one text gives its dates at the top level."""
    if "versions" in official:
        return official["versions"]
    label = official["effective"][:4]
    return [
        {
            "label": label,
            "adopted": official["promulgated"],
            "effective": official["effective"],
            "instrument": official["instrument"],
        }
    ]


def _edited_by_staff(version):
    """Whether someone saved this text in the admin: then it is theirs, and a shipped correction must not replace it."""
    for obj in (version, version.article):
        if Version.objects.get_for_object(obj).filter(revision__user__isnull=False).exists():
            return True
    return False


def _date(value):
    return datetime.date.fromisoformat(value)
