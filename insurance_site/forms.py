from django import forms
from django.utils.translation import gettext_lazy as _

from . import search


class SearchForm(forms.Form):
    """The search box on every page: words, a phrase, or an article number to go straight to."""

    q = forms.CharField(label=_("Search the law and the guide"), required=False)

    def clean_q(self):
        query = search.clean_query(self.cleaned_data["q"])
        if len(query) > search.MAX_QUERY_LENGTH:
            raise forms.ValidationError(
                _("Your search is too long: use at most %(limit)s characters"),
                code="too_long",
                params={"limit": search.MAX_QUERY_LENGTH},
            )
        if not search.query_terms(query):
            raise forms.ValidationError(
                _("Enter a word, a phrase or an article number, for example 补缴, late fee or 23"), code="empty"
            )
        return query


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
