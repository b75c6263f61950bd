"""Content that staff write in the database: stored in both site languages, one paragraph per line."""

from django.utils.translation import get_language


def is_english():
    return (get_language() or "").startswith("en")


def lines(text):
    """The non-empty lines of `text`: its paragraphs, or the items of a list."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class Bilingual:
    """Reads `<name>_en` on the English site and `<name>_zh` everywhere else.

    The Chinese field is the fallback: it is always filled in, and for the law it prevails.
    """

    def __init__(self, name):
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        english = getattr(instance, f"{self.name}_en", "")
        if is_english() and english:
            return english
        return getattr(instance, f"{self.name}_zh")
