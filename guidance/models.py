"""The guide as data: questions, their options, where each option leads, and the outcomes.

Staff edit these rows; `guidance.flow` walks them. Each outcome is defined once, and an option
leads either to another question or to an outcome.
"""

import uuid
from dataclasses import dataclass
from urllib.parse import urlencode

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from caching import local
from insurance_site.content import Bilingual, is_english, lines
from insurance_site.links import address
from statutes import comparison, structure
from statutes.models import Article, ArticleVersion
from statutes.numbering import article_label

from . import flow

GUIDE_SLUG = "pay-medical-insurance"
# Keys of the questions, results and answers of the guide shipped with the site derive from their names,
# so that every shipped version, and the editions made from it, agree on what is the same row.
SHIPPED_KEYS = uuid.UUID("6f1f0a52-3b7e-4c1e-9a51-0d2f1a9c7e10")


def shipped_key(guide_slug, kind, name):
    return uuid.uuid5(SHIPPED_KEYS, f"{guide_slug}:{kind}:{name}")


@dataclass(frozen=True)
class LoadedFlow:
    """The walkable graph, and each question with its options (`question.choices`) for display."""

    graph: flow.Graph
    questions: dict

    def result_urls(self):
        """Each reachable outcome's result page, with the fewest answers that lead there."""
        routes = flow.routes_to_outcomes(self.graph)
        return {slug: node_url(flow.Node(flow.OUTCOME, slug), answers) for slug, answers in routes.items()}

    def url_of(self, node, current_app=None):
        """The page of a question or outcome with the fewest answers that lead there; without answers
        (it cannot be reached yet) the page sends the visitor to the right question."""
        return node_url(node, flow.routes(self.graph).get(node, ()), current_app)


def node_url(node, answers, current_app=None):
    """The page of a question or result, with the answers that lead to it in the query string.

    `current_app` keeps staff previewing a draft inside the preview.
    """
    name = "guidance:question" if node.kind == flow.QUESTION else "guidance:result"
    return with_answers(address(name, current_app=current_app, slug=node.slug), answers)


def with_answers(url, answers):
    """`url` with the answers given so far, ((question slug, value), ...), in its query string."""
    return f"{url}?{urlencode(answers)}" if answers else url


class GuideQuerySet(models.QuerySet):
    def live(self, slug=GUIDE_SLUG):
        """The published edition citizens see, or None; on a public page, read once for each content version
        in each process."""

        def published():
            return self.select_related("start").filter(slug=slug, status=Guide.Status.PUBLISHED).first()

        return local.kept(("live guide", slug), published)

    def draft(self, slug=GUIDE_SLUG):
        """The edition staff are working on, or None."""
        return self.select_related("start").filter(slug=slug, status=Guide.Status.DRAFT).first()


