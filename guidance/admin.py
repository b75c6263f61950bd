"""The guide in the admin. Staff change a draft edition; a published edition is read-only, and
publishing checks the draft first. Every change is kept as a revision (django-reversion)."""

import reversion
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import CharField, Count, Q, TextField
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin

from insurance_site.admin_filters import DefaultChoiceFilter
from insurance_site.concurrency import EditGuardMixin
from insurance_site.forms import PublishForm
from insurance_site.revisions import CompareRevisionsMixin
from statutes.admin import ArticleAdmin
from statutes.models import Article

from . import editions, flow_map, review
from .changes import changes
from .models import Citation, Feedback, FormerName, Guide, Option, Outcome, PracticeNote, Question, ReviewFlag, Step
from .validation import validate, warnings


class EditionFilter(admin.SimpleListFilter):
    """Lists open on the draft edition, where the work is, when there is one; any edition, or all, on request."""

    title = _("edition")
    parameter_name = "edition"
    lookup = "guide__status"  # where the row's edition status is

    def lookups(self, request, model_admin):
        return [*Guide.Status.choices, ("all", _("all editions"))]

    def value(self):
        chosen = super().value()
        if chosen is None:
            return Guide.Status.DRAFT if Guide.objects.filter(status=Guide.Status.DRAFT).exists() else "all"
        return chosen

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        if self.value() in Guide.Status.values:
            return queryset.filter(**{self.lookup: self.value()})
        return queryset


class StepEditionFilter(EditionFilter):
    lookup = "outcome__guide__status"


class DraftOnlyMixin:
    """Rows of a published or archived edition can be looked at but not changed."""

    def _edition(self, obj):
        if isinstance(obj, Guide):
            return obj
        if isinstance(obj, (Citation, PracticeNote)):
            obj = obj.step
        return getattr(obj, "guide", None) or obj.outcome.guide

    def has_change_permission(self, request, obj=None):
        if obj is not None and not self._edition(obj).is_draft:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and not self._edition(obj).is_draft:
            return False
        return super().has_delete_permission(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is Guide:
            kwargs["queryset"] = Guide.objects.filter(status=Guide.Status.DRAFT)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description=_("edition"))
    def edition_status(self, obj):
        edition = self._edition(obj)
        return f"{edition.edition} · {edition.get_status_display()}"


class CarryIntoDraftMixin:
    """Saving into an edition that was published while the editor typed: instead of a bare refusal, say so,
    keep the typed text, and offer to carry it into the draft (creating one if needed)."""

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        view = self.admin_site.admin_view(self.carry_view)
        return [path("<int:pk>/carry/", view, name="{}_{}_carry".format(*info)), *super().get_urls()]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        obj = self.model._default_manager.filter(pk=object_id).first() if object_id else None
        if request.method == "POST" and obj is not None and not self._edition(obj).is_draft:
            if not self._may_edit(request):
                raise PermissionDenied
            return self._published_meanwhile(request, obj)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def carry_view(self, request, pk):
        """Apply the typed text to the draft's copy of the object, after creating the draft if there is none."""
        obj = get_object_or_404(self.model, pk=pk)
        if request.method != "POST" or not request.user.has_perm(
            f"{self.opts.app_label}.change_{self.opts.model_name}"
        ):
            raise PermissionDenied
        edition = self._edition(obj)
        draft = editions.create_draft(Guide.objects.live(edition.slug) or edition, request.user)
        lookup = "outcome__guide" if self.model is Step else "guide"
        counterpart = self.model.objects.filter(key=obj.key, **{lookup: draft}).first()
        if counterpart is None:
            messages.error(request, _("The draft has no copy of this any more: nothing was carried."))
            return redirect("admin:guidance_guide_change", draft.pk)
        with reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment(_("Text carried over from an edition published while it was being edited."))
            for name in self._typed_fields(request):
                setattr(counterpart, name, request.POST[name].replace("\r\n", "\n"))
            counterpart.full_clean()
            counterpart.save()
        messages.success(request, _("Your text is now in draft edition %(edition)s.") % {"edition": draft.edition})
        return redirect(f"admin:guidance_{self.opts.model_name}_change", counterpart.pk)

    def _may_edit(self, request):
        """Whether the person may change this kind of row at all (in a draft)."""
        return request.user.has_perm(f"{self.opts.app_label}.change_{self.opts.model_name}")

    def _typed_fields(self, request):
        """The text fields of the main form that came with the request."""
        names = [name for line in self.fields for name in (line if isinstance(line, tuple) else (line,))]
        names = [name for name in names if name not in self.readonly_fields]
        texts = [name for name in names if isinstance(self.model._meta.get_field(name), (CharField, TextField))]
        return [name for name in texts if name in request.POST]

    def _published_meanwhile(self, request, obj):
        typed = [
            (self.model._meta.get_field(name).verbose_name, name, request.POST[name])
            for name in self._typed_fields(request)
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("This edition was published while you were editing"),
            "opts": self.opts,
            "original": obj,
            "typed": typed,
            "carry_url": reverse(f"admin:guidance_{self.opts.model_name}_carry", args=[obj.pk]),
        }
        return TemplateResponse(request, "admin/guidance/published_meanwhile.html", context, status=409)


