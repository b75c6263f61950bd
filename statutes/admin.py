"""The law in the admin: articles with their dated versions side by side in both languages.
Every change is kept as a revision (django-reversion), and a stale form cannot overwrite a newer save."""

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin

from insurance_site.concurrency import EditGuardMixin
from insurance_site.revisions import CompareRevisionsMixin

from .models import Article, ArticleVersion, Chapter, Law, LawVersion


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
