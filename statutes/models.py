"""Legal texts as data: a law or regulation, its chapters and articles, and the dated text versions of each
article.

An article's identity (text + number) is what the guide cites; its wording lives in versions, so
an amendment adds a version instead of changing what earlier citations meant. Another legal text is
another row, loaded from `statutes/data/texts.json`.
"""

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from insurance_site.content import Bilingual
from insurance_site.links import address

from . import structure
from .numbering import article_label, article_range, chapter_heading

# The law this site is about; the guide's citations and the site's navigation point to it first.
SOCIAL_INSURANCE_LAW = "social-insurance-law"
HANDLING_REGULATIONS = "social-insurance-handling-regulations"


@reversion.register(follow=["versions"])
class Law(models.Model):
    """A legal text the site carries: a law, an administrative regulation, a national policy document."""

    slug = models.SlugField(_("URL name"), unique=True, help_text=_("Used in the text's web address."))
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Where the text is listed among the legal texts.")
    )
    title_zh = models.CharField(_("title (Chinese)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    short_title_zh = models.CharField(
        _("short title (Chinese)"), max_length=100, help_text=_("Used in citations, e.g. 社会保险法.")
    )
    short_title_en = models.CharField(
        _("short title (English)"), max_length=100, help_text=_("Used in citations, e.g. Social Insurance Law.")
    )
    kind_zh = models.CharField(_("kind (Chinese)"), max_length=100, help_text=_("e.g. 法律, 行政法规."))
    kind_en = models.CharField(_("kind (English)"), max_length=100, help_text=_("e.g. law, administrative regulation."))
    issuer_zh = models.CharField(_("issued by (Chinese)"), max_length=200)
    issuer_en = models.CharField(_("issued by (English)"), max_length=200)
    aliases = models.TextField(
        _("other names"),
        blank=True,
        help_text=_("Names people also use for this text when they cite it, one per line, e.g. 经办条例, Regulations."),
    )

    title = Bilingual("title")
    short_title = Bilingual("short_title")
    kind = Bilingual("kind")
    issuer = Bilingual("issuer")

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("legal text")
        verbose_name_plural = _("legal texts")

    def __str__(self):
        return self.title_zh

    def get_absolute_url(self):
        return address("statutes:law", law=self.slug)

    def names(self):
        """Every name a citation may use for this text, longest first."""
        names = [self.title_zh, self.title_en, self.short_title_zh, self.short_title_en, *self.aliases.splitlines()]
        return sorted({name.strip() for name in names if name.strip()}, key=len, reverse=True)

    def in_force_from(self):
        """The day the law first took effect (reads prefetched versions when there are any)."""
        return min((version.effective_from for version in self.versions.all()), default=None)


@reversion.register()
class LawVersion(models.Model):
    """An enactment or amendment of the law as a whole, for its history."""

    law = models.ForeignKey(Law, models.CASCADE, related_name="versions", verbose_name=_("law"))
    label_zh = models.CharField(_("label (Chinese)"), max_length=100, help_text=_("e.g. 2018年修正"))
    label_en = models.CharField(_("label (English)"), max_length=100, help_text=_("e.g. 2018 amendment"))
    adopted_on = models.DateField(_("adopted on"))
    effective_from = models.DateField(_("in force from"))
    instrument = models.TextField(_("instrument"), blank=True, help_text=_("The order or decision that made it law."))

    label = Bilingual("label")

    class Meta:
        ordering = ["law", "effective_from"]
        verbose_name = _("version of the law")
        verbose_name_plural = _("versions of the law")

    def __str__(self):
        return f"{self.law} ({self.label_zh})"


@reversion.register()
class Chapter(models.Model):
    law = models.ForeignKey(Law, models.CASCADE, related_name="chapters", verbose_name=_("law"))
    number = models.PositiveSmallIntegerField(_("number"))
    title_zh = models.CharField(_("title (Chinese)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)

    title = Bilingual("title")

    class Meta:
        ordering = ["law", "number"]
        constraints = [
            models.UniqueConstraint(fields=["law", "number"], name="unique_chapter_number"),
        ]
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")

    def __str__(self):
        return f"{self.number}. {self.title_zh}"

    def get_absolute_url(self):
        return address("statutes:chapter", law=self.law.slug, number=self.number)

    @property
    def heading(self):
        return chapter_heading(self.number, self.title)

    def article_range(self):
        """The chapter's first and last article, from its prefetched articles."""
        numbers = [article.number for article in self.articles.all()]
        return article_range(min(numbers), max(numbers)) if numbers else ""


class ArticleQuerySet(models.QuerySet):
    def with_versions(self):
        """Articles with their chapter and every text version, in two queries however many."""
        return self.select_related("law", "chapter").prefetch_related("versions")


@reversion.register(follow=["versions"])
class Article(models.Model):
    law = models.ForeignKey(Law, models.CASCADE, related_name="articles", verbose_name=_("law"))
    chapter = models.ForeignKey(Chapter, models.PROTECT, related_name="articles", verbose_name=_("chapter"))
    number = models.PositiveSmallIntegerField(_("number"), help_text=_("The article number in the law, e.g. 23."))

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["law", "number"]
        constraints = [
            models.UniqueConstraint(fields=["law", "number"], name="unique_article_number"),
        ]
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def __str__(self):
        return f"{self.law.short_title_zh} 第{self.number}条"

    def get_absolute_url(self):
        return address("statutes:article", law=self.law.slug, number=self.number)

    @property
    def label(self):
        return article_label(self.number)

    def version_on(self, date=None, versions=None):
        """The text in force on `date` (today by default), or None before the article existed.

        Reads the prefetched versions when there are any, so listing many articles stays cheap; or
        `versions`, to see the article as a draft would make it.
        """
        date = date or timezone.localdate()
        in_force = [v for v in (self.versions.all() if versions is None else versions) if v.effective_from <= date]
        return max(in_force, key=lambda v: v.effective_from, default=None)


class ArticleVersionQuerySet(models.QuerySet):
    def in_force(self, on=None):
        """Versions that have taken effect by `on` (today by default); the latest per article wins."""
        return self.filter(effective_from__lte=on or timezone.localdate())

    def current(self, on=None):
        """Each article's wording in force on `on` (today by default): its latest version in force."""
        return self.in_force(on).filter(pk=Subquery(self._latest(OuterRef("article"), on).values("pk")[:1]))

    def wording(self, article, language, on=None):
        """For `annotate`: the text in `language` ("zh" or "en") in force on `on` (today by default) of the
        article `article` names (an `OuterRef`), or None before the article existed."""
        return Subquery(self._latest(article, on).values(f"text_{language}")[:1])

    def _latest(self, article, on):
        return self.model._default_manager.in_force(on).filter(article=article).order_by("-effective_from")


class ArticleWording(models.Model):
    """The wording of an article from a date: what a version holds, and what a draft proposes."""

    effective_from = models.DateField(
        _("in force from"),
        help_text=_("The text applies from this date until a later version takes effect."),
    )
    text_zh = models.TextField(
        _("official text (Chinese)"),
        help_text=_(
            "The official text, verbatim. One paragraph (款) or item (项) per line; items start with （一）, （二）…"
        ),
    )
    text_en = models.TextField(
        _("reference translation (English)"),
        blank=True,
        help_text=_(
            "The site's own unofficial translation, line for line with the Chinese; items start with (1), (2)…"
        ),
    )
    note = models.TextField(_("note"), blank=True, help_text=_("What changed in this version, for staff."))

    class Meta:
        abstract = True

    def clean(self):
        english = self.paragraphs_en
        if english and structure.shape(english) != structure.shape(self.paragraphs_zh):
            raise ValidationError(
                {
                    "text_en": _(
                        "The translation must have the same paragraphs and items as the Chinese text: "
                        "one line for each, items starting with (1), (2)…"
                    )
                }
            )

    @property
    def paragraphs_zh(self):
        """The official text's paragraphs (款), each with its items (项)."""
        return structure.parse(self.text_zh, "zh")

    @property
    def paragraphs_en(self):
        return structure.parse(self.text_en, "en")


@reversion.register()
class ArticleVersion(ArticleWording):
    article = models.ForeignKey(Article, models.CASCADE, related_name="versions", verbose_name=_("article"))

    objects = ArticleVersionQuerySet.as_manager()

    class Meta:
        ordering = ["article", "effective_from"]
        constraints = [
            models.UniqueConstraint(fields=["article", "effective_from"], name="one_version_per_date"),
        ]
        get_latest_by = "effective_from"
        verbose_name = _("article version")
        verbose_name_plural = _("article versions")

    def __str__(self):
        return f"{self.article} ({self.effective_from:%Y-%m-%d})"

    def get_absolute_url(self):
        return self.article.get_absolute_url()


class ArticleDraftQuerySet(models.QuerySet):
    def open(self):
        """Drafts not yet published: what an editor is working on, or what waits for a publisher."""
        return self.exclude(status=ArticleDraft.Status.PUBLISHED)


@reversion.register()
class ArticleDraft(ArticleWording):
    """A change to an article that citizens do not see until a publisher publishes it: a corrected
    wording of one of its versions, or a new (possibly scheduled) version."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        READY = "ready", _("ready for review")
        PUBLISHED = "published", _("published")

    article = models.ForeignKey(Article, models.CASCADE, related_name="drafts", verbose_name=_("article"))
    effective_from = models.DateField(
        _("in force from"),
        null=True,  # a new version's date is chosen by the editor; publishing requires it
        help_text=_("The text applies from this date until a later version takes effect. A future date schedules it."),
    )
    replaces = models.ForeignKey(
        ArticleVersion,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="drafts",
        verbose_name=_("corrects"),
        help_text=_("The version whose wording this draft corrects; empty for a new version."),
    )
    # The corrected version's wording when the draft was started: publishing after someone else
    # changed that wording would undo their change, so the publisher is told.
    base_zh = models.TextField(blank=True, editable=False)
    base_en = models.TextField(blank=True, editable=False)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("started by")
    )
    created_at = models.DateTimeField(_("started at"), default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    publish_note = models.TextField(_("change note"), blank=True)

    objects = ArticleDraftQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        permissions = [("publish_articledraft", _("Can publish a draft of an article"))]
        verbose_name = _("article draft")
        verbose_name_plural = _("article drafts")

    def __str__(self):
        if self.replaces_id:
            return _("%(article)s: correction of the text from %(date)s") % {
                "article": self.article,
                "date": f"{self.replaces.effective_from:%Y-%m-%d}",
            }
        return _("%(article)s: new version from %(date)s") % {
            "article": self.article,
            "date": f"{self.effective_from:%Y-%m-%d}" if self.effective_from else "…",
        }

    @property
    def is_open(self):
        return self.status != self.Status.PUBLISHED

    def clean(self):
        super().clean()
        if self.effective_from and self.article_id:
            taken = ArticleVersion.objects.filter(article_id=self.article_id, effective_from=self.effective_from)
            if taken.exclude(pk=self.replaces_id).exists():
                raise ValidationError(
                    {
                        "effective_from": _(
                            "The article already has a version in force from this date: correct that one."
                        )
                    }
                )

    def current(self):
        """The wording citizens see now in the draft's place: the corrected version, or for a new
        version the one it follows (an unsaved empty wording when there is none)."""
        if self.replaces_id:
            return self.replaces
        earlier = self.article.versions.filter(effective_from__lt=self.effective_from or timezone.localdate())
        return earlier.order_by("effective_from").last() or ArticleVersion(article=self.article, text_zh="", text_en="")

    def changed_meanwhile(self):
        """Whether the corrected version's wording changed after this draft was started."""
        return bool(self.replaces_id) and (self.replaces.text_zh, self.replaces.text_en) != (self.base_zh, self.base_en)

    def as_version(self):
        """The draft as the version it will become (unsaved), to preview it."""
        version = ArticleVersion(article=self.article, pk=self.replaces_id)
        for field in ("effective_from", "text_zh", "text_en", "note"):
            setattr(version, field, getattr(self, field))
        return version
