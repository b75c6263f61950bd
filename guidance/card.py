"""The counter card (办事卡): a result on one printed page to hand to a clerk.

It shows what the result page shows, shorter: each cited paragraph once, in the official Chinese text,
each practice note once with the date it was last checked, and a QR code that opens the result."""

import functools

import segno
from django.utils.safestring import mark_safe


def contents(outcome):
    """The steps, and what they rest on without repeats: steps often cite the same paragraph or share a
    practice note (every result ends with "Contact the medical insurance agency")."""
    steps = list(outcome.steps.all())
    citations, notes = {}, {}
    for step in steps:
        for citation in step.citations.all():
            citations.setdefault((citation.article_id, citation.paragraph, citation.item), citation)
        for note in step.practice_notes.all():
            notes.setdefault((note.text_zh, note.source_zh, note.checked_on), note)
    dates = {note.checked_on for note in notes.values()}
    return {
        "steps": steps,
        "citations": list(citations.values()),
        "practice_notes": list(notes.values()),
        "checked_on": dates.pop() if len(dates) == 1 else None,  # said once when every note shares it
    }


@functools.lru_cache(maxsize=4096)
def qr_code(url):
    """The QR code of `url` as inline SVG, drawn here: no outside service sees which result was asked for.

    Medium error correction survives a crumpled or smudged print. The SVG has a viewBox and no size or
    style of its own (the stylesheet sizes it, and the Content-Security-Policy allows no inline style);
    it is hidden from screen readers, which read the address printed beside it instead. Drawing one takes
    milliseconds (choosing the mask that scans best), so each address's code is kept once drawn."""
    svg = segno.make(url, error="m").svg_inline(omitsize=True, svgclass="card__qr-code", lineclass=None)
    return mark_safe(svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1))  # segno's own markup
