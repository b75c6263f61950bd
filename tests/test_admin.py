"""Staff can already find and correct articles, questions and steps in the Django admin."""

import pytest
from django.urls import reverse

from guidance import editions
from guidance.models import Citation, Guide, Outcome, Question, Step
from statutes.models import HANDLING_REGULATIONS, Article, ArticleVersion, Chapter, Law
from statutes.models import SOCIAL_INSURANCE_LAW as SIL

from .admin_forms import form_data

pytestmark = pytest.mark.django_db

# Law versions and options are edited inline, on their law and question.
MODELS = [Law, Chapter, Article, Guide, Question, Outcome, Step]


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_every_model_has_a_list_and_an_edit_page(admin_client, model):
    """Each kind of content has a working list and edit page in the admin."""
    meta = model._meta
    changelist = admin_client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
    assert changelist.status_code == 200
    obj = model.objects.first()
    change = admin_client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk]))
    assert change.status_code == 200


def test_articles_can_be_found_by_number_and_text(admin_client):
    """Searching the article list by number or by words of the text finds the article."""
    url = reverse("admin:statutes_article_changelist")
    by_number = admin_client.get(url, {"q": "23", "law__id__exact": Law.objects.get(slug=SIL).pk})
    assert 23 in [a.number for a in by_number.context["cl"].result_list]
    both_texts = admin_client.get(url, {"q": "23"})
    assert {a.law.slug for a in both_texts.context["cl"].result_list if a.number == 23} == {SIL, HANDLING_REGULATIONS}
    by_text = admin_client.get(url, {"q": "滞纳金"})
    assert 86 in [a.number for a in by_text.context["cl"].result_list]


def test_staff_correct_an_article_translation_and_citizens_see_it(admin_client, client):
    """Saving a corrected translation in the admin changes the article page."""
    article = Article.objects.get(law__slug=SIL, number=23)
    version = article.versions.get()
    url = reverse("admin:statutes_article_change", args=[article.pk])
    data = form_data(admin_client.get(url))
    data["versions-0-text_en"] = "Employees shall join employee basic medical insurance (corrected).\nSecond paragraph."
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    assert "(corrected)" in client.get(article.get_absolute_url().replace("/zh-hans/", "/en/")).content.decode()
    assert ArticleVersion.objects.get(pk=version.pk).text_zh == version.text_zh


def test_an_option_cannot_lead_to_both_a_question_and_an_outcome(admin_client):
    """The admin refuses an option that leads two ways, with a message that says why."""
    draft = editions.create_draft(Guide.objects.live())
    question = Question.objects.get(guide=draft, slug="flexible-lapse")
    url = reverse("admin:guidance_question_change", args=[question.pk])
    data = form_data(admin_client.get(url))
    data["options-0-next_question"] = Question.objects.get(guide=draft, slug="child-age").pk
    data["options-0-outcome"] = Outcome.objects.get(guide=draft, slug="residents").pk
    response = admin_client.post(url, data, headers={"accept-language": "en"})
    assert response.status_code == 200
    assert "leads either to a question or to an outcome" in response.content.decode()
    assert question.options.first().next_question is None


def test_citations_are_edited_on_the_step_with_an_article_search(admin_client):
    """A step's edit page lists its citations, and the article field searches articles as you type."""
    draft = editions.create_draft(Guide.objects.live())
    step = Step.objects.filter(outcome__guide=draft, citations__isnull=False).first()
    page = admin_client.get(reverse("admin:guidance_step_change", args=[step.pk])).content.decode()
    assert "citations-TOTAL_FORMS" in page
    assert "admin-autocomplete" in page
    assert Citation.objects.filter(step=step).exists()


def test_articles_can_be_filtered_by_the_result_that_cites_them(admin_client):
    """The article list narrows to the articles a chosen result page of the guide rests on."""
    url = reverse("admin:statutes_article_changelist")
    response = admin_client.get(url, {"cited_by": "employer-not-paying"})
    expected = set(
        Citation.objects.filter(
            step__outcome__slug="employer-not-paying", step__outcome__guide__status="published"
        ).values_list("article__law__slug", "article__number")
    )
    found = {(article.law.slug, article.number) for article in response.context["cl"].result_list}
    assert found == expected
    assert {(SIL, 63), (SIL, 83), (SIL, 86), (HANDLING_REGULATIONS, 28)} <= found


def test_lists_show_what_citizens_do_not_see_yet(admin_client):
    """Draft rows are marked as such, and an article version dated in the future shows as not yet in force."""
    editions.create_draft(Guide.objects.live())
    url = reverse("admin:guidance_step_changelist")
    steps = admin_client.get(url, {"edition": "all"}, headers={"accept-language": "en"})
    assert "2 · draft" in steps.content.decode() and "1 · published" in steps.content.decode()
    article = Article.objects.get(law__slug=SIL, number=23)
    version = article.versions.get()
    ArticleVersion.objects.create(article=article, effective_from="2099-01-01", text_zh=version.text_zh)
    articles = admin_client.get(reverse("admin:statutes_article_changelist"), {"q": "23"})
    assert "2099-01-01" in articles.content.decode()


@pytest.mark.parametrize("name", ["question", "outcome", "step"])
def test_lists_open_on_the_draft_edition(admin_client, name):
    """With a draft being worked on, the question, outcome and step lists show the draft's rows first;
    every edition is one click away."""
    draft = editions.create_draft(Guide.objects.live())
    url = reverse(f"admin:guidance_{name}_changelist")
    shown = admin_client.get(url).context["cl"].result_list
    editions_shown = {(row.outcome.guide_id if name == "step" else row.guide_id) for row in shown}
    assert editions_shown == {draft.pk}
    every = admin_client.get(url, {"edition": "all"}).context["cl"]
    assert every.result_count > len(shown) or every.full_result_count > len(shown)


def test_step_numbers_count_from_one():
    """Staff number steps as citizens see them: the first step of a result is step 1."""
    outcome = Guide.objects.live().outcomes.get(slug="employee")
    assert list(outcome.steps.values_list("position", flat=True))[:2] == [1, 2]
