"""An option leads only within its own edition: the admin offers nothing else, validation refuses it, the
pre-publish check names it and the database rejects it; so "Create a draft" always works."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import translation

from guidance import editions
from guidance.models import Guide, Option, Outcome, Question
from guidance.validation import validate

pytestmark = [pytest.mark.django_db, pytest.mark.every_database]


@pytest.fixture
def draft():
    return editions.create_draft(Guide.objects.live())


def test_the_add_page_offers_only_the_drafts_questions_and_outcomes(admin_client, draft):
    """Adding a question offers its options only the draft's questions and outcomes, never another edition's."""
    page = admin_client.get(reverse("admin:guidance_question_add"))
    form = page.context["inline_admin_formsets"][0].formset.empty_form
    assert set(form.fields["next_question"].queryset) == set(Question.objects.filter(guide=draft))
    assert set(form.fields["outcome"].queryset) == set(Outcome.objects.filter(guide=draft))


def test_validation_refuses_a_link_into_another_edition(draft):
    """An option of the draft pointing at the published edition's outcome does not validate."""
    option = Option.objects.filter(question__guide=draft, outcome__isnull=False).first()
    option.outcome = Outcome.objects.get(guide=Guide.objects.live(), slug=option.outcome.slug)
    with translation.override("en"), pytest.raises(ValidationError, match="of its own edition"):
        option.full_clean()


def test_the_database_refuses_a_link_into_another_edition(draft):
    """Even a write that skips validation is refused by the database."""
    option = Option.objects.filter(question__guide=draft, outcome__isnull=False).first()
    elsewhere = Outcome.objects.get(guide=Guide.objects.live(), slug=option.outcome.slug)
    with pytest.raises(IntegrityError), transaction.atomic():
        Option.objects.filter(pk=option.pk).update(outcome=elsewhere)


def test_the_pre_publish_check_names_a_link_into_another_edition(draft):
    """Were such a link ever in the database, publishing would be refused and the option named."""
    with connection.cursor() as cursor:  # undone with the test's transaction
        if connection.vendor == "postgresql":
            cursor.execute("DROP TRIGGER guidance_option_same_edition ON guidance_option")
        else:
            cursor.execute("DROP TRIGGER guidance_option_same_edition_update")
    option = Option.objects.filter(question__guide=draft, outcome__isnull=False).first()
    Option.objects.filter(pk=option.pk).update(
        outcome=Outcome.objects.get(guide=Guide.objects.live(), slug=option.outcome.slug)
    )
    with translation.override("en"):
        messages = [problem.message for problem in validate(draft)]
    assert f"The option “{option}” leads to another edition's question or outcome." in messages


def test_a_draft_can_be_made_after_every_kind_of_change(draft):
    """After renaming, adding, re-pointing and removing, publishing and creating the next draft both work."""
    Question.objects.filter(guide=draft, slug="child-age").update(slug="child-or-newborn")
    Outcome.objects.filter(guide=draft, slug="newborn").update(title_en="A baby")
    situation = Question.objects.get(guide=draft, slug="situation")
    Option.objects.filter(question=situation, value="unemployment-benefits").update(
        outcome=Outcome.objects.get(guide=draft, slug="which-scheme")
    )
    Outcome.objects.filter(guide=draft, slug="unemployment-benefits").delete()
    editions.publish(draft)
    following = editions.create_draft(Guide.objects.live())
    assert following.is_draft and validate(following) == []
    assert Question.objects.filter(guide=following, slug="child-or-newborn").exists()