@admin.register(Guide)
class GuideAdmin(CompareRevisionsMixin, VersionAdmin):
    list_display = ["__str__", "edition", "status", "ready_at", "published_at", "published_by"]
    list_filter = ["status"]
    readonly_fields = ["slug", "edition", "status", "ready_at", "ready_by", "published_at", "published_by"]
    fields = [
        "slug",
        "edition",
        "status",
        ("ready_at", "ready_by"),
        ("published_at", "published_by"),
        ("title_zh", "title_en"),
        "start",
        "note",
    ]
    change_form_template = "admin/guidance/guide/change_form.html"

    def has_change_permission(self, request, obj=None):
        if obj is not None and not obj.is_draft:
            return False
        return super().has_change_permission(request, obj)

    def has_add_permission(self, request):
        return False  # new editions are made with "Create a draft", as a copy of the published one

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (obj is None or obj.is_draft)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "start":
            edition_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = Question.objects.filter(guide_id=edition_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_urls(self):
        urls = [
            path("<int:pk>/publish/", self.admin_site.admin_view(self.publish_view), name="guidance_guide_publish"),
            path("<int:pk>/draft/", self.admin_site.admin_view(self.draft_view), name="guidance_guide_draft"),
            path("<int:pk>/ready/", self.admin_site.admin_view(self.ready_view), name="guidance_guide_ready"),
            path("<int:pk>/flow-map/", self.admin_site.admin_view(self.flow_map_view), name="guidance_guide_flow_map"),
        ]
        return urls + super().get_urls()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        guide = self.get_object(request, unquote(object_id))
        if guide is None:  # Django answers with its "does not exist" page
            return super().change_view(request, object_id, form_url, extra_context)
        draft = Guide.objects.draft(guide.slug)
        extra_context = {
            **(extra_context or {}),
            "problems": validate(guide),
            "warnings": warnings(guide),
            "can_publish": guide.is_draft and request.user.has_perm("guidance.publish_guide"),
            "can_draft": draft is None and request.user.has_perm("guidance.add_guide"),
            "draft": draft,
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def publish_view(self, request, pk):
        """What the draft changes against the published edition, then the publisher's note and confirmation."""
        if not request.user.has_perm("guidance.publish_guide"):
            raise PermissionDenied
        guide = get_object_or_404(Guide, pk=pk, status=Guide.Status.DRAFT)
        form = PublishForm(request.POST if request.method == "POST" else None)
        if not form.is_valid():
            context = {
                **self.admin_site.each_context(request),
                "title": _("Publish edition %(edition)s") % {"edition": guide.edition},
                "guide": guide,
                "opts": Guide._meta,
                "form": form,
                "changes": changes(Guide.objects.live(guide.slug), guide),
                "problems": validate(guide),
                "warnings": warnings(guide),
            }
            return TemplateResponse(request, "admin/guidance/guide/publish.html", context)
        try:
            editions.publish(guide, request.user, form.cleaned_data["note"])
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("admin:guidance_guide_change", guide.pk)
        messages.success(
            request, _("Edition %(edition)s is published: citizens see it now.") % {"edition": guide.edition}
        )
        return redirect("admin:guidance_guide_change", guide.pk)

    def ready_view(self, request, pk):
        """The editor says the draft is ready: publishers see who said so and when."""
        guide = get_object_or_404(Guide, pk=pk, status=Guide.Status.DRAFT)
        if request.method != "POST" or not self.has_change_permission(request, guide):
            raise PermissionDenied
        guide.ready_at, guide.ready_by = timezone.now(), request.user
        guide.save(update_fields=["ready_at", "ready_by"])
        messages.success(request, _("The draft is marked ready for review: a publisher must publish it."))
        return redirect("admin:guidance_guide_change", guide.pk)

    def draft_view(self, request, pk):
        if request.method != "POST" or not request.user.has_perm("guidance.add_guide"):
            raise PermissionDenied
        draft = editions.create_draft(get_object_or_404(Guide, pk=pk), request.user)
        messages.success(request, _("Draft edition %(edition)s is ready to edit.") % {"edition": draft.edition})
        return redirect("admin:guidance_guide_change", draft.pk)

    def flow_map_view(self, request, pk):
        guide = get_object_or_404(Guide, pk=pk)
        if not self.has_view_permission(request, guide):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": _("Flow map of %(guide)s") % {"guide": guide},
            "guide": guide,
            "opts": Guide._meta,
            "map": flow_map.draw(guide, validate(guide)),
        }
        return TemplateResponse(request, "admin/guidance/guide/flow_map.html", context)


class OptionInline(EditGuardMixin, DraftOnlyMixin, admin.StackedInline):
    model = Option
    fk_name = "question"
    extra = 0
    fields = ["position", "value", ("label_zh", "label_en"), ("hint_zh", "hint_en"), ("next_question", "outcome")]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        # Options lead only to questions and outcomes of the same edition: the question's, or on the
        # add page the draft's (only a draft can be changed).
        edition = obj.guide if obj is not None else Guide.objects.draft()
        formset.form.base_fields["next_question"].queryset = Question.objects.filter(guide=edition)
        formset.form.base_fields["outcome"].queryset = Outcome.objects.filter(guide=edition)
        return formset


@admin.register(Question)
class QuestionAdmin(CarryIntoDraftMixin, CompareRevisionsMixin, EditGuardMixin, DraftOnlyMixin, VersionAdmin):
    list_display = ["text_zh", "text_en", "slug", "edition_status"]
    list_filter = [EditionFilter, "guide"]
    search_fields = ["slug", "text_zh", "text_en"]
    fields = ["guide", "slug", ("text_zh", "text_en"), ("hint_zh", "hint_en")]
    list_select_related = ["guide"]
    inlines = [OptionInline]


class StepInline(EditGuardMixin, DraftOnlyMixin, admin.StackedInline):
    model = Step
    extra = 0
    fields = ["position", ("title_zh", "title_en"), ("body_zh", "body_en")]
    show_change_link = True


@admin.register(Outcome)
class OutcomeAdmin(CarryIntoDraftMixin, CompareRevisionsMixin, EditGuardMixin, DraftOnlyMixin, VersionAdmin):
    list_display = ["title_zh", "title_en", "slug", "edition_status", "feedback"]
    list_filter = [EditionFilter, "guide"]
    search_fields = ["slug", "title_zh", "title_en"]
    fields = ["guide", "slug", ("title_zh", "title_en"), ("summary_zh", "summary_en"), ("to_bring_zh", "to_bring_en")]
    list_select_related = ["guide"]
    inlines = [StepInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(feedback_count=Count("feedback"))

    @admin.display(description=_("feedback"), ordering="feedback_count")
    def feedback(self, obj):
        url = reverse("admin:guidance_feedback_changelist") + f"?outcome__slug={obj.slug}"
        return format_html('<a href="{}">{}</a>', url, obj.feedback_count)


class CitationInline(EditGuardMixin, DraftOnlyMixin, admin.StackedInline):
    model = Citation
    extra = 0
    autocomplete_fields = ["article"]
    fields = [("article", "paragraph", "item", "position")]


class PracticeNoteInline(EditGuardMixin, DraftOnlyMixin, admin.StackedInline):
    model = PracticeNote
    extra = 0
    fields = ["position", ("text_zh", "text_en"), ("source_zh", "source_en"), "checked_on"]


@admin.register(Step)
class StepAdmin(CarryIntoDraftMixin, CompareRevisionsMixin, EditGuardMixin, DraftOnlyMixin, VersionAdmin):
    list_display = ["title_zh", "title_en", "outcome", "position", "edition_status"]
    list_filter = [StepEditionFilter, "outcome__guide"]
    search_fields = ["title_zh", "title_en", "body_zh", "body_en"]
    list_select_related = ["outcome__guide"]
    fields = ["law_changes", "outcome", "position", ("title_zh", "title_en"), ("body_zh", "body_en")]
    readonly_fields = ["law_changes"]
    inlines = [CitationInline, PracticeNoteInline]

    @admin.display(description=_("to check against the law"))
    def law_changes(self, obj):
        """The cited law's new wordings this step has not been checked against, each change beside the step."""
        flags = list(review.open_flags().filter(step=obj)) if obj and obj.pk else []
        if not flags:
            return _("Nothing: the law it cites has not changed since it was checked.")
        return render_to_string("admin/guidance/includes/review_flags.html", {"flags": flags})

    def save_model(self, request, obj, form, change):
        """Editing the step's text is checking it against the law: its open flags are cleared, in this revision."""
        super().save_model(request, obj, form, change)
        if change and {"title_zh", "title_en", "body_zh", "body_en"} & set(form.changed_data):
            review.clear(review.open_flags().filter(step=obj), request.user, _("Step edited against the new wording."))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "outcome":
            kwargs["queryset"] = Outcome.objects.filter(guide__status=Guide.Status.DRAFT)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(FormerName)
class FormerNameAdmin(admin.ModelAdmin):
    """Names saved links may still use; recorded when a publish renames or removes a question, result
    or answer, so that those links keep leading somewhere."""

    list_display = ["__str__", "kind", "created_at"]
    list_filter = ["kind"]
    search_fields = ["old", "new", "old_question", "new_question"]


class OpenFlagFilter(DefaultChoiceFilter):
    """Open flags by default; those already checked one click away."""

    title = _("status")
    parameter_name = "checked"
    default_title = _("to check")

    def lookups(self, request, model_admin):
        return [("yes", _("checked")), ("all", _("all"))]

    def queryset(self, request, queryset):
        queryset = queryset.filter(step__outcome__guide__status__in=review.LIVE)
        if self.value() == "all":
            return queryset
        return queryset.filter(cleared_at__isnull=self.value() != "yes")


class CitedByOutcomeFilter(admin.SimpleListFilter):
    """Which articles a result page of the published guide rests on."""

    title = _("cited by the guide's result")
    parameter_name = "cited_by"

    def lookups(self, request, model_admin):
        guide = Guide.objects.live()
        outcomes = guide.outcomes.all() if guide else []
        return [("any", _("any result")), *[(outcome.slug, outcome.title) for outcome in outcomes]]

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        cited = queryset.filter(citations__step__outcome__guide__status=Guide.Status.PUBLISHED)
        if value != "any":
            cited = cited.filter(citations__step__outcome__slug=value)
        return cited.distinct()


class GuideArticleAdmin(ArticleAdmin):
    """The law's article admin, with a filter by the guide's results that cite an article, and on an article's
    page the steps that cite it with their flags: the guide extends the law's admin, the law knows nothing
    of the guide."""

    list_filter = [*ArticleAdmin.list_filter, CitedByOutcomeFilter]
    change_form_template = "admin/guidance/article/change_form.html"

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, unquote(object_id))  # None for a mangled address: Django says so
        flags = list(review.open_flags().filter(article=article)) if article else []
        flagged = {flag.step_id for flag in flags}
        steps = Step.objects.filter(citations__article=article, outcome__guide__status__in=review.LIVE)
        steps = list(steps.select_related("outcome__guide").distinct()) if article else []
        for step in steps:
            step.open_flags = step.pk in flagged
        context = {"citing_steps": steps, "flags": flags, **(extra_context or {})}
        return super().change_view(request, object_id, form_url, context)


@admin.register(ReviewFlag)
class ReviewFlagAdmin(admin.ModelAdmin):
    """Every step to check against the law, newest first, and the practice notes not checked for a year:
    one list. Staff confirm a step still holds here, or edit it in the draft; either is a revision."""

    list_display = ["raised", "step_link", "edition", "cites", "effective_from", "checked"]
    list_filter = [OpenFlagFilter]
    list_select_related = ["step__outcome__guide", "article__law", "cleared_by"]
    actions = ["confirm"]
    change_list_template = "admin/guidance/reviewflag/change_list.html"

    def changelist_view(self, request, extra_context=None):
        context = {"stale_notes": review.stale_notes(), **(extra_context or {})}
        return super().changelist_view(request, context)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_confirm_permission(self, request):
        return request.user.has_perm("guidance.change_reviewflag")

    @admin.display(description=_("flagged"), ordering="raised_at")
    def raised(self, flag):
        return f"{timezone.localtime(flag.raised_at):%Y-%m-%d %H:%M}"

    @admin.display(description=_("step"))
    def step_link(self, flag):
        url = reverse("admin:guidance_step_change", args=[flag.step_id])
        return format_html('<a href="{}">{} · {}</a>', url, flag.step.outcome.title, flag.step)

    @admin.display(description=_("edition"))
    def edition(self, flag):
        return flag.step.outcome.guide.get_status_display()

    @admin.display(description=_("cites"))
    def cites(self, flag):
        return flag.cited

    @admin.display(description=_("checked"))
    def checked(self, flag):
        if not flag.cleared_at:
            return _("not yet")
        return f"{timezone.localtime(flag.cleared_at):%Y-%m-%d %H:%M} · {flag.cleared_by or ''}"

    @admin.action(description=_("Confirm: checked, the step still holds"), permissions=["confirm"])
    def confirm(self, request, queryset):
        flags = queryset.filter(cleared_at__isnull=True)
        count = flags.count()
        review.clear(flags, request.user, _("Confirmed against the new wording: the step still holds."))
        self.message_user(request, _("%(count)s step(s) confirmed.") % {"count": count}, messages.SUCCESS)


admin.site.unregister(Article)
admin.site.register(Article, GuideArticleAdmin)


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    """What citizens said about each result page. Their words cannot be changed; staff mark what they handled."""

    list_display = ["sent_at", "result", "useful", "comment", "language", "handled", "page"]
    list_editable = ["handled"]
    list_filter = ["handled", "useful", "outcome__slug", "language"]
    search_fields = ["comment"]
    list_select_related = ["outcome__guide"]
    readonly_fields = ["created_at", "outcome", "useful", "comment", "language"]
    fields = ["created_at", "outcome", "useful", "comment", "language", "handled"]
    actions = ["mark_handled"]
    change_list_template = "admin/guidance/feedback/change_list.html"

    @admin.display(description=_("sent at"), ordering="created_at")
    def sent_at(self, obj):
        """Local time (Beijing) to the second."""
        return f"{timezone.localtime(obj.created_at):%Y-%m-%d %H:%M:%S}"

    @admin.display(description=_("result page"), ordering="outcome__title_zh")
    def result(self, obj):
        return obj.outcome.title

    @admin.display(description=_("page"))
    def page(self, obj):
        """The result page as citizens see it now (the same result in the published edition)."""
        url = self._result_urls.get(obj.outcome.slug)
        return format_html('<a href="{}">{}</a>', url, _("Open the page")) if url else "—"

    @admin.action(description=_("Mark the selected feedback as handled"))
    def mark_handled(self, request, queryset):
        queryset.update(handled=True)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        live = Guide.objects.live()
        self._result_urls = live.load_flow().result_urls() if live else {}
        counts = (
            Feedback.objects.values("outcome__slug", "outcome__title_zh", "outcome__title_en")
            .annotate(
                total=Count("id"),
                said_yes=Count("id", filter=Q(useful=True)),
                said_no=Count("id", filter=Q(useful=False)),
                not_handled=Count("id", filter=Q(handled=False)),
            )
            .order_by("outcome__slug")
        )
        return super().changelist_view(request, {**(extra_context or {}), "counts": counts})
