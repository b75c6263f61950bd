"""Comparing an object with one of its earlier revisions in the admin, field by field, and reverting
only that object.

django-reversion keeps the revisions and reverts them; this adds the "what is different" view,
reusing the law's comparison of wordings (character by character in Chinese, word by word in English).
A revision may hold much more than the object (the loaded law, a new draft's every row): comparing,
reverting and recovering touch only the object and what hangs from it.
"""

from itertools import groupby

import reversion
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models.deletion import Collector
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from reversion.models import Version, _follow_relations_recursive, _safe_revert

from search import registry as search_index
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

    def _reversion_revisionform_view(self, request, version, template_name, extra_context=None):
        """The revert and recover pages: as django-reversion draws them, but putting back only the object
        and what hangs from it, and re-indexing each page it touches once."""
        revision = version.revision  # the instance django-reversion reverts
        revision.revert = lambda delete=False: _revert(_belonging_to(version._model, version.object_id, revision))
        with search_index.batch():
            return super()._reversion_revisionform_view(request, version, template_name, extra_context)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        view = self.admin_site.admin_view(self.compare_view)
        name = "{}_{}_compare".format(*info)
        return [path("<path:object_id>/history/<int:version_id>/compare/", view, name=name), *super().get_urls()]

    def history_view(self, request, object_id, extra_context=None):
        response = super().history_view(request, object_id, extra_context)
        actions = response.context_data.get("action_list", [])
        in_order = sorted(actions, key=lambda action: action["revision"].date_created)
        for older, action in zip([None, *in_order[:-1]], in_order, strict=True):
            # reversion links each row to ".../history/<version id>/"; the compare pages sit beside it.
            action["compare_url"] = action["url"].rstrip("/") + "/compare/"
            if older is not None:
                later_id = action["url"].rstrip("/").rsplit("/", 1)[-1]  # ".../history/<version id>/"
                action["previous_compare_url"] = f"{older['url'].rstrip('/')}/compare/?with={later_id}"
        return response

    def compare_view(self, request, object_id, version_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = Version.objects.get_for_object(obj)
        version = get_object_or_404(versions, pk=version_id)
        later = versions.filter(pk=request.GET.get("with")).first() if request.GET.get("with", "").isdigit() else None
        rows = []
        # The revision holds the object and what is edited with it (an article's versions, a step's citations),
        # and perhaps much else saved at the same time (a new draft's every row): compare only the former.
        for saved in _belonging_to(type(obj), obj.pk, version.revision):
            model = saved.content_type.model_class()
            if later is None:
                current = model._default_manager.filter(pk=saved.object_id).first()
                now = _values(model, current) if current is not None else None
            else:
                then = later.revision.version_set.filter(content_type=saved.content_type, object_id=saved.object_id)
                now = then[0].field_dict if then else None
            rows += _differences(model, saved.object_repr, saved.field_dict, now)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "version": version,
            "rows": rows,
            "later": later,
            "title": (
                _("Compare %(object)s: the revision of %(date)s with that of %(later)s")
                % {"object": obj, "date": _when(version), "later": _when(later)}
                if later
                else _("Compare %(object)s with its revision of %(date)s") % {"object": obj, "date": _when(version)}
            ),
            "revert_url": reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_revision", args=[obj.pk, version.pk]
            ),
        }
        return TemplateResponse(request, "admin/compare_revision.html", context)


def _belonging_to(model, pk, revision):
    """The versions in `revision` of an object and of what hangs from it (its rows, and theirs), however deep."""
    saved = list(revision.version_set.select_related("content_type"))
    members = {(model, str(pk))}
    found, grew = [], True
    while grew:
        grew = False
        for version in saved:
            model = version.content_type.model_class()
            if (model, version.object_id) in members:
                if version not in found:
                    found.append(version)
                continue
            data = version.field_dict
            for field in model._meta.concrete_fields:
                if field.is_relation and (field.related_model, str(data.get(field.attname))) in members:
                    members.add((model, version.object_id))
                    found.append(version)
                    grew = True
                    break
    return found


def _revert(versions):
    """What django-reversion's Revision.revert(delete=True) does, for `versions` only: rows added to these
    objects since (a new citation) are deleted, then each is saved as it was."""
    with transaction.atomic():
        then = set()
        for version in versions:
            current = version._model._default_manager.filter(pk=version.object_id).first()
            if current is not None:
                then.add(current)
        added = [row for obj in then for row in _follow_relations_recursive(obj) if row not in then]
        collector = Collector(using=DEFAULT_DB_ALIAS)
        for _model, rows in groupby(added, type):
            collector.collect(list(rows))
        collector.delete()
        _safe_revert(versions)


def _when(version):
    """When a revision was saved, in local time (Beijing), to the second."""
    return f"{timezone.localtime(version.revision.date_created):%Y-%m-%d %H:%M:%S}"


def _values(model, instance):
    return {field.attname: getattr(instance, field.attname) for field in model._meta.concrete_fields}


def _differences(model, name, then, now):
    """A row for each field whose value differs between the revision and `now` (the current values, or a
    later revision's; None when the object is gone: then all of them)."""
    rows = []
    for field in model._meta.concrete_fields:
        if field.primary_key or not field.editable:
            continue
        old = then.get(field.attname)
        new = now.get(field.attname) if now is not None else None
        if old != new:
            language = "en" if field.name.endswith("_en") else "zh"
            label = f"{model._meta.verbose_name} “{name}”: {field.verbose_name}"
            if now is None:
                label += f" ({_('deleted')})"
            rows.append({"field": label, "runs": compare(_text(old), _text(new), language)})
    return rows


def _text(value):
    return "" if value is None else str(value)
