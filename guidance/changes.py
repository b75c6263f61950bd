"""What a draft edition changes against the published one, for the publisher to read before publishing.

Rows are matched across editions by their `key`, which every edition copies: a renamed question is a
change, not a removal and an addition. Texts are compared word by word (character by character in Chinese).
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from statutes.comparison import compare

from .models import Option, Outcome, Question, Step

ADDED, REMOVED, CHANGED = "added", "removed", "changed"


@dataclass
class Change:
    kind: str  # ADDED, REMOVED or CHANGED
    what: str  # "Question “situation”"
    fields: list = field(default_factory=list)  # [(field name, runs)], for CHANGED


def changes(published, draft):
    """Every difference between the two editions, questions first, then options, outcomes and steps."""
    found = []
    for model, where, fields in [
        (Question, "guide", ["slug", "text_zh", "text_en", "hint_zh", "hint_en"]),
        (Option, "question__guide", ["value", "label_zh", "label_en", "hint_zh", "hint_en", "leads_to", "position"]),
        (Outcome, "guide", ["slug", "title_zh", "title_en", "summary_zh", "summary_en", "to_bring_zh", "to_bring_en"]),
        (Step, "outcome__guide", ["title_zh", "title_en", "body_zh", "body_en", "cites", "practice", "position"]),
    ]:
        before = _rows(model, where, published)
        after = _rows(model, where, draft)
        for key in after.keys() - before.keys():
            found.append(Change(ADDED, _describe(after[key])))
        for key in before.keys() - after.keys():
            found.append(Change(REMOVED, _describe(before[key])))
        for key in before.keys() & after.keys():
            differences = [
                (
                    _field_name(model, name),
                    compare(_value(before[key], name), _value(after[key], name), _language(name)),
                )
                for name in fields
                if _value(before[key], name) != _value(after[key], name)
            ]
            if differences:
                found.append(Change(CHANGED, _describe(after[key]), differences))
    return found


def _rows(model, where, guide):
    if guide is None:
        return {}
    rows = model.objects.filter(**{where: guide})
    if model is Option:
        rows = rows.select_related("question", "next_question", "outcome")
    if model is Step:
        rows = rows.select_related("outcome").prefetch_related("citations__article__law", "practice_notes")
    return {row.key: row for row in rows}


def _value(row, name):
    """A field's value as text; for options where they lead, for steps their citations and practice."""
    if name == "leads_to":
        target = row.next_question or row.outcome
        return f"{target._meta.verbose_name}: {target.slug}" if target else ""
    if name == "cites":
        return "\n".join(sorted(citation.label for citation in row.citations.all()))
    if name == "practice":
        notes = row.practice_notes.all()
        return "\n".join(f"{n.text_zh}\n{n.text_en}\n{n.source_zh} / {n.source_en} ({n.checked_on})" for n in notes)
    return str(getattr(row, name))


def _field_name(model, name):
    names = {"leads_to": _("leads to"), "cites": _("citations"), "practice": _("practice notes")}
    return names.get(name) or model._meta.get_field(name).verbose_name


def _language(name):
    return "zh" if name.endswith("_zh") or name == "practice" else "en"


def _describe(row):
    """ "Question “situation”", "Option “employee” of “situation”", "Step 2 of “employee”"."""
    if isinstance(row, Option):
        return _("Option “%(value)s” of “%(question)s”") % {"value": row.value, "question": row.question.slug}
    if isinstance(row, Step):
        return _("Step %(position)s of “%(outcome)s”: %(title)s") % {
            "position": row.position,
            "outcome": row.outcome.slug,
            "title": row.title,
        }
    return f"{row._meta.verbose_name} “{row.slug}”".capitalize()
