"""What changed between two wordings of an article, as runs of kept, removed and added text.

Chinese is compared character by character (it has no spaces); English word by word.
"""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

KEPT, REMOVED, ADDED = "kept", "removed", "added"
WORDS = re.compile(r"\w+\s*|[^\w\s]\s*|\s+")


@dataclass(frozen=True)
class Run:
    kind: str  # KEPT, REMOVED or ADDED
    text: str


def compare(old, new, language="zh"):
    """The runs that turn `old` into `new`: kept text once, replaced text as removed then added."""
    split = list if language == "zh" else WORDS.findall
    before, after = split(old), split(new)
    runs = []
    matcher = SequenceMatcher(a=before, b=after, autojunk=False)
    for operation, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if operation == "equal":
            runs.append(Run(KEPT, "".join(before[a_start:a_end])))
            continue
        if a_end > a_start:
            runs.append(Run(REMOVED, "".join(before[a_start:a_end])))
        if b_end > b_start:
            runs.append(Run(ADDED, "".join(after[b_start:b_end])))
    return runs


def compare_paragraphs(old, new, language="zh"):
    """`compare` paragraph by paragraph, so that each paragraph of the newer text reads on its own line."""
    old_lines, new_lines = old.splitlines(), new.splitlines()
    width = max(len(old_lines), len(new_lines))
    old_lines += [""] * (width - len(old_lines))
    new_lines += [""] * (width - len(new_lines))
    return [compare(before, after, language) for before, after in zip(old_lines, new_lines, strict=True)]
