"""Editions of the guide: staff change a draft copy, and publishing swaps it in for citizens at once."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from .models import Guide, Option, Outcome, Question
from .validation import validate


@transaction.atomic
def create_draft(guide):
    """A draft copy of `guide` (usually the published edition) with every question, option,
    outcome, step and citation; or the existing draft, since there is only ever one."""
    existing = Guide.objects.select_for_update().filter(slug=guide.slug, status=Guide.Status.DRAFT).first()
    if existing:
        return existing
    latest = Guide.objects.filter(slug=guide.slug).aggregate(latest=Max("edition"))["latest"] or 0
    draft = Guide.objects.create(
        slug=guide.slug, edition=latest + 1, status=Guide.Status.DRAFT, title_zh=guide.title_zh, title_en=guide.title_en
    )
    questions = {}
    for question in Question.objects.filter(guide=guide):
        original = question.pk
        questions[original] = _copy(question, guide=draft)
    outcomes = {}
    for outcome in Outcome.objects.filter(guide=guide).prefetch_related("steps__citations"):
        original = outcome.pk
        new_outcome = outcomes[original] = _copy(outcome, guide=draft)
        for step in new_outcome.steps.all():  # still the original's steps, prefetched
            citations = list(step.citations.all())
            new_step = _copy(step, outcome=new_outcome)
            for citation in citations:
                _copy(citation, step=new_step)
    for option in list(Option.objects.filter(question__guide=guide)):
        _copy(
            option,
            question=questions[option.question_id],
            next_question=questions.get(option.next_question_id),
            outcome=outcomes.get(option.outcome_id),
        )
    draft.start = questions.get(guide.start_id)
    draft.save(update_fields=["start"])
    return draft


@transaction.atomic
def publish(draft, user=None):
    """Make `draft` the edition citizens see, in one transaction; the old one is archived.

    Refuses with a ValidationError listing every problem if the draft is not ready.
    """
    draft = Guide.objects.select_for_update().get(pk=draft.pk)
    if draft.status != Guide.Status.DRAFT:
        raise ValidationError("Only a draft edition can be published.")
    problems = validate(draft)
    if problems:
        raise ValidationError([problem.message for problem in problems])
    Guide.objects.filter(slug=draft.slug, status=Guide.Status.PUBLISHED).update(status=Guide.Status.ARCHIVED)
    draft.status = Guide.Status.PUBLISHED
    draft.published_at = timezone.now()
    draft.published_by = user
    draft.save(update_fields=["status", "published_at", "published_by"])
    return draft


def _copy(obj, **changes):
    obj.pk = None
    obj._state.adding = True
    for name, value in changes.items():
        setattr(obj, name, value)
    obj.save()
    return obj
