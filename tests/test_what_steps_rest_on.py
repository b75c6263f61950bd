"""What each step rests on: citations of paragraphs and items of any legal text, and practice notes with
their source and the date staff last checked them; publishing refuses a step that rests on nothing."""

import datetime

import pytest
from django.utils import timezone, translation

from guidance import editions
from guidance.models import Citation, Guide, PracticeNote, Step
from guidance.validation import validate, warnings
from statutes.models import HANDLING_REGULATIONS, Article
from statutes.models import SOCIAL_INSURANCE_LAW as SIL

pytestmark = pytest.mark.django_db

FLEXIBLE = (
    "/{language}/guide/result/flexible-employee/"
    "?situation=flexible&flexible-scheme=employee-insurance&flexible-lapse=no"
)


@pytest.fixture
def draft():
    return editions.create_draft(Guide.objects.live())


def a_step(draft, slug="flexible-employee"):
    return Step.objects.filter(outcome__guide=draft, outcome__slug=slug).order_by("position").first()


def messages(draft):
    with translation.override("en"):
        return " ".join(problem.message for problem in validate(draft))


def test_the_shipped_guide_can_be_published_as_it_is(draft):
    """Every shipped step rests on a citation or a practice note with a source and a date."""
    assert validate(draft) == []


def test_a_step_resting_on_nothing_is_refused(draft):
    """A step with neither a citation nor a practice note stops the publish."""
    step = a_step(draft)
    step.citations.all().delete()
    step.practice_notes.all().delete()
    assert f"The step “{step}” cites no legal text and has no practice note." in messages(draft)


def test_a_step_resting_on_practice_alone_is_accepted(draft):
    """Practice with its source and date is enough for a step no legal text speaks to."""
    step = a_step(draft)
    step.citations.all().delete()
    assert step.practice_notes.exists()
    assert validate(draft) == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"source_en": ""}, "does not say what it rests on in both languages"),
        ({"source_zh": " "}, "does not say what it rests on in both languages"),
        ({"checked_on": None}, "has no date when it was last checked"),
        ({"text_en": ""}, "has no English"),
    ],
)
def test_a_practice_note_without_its_source_or_date_is_refused(draft, change, message):
    """A practice note must say what it rests on, in both languages, and when it was last checked."""
    PracticeNote.objects.filter(pk=a_step(draft).practice_notes.first().pk).update(**change)
    assert message in messages(draft)


@pytest.mark.parametrize(
    ("paragraph", "item", "refused"),
    [(2, None, False), (3, None, True), (1, 4, False), (1, 5, True), (2, 1, True)],
)
def test_a_citation_of_a_paragraph_or_item_that_does_not_exist_is_refused(draft, paragraph, item, refused):
    """Article 30 has two paragraphs, the first with four items: 30(3), 30(1)(5) and 30(2)(1) do not exist."""
    article = Article.objects.get(law__slug=SIL, number=30)
    citation = Citation.objects.create(step=a_step(draft), article=article, paragraph=paragraph, item=item, position=9)
    assert ("which does not exist" in messages(draft)) == refused
    assert citation.missing() == refused


def test_a_practice_note_checked_over_a_year_ago_is_a_warning_not_a_refusal(draft):
    """Staff are told which notes to check again; publishing still goes ahead."""
    note = a_step(draft).practice_notes.first()
    note.checked_on = timezone.localdate() - datetime.timedelta(days=400)
    note.save()
    assert [w.obj for w in warnings(draft)] == [note.step]
    assert validate(draft) == []
    editions.publish(draft)
    assert Guide.objects.live() == draft


def test_the_edition_page_lists_the_warnings(admin_client, draft):
    """The draft's admin page shows notes to check again, linked to their step."""
    note = a_step(draft).practice_notes.first()
    note.checked_on = datetime.date(2020, 1, 1)
    note.save()
    page = admin_client.get(f"/admin/guidance/guide/{draft.pk}/change/", headers={"accept-language": "en"})
    html = page.content.decode()
    assert "1 thing to check (publishing is not refused)" in html
    assert "was last checked on 2020-01-01, over a year ago" in html
    assert f"/admin/guidance/step/{note.step.pk}/change/" in html


@pytest.mark.parametrize(
    ("language", "label", "checked"),
    [
        ("en", "Practice: differs from place to place", "Last checked: 26 November 2026"),
        ("zh-hans", "实际做法：各地不同", "最后核实：2026年11月26日"),
    ],
)
def test_practice_is_shown_apart_from_the_legal_basis_with_its_date(client, language, label, checked):
    """Citizens see practice under its own label, with what it rests on and when it was last checked."""
    html = client.get(FLEXIBLE.format(language=language)).content.decode()
    assert label in html and checked in html
    first_step = html.split('class="steps__item"')[1]
    assert first_step.index("citations__title") < first_step.index("practice__title")


def test_an_item_citation_shows_and_links_the_item(client, draft):
    """A citation of 30(1)(2) shows the paragraph's lead and that item, and links to the item's anchor."""
    article = Article.objects.get(law__slug=SIL, number=30)
    citation = Citation.objects.create(step=a_step(draft), article=article, paragraph=1, item=2, position=9)
    zh, en = citation.cited_text()
    assert [p.text for p in zh] == ["下列医疗费用不纳入基本医疗保险基金支付范围:"]
    assert [i.text for i in zh[0].items] == ["（二）应当由第三人负担的；"]
    assert en[0].items[0].text.startswith("(2) ")
    assert citation.get_absolute_url().endswith("/article-30/#paragraph-1-item-2")
    assert str(citation) in ("社会保险法第三十条第一款第二项", "Social Insurance Law, Article 30(1)(2)")


def test_a_citation_of_the_handling_regulations_names_them(client):
    """Citations of the Regulations say which text they cite, and link to it."""
    html = client.get(FLEXIBLE.format(language="en")).content.decode()
    assert (
        f'href="/en/law/{HANDLING_REGULATIONS}/article-6/#paragraph-2">Handling Regulations, Article 6(2)</a>' in html
    )
    chinese = client.get(FLEXIBLE.format(language="zh-hans")).content.decode()
    assert "社会保险经办条例第六条第二款</a>" in chinese
