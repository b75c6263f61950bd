"""A drawing of an edition's flow for the admin: questions and outcomes as boxes in columns by
how many answers it takes to reach them, each question's answers listed inside its box with an arrow
from each answer to where it leads, problems in red. Answers are written inside the boxes, so no label
can overlap another or a box. Pure layout; the template turns it into SVG."""

from dataclasses import dataclass, field

from django.urls import reverse

from . import flow
from .models import Option, Outcome, Question, Step

BOX_WIDTH, HEADER_HEIGHT, LINE_HEIGHT = 220, 52, 20
COLUMN_GAP, ROW_GAP, MARGIN = 90, 24, 20


@dataclass
class Box:
    kind: str
    slug: str
    label: str
    url: str
    column: int = 0
    y: int = 0
    answers: list = field(default_factory=list)  # [(label, line y)] for a question's options
    problems: list = field(default_factory=list)

    @property
    def x(self):
        return MARGIN + self.column * (BOX_WIDTH + COLUMN_GAP)

    @property
    def height(self):
        return HEADER_HEIGHT + LINE_HEIGHT * len(self.answers) + (6 if self.answers else 0)

    @property
    def answer_lines(self):
        """Each answer with the baseline of its line of text."""
        return [(label, self.answer_y(index) + 5) for index, label in enumerate(self.answers)]

    def answer_y(self, index):
        """Where the arrow of the box's `index`th answer starts: the middle of its line."""
        return self.y + HEADER_HEIGHT + LINE_HEIGHT * index + LINE_HEIGHT / 2


@dataclass
class Arrow:
    path: str


def draw(guide, problems):
    """Boxes, arrows and the drawing's size for `guide`, with `problems` marked on their boxes."""
    loaded = guide.load_flow()
    questions = {question.slug: question for question in guide.questions.all()}
    outcomes = {outcome.slug: outcome for outcome in guide.outcomes.all()}
    boxes = {}
    for slug, question in questions.items():
        boxes[(flow.QUESTION, slug)] = Box(
            flow.QUESTION, slug, question.text, reverse("admin:guidance_question_change", args=[question.pk])
        )
    for slug, outcome in outcomes.items():
        boxes[(flow.OUTCOME, slug)] = Box(
            flow.OUTCOME, slug, outcome.title, reverse("admin:guidance_outcome_change", args=[outcome.pk])
        )
    for problem in problems:
        node = problem.node or _node_of(problem.obj)
        if node in boxes:
            boxes[node].problems.append(problem.message)
    choices = {slug: getattr(loaded.questions.get(slug), "choices", []) for slug in questions}
    for slug, options in choices.items():
        boxes[(flow.QUESTION, slug)].answers = [option.label for option in options]
    _place(boxes, loaded.graph)
    arrows = []
    for slug, options in choices.items():
        source = boxes[(flow.QUESTION, slug)]
        for index, option in enumerate(options):
            target = loaded.graph.questions[slug][option.value]
            arrows.append(_arrow(source, index, boxes[(target.kind, target.slug)]))
    width = MARGIN * 2 + (max(box.column for box in boxes.values()) + 1) * (BOX_WIDTH + COLUMN_GAP) - COLUMN_GAP
    height = MARGIN + max(box.y + box.height for box in boxes.values())
    listed = [(box, message) for box in boxes.values() for message in box.problems]
    return {"boxes": list(boxes.values()), "arrows": arrows, "width": width, "height": height, "problems": listed}


def _node_of(obj):
    """The box a problem with a question, option, outcome or step belongs in."""
    if isinstance(obj, Question):
        return (flow.QUESTION, obj.slug)
    if isinstance(obj, Option):
        return (flow.QUESTION, obj.question.slug)
    if isinstance(obj, Outcome):
        return (flow.OUTCOME, obj.slug)
    if isinstance(obj, Step):
        return (flow.OUTCOME, obj.outcome.slug)
    return None


def _place(boxes, graph):
    """Columns by the fewest answers from the start; what cannot be reached goes in a last column."""
    depth = {}
    if graph.start:
        depth[(flow.QUESTION, graph.start)] = 0
        pending = [(flow.QUESTION, graph.start)]
        while pending:
            node = pending.pop(0)
            for target in graph.questions.get(node[1], {}).values() if node[0] == flow.QUESTION else ():
                key = (target.kind, target.slug)
                if key not in depth:
                    depth[key] = depth[node] + 1
                    pending.append(key)
    last = max(depth.values(), default=-1) + 1
    tops = {}
    for key, box in sorted(boxes.items(), key=lambda item: (depth.get(item[0], last), item[0][0] == flow.OUTCOME)):
        box.column = depth.get(key, last)
        box.y = tops.get(box.column, MARGIN)
        tops[box.column] = box.y + box.height + ROW_GAP


def _arrow(source, index, target):
    """From the right edge of the answer's line to the left edge of the box it leads to."""
    start_x, start_y = source.x + BOX_WIDTH, source.answer_y(index)
    end_x, end_y = target.x, target.y + HEADER_HEIGHT / 2
    bend = max(COLUMN_GAP / 2, abs(end_x - start_x) / 3)
    path = f"M{start_x},{start_y} C{start_x + bend},{start_y} {end_x - bend},{end_y} {end_x - 6},{end_y}"
    return Arrow(path)
