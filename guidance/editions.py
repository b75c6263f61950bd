"""Editions of the guide: staff change a draft copy, and publishing swaps it in for citizens at once."""

import reversion
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from search import registry as search_index

from .models import FormerName, Guide, Option, Outcome, Question, ReviewFlag
from .validation import validate


def create_draft(guide, user=None):
    """A draft copy of `guide` (usually the published edition) with every question, option,
    outcome, step, citation and practice note; or the existing draft, since there is only ever one.

    Every copied row gets a revision (by `user`), so the first edit of the draft can be undone."""
    with transaction.atomic(), reversion.create_revision(), search_index.batch():
        reversion.set_user(user)
        reversion.set_comment(f"Draft copied from edition {guide.edition}.")
        return _copy_edition(guide)


def _copy_edition(guide):
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
    flags = {}  # the published steps' open flags travel with them: the draft's copy must be checked too
    for flag in ReviewFlag.objects.filter(step__outcome__guide=guide, cleared_at__isnull=True):
        flags.setdefault(flag.step_id, []).append(flag)
    for outcome in Outcome.objects.filter(guide=guide).prefetch_related("steps__citations", "steps__practice_notes"):
        original = outcome.pk
        new_outcome = outcomes[original] = _copy(outcome, guide=draft)
        for step in new_outcome.steps.all():  # still the original's steps, prefetched
            citations, notes = list(step.citations.all()), list(step.practice_notes.all())
            step_flags = flags.get(step.pk, [])
            new_step = _copy(step, outcome=new_outcome)
            for row in citations + notes + step_flags:
                _copy(row, step=new_step)
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


def publish(draft, user=None, note=""):
    """Make `draft` the edition citizens see, in one transaction; the old one is archived.

    Refuses with a ValidationError listing every problem if the draft is not ready. The publish is a
    revision of the edition, by `user`, with `note` (what the edition changes) as its comment.
    """
    with transaction.atomic(), reversion.create_revision(), search_index.batch():
        reversion.set_user(user)
        reversion.set_comment(note or "Published.")
        return _publish(draft, user, note)


def _publish(draft, user, note):
    draft = Guide.objects.select_for_update().get(pk=draft.pk)
    if draft.status != Guide.Status.DRAFT:
        raise ValidationError("Only a draft edition can be published.")
    problems = validate(draft)
    if problems:
        raise ValidationError([problem.message for problem in problems])
    published = Guide.objects.filter(slug=draft.slug, status=Guide.Status.PUBLISHED).first()
    if published:
        record_former_names(published, draft)
        published.status = Guide.Status.ARCHIVED
        published.save(update_fields=["status"])
    draft.status = Guide.Status.PUBLISHED
    draft.published_at = timezone.now()
    draft.published_by = user
    draft.note = note or draft.note
    draft.save(update_fields=["status", "published_at", "published_by", "note"])
    return draft


def record_former_names(before, after):
    """Remember every question, result and answer name of `before` that `after` renamed or removed,
    so that links saved from `before` keep leading somewhere. Rows are matched by their `key`, which
    every edition copies."""

    def names(model, **where):
        return {row.key: row.slug for row in model.objects.filter(**where)}

    kinds = [(FormerName.Kind.QUESTION, Question), (FormerName.Kind.OUTCOME, Outcome)]
    for kind, model in kinds:
        now = names(model, guide=after)
        for key, old in names(model, guide=before).items():
            if now.get(key) != old:
                _remember(before.slug, kind, "", old, "", now.get(key, ""))

    def answers(guide):
        options = Option.objects.filter(question__guide=guide).select_related("question")
        return {option.key: (option.question.slug, option.value) for option in options}

    now = answers(after)
    for key, (question, value) in answers(before).items():
        if now.get(key) != (question, value):
            new_question, new = now.get(key, ("", ""))
            _remember(before.slug, FormerName.Kind.ANSWER, question, value, new_question, new)


def _remember(guide_slug, kind, old_question, old, new_question, new):
    """Record a rename; record a removal only when nothing better is known (the shipped guide may say
    where a removed name now leads)."""
    where = {"guide_slug": guide_slug, "kind": kind, "old_question": old_question, "old": old}
    if new:
        FormerName.objects.update_or_create(**where, defaults={"new_question": new_question, "new": new})
    else:
        FormerName.objects.get_or_create(**where)


def _copy(obj, **changes):
    obj.pk = None
    obj._state.adding = True
    for name, value in changes.items():
        setattr(obj, name, value)
    obj.save()
    return obj
