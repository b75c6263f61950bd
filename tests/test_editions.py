"""Draft and publish: staff change a draft edition; citizens see only the published one."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from reversion.models import Version

from guidance import editions
from guidance.models import Citation, Guide, Option, Outcome, PracticeNote, Question, Step
from guidance.validation import validate
from statutes.models import SOCIAL_INSURANCE_LAW as SIL
from statutes.models import Article

from .admin_forms import form_data

pytestmark = [pytest.mark.django_db, pytest.mark.every_database]

RESULT = "/en/guide/result/residents/?situation=resident&resident-lapse=no"
PREVIEW = "/en/preview/guide/result/residents/?situation=resident&resident-lapse=no"


@pytest.fixture
def draft():
    return editions.create_draft(Guide.objects.live())


def staff(role):
    user = User.objects.create_user(f"{role.lower()}-user", password="a-long-password-1", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


def change_first_step(draft, title="Pay before 31 December"):
    step = Step.objects.filter(outcome__guide=draft, outcome__slug="residents").order_by("position").first()
    step.title_en = title
    step.save()
    return step


def test_a_draft_is_a_full_copy_of_the_published_edition(draft):
    """The draft has its own copy of every question, option, outcome, step and citation."""
    live = Guide.objects.live()
    for model, lookup in [
        (Question, "guide"),
        (Outcome, "guide"),
        (Option, "question__guide"),
        (Step, "outcome__guide"),
        (Citation, "step__outcome__guide"),
        (PracticeNote, "step__outcome__guide"),
    ]:
        assert model.objects.filter(**{lookup: draft}).count() == model.objects.filter(**{lookup: live}).count() > 0
    assert draft.start.guide == draft and draft.edition == live.edition + 1
    assert validate(draft) == []


def test_there_is_only_ever_one_draft(draft):
    """Asking for a draft again returns the one being worked on."""
    assert editions.create_draft(Guide.objects.live()) == draft


def test_citizens_do_not_see_draft_changes_until_published(client, draft):
    """A changed step stays invisible on the public page until the draft is published."""
    change_first_step(draft)
    assert "Pay before 31 December" not in client.get(RESULT).content.decode()
    editions.publish(draft)
    assert "Pay before 31 December" in client.get(RESULT).content.decode()
    assert Guide.objects.live() == draft
    assert Guide.objects.filter(status="archived").count() == 1


def test_staff_preview_the_draft_exactly_as_citizens_will_see_it(client, draft):
    """The preview shows the draft's change on the same page citizens will see, with links kept inside it."""
    change_first_step(draft)
    client.force_login(staff("Editors"))
    html = client.get(PREVIEW).content.decode()
    assert "Pay before 31 December" in html
    assert "Preview of the draft edition" in html
    assert 'href="/en/preview/guide/question/situation/?situation=resident"' in html


def test_the_preview_is_not_for_citizens(client, draft):
    """Without a staff account the preview does not exist."""
    assert client.get(PREVIEW).status_code == 404


def test_publishing_a_broken_draft_is_refused_with_reasons(draft):
    """A step resting on nothing and an untranslated question stop the publish, each named."""
    steps = Step.objects.filter(outcome__guide=draft, outcome__slug="residents")
    Citation.objects.filter(step__in=steps).delete()
    PracticeNote.objects.filter(step__in=steps).delete()
    Question.objects.filter(guide=draft, slug="flexible-lapse").update(text_en="")
    with pytest.raises(ValidationError) as refused:
        editions.publish(draft)
    messages = " ".join(refused.value.messages)
    assert "cites no legal text and has no practice note" in messages
    assert "no English" in messages
    assert Guide.objects.live() != draft


@pytest.mark.parametrize(
    ("break_it", "message"),
    [
        (
            lambda d: Option.objects.filter(question__guide=d, question__slug="situation", value="child").delete(),
            "No answer leads to the question “child-age”",
        ),
        (
            lambda d: Option.objects.filter(question__guide=d, question__slug="flexible-lapse", value="no").update(
                outcome=None, next_question=Question.objects.get(guide=d, slug="flexible-scheme")
            ),
            "back to itself",
        ),
        (lambda d: Option.objects.filter(question__guide=d, question__slug="child-age").delete(), "has no options"),
        (
            lambda d: Outcome.objects.create(
                guide=d, slug="orphan", title_zh="孤立", title_en="Orphan", summary_zh="无", summary_en="None"
            ),
            "No answer leads to the outcome “orphan”",
        ),
    ],
)
def test_flow_problems_stop_a_publish(draft, break_it, message):
    """Unreachable questions and outcomes, loops and questions without options are found before publishing."""
    break_it(draft)
    assert any(message in problem.message for problem in validate(draft))


def test_a_citation_of_an_article_not_in_force_stops_a_publish(draft):
    """Citing an article whose only text takes effect in the future is refused."""
    article = Article.objects.get(law__slug=SIL, number=23)
    future = article.versions.get()
    future.effective_from = future.effective_from.replace(year=2099)
    future.save()
    assert any("not in force today" in problem.message for problem in validate(draft))


def test_a_published_edition_cannot_be_changed_in_the_admin(client):
    """Published rows are read-only in the admin: the change page offers no Save button."""
    client.force_login(staff("Publishers"))
    question = Question.objects.get(guide=Guide.objects.live(), slug="situation")
    page = client.get(f"/admin/guidance/question/{question.pk}/change/").content.decode()
    assert 'name="_save"' not in page


