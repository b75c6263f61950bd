"""The law in the admin: articles with their dated versions side by side in both languages.

Citizens read what is published: staff change an article's wording through a draft (a correction or
a new, possibly scheduled, version), preview it, and a publisher publishes it after reading the word
diff. Every change is kept as a revision (django-reversion), and a stale form cannot overwrite a newer save.
"""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin

from insurance_site.concurrency import EditGuardMixin
from insurance_site.context_processors import HTML_LANG
from insurance_site.forms import PublishForm
from insurance_site.revisions import CompareRevisionsMixin

from . import drafts
from .comparison import compare_paragraphs
from .models import Article, ArticleDraft, ArticleVersion, Chapter, Law, LawVersion
from .views import article_context


class LawVersionInline(EditGuardMixin, admin.StackedInline):
    model = LawVersion
    extra = 0


@admin.register(Law)
class LawAdmin(CompareRevisionsMixin, EditGuardMixin, VersionAdmin):
    list_display = ["title_zh", "title_en", "kind_zh", "slug", "position"]
    fields = [
        "slug",
        "position",
        ("title_zh", "title_en"),
        ("short_title_zh", "short_title_en"),
        ("kind_zh", "kind_en"),
        ("issuer_zh", "issuer_en"),
        "aliases",
    ]
    inlines = [LawVersionInline]


@admin.register(Chapter)
class ChapterAdmin(CompareRevisionsMixin, EditGuardMixin, VersionAdmin):
    list_display = ["number", "title_zh", "title_en", "law"]
    list_display_links = ["number", "title_zh"]
    list_filter = ["law"]
    fields = ["law", "number", ("title_zh", "title_en")]


class ArticleVersionInline(EditGuardMixin, admin.StackedInline):
    model = ArticleVersion
    extra = 0
    fields = ["effective_from", ("text_zh", "text_en"), "note"]


