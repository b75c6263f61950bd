"""Changes to the law go through drafts: an editor starts one from an article, citizens see nothing
until a publisher publishes it, and the publish is a revision with the publisher's name and note."""

import reversion
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .models import ArticleDraft, ArticleVersion


def start(article, user, replaces=None):
    """A draft correcting the wording of `replaces` (a version of `article`), or with `replaces` None a
    new version, starting from the latest wording. An open draft of the same thing is reused, so two
    editors do not write two drafts of one change without knowing."""
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment("Draft started.")
        existing = ArticleDraft.objects.open().select_for_update().filter(article=article, replaces=replaces).first()
        if existing:
            return existing
        source = replaces or article.versions.order_by("effective_from").last()
        return ArticleDraft.objects.create(
            article=article,
            replaces=replaces,
            effective_from=replaces.effective_from if replaces else None,
            text_zh=source.text_zh if source else "",
            text_en=source.text_en if source else "",
            note=replaces.note if replaces else "",
            base_zh=replaces.text_zh if replaces else "",
            base_en=replaces.text_en if replaces else "",
            created_by=user,
        )


def publish(draft, user, note):
    """Apply `draft` to the law in one transaction: the corrected version takes the draft's wording, or
    the new version is added. Refuses with a ValidationError if the draft is not valid (any more)."""
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(note)
        draft = (
            ArticleDraft.objects.select_for_update(of=("self",)).select_related("article", "replaces").get(pk=draft.pk)
        )
        if not draft.is_open:
            raise ValidationError("This draft is already published.")
        draft.full_clean()
        version = draft.replaces or ArticleVersion(article=draft.article)
        for field in ("effective_from", "text_zh", "text_en", "note"):
            setattr(version, field, getattr(draft, field))
        version.save()
        reversion.add_to_revision(draft.article)  # the article's history shows the change, with the note
        draft.status = ArticleDraft.Status.PUBLISHED
        draft.published_by = user
        draft.published_at = timezone.now()
        draft.publish_note = note
        draft.save()
        return draft
