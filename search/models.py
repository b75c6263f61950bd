"""The search index: one document per indexed object, holding how often each term occurs in it.

The index is derived data. Signals keep it current whatever changes the content (the admin, bulk
deletes, reverts, loaddata); `manage.py rebuild_search_index` rebuilds it from scratch. Staff tune
search with synonyms and everyday words, and see what people searched for and did not find.
"""

import re

import reversion
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from .text import MAX_QUERY_LENGTH, MAX_TERM_LENGTH


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


def split_words(text):
    """The words of a staff-edited list, separated by commas or lines, in lower case."""
    return [word.strip().lower() for word in SEPARATORS.split(text) if word.strip()]


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
        return split_words(self.words)


@reversion.register()
class EverydayTerm(models.Model):
    """What people type for what the site calls something else: the words of a life event (辞职, lost my
    job) lead to the site's words (失业, 灵活就业); a slip (断交, 医宝) is corrected to the site's word."""

    words = models.TextField(
        _("what people type"),
        help_text=_(
            "Separated by commas or on separate lines: the words of a life event (辞职, 离职, lost my job), "
            "everyday words (低保, 跑外卖) or slips (断交, 医宝). A phrase of several words is matched whole."
        ),
    )
    means = models.TextField(
        _("the site's words for it"),
        help_text=_(
            "The words the guide and the law use, in both languages (失业, 灵活就业人员, unemployment). A search "
            "for any word above also finds texts with those of these in its language, and with their synonyms."
        ),
    )
    is_slip = models.BooleanField(
        _("a slip"),
        default=False,
        help_text=_(
            "The words above are misspellings of the first of the site's words: the search page asks "
            "“Did you mean …?” and searches for it instead."
        ),
    )
    note = models.CharField(_("note"), max_length=200, blank=True, help_text=_("Why, for staff."))

    class Meta:
        ordering = ["pk"]
        verbose_name = _("everyday words")
        verbose_name_plural = _("everyday words and slips")

    def __str__(self):
        return f"{'、'.join(self.typed())} → {'、'.join(self.meaning())}"

    def typed(self):
        return split_words(self.words)

    def meaning(self):
        return split_words(self.means)


class SearchCount(models.Model):
    """How often a search was made in a week, as its normalised words, and how many results it had:
    anonymous counts, for staff to see what people could not find. Nothing about who searched, or when
    within the week, is kept."""

    week = models.DateField(_("week starting"), help_text=_("The Monday of the week, Beijing time."))
    words = models.CharField(_("searched for"), max_length=MAX_QUERY_LENGTH)
    results = models.PositiveIntegerField(_("results"), help_text=_("How many results the search had, last time."))
    count = models.PositiveIntegerField(_("searches"), default=0)

    class Meta:
        ordering = ["-week", "-count", "words"]
        verbose_name = _("search people made")
        verbose_name_plural = _("searches people made")
        constraints = [models.UniqueConstraint(fields=["week", "words"], name="one_count_per_week_and_words")]

    def __str__(self):
        return self.words