@admin.register(Article)
class ArticleAdmin(CompareRevisionsMixin, EditGuardMixin, VersionAdmin):
    list_display = ["number", "chapter", "law", "scheduled"]
    list_filter = ["law", "chapter"]
    search_fields = ["=number", "versions__text_zh", "versions__text_en"]
    list_select_related = ["chapter", "law"]
    fields = ["law", "chapter", "number"]
    inlines = [ArticleVersionInline]
    show_full_result_count = False
    change_form_template = "admin/statutes/article/change_form.html"

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, unquote(object_id))
        if article is None:  # Django answers with its "does not exist" page
            return super().change_view(request, object_id, form_url, extra_context)
        extra_context = {
            **(extra_context or {}),
            "open_drafts": article.drafts.open().select_related("replaces", "created_by"),
            "can_draft": request.user.has_perm("statutes.add_articledraft"),
            "versions": article.versions.all(),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("versions")

    def has_delete_permission(self, request, obj=None):
        """The guide cites articles by number: only a superuser may remove one from a text."""
        return request.user.is_superuser and super().has_delete_permission(request, obj)

    @admin.display(description=_("not yet in force"))
    def scheduled(self, obj):
        """A version whose date has not come: citizens see it from that day on, without a publish step."""
        today = timezone.localdate()
        coming = [
            f"{version.effective_from:%Y-%m-%d}" for version in obj.versions.all() if version.effective_from > today
        ]
        return ", ".join(coming) or "—"


@admin.register(ArticleDraft)
class ArticleDraftAdmin(CompareRevisionsMixin, EditGuardMixin, VersionAdmin):
    """Drafts of the law's articles: started from an article's page, published by a publisher."""

    list_display = ["__str__", "status", "effective_from", "created_by", "created_at", "published_by", "published_at"]
    list_filter = ["status", "article__law"]
    list_select_related = ["article__law", "replaces", "created_by", "published_by"]
    search_fields = ["=article__number", "text_zh", "text_en"]
    readonly_fields = [
        "article",
        "replaces",
        "status",
        "created_by",
        "created_at",
        "published_by",
        "published_at",
        "publish_note",
    ]
    fields = [
        "article",
        "replaces",
        "status",
        "effective_from",
        ("text_zh", "text_en"),
        "note",
        ("created_by", "created_at"),
        ("published_by", "published_at"),
        "publish_note",
    ]
    change_form_template = "admin/statutes/articledraft/change_form.html"

    def has_add_permission(self, request):
        return False  # a draft is started from the article it changes

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (obj is None or obj.is_open)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (obj is None or obj.is_open)

    def get_urls(self):
        def view(function, route, name):
            return path(route, self.admin_site.admin_view(function), name=f"statutes_articledraft_{name}")

        return [
            view(self.start_view, "start/<int:article>/", "start"),
            view(self.preview_view, "<int:pk>/preview/", "preview"),
            view(self.ready_view, "<int:pk>/ready/", "ready"),
            view(self.publish_view, "<int:pk>/publish/", "publish"),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        draft = self.get_object(request, unquote(object_id))
        if draft is None:  # Django answers with its "does not exist" page
            return super().change_view(request, object_id, form_url, extra_context)
        extra_context = {
            **(extra_context or {}),
            "draft": draft,
            "can_publish": draft.is_open and request.user.has_perm("statutes.publish_articledraft"),
            **self._changes(draft),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def start_view(self, request, article):
        """Start a draft (POST): a correction of the version named in `replaces`, or a new version."""
        if request.method != "POST" or not request.user.has_perm("statutes.add_articledraft"):
            raise PermissionDenied
        article = get_object_or_404(Article, pk=article)
        replaces = request.POST.get("replaces")
        version = get_object_or_404(article.versions, pk=replaces) if replaces and replaces.isdigit() else None
        draft = drafts.start(article, request.user, version)
        messages.info(request, _("Citizens do not see this draft until a publisher publishes it."))
        return redirect("admin:statutes_articledraft_change", draft.pk)

    def preview_view(self, request, pk):
        """The article's public page as it will read once the draft is published."""
        draft = get_object_or_404(ArticleDraft, pk=pk)
        if not self.has_view_permission(request, draft):
            raise PermissionDenied
        article = get_object_or_404(
            Article.objects.with_versions().prefetch_related("law__versions"), pk=draft.article_id
        )
        # In either language of the site, whatever the admin's (`?lang=`), with a link to the other.
        language = request.GET.get("lang")
        language = language if language in dict(settings.LANGUAGES) else translation.get_language()
        with translation.override(language):
            other_languages = [
                {"code": HTML_LANG[code], "name": name, "url": f"{request.path}?lang={code}"}
                for code, name in settings.LANGUAGES
                if code != language
            ]
            context = {
                **article_context(request, article, draft),
                "preview_notice": _("Preview of a draft of this article."),
                "other_languages": other_languages,
            }
            return TemplateResponse(request, "statutes/article.html", context).render()

    def ready_view(self, request, pk):
        """The editor says the draft is ready: publishers find it in the list as "ready for review"."""
        draft = get_object_or_404(ArticleDraft, pk=pk)
        if request.method != "POST" or not self.has_change_permission(request, draft):
            raise PermissionDenied
        draft.status = ArticleDraft.Status.READY
        draft.save(update_fields=["status"])
        messages.success(request, _("The draft is marked ready for review: a publisher must publish it."))
        return redirect("admin:statutes_articledraft_change", draft.pk)

    def publish_view(self, request, pk):
        """What the draft changes, word by word, then the publisher's note and confirmation."""
        if not request.user.has_perm("statutes.publish_articledraft"):
            raise PermissionDenied
        draft = get_object_or_404(ArticleDraft.objects.open().select_related("article__law", "replaces"), pk=pk)
        form = PublishForm(request.POST if request.method == "POST" else None)
        if form.is_valid():
            try:
                drafts.publish(draft, request.user, form.cleaned_data["note"])
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
                return redirect("admin:statutes_articledraft_change", draft.pk)
            messages.success(request, _("The change is published: citizens see it now."))
            return redirect("admin:statutes_article_change", draft.article_id)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Publish: %(draft)s") % {"draft": draft},
            "opts": self.opts,
            "draft": draft,
            "form": form,
            "problems": _problems(draft),
            **self._changes(draft),
        }
        return TemplateResponse(request, "admin/statutes/articledraft/publish.html", context)

    @staticmethod
    def _changes(draft):
        """The word diff between what citizens read now and the draft, and whether the wording the
        draft started from changed meanwhile."""
        current = draft.current()
        return {
            "current": current,
            "changes_zh": compare_paragraphs(current.text_zh, draft.text_zh),
            "changes_en": compare_paragraphs(current.text_en, draft.text_en, "en"),
            "changed_meanwhile": draft.is_open and draft.changed_meanwhile(),
            "unchanged": (draft.text_zh, draft.text_en) == (current.text_zh, current.text_en),
        }


def _problems(draft):
    """What stops the draft from being published, as messages."""
    try:
        draft.full_clean()
    except ValidationError as error:
        return error.messages
    return []
