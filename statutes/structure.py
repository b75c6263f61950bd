"""An article's structure, read from its text: paragraphs (款) and the items (项) listed in them.

Staff write an article one line per paragraph or item. A line that opens with an item marker, （一）
in Chinese or (1) in English, is an item of the paragraph before it; every other line is a paragraph.
So items never shift paragraph numbers: Article 30 of the Social Insurance Law has two paragraphs,
the first with four items.
"""

import re
from dataclasses import dataclass

from insurance_site.content import lines

ITEM_MARKERS = {
    "zh": re.compile(r"（[一二三四五六七八九十]+）"),
    "en": re.compile(r"\([0-9]+\)\s"),
}


@dataclass(frozen=True)
class Item:
    number: int
    text: str

    def anchor(self, paragraph):
        return f"paragraph-{paragraph}-item-{self.number}"


@dataclass(frozen=True)
class Paragraph:
    number: int
    text: str
    items: tuple = ()

    @property
    def anchor(self):
        return f"paragraph-{self.number}"

    def item(self, number):
        """The item numbered `number` (from 1), or None."""
        return self.items[number - 1] if 0 < number <= len(self.items) else None


def parse(text, language):
    """The paragraphs of `text`, each with its items; `language` is "zh" or "en"."""
    marker = ITEM_MARKERS["en" if language.startswith("en") else "zh"]
    paragraphs = []
    for line in lines(text):
        if marker.match(line) and paragraphs:
            last = paragraphs[-1]
            item = Item(len(last.items) + 1, line)
            paragraphs[-1] = Paragraph(last.number, last.text, (*last.items, item))
        else:
            paragraphs.append(Paragraph(len(paragraphs) + 1, line))
    return paragraphs


def shape(paragraphs):
    """How many items each paragraph has: two texts with the same shape can be read side by side."""
    return [len(paragraph.items) for paragraph in paragraphs]


def select(paragraphs, paragraph=None, item=None):
    """The cited part: one paragraph (with only the cited item, if one is given), or all of them.

    Returns an empty list when the paragraph or item does not exist.
    """
    if paragraph is None:
        return list(paragraphs)
    if not 0 < paragraph <= len(paragraphs):
        return []
    chosen = paragraphs[paragraph - 1]
    if item is None:
        return [chosen]
    cited = chosen.item(item)
    return [Paragraph(chosen.number, chosen.text, (cited,))] if cited else []
