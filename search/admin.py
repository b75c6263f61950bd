from datetime import timedelta
from urllib.parse import urlencode

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin

from insurance_site.admin_filters import DefaultChoiceFilter
from insurance_site.concurrency import EditGuardMixin
from insurance_site.revisions import CompareRevisionsMixin

from . import tally
from .models import EverydayTerm, SearchCount, Synonym

POOR = 3  # fewer results than this, and the searcher may not have found what they sought


@admin.register(Synonym)
class SynonymAdmin(CompareRevisionsMixin, EditGuardMixin, VersionAdmin):
    """Words that mean the same to searchers; the next search uses a change."""

    list_display = ["__str__", "note"]
    search_fields = ["words", "note"]
    fields = ["words", "note"]


@admin.register(EverydayTerm)
class EverydayTermAdmin(CompareRevisionsMixin, EditGuardMixin, VersionAdmin):
    """What people type for what the site calls something else; the next search uses a change. "Add"
    takes the words to start with from the address (`?words=…`), as the list of searches links to it."""

    list_display = ["__str__", "is_slip", "note"]
    list_filter = ["is_slip"]
    search_fields = ["words", "means", "note"]
    fields = ["words", "means", "is_slip", "note"]


class WeekFilter(DefaultChoiceFilter):
    """This week by default, the week before, or every week kept."""

    title = _("week")
    parameter_name = "week"
    default_title = _("This week")

    def lookups(self, request, model_admin):
        return [("last", _("Last week")), ("all", _("All weeks"))]

    def queryset(self, request, queryset):
        if self.value() == "all":
            return queryset
        monday = tally.this_week() - timedelta(weeks=1 if self.value() == "last" else 0)
        return queryset.filter(week=monday)


class ResultsFilter(admin.SimpleListFilter):
    """Searches with no result, or with few: what people could not find."""

    title = _("results")
    parameter_name = "found"

    def lookups(self, request, model_admin):
        return [("none", _("None")), ("few", _("Fewer than %(number)s") % {"number": POOR}), ("some", _("More"))]

    def queryset(self, request, queryset):
        return {
            "none": queryset.filter(results=0),
            "few": queryset.filter(results__lt=POOR),
            "some": queryset.filter(results__gte=POOR),
        }.get(self.value(), queryset)


@admin.register(SearchCount)
class SearchCountAdmin(admin.ModelAdmin):
    """What people searched for, most often first, with how many results each had: read only. Searches with
    no or few results link to adding everyday words for them. The counts of this process are written first;
    other processes write theirs within half a minute."""

    list_display = ["words", "count", "results", "week", "add_words"]
    list_filter = [WeekFilter, ResultsFilter]
    search_fields = ["words"]
    ordering = ["-count", "words"]

    def changelist_view(self, request, extra_context=None):
        tally.flush()
        return super().changelist_view(request, extra_context)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("help it find"))
    def add_words(self, obj):
        if obj.results >= POOR:
            return ""
        url = reverse("admin:search_everydayterm_add") + "?" + urlencode({"words": obj.words})
        return format_html('<a href="{}">{}</a>', url, _("Add everyday words"))
