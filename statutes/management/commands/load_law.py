"""Load the Social Insurance Law shipped in statutes/data into the database.

Safe to run again: it only adds what is missing and never overwrites text staff have edited.
"""

import datetime
import json
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import transaction

from statutes.models import SOCIAL_INSURANCE_LAW, Article, ArticleVersion, Chapter, Law, LawVersion

DATA = Path(__file__).resolve().parents[2] / "data"


class Command(BaseCommand):
    help = "Load the Social Insurance Law (Chinese text, English reference translation, versions)."

    @transaction.atomic
    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        official = json.loads((DATA / "social_insurance_law.json").read_text(encoding="utf-8"))
        english = json.loads((DATA / "social_insurance_law.en.json").read_text(encoding="utf-8"))
        first, amendment = (_date(v["effective"]) for v in official["versions"])

        law, _ = Law.objects.get_or_create(
            slug=SOCIAL_INSURANCE_LAW, defaults={"title_zh": official["title_zh"], "title_en": official["title_en"]}
        )
        labels = {"2010": ("2010年通过", "2010 text"), "2018 amendment": ("2018年修正", "2018 amendment")}
        for version in official["versions"]:
            label_zh, label_en = labels[version["label"]]
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

        added = 0
        for item in official["articles"]:
            number = str(item["number"])
            article, _ = Article.objects.get_or_create(
                law=law, number=item["number"], defaults={"chapter": chapters[item["chapter"]]}
            )
            if "text_zh_2010" in item:
                texts = [
                    (first, item["text_zh_2010"], english["articles_2010"][number], ""),
                    (amendment, item["text_zh"], english["articles"][number], item["amendment_note"]),
                ]
            else:
                texts = [(first, item["text_zh"], english["articles"][number], "")]
            for effective_from, text_zh, text_en, note in texts:
                _, created = ArticleVersion.objects.get_or_create(
                    article=article,
                    effective_from=effective_from,
                    defaults={"text_zh": text_zh, "text_en": text_en, "note": note},
                )
                added += created
        self._report(f"{law.title_zh}: {len(official['articles'])} articles, {added} new text versions.")

    def _report(self, message):
        if self.verbosity:
            self.stdout.write(message)


def _date(value):
    return datetime.date.fromisoformat(value)
