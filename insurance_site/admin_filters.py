"""A list filter for the staff site whose unfiltered choice is not "All" but the one staff need most (this
week's searches, the steps still to check): the others are one click away."""

from django.contrib import admin


class DefaultChoiceFilter(admin.SimpleListFilter):
    """Subclasses set `default_title`, the name of what the list shows with no choice made, and handle
    `self.value() is None` as that choice in `queryset`."""

    default_title = None

    def choices(self, changelist):
        for lookup, title in [(None, self.default_title), *self.lookup_choices]:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}, []),
                "display": title,
            }
