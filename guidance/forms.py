from django import forms
from django.utils.translation import gettext_lazy as _


class AnswerForm(forms.Form):
    """One question's answer, named after the question so that it sits in the URL as `slug=value`."""

    def __init__(self, question, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.question = question
        self.fields[question.slug] = forms.ChoiceField(
            choices=[(option.value, option.label) for option in question.choices],
            error_messages={"required": _("Select one answer to continue")},
        )

    @property
    def forged(self):
        """The answer given is not one of the options: the link was made by hand or mangled."""
        return self.has_error(self.question.slug, "invalid_choice")

    @property
    def answer(self):
        return self.cleaned_data[self.question.slug]


class FeedbackForm(forms.Form):
    """ "Was this page useful?" Yes or no, and an optional comment; nothing that identifies anyone."""

    useful = forms.TypedChoiceField(
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        error_messages={"required": _("Select yes or no"), "invalid_choice": _("Select yes or no")},
    )
    comment = forms.CharField(
        required=False,
        max_length=500,
        error_messages={"max_length": _("Write at most %(limit_value)d characters")},
    )
