"""The guide told when the law under it changes: publishing a new wording of an article (a correction, or
an amendment in force now or later) flags each step of the draft and the published guide whose citation of
it now reads differently, with the cited text before and after. Staff see every open flag, and the practice
notes not checked for a year, in one list; an editor clears a flag by editing the step or confirming it.

The law knows nothing of this: the guide listens to the law's saves."""

import datetime

import reversion
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from statutes import structure
from statutes.models import ArticleVersion

from .models import Citation, Guide, PracticeNote, ReviewFlag

STALE_AFTER_DAYS = 365
LIVE = [Guide.Status.DRAFT, Guide.Status.PUBLISHED]


def remember_wording(sender, instance, raw=False, **kwargs):
    """Before a version is saved: its wording as the database holds it, to compare with after."""
    if raw or instance.pk is None:
        return
    instance._wording_before = ArticleVersion.objects.filter(pk=instance.pk).values_list("text_zh", "text_en").first()


def flag_citing_steps(sender, instance, raw=False, **kwargs):
    """After a version is saved: flag each step whose cited part of the article now reads differently from
    the wording it replaced (the same version before a correction, or the version before a new one)."""
    if raw:
        return
    before = instance.__dict__.pop("_wording_before", None)
    if before is None:
        previous = (
            ArticleVersion.objects.filter(article_id=instance.article_id, effective_from__lt=instance.effective_from)
            .order_by("-effective_from")
            .first()
        )
        if previous is None:  # an article's first wording: nothing cited it before
            return
        before = (previous.text_zh, previous.text_en)
    after = (instance.text_zh, instance.text_en)
    if before == after:
        return
    citations = Citation.objects.filter(article_id=instance.article_id, step__outcome__guide__status__in=LIVE)
    for citation in citations.select_related("step"):
        was, now = cited(before, citation), cited(after, citation)
        if was != now:
            _flag(citation, instance.effective_from, was, now)


def cited(wording, citation):
    """The part of `wording` ((Chinese, English) text) that `citation` cites, as (Chinese, English) text."""
    return tuple(
        "\n".join(
            line
            for paragraph in structure.select(structure.parse(text, language), citation.paragraph, citation.item)
            for line in (paragraph.text, *(item.text for item in paragraph.items))
        )
        for text, language in zip(wording, ("zh", "en"), strict=True)
    )


def _flag(citation, effective_from, was, now):
    """One open flag per step and cited part: a later change updates what it reads now, and keeps what the
    step was written against."""
    texts = {"after_zh": now[0], "after_en": now[1], "effective_from": effective_from}
    found = ReviewFlag.objects.filter(
        step=citation.step,
        article_id=citation.article_id,
        paragraph=citation.paragraph,
        item=citation.item,
        cleared_at__isnull=True,
    ).first()
    if found:
        ReviewFlag.objects.filter(pk=found.pk).update(**texts)
    else:
        ReviewFlag.objects.create(
            step=citation.step,
            article_id=citation.article_id,
            paragraph=citation.paragraph,
            item=citation.item,
            before_zh=was[0],
            before_en=was[1],
            **texts,
        )


def open_flags(guide=None):
    """The flags not yet cleared on steps of the draft and published guide (or of `guide`), newest first."""
    flags = ReviewFlag.objects.filter(cleared_at__isnull=True)
    flags = flags.filter(step__outcome__guide=guide) if guide else flags.filter(step__outcome__guide__status__in=LIVE)
    return flags.select_related("step__outcome__guide", "article__law")


def stale_notes(guide=None):
    """Practice notes of the draft and published guide (or of `guide`) last checked over a year ago."""
    stale = timezone.localdate() - datetime.timedelta(days=STALE_AFTER_DAYS)
    notes = PracticeNote.objects.filter(checked_on__lt=stale)
    notes = notes.filter(step__outcome__guide=guide) if guide else notes.filter(step__outcome__guide__status__in=LIVE)
    return notes.select_related("step__outcome__guide").order_by("checked_on", "pk")


def clear(flags, user, comment=None):
    """Mark `flags` checked by `user` now, as one revision with `comment` (inside an admin save, part of
    the save's revision)."""
    flags = list(flags)
    if not flags:
        return
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(comment or _("Checked against the new wording of the law."))
        for flag in flags:
            flag.cleared_at, flag.cleared_by = timezone.now(), user
            flag.save(update_fields=["cleared_at", "cleared_by"])
