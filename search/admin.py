from django.contrib import admin
from reversion.admin import VersionAdmin

from insurance_site.concurrency import EditGuardMixin
from insurance_site.revisions import CompareRevisionsMixin

from .models import Synonym


@admin.register(Synonym)
class SynonymAdmin(CompareRevisionsMixin, EditGuardMixin, VersionAdmin):
    """Words that mean the same to searchers; the next search uses a change."""

    list_display = ["__str__", "note"]
    search_fields = ["words", "note"]
    fields = ["words", "note"]
