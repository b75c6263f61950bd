from django import forms
from django.utils.translation import gettext_lazy as _


class PublishForm(forms.Form):
    """What the publisher confirms: that they read what the draft changes, and what it changes, for the record."""

    note = forms.CharField(
        label=_("What this changes"),
        help_text=_("Kept in the history, with your name and the time."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": _("Say what this changes: it is kept in the history.")},
    )
    confirm = forms.BooleanField(
        label=_("I have read the changes above, and citizens should see them now."),
        error_messages={"required": _("Confirm that you have read the changes.")},
    )