def test_publishers_publish_from_the_admin_and_editors_cannot(client, draft):
    """The Publish button works for Publishers; for Editors the publish request is refused."""
    client.force_login(staff("Editors"))
    confirmed = {"note": "Clearer wording.", "confirm": "on"}
    assert client.post(f"/admin/guidance/guide/{draft.pk}/publish/", confirmed).status_code == 403
    assert Guide.objects.live() != draft
    client.force_login(staff("Publishers"))
    response = client.post(f"/admin/guidance/guide/{draft.pk}/publish/", confirmed)
    assert response.status_code == 302
    assert Guide.objects.live() == draft


def test_an_editor_marks_a_draft_ready_and_publishers_see_who_and_when(client, draft):
    editor = staff("Editors")
    client.force_login(editor)
    page = client.get(f"/admin/guidance/guide/{draft.pk}/change/", headers={"accept-language": "en"})
    assert "Only a publisher can publish this draft" in page.content.decode()
    client.post(f"/admin/guidance/guide/{draft.pk}/ready/")
    draft.refresh_from_db()
    assert draft.ready_by == editor and draft.ready_at is not None
    client.force_login(staff("Publishers"))
    page = client.get(f"/admin/guidance/guide/{draft.pk}/change/", headers={"accept-language": "en"})
    when = f"{timezone.localtime(draft.ready_at):%Y-%m-%d %H:%M:%S}"
    assert f"Marked ready for review by editors-user at {when}" in page.content.decode()


def test_the_publisher_sees_what_changes_and_must_say_why(admin_client, draft):
    """Before publishing, the page lists each change as a word diff; without a note and a confirmation
    nothing is published; the publish is recorded with who, when and the note."""
    change_first_step(draft, "Pay before the end of December")
    Question.objects.filter(guide=draft, slug="child-age").update(slug="child-or-baby")
    Citation.objects.filter(step__outcome__guide=draft, step__outcome__slug="newborn").first().delete()
    url = f"/admin/guidance/guide/{draft.pk}/publish/"
    page = admin_client.get(url, headers={"accept-language": "en"})
    described = {change.what: change for change in page.context["changes"]}
    assert any("Pay before the end of December" in what for what in described)
    added = '<ins><span class="visually-hidden" lang="en">added: </span>Pay before the end of December</ins>'
    assert added in page.content.decode()
    assert described["Question “child-or-baby”"].kind == "changed"
    assert any(name == "citations" for change in page.context["changes"] for name, _runs in change.fields)
    refused = admin_client.post(url, {"note": "", "confirm": ""}, headers={"accept-language": "en"})
    assert refused.status_code == 200 and Guide.objects.live() != draft
    assert "Say what this changes" in refused.content.decode()
    admin_client.post(url, {"note": "A clearer first step.", "confirm": "on"})
    published = Guide.objects.live()
    assert published == draft and published.note == "A clearer first step."
    revision = Version.objects.get_for_object(published).first().revision
    assert revision.comment == "A clearer first step." and revision.user.username == "admin"


def test_the_flow_map_marks_the_problem_of_a_broken_draft(admin_client, draft):
    """The flow map draws every question and outcome and highlights the box with the problem."""
    Option.objects.filter(question__guide=draft, question__slug="child-age").delete()
    url = f"/admin/guidance/guide/{draft.pk}/flow-map/"
    page = admin_client.get(url, headers={"accept-language": "en"}).content.decode()
    assert page.count("<rect") == 8 + 14
    # child-age has no options left, so the two outcomes only it led to are unreachable too
    assert page.count('stroke="#b1120f"') == 3
    assert "question · child-age · problem" in page
    assert "The question “child-age” has no options." in page


def test_view_on_site_opens_the_page_with_answers_that_lead_there(draft):
    """'View on site' for a draft outcome opens the staff preview of that result, answers filled in."""
    outcome = Outcome.objects.get(guide=draft, slug="flexible-employee")
    live_question = Question.objects.get(guide=Guide.objects.live(), slug="flexible-lapse")
    with translation.override("zh-hans"):
        outcome_url, question_url = outcome.get_absolute_url(), live_question.get_absolute_url()
    assert outcome_url == (
        "/zh-hans/preview/guide/result/flexible-employee/"
        "?situation=flexible&flexible-scheme=employee-insurance&flexible-lapse=no"
    )
    assert (
        question_url == "/zh-hans/guide/question/flexible-lapse/?situation=flexible&flexible-scheme=employee-insurance"
    )


def test_saving_into_an_edition_published_meanwhile_keeps_the_text(admin_client, draft):
    """An editor saves a step of the draft after a publisher published it: the page explains, shows the typed
    text, and one button carries it into a new draft's copy of the step."""
    step = Step.objects.filter(outcome__guide=draft).order_by("pk").first()
    url = f"/admin/guidance/step/{step.pk}/change/"
    data = form_data(admin_client.get(url))
    editions.publish(draft)  # meanwhile
    data["title_en"] = "Typed while it was being published"
    refused = admin_client.post(url, data, headers={"accept-language": "en"})
    assert refused.status_code == 409
    html = refused.content.decode()
    assert "published this edition while you were editing" in html
    assert "Typed while it was being published" in html
    carried = admin_client.post(
        refused.context["carry_url"], {"title_en": data["title_en"], "body_en": data["body_en"]}
    )
    following = Guide.objects.draft()
    copy = Step.objects.get(outcome__guide=following, key=step.key)
    assert carried["Location"] == f"/admin/guidance/step/{copy.pk}/change/"
    assert copy.title_en == "Typed while it was being published"
    step.refresh_from_db()
    assert step.title_en != "Typed while it was being published", "the published edition is untouched"
