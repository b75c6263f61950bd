"""Admin forms that refuse to save over changes someone else saved after the form was opened.

The form carries a signed snapshot of the values it was opened with. On saving, the row is read
again (locked until the transaction ends): if it no longer matches, nothing is saved and the form
says what the other person changed.
"""

from django import forms
from django.core import signing
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

SALT = "insurance_site.concurrency"


class EditGuardForm(forms.ModelForm):
    loaded_values = forms.CharField(widget=forms.HiddenInput, required=False)

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
            raise forms.ValidationError(
                [CONFLICT % {"object": model._meta.verbose_name}]
                + [
                    _("%(field)s is now: %(value)s")
                    % {
                        "field": model._meta.get_field(name).verbose_name,
                        "value": _shorten(now[name]),
                    }
                    for name in changed
                ],
                code="conflict",
            )
        return cleaned


CONFLICT = gettext_lazy(
    "Someone else saved changes to this %(object)s after you opened it, so your changes were not saved. "
    "Copy what you need, reload the page to see their version, and make your changes again. What they changed:"
)


def _snapshot(instance):
    """The instance's stored values, as text: what the form started from."""
    return {
        field.name: field.value_to_string(instance)
        for field in instance._meta.concrete_fields
        if not field.primary_key and field.editable
    }


def _shorten(value, limit=300):
    value = value or "—"
    return value if len(value) <= limit else value[:limit] + "…"


class EditGuardMixin:
    """For ModelAdmin and inlines: use EditGuardForm and send its snapshot along with the form."""

    form = EditGuardForm

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        if self.has_change_permission(request, obj) and "loaded_values" not in fields:
            fields.append("loaded_values")
        return fields
