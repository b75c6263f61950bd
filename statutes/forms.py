import datetime

from django import forms
from django.utils.translation import gettext_lazy as _


class PointInTimeForm(forms.Form):
    """`?date=YYYY-MM-DD`: read the law as it stood on that day. Empty means today."""

    date = forms.DateField(
        label=_("Show the law as it stood on"),
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter a real date, for example 2018-12-29")},
    )

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date and not datetime.date(1949, 10, 1) <= date <= datetime.date(2999, 12, 31):
            raise forms.ValidationError(_("Enter a date between 1949 and 2999"), code="out_of_range")
        return date
