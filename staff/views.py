"""Recent changes: every revision saved by staff, newest first, each change linked to what it changed."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from reversion.models import Revision

SHOWN = 100  # revisions listed
NAMED = 5  # objects named for each


def recent_changes(request):
    if not request.user.is_staff:
        raise PermissionDenied
    # A new draft's revision holds every row of the guide: name a few of what each revision changed.
    revisions = Revision.objects.select_related("user").annotate(changed=Count("version")).order_by("-date_created")
    rows = []
    for revision in revisions[:SHOWN]:
        versions = revision.version_set.select_related("content_type").order_by("pk")[:NAMED]
        rows.append(
            {
                "revision": revision,
                "objects": [_linked(version) for version in versions],
                "more": max(revision.changed - NAMED, 0),
            }
        )
    context = {**admin.site.each_context(request), "title": _("Recent changes"), "rows": rows}
    return TemplateResponse(request, "staff/recent_changes.html", context)


def _linked(version):
    content_type = version.content_type
    try:
        url = reverse(f"admin:{content_type.app_label}_{content_type.model}_change", args=[version.object_id])
    except NoReverseMatch:
        url = None
    return {"name": version.object_repr, "kind": content_type.model_class()._meta.verbose_name, "url": url}
