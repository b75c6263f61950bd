"""`make run` loads the law and the guide; loading again adds nothing and overwrites no edit."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command

from guidance.models import Citation, Option, Outcome, Question, Step
from statutes.models import Article, ArticleVersion, Chapter

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parents[1] / "statutes" / "data"


def test_the_whole_law_is_loaded():
    """All 98 articles in 12 chapters, each with the official Chinese text and an English translation."""
    assert Article.objects.count() == 98
    assert Chapter.objects.count() == 12
    assert not ArticleVersion.objects.filter(text_en="").exists()
    assert not ArticleVersion.objects.filter(text_zh="").exists()


def test_the_loaded_text_is_the_official_text_verbatim():
    """Every article's current text equals the official text in the shipped data file."""
    official = json.loads((DATA / "social_insurance_law.json").read_text(encoding="utf-8"))
    loaded = {a.number: a.version_on() for a in Article.objects.with_versions()}
    for item in official["articles"]:
        assert loaded[item["number"]].text_zh == item["text_zh"]


def test_articles_changed_in_2018_have_both_versions():
    """Articles 57, 64 and 66 have their 2010 and 2018 wording; all others have one text."""
    changed = {a.number for a in Article.objects.with_versions() if len(a.versions.all()) == 2}
    assert changed == {57, 64, 66}


def test_translation_keeps_the_paragraphs_of_the_chinese():
    """The English translation has as many paragraphs as the Chinese, so paragraph citations line up."""
    for version in ArticleVersion.objects.all():
        assert len(version.paragraphs_en) == len(version.paragraphs_zh), version


def test_translation_uses_the_sites_words():
    """The translation renders key terms with the word list's English, never machine-translation slips."""
    english = " ".join(ArticleVersion.objects.values_list("text_en", flat=True))
    assert "employee basic medical insurance" in english
    assert "social insurance agency" in english
    assert "late fee" in english
    assert "diplomatic" not in english


def test_loading_twice_adds_nothing():
    """Running the loaders again (as `make run` does every time) creates no duplicate rows."""
    counts = [m.objects.count() for m in (Article, ArticleVersion, Question, Option, Outcome, Step, Citation)]
    call_command("load_law", verbosity=0)
    call_command("load_guide", verbosity=0)
    assert [m.objects.count() for m in (Article, ArticleVersion, Question, Option, Outcome, Step, Citation)] == counts


def test_loading_again_keeps_staff_edits():
    """Text that staff corrected survives another `make run`."""
    version = ArticleVersion.objects.get(article__number=23)
    version.text_en = "Edited by staff."
    version.save()
    step = Step.objects.filter(outcome__slug="pay-in-person").first()
    step.title_en = "Edited step"
    step.save()
    call_command("load_law", verbosity=0)
    call_command("load_guide", verbosity=0)
    version.refresh_from_db()
    step.refresh_from_db()
    assert version.text_en == "Edited by staff."
    assert step.title_en == "Edited step"


def test_every_step_cites_an_existing_paragraph():
    """Each citation's paragraph exists in the article, so the cited text shown is never empty."""
    for citation in Citation.objects.select_related("article").prefetch_related("article__versions"):
        zh, en = citation.cited_text()
        assert zh and en, citation
        if citation.paragraph:
            assert len(zh) == 1


def test_guide_is_complete_in_both_languages():
    """Every question, option, outcome and step has Chinese and English text."""
    for model, fields in [
        (Question, ["text"]),
        (Option, ["label"]),
        (Outcome, ["title", "summary"]),
        (Step, ["title", "body"]),
    ]:
        for row in model.objects.all():
            for field in fields:
                assert getattr(row, f"{field}_zh") and getattr(row, f"{field}_en"), (row, field)