@reversion.register()
class Guide(models.Model):
    """One edition of the guide. Staff edit a draft edition; publishing it replaces the live one."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")
        ARCHIVED = "archived", _("archived")

    slug = models.SlugField(_("URL name"))
    edition = models.PositiveIntegerField(_("edition"), default=1)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    ready_at = models.DateTimeField(_("ready for review since"), null=True, blank=True)
    ready_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("marked ready by"),
    )
    note = models.TextField(_("what changed"), blank=True, help_text=_("For staff: what this edition changes."))
    shipped_version = models.PositiveIntegerField(
        _("shipped content version"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The version of the guide shipped with the site that this edition was loaded from."),
    )
    title_zh = models.CharField(_("title (Chinese)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    start = models.ForeignKey(
        "Question",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("first question"),
        help_text=_("The question the guide asks first."),
    )

    title = Bilingual("title")

    objects = GuideQuerySet.as_manager()

    class Meta:
        ordering = ["slug", "-edition"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "edition"], name="unique_guide_edition"),
            models.UniqueConstraint(fields=["slug"], condition=Q(status="published"), name="one_published_edition"),
            models.UniqueConstraint(fields=["slug"], condition=Q(status="draft"), name="one_draft_edition"),
        ]
        permissions = [("publish_guide", _("Can publish a draft edition of the guide"))]
        verbose_name = _("guide edition")
        verbose_name_plural = _("guide editions")

    def __str__(self):
        return f"{self.title_zh}（{self.edition}，{self.get_status_display()}）"

    def get_absolute_url(self):
        return reverse("guidance:start", current_app=self.url_namespace)

    @property
    def is_draft(self):
        return self.status == self.Status.DRAFT

    @property
    def url_namespace(self):
        """Drafts are seen in the staff preview; other editions where citizens see them."""
        return "guidance-preview" if self.is_draft else "guidance"

    def load_flow(self):
        """The guide's questions and options in one query, with the graph `guidance.flow` walks; on a public
        page, read once for each content version in each process."""
        return local.kept(("flow", self.pk), self._read_flow)

    def _read_flow(self):
        options = (
            _options(question__guide_id=self.pk)
            .select_related("question")
            .annotate(next_question_slug=F("next_question__slug"), outcome_slug=F("outcome__slug"))
        )
        questions = {}
        routes = {}
        for option in options:
            slug = option.question.slug
            if slug not in questions:
                questions[slug] = option.question
                questions[slug].choices = []
            questions[slug].choices.append(option)
            routes.setdefault(slug, {})[option.value] = _leads_to(option.next_question_slug, option.outcome_slug)
        start = self.start.slug if self.start else None
        return LoadedFlow(graph=flow.Graph(start=start, questions=routes), questions=questions)


def published_graph(guide_slug, outcome_fields=()):
    """The published edition's walkable graph, for finding the answers that lead somewhere without showing
    the questions; and {outcome id: {"slug": …, field: value}} of `outcome_fields` for each outcome an
    option leads to. From one light query."""
    options = list(
        _options(question__guide__slug=guide_slug, question__guide__status=Guide.Status.PUBLISHED).values_list(
            "question__guide__start__slug",
            "question__slug",
            "value",
            "next_question__slug",
            "outcome_id",
            "outcome__slug",
            *(f"outcome__{name}" for name in outcome_fields),
        )
    )
    routes, outcomes = {}, {}
    for _start, question, value, next_question, outcome_id, outcome, *fields in options:
        routes.setdefault(question, {})[value] = _leads_to(next_question, outcome)
        if outcome_id:
            outcomes[outcome_id] = {"slug": outcome, **dict(zip(outcome_fields, fields, strict=True))}
    start = options[0][0] if options else None
    return flow.Graph(start=start, questions=routes), outcomes


def _options(**guide):
    """A guide's options (`guide` filters them: `question__guide_id=…`), question by question in their
    order (the default order would join the guide only to sort by it)."""
    return Option.objects.filter(**guide).order_by("question_id", "position", "id")


def _leads_to(next_question, outcome):
    """Where an option leads: its next question's or outcome's slug as a node of the graph."""
    return flow.Node(flow.QUESTION, next_question) if next_question else flow.Node(flow.OUTCOME, outcome)


@reversion.register(follow=["options"])
class Question(models.Model):
    guide = models.ForeignKey(Guide, models.CASCADE, related_name="questions", verbose_name=_("guide"))
    key = models.UUIDField(
        _("identity"), default=uuid.uuid4, editable=False, help_text=_("The same in every edition, to follow renames.")
    )
    slug = models.SlugField(
        _("URL name"), help_text=_("Names the answer in web addresses; changing it breaks saved links.")
    )
    text_zh = models.CharField(_("question (Chinese)"), max_length=200)
    text_en = models.CharField(_("question (English)"), max_length=200)
    hint_zh = models.TextField(_("hint (Chinese)"), blank=True)
    hint_en = models.TextField(_("hint (English)"), blank=True)

    text = Bilingual("text")
    hint = Bilingual("hint")

    class Meta:
        ordering = ["guide", "id"]
        constraints = [models.UniqueConstraint(fields=["guide", "slug"], name="unique_question_slug")]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.text_zh

    def get_absolute_url(self):
        return self.guide.load_flow().url_of(flow.Node(flow.QUESTION, self.slug), self.guide.url_namespace)


class OutcomeQuerySet(models.QuerySet):
    def shown(self, guide, slug):
        """A guide's outcome with what its result page and counter card show, or None: its steps, each with
        its citations (the article, its law and the wording in force today) and practice notes, in four
        queries; on a public page, read once for each content version in each process."""
        return local.kept(("outcome", guide.pk, slug), lambda: self._shown().filter(guide=guide, slug=slug).first())

    def _shown(self):
        # Each list in the order of its own rows (position), not its parent's: the models' default order would
        # join the parents' tables again only to sort by them. The keys (which follow rows across editions)
        # are not shown.
        in_order = ("position", "id")
        wording = ArticleVersion.objects.wording
        citations = (
            Citation.objects.order_by(*in_order)
            .select_related("article__law")
            .annotate(wording_zh=wording(OuterRef("article"), "zh"), wording_en=wording(OuterRef("article"), "en"))
        )
        steps = (
            Step.objects.order_by(*in_order)
            .defer("key")
            .prefetch_related(
                Prefetch("citations", queryset=citations),
                Prefetch("practice_notes", queryset=PracticeNote.objects.order_by(*in_order)),
            )
        )
        return self.defer("key").prefetch_related(Prefetch("steps", queryset=steps))


@reversion.register(follow=["steps"])
class Outcome(models.Model):
    guide = models.ForeignKey(Guide, models.CASCADE, related_name="outcomes", verbose_name=_("guide"))
    key = models.UUIDField(
        _("identity"), default=uuid.uuid4, editable=False, help_text=_("The same in every edition, to follow renames.")
    )
    slug = models.SlugField(_("URL name"), help_text=_("Used in the result's web address."))
    title_zh = models.CharField(_("title (Chinese)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    summary_zh = models.TextField(_("summary (Chinese)"), help_text=_("One paragraph per line."))
    summary_en = models.TextField(_("summary (English)"), help_text=_("One paragraph per line."))
    to_bring_zh = models.TextField(
        _("what to bring (Chinese)"), blank=True, help_text=_("One item per line; leave empty if nothing.")
    )
    to_bring_en = models.TextField(
        _("what to bring (English)"), blank=True, help_text=_("One item per line; leave empty if nothing.")
    )

    title = Bilingual("title")
    summary = Bilingual("summary")
    to_bring = Bilingual("to_bring")

    objects = OutcomeQuerySet.as_manager()

    class Meta:
        ordering = ["guide", "id"]
        constraints = [models.UniqueConstraint(fields=["guide", "slug"], name="unique_outcome_slug")]
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")

    def __str__(self):
        return self.title_zh

    def get_absolute_url(self):
        return self.guide.load_flow().url_of(flow.Node(flow.OUTCOME, self.slug), self.guide.url_namespace)

    @property
    def summary_paragraphs(self):
        return lines(self.summary)

    @property
    def to_bring_items(self):
        return lines(self.to_bring)


@reversion.register()
class Option(models.Model):
    question = models.ForeignKey(Question, models.CASCADE, related_name="options", verbose_name=_("question"))
    key = models.UUIDField(
        _("identity"), default=uuid.uuid4, editable=False, help_text=_("The same in every edition, to follow renames.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    value = models.SlugField(
        _("answer value"), help_text=_("Stands for this answer in web addresses; changing it breaks saved links.")
    )
    label_zh = models.CharField(_("label (Chinese)"), max_length=200)
    label_en = models.CharField(_("label (English)"), max_length=200)
    hint_zh = models.CharField(_("hint (Chinese)"), max_length=300, blank=True)
    hint_en = models.CharField(_("hint (English)"), max_length=300, blank=True)
    next_question = models.ForeignKey(
        Question,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("leads to question"),
        help_text=_("Fill in this or the outcome, not both."),
    )
    outcome = models.ForeignKey(
        Outcome,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("leads to outcome"),
        help_text=_("Fill in this or the next question, not both."),
    )

    label = Bilingual("label")
    hint = Bilingual("hint")

    class Meta:
        ordering = ["question", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["question", "value"], name="unique_option_value"),
            models.CheckConstraint(
                condition=Q(next_question__isnull=True, outcome__isnull=False)
                | Q(next_question__isnull=False, outcome__isnull=True),
                name="option_leads_to_one_place",
                violation_error_message=_("An option leads either to a question or to an outcome, not both."),
            ),
        ]
        verbose_name = _("option")
        verbose_name_plural = _("options")

    def __str__(self):
        return self.label_zh

    def clean(self):
        if self.next_question_id and self.next_question_id == self.question_id:
            raise ValidationError({"next_question": _("An option cannot lead back to its own question.")})
        edition = self.question.guide_id if self.question_id else None
        for name in ("next_question", "outcome"):
            target = getattr(self, name) if getattr(self, f"{name}_id") else None
            if target is not None and edition is not None and target.guide_id != edition:
                raise ValidationError({name: _("An option can only lead to a question or outcome of its own edition.")})


@reversion.register(follow=["citations", "practice_notes"])
class Step(models.Model):
    outcome = models.ForeignKey(Outcome, models.CASCADE, related_name="steps", verbose_name=_("outcome"))
    key = models.UUIDField(
        _("identity"), default=uuid.uuid4, editable=False, help_text=_("The same in every edition, to follow renames.")
    )
    position = models.PositiveSmallIntegerField(
        _("step number"), default=1, help_text=_("Counted from 1, as citizens see the steps.")
    )
    title_zh = models.CharField(_("title (Chinese)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    body_zh = models.TextField(_("text (Chinese)"), help_text=_("One paragraph per line."))
    body_en = models.TextField(_("text (English)"), help_text=_("One paragraph per line."))
    articles = models.ManyToManyField(
        Article, through="Citation", related_name="cited_by_steps", verbose_name=_("cited articles")
    )

    title = Bilingual("title")
    body = Bilingual("body")

    class Meta:
        ordering = ["outcome", "position", "id"]
        verbose_name = _("step")
        verbose_name_plural = _("steps")

    def __str__(self):
        return self.title_zh

    def get_absolute_url(self):
        return self.outcome.get_absolute_url()

    @property
    def body_paragraphs(self):
        return lines(self.body)


@reversion.register()
class Citation(models.Model):
    """A step's legal basis: an article of a legal text the site carries, or one paragraph (款) or item (项) of it."""

    step = models.ForeignKey(Step, models.CASCADE, related_name="citations", verbose_name=_("step"))
    article = models.ForeignKey(Article, models.PROTECT, related_name="citations", verbose_name=_("article"))
    paragraph = models.PositiveSmallIntegerField(
        _("paragraph"), null=True, blank=True, help_text=_("The paragraph (款) cited, if not the whole article.")
    )
    item = models.PositiveSmallIntegerField(
        _("item"),
        null=True,
        blank=True,
        help_text=_("The item (项) of that paragraph cited, if not the whole paragraph."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["step", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["step", "article", "paragraph", "item"], name="unique_citation"),
            models.CheckConstraint(
                condition=Q(item__isnull=True) | Q(paragraph__isnull=False),
                name="item_within_paragraph",
                violation_error_message=_("An item is cited within a paragraph: give the paragraph too."),
            ),
        ]
        verbose_name = _("citation")
        verbose_name_plural = _("citations")

    def __str__(self):
        return self.label

    def get_absolute_url(self):
        """The cited article, scrolled to the cited paragraph or item."""
        return f"{self.article.get_absolute_url()}#{self.anchor}" if self.paragraph else self.article.get_absolute_url()

    def clean(self):
        if self.article_id and self.missing():
            raise ValidationError(
                _("%(article)s has no such paragraph or item in the text in force today.") % {"article": self.article}
            )

    @property
    def anchor(self):
        if self.item:
            return structure.Item(self.item, "").anchor(self.paragraph)
        return structure.Paragraph(self.paragraph, "").anchor

    @property
    def label(self):
        """ "Social Insurance Law, Article 23(2)", "社会保险法第二十三条第二款"."""
        number = article_label(self.article.number, self.paragraph, self.item)
        law = self.article.law.short_title
        return f"{law}, {number}" if is_english() else f"{law}{number}"

    def cited_text(self):
        """The cited paragraph or item (or the whole article) in force today: (Chinese, English) paragraphs.
        Reads the wording `Outcome.objects.shown` read with the citation, if it did."""
        if hasattr(self, "wording_zh"):
            zh, en = self.wording_zh, self.wording_en
        else:
            version = self.article.version_on()
            zh, en = (version.text_zh, version.text_en) if version else (None, None)
        if zh is None:
            return [], []
        return (
            structure.select(structure.parse(zh, "zh"), self.paragraph, self.item),
            structure.select(structure.parse(en, "en"), self.paragraph, self.item),
        )

    def missing(self, on=None):
        """Whether the cited paragraph or item does not exist in the text in force (today by default)."""
        version = self.article.version_on(on)
        return version is None or not structure.select(version.paragraphs_zh, self.paragraph, self.item)


@reversion.register()
class PracticeNote(models.Model):
    """What a step says that no cited text says: practice that varies by place, with what it rests on and
    when staff last checked it."""

    step = models.ForeignKey(Step, models.CASCADE, related_name="practice_notes", verbose_name=_("step"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text_zh = models.TextField(_("practice (Chinese)"), help_text=_("One paragraph per line."))
    text_en = models.TextField(_("practice (English)"), help_text=_("One paragraph per line."))
    source_zh = models.CharField(
        _("rests on (Chinese)"),
        max_length=300,
        blank=True,
        help_text=_("A named document such as 国办发〔2024〕38号, or 各地做法，请向当地医保经办机构咨询."),
    )
    source_en = models.CharField(
        _("rests on (English)"),
        max_length=300,
        blank=True,
        help_text=_("The same in English, e.g. “Local practice: ask your medical insurance agency”."),
    )
    checked_on = models.DateField(
        _("last checked"), null=True, blank=True, help_text=_("When staff last checked that this still holds.")
    )

    text = Bilingual("text")
    source = Bilingual("source")

    class Meta:
        ordering = ["step", "position", "id"]
        verbose_name = _("practice note")
        verbose_name_plural = _("practice notes")

    def __str__(self):
        return self.text_zh[:60]

    @property
    def paragraphs(self):
        return lines(self.text)


class FormerName(models.Model):
    """A name that web addresses of the guide used before a publish renamed or removed it.

    Saved links keep working: a former question or result name leads to where the answers now lead,
    and a former answer is read as the answer it became (or dropped, when it was removed).
    """

    class Kind(models.TextChoices):
        QUESTION = "question", _("question")
        OUTCOME = "outcome", _("outcome")
        ANSWER = "answer", _("answer")

    guide_slug = models.SlugField(_("guide"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    old_question = models.SlugField(
        _("former question"), blank=True, help_text=_("For answers: the question's name then.")
    )
    old = models.SlugField(_("former name"))
    new_question = models.SlugField(_("question now"), blank=True, help_text=_("For answers: the question's name now."))
    new = models.SlugField(_("name now"), blank=True, help_text=_("Empty when it was removed."))
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["guide_slug", "kind", "old_question", "old"]
        constraints = [
            models.UniqueConstraint(fields=["guide_slug", "kind", "old_question", "old"], name="unique_former_name"),
        ]
        verbose_name = _("former name")
        verbose_name_plural = _("former names")

    def __str__(self):
        before = f"{self.old_question}={self.old}" if self.kind == self.Kind.ANSWER else self.old
        after = f"{self.new_question}={self.new}" if self.kind == self.Kind.ANSWER else self.new
        return f"{before} → {after or '—'}"


class Feedback(models.Model):
    """A citizen's answer to "Was this page useful?" on a result page. Nothing identifies them."""

    outcome = models.ForeignKey(Outcome, models.CASCADE, related_name="feedback", verbose_name=_("outcome"))
    useful = models.BooleanField(_("useful"))
    comment = models.TextField(_("comment"), max_length=500, blank=True)
    language = models.CharField(_("language"), max_length=10)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    handled = models.BooleanField(_("handled"), default=False, help_text=_("Staff have read it and acted on it."))

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")

    def __str__(self):
        return f"{self.outcome.slug}: {'+' if self.useful else '-'}"


@reversion.register()
class ReviewFlag(models.Model):
    """A step to check against the law again: a new wording of an article it cites (a correction or an
    amendment, in force now or later) changed what it cites. Raised when the wording is published
    (`guidance.review`); cleared by an editor who edits the step or confirms it still holds."""

    step = models.ForeignKey(Step, models.CASCADE, related_name="review_flags", verbose_name=_("step"))
    article = models.ForeignKey(Article, models.CASCADE, related_name="+", verbose_name=_("article"))
    paragraph = models.PositiveSmallIntegerField(_("paragraph"), null=True, blank=True)
    item = models.PositiveSmallIntegerField(_("item"), null=True, blank=True)
    effective_from = models.DateField(_("new wording in force from"))
    before_zh = models.TextField(_("cited text before (Chinese)"), blank=True)
    after_zh = models.TextField(_("cited text now (Chinese)"), blank=True)
    before_en = models.TextField(_("cited text before (English)"), blank=True)
    after_en = models.TextField(_("cited text now (English)"), blank=True)
    raised_at = models.DateTimeField(_("raised at"), default=timezone.now)
    cleared_at = models.DateTimeField(_("checked at"), null=True, blank=True)
    cleared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("checked by"),
    )

    class Meta:
        ordering = ["-raised_at", "-pk"]
        verbose_name = _("step to check against the law")
        verbose_name_plural = _("steps to check against the law")

    def __str__(self):
        return f"{self.step}: {self.cited}"

    def get_absolute_url(self):
        return self.step.get_absolute_url()

    @property
    def cited(self):
        """What the step cites, as staff read it: "社会保险法第二十三条第一款"."""
        return Citation(article=self.article, paragraph=self.paragraph, item=self.item).label

    @property
    def changes_zh(self):
        """The cited Chinese text's change, word by word (for the admin)."""
        return comparison.compare(self.before_zh, self.after_zh, "zh")

    @property
    def changes_en(self):
        return comparison.compare(self.before_en, self.after_en, "en") if self.before_en or self.after_en else []
