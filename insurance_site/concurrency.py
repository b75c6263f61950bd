"""Admin forms that refuse to save over changes someone else saved after the form was opened.

The form carries a signed snapshot of the values it was opened with. On saving, the row is read
again (locked until the transaction ends): if it no longer matches, nothing is saved and the form
says what the other person changed.
"""

from django import forms
from django.contrib import messages
from django.core import signing
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from reversion.models import Version

from statutes.comparison import ADDED, REMOVED, compare

SALT = "insurance_site.concurrency"


class EditGuardForm(forms.ModelForm):
    loaded_values = forms.CharField(widget=forms.HiddenInput, required=False)
    conflict = False  # set when someone else saved after the form was opened

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["loaded_values"].initial = signing.dumps(_snapshot(self.instance), salt=SALT, compress=True)

    @property
    def changed_data(self):
        """What the editor changed; the snapshot is re-signed on every page load, so it never counts."""
        return [name for name in super().changed_data if name != "loaded_values"]

    def clean(self):
        cleaned = super().clean()
        # Browsers send CRLF from text areas: store LF, so a save never "changes" only line endings.
        for name, value in cleaned.items():
            if isinstance(value, str) and "\r" in value:
                cleaned[name] = value.replace("\r\n", "\n").replace("\r", "\n")
        if not self.instance.pk or not self.has_changed():
            return cleaned
        try:
            loaded = signing.loads(self.data.get(self.add_prefix("loaded_values"), ""), salt=SALT)
        except signing.BadSignature as error:
            message = _("This form is out of date: reload the page and make your changes again.")
            raise forms.ValidationError(message) from error
        model = type(self.instance)
        current = model._default_manager.select_for_update().filter(pk=self.instance.pk).first()
        if current is None:
            raise forms.ValidationError(
                _("Someone else deleted this %(object)s while you were editing it.")
                % {"object": model._meta.verbose_name}
            )
        now = _snapshot(current)
        changed = [name for name in now if loaded.get(name) != now[name]]
        if changed:
            # The form keeps the editor's text, and from now on starts from the other person's save: fields
            # the editor did not touch take the other person's value, and having seen what they changed,
            # the editor saves again to apply their own change on top.
            self.data = self.data.copy()
            self.data[self.add_prefix("loaded_values")] = signing.dumps(now, salt=SALT, compress=True)
            for name in changed:
                key = self.add_prefix(name)
                if name in self.fields and _as_stored(self.data.get(key)) == loaded.get(name):
                    self.data[key] = now[name]
            self.conflict = True
            raise forms.ValidationError(
                [CONFLICT % {"object": model._meta.verbose_name, "who": _who_saved(current)}]
                + [_difference(model, name, loaded.get(name), now[name]) for name in changed],
                code="conflict",
            )
        return cleaned


CONFLICT = gettext_lazy(
    "%(who)s saved changes to this %(object)s after you opened it, so your changes were not saved yet. "
    "Your text is still in the form, and fields you did not change now show their version. What they changed "
    "is below (struck through: removed; underlined: added): check it, then save again to apply yours."
)


def _snapshot(instance):
    """The instance's stored values, as text: what the form started from."""
    return {
        field.name: field.value_to_string(instance)
        for field in instance._meta.concrete_fields
        if not field.primary_key and field.editable
    }


def _as_stored(value):
    """A submitted text as the snapshot stores it (browsers send CRLF)."""
    return value.replace("\r\n", "\n") if isinstance(value, str) else value


def _who_saved(obj):
    """ "admin, at 2026-11-26 14:03:07", from the object's latest revision; "Someone else" without one."""
    latest = Version.objects.get_for_object(obj).select_related("revision__user").first()
    if latest is None or latest.revision.user is None:
        return _("Someone else")
    when = f"{timezone.localtime(latest.revision.date_created):%Y-%m-%d %H:%M:%S}"
    return _("%(user)s (at %(when)s)") % {"user": latest.revision.user.get_username(), "when": when}


def _difference(model, name, before, after):
    """One field's change as HTML: the field's name, then removed text struck through and added text underlined."""
    language = "en" if name.endswith("_en") else "zh"
    runs = compare(before or "", after or "", language)
    parts = [
        format_html("<del>{}</del>", run.text)
        if run.kind == REMOVED
        else format_html("<ins>{}</ins>", run.text)
        if run.kind == ADDED
        else escape(run.text)
        for run in runs
    ]
    field = model._meta.get_field(name).verbose_name
    return format_html("{}: {}", field, mark_safe("".join(parts)))  # every part was escaped above


class EditGuardMixin:
    """For ModelAdmin and inlines: use EditGuardForm and send its snapshot along with the form."""

    form = EditGuardForm

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        if self.has_change_permission(request, obj) and "loaded_values" not in fields:
            fields.append("loaded_values")
        return fields

    def render_change_form(self, request, context, *args, **kwargs):
        """A conflict in a row far down the page is announced at the top, with a link to the row; the
        rest of what the editor typed stays in the form."""
        for inline in context.get("inline_admin_formsets", []):
            formset = inline.formset
            for index, form in enumerate(formset.forms):
                if getattr(form, "conflict", False):
                    row = format_html(
                        '<a href="#{}-{}">{}</a>', formset.prefix, index, str(form.instance) or inline.opts.verbose_name
                    )
                    messages.error(request, format_html(CONFLICT_IN_ROW, row=row))
        return super().render_change_form(request, context, *args, **kwargs)


CONFLICT_IN_ROW = gettext_lazy(
    "Someone else changed {row} while you were editing this page: nothing was saved yet, and everything you "
    "typed is still in the form. Their change is shown at that row."
)
