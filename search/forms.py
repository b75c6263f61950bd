from django import forms
from django.utils.translation import gettext_lazy as _

from .text import MAX_QUERY_LENGTH, clean_query, words


class SearchForm(forms.Form):
    """The search box on every page: words, a question, or an article number to go straight to."""

    q = forms.CharField(
        label=_("Search the law and the guide"),
        required=False,
        error_messages={  # %00 in the address: say what to do, not Django's own words
            "null_characters_not_allowed": _(
                "Your search has a character that cannot be searched for: use words, a phrase or an article number"
            ),
        },
    )

    def clean_q(self):
        query = clean_query(self.cleaned_data["q"])
        if len(query) > MAX_QUERY_LENGTH:
            raise forms.ValidationError(
                _("Your search is too long: use at most %(limit)s characters"),
                code="too_long",
                params={"limit": MAX_QUERY_LENGTH},
            )
        if not words(query):
            raise forms.ValidationError(
                _("Enter a word, a phrase or an article number, for example 补缴, late fee or 23"), code="empty"
            )
        return query
