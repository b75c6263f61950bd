"""The search index: one document per indexed object, holding how often each term occurs in it.

The index is derived data. Signals keep it current whatever changes the content (the admin, bulk
deletes, reverts, loaddata); `manage.py rebuild_search_index` rebuilds it from scratch. Staff tune
search with synonyms.
"""

import re

import reversion
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from .text import MAX_TERM_LENGTH


class Document(models.Model):
    """An indexed object (an article version, a guide result): which one, and the length in terms of
    its title and of its body, for ranking."""

    content_type = models.ForeignKey(ContentType, models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    title_length = models.PositiveIntegerField()
    body_length = models.PositiveIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["content_type", "object_id"], name="one_document_per_object")]

    def __str__(self):
        return f"{self.content_type.model} {self.object_id}"


class Posting(models.Model):
    """How often a term occurs in a document's title and in its body."""

    document = models.ForeignKey(Document, models.CASCADE, related_name="postings")
    term = models.CharField(max_length=MAX_TERM_LENGTH, db_index=True)
    title_count = models.PositiveIntegerField()
    body_count = models.PositiveIntegerField()

    def __str__(self):
        return self.term


SEPARATORS = re.compile(r"[,，、;；\n]+")


@reversion.register()
class Synonym(models.Model):
    """Words that mean the same to someone searching, in either language: a query with one finds texts
    with any of them."""

    words = models.TextField(
        _("words that mean the same"),
        help_text=_(
            "Separated by commas or on separate lines, for example 交, 缴, 缴纳 or retire, pension. "
            "A search for any of them finds texts with any of them."
        ),
    )
    note = models.CharField(_("note"), max_length=200, blank=True, help_text=_("Why, for staff."))

    class Meta:
        ordering = ["pk"]
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonyms")

    def __str__(self):
        return "、".join(self.group())

    def group(self):
        return [word.strip().lower() for word in SEPARATORS.split(self.words) if word.strip()]
