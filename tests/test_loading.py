"""`make run` loads the law and the guide; loading again adds nothing and overwrites no edit."""

import json
from pathlib import Path

import pytest
import reversion
from django.core.management import call_command

from guidance.models import Citation, Option, Outcome, PracticeNote, Question, Step
from statutes.models import HANDLING_REGULATIONS, Article, ArticleVersion, Chapter
from statutes.models import SOCIAL_INSURANCE_LAW as SIL

pytestmark = [pytest.mark.django_db, pytest.mark.every_database]

DATA = Path(__file__).resolve().parents[1] / "statutes" / "data"


TEXTS = [
    (SIL, "social_insurance_law.json", 12, 98),
    (HANDLING_REGULATIONS, "social_insurance_handling_regulations.json", 7, 63),
]


@pytest.mark.parametrize(("slug", "data", "chapters", "articles"), TEXTS)
def test_every_legal_text_is_loaded_whole(slug, data, chapters, articles):
    """The law (98 articles in 12 chapters) and the Handling Regulations (63 in 7), each article with the
    official Chinese text and an English translation."""
    assert Article.objects.filter(law__slug=slug).count() == articles
    assert Chapter.objects.filter(law__slug=slug).count() == chapters
    assert not ArticleVersion.objects.filter(text_en="").exists()
    assert not ArticleVersion.objects.filter(text_zh="").exists()


@pytest.mark.parametrize(("slug", "data", "chapters", "articles"), TEXTS)
def test_the_loaded_text_is_the_official_text_verbatim(slug, data, chapters, articles):
    """Every article's current text, and its paragraphs and items, equal the shipped data file's."""
    official = json.loads((DATA / data).read_text(encoding="utf-8"))
    loaded = {a.number: a.version_on() for a in Article.objects.with_versions().filter(law__slug=slug)}
    for item in official["articles"]:
        version = loaded[item["number"]]
        assert version.text_zh == item["text_zh"]
        structure = [{"text": p.text, "items": [i.text for i in p.items]} for p in version.paragraphs_zh]
        assert structure == item["paragraphs"], item["number"]


@pytest.mark.parametrize(
    ("number", "paragraphs", "items", "cited", "words"),
    [
        (30, 2, [4, 0], 2, "先行支付"),
        (56, 2, [3, 0], 2, "生育津贴按照职工所在用人单位上年度职工月平均工资计发"),
        (79, 2, [0, 3], 2, "有权采取下列措施"),
    ],
)
def test_items_never_shift_paragraph_numbers(number, paragraphs, items, cited, words):
    """Items belong to their paragraph: Article 30 has 2 paragraphs, the first with 4 items, so 30(2) is
    the 先行支付 rule."""
    version = Article.objects.get(law__slug=SIL, number=number).version_on()
    assert len(version.paragraphs_zh) == paragraphs
    assert [len(p.items) for p in version.paragraphs_zh] == items
    assert words in version.paragraphs_zh[cited - 1].text
    assert [len(p.items) for p in version.paragraphs_en] == items


def test_articles_changed_in_2018_have_both_versions():
    """Articles 57, 64 and 66 have their 2010 and 2018 wording; all others have one text."""
    changed = {a.number for a in Article.objects.with_versions().filter(law__slug=SIL) if len(a.versions.all()) == 2}
    assert changed == {57, 64, 66}


def test_translation_keeps_the_paragraphs_and_items_of_the_chinese():
    """The English translation has the same paragraphs and items as the Chinese, so citations line up."""
    for version in ArticleVersion.objects.all():
        assert [len(p.items) for p in version.paragraphs_en] == [len(p.items) for p in version.paragraphs_zh], version


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


def test_loading_again_keeps_staff_edits(admin_user):
    """Text that staff corrected in the admin survives another `make run`."""
    version = ArticleVersion.objects.get(article__law__slug=SIL, article__number=23)
    with reversion.create_revision():
        reversion.set_user(admin_user)
        version.text_en = "Edited by staff."
        version.save()
    step = Step.objects.filter(outcome__slug="employee").first()
    step.title_en = "Edited step"
    step.save()
    call_command("load_law", verbosity=0)
    call_command("load_guide", verbosity=0)
    version.refresh_from_db()
    step.refresh_from_db()
    assert version.text_en == "Edited by staff."
    assert step.title_en == "Edited step"


def test_a_corrected_translation_reaches_text_nobody_edited():
    """A corrected English translation shipped with the site replaces the stored one where no staff
    member ever saved that article (here, the old wording of 58(2))."""
    version = ArticleVersion.objects.get(article__law__slug=SIL, article__number=58)
    corrected = version.text_en
    version.text_en = corrected.replace("Where self-employed people", "Self-employed people", 1)
    version.save()
    call_command("load_law", verbosity=0)
    version.refresh_from_db()
    assert version.text_en == corrected


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
        (PracticeNote, ["text", "source"]),
    ]:
        for row in model.objects.all():
            for field in fields:
                assert getattr(row, f"{field}_zh") and getattr(row, f"{field}_en"), (row, field)


def test_the_guide_uses_the_sites_words():
    """The guide writes 补缴 and 断缴 (never the homophones 补交, 断交), says the government subsidises
    (never that it pays your share), and sends people to the medical insurance agency."""
    texts = []
    for model, fields in [(Question, ["text", "hint"]), (Option, ["label", "hint"]), (Step, ["title", "body"])]:
        for row in model.objects.all():
            texts += [getattr(row, f"{field}_{language}") for field in fields for language in ("zh", "en")]
    for outcome in Outcome.objects.all():
        texts += [outcome.title_zh, outcome.title_en, outcome.summary_zh, outcome.summary_en]
    for note in PracticeNote.objects.all():
        texts += [note.text_zh, note.text_en]
    everything = "\n".join(texts)
    for wrong in ("补交", "断交", "pays your share", "pay your share", "social insurance office", "社保局"):
        assert wrong not in everything, wrong
    assert "医保经办机构" in everything and "medical insurance agency" in everything
