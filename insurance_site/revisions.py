"""Comparing an object with one of its earlier revisions in the admin, field by field.

django-reversion keeps the revisions and reverts them; this adds the "what is different" view,
reusing the law's comparison of wordings (character by character in Chinese, word by word in English).
"""

import reversion
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from reversion.models import Version

from statutes.comparison import compare


class CompareRevisionsMixin:
    """For a VersionAdmin: a compare page for each revision, linked from the history page; and a revision
    recorded when an object is deleted, so the recover list says who deleted it and when, and recovering it
    brings back what was edited with it."""

    def delete_model(self, request, obj):
        self._record_deletion(request, [obj])
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        self._record_deletion(request, list(queryset))
        super().delete_queryset(request, queryset)

    def _record_deletion(self, request, objects):
        with reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment(_("Deleted."))
            for obj in objects:
                reversion.add_to_revision(obj)

    object_history_template = "reversion/object_history.html"

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        view = self.admin_site.admin_view(self.compare_view)
        name = "{}_{}_compare".format(*info)
        return [path("<path:object_id>/history/<int:version_id>/compare/", view, name=name), *super().get_urls()]

    def history_view(self, request, object_id, extra_context=None):
        response = super().history_view(request, object_id, extra_context)
        for action in response.context_data.get("action_list", []):
            # reversion links each row to ".../history/<version id>/"; the compare page sits beside it.
            action["compare_url"] = action["url"].rstrip("/") + "/compare/"
        return response

    def compare_view(self, request, object_id, version_id):
        obj = get_object_or_404(self.model, pk=object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        version = get_object_or_404(Version.objects.get_for_object(obj), pk=version_id)
        rows = []
        # The revision holds the object and what is edited with it (an article's versions, a step's citations).
        for saved in version.revision.version_set.select_related("content_type"):
            model = saved.content_type.model_class()
            current = model._default_manager.filter(pk=saved.object_id).first()
            rows += _differences(model, saved.field_dict, current)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "version": version,
            "rows": rows,
            "title": _("Compare %(object)s with its revision of %(date)s")
            % {"object": obj, "date": f"{version.revision.date_created:%Y-%m-%d %H:%M}"},
            "revert_url": reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_revision", args=[obj.pk, version.pk]
            ),
        }
        return TemplateResponse(request, "admin/compare_revision.html", context)


def _differences(model, then, current):
    """A row for each field whose value differs between the revision and now (deleted since: all of them)."""
    rows = []
    for field in model._meta.concrete_fields:
        if field.primary_key or not field.editable:
            continue
        old = then.get(field.attname)
        new = getattr(current, field.attname) if current is not None else None
        if old != new:
            language = "en" if field.name.endswith("_en") else "zh"
            label = f"{model._meta.verbose_name} “{current or _('deleted')}”: {field.verbose_name}"
            rows.append({"field": label, "runs": compare(_text(old), _text(new), language)})
    return rows


def _text(value):
    return "" if value is None else str(value)
