"""A drawing of an edition's flow for the admin: questions and outcomes as boxes in columns by
how many answers it takes to reach them, options as arrows, problems in red. Pure layout; the
template turns it into SVG."""

from dataclasses import dataclass, field

from django.urls import reverse

from . import flow
from .models import Option, Outcome, Question, Step

BOX_WIDTH, BOX_HEIGHT = 240, 64
COLUMN_GAP, ROW_GAP, MARGIN = 150, 28, 20


@dataclass
class Box:
    kind: str
    slug: str
    label: str
    url: str
    column: int = 0
    row: int = 0
    problems: list = field(default_factory=list)

    @property
    def x(self):
        return MARGIN + self.column * (BOX_WIDTH + COLUMN_GAP)

    @property
    def y(self):
        return MARGIN + self.row * (BOX_HEIGHT + ROW_GAP)


@dataclass
class Arrow:
    label: str
    path: str
    label_x: float
    label_y: float


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
    _place(boxes, loaded.graph)
    arrows = []
    for question in questions.values():
        for option in getattr(loaded.questions.get(question.slug), "choices", []):
            target = loaded.graph.questions[question.slug][option.value]
            arrows.append(
                _arrow(boxes[(flow.QUESTION, question.slug)], boxes[(target.kind, target.slug)], option.label)
            )
    width = MARGIN * 2 + (max(box.column for box in boxes.values()) + 1) * (BOX_WIDTH + COLUMN_GAP)
    height = MARGIN * 2 + (max(box.row for box in boxes.values()) + 1) * (BOX_HEIGHT + ROW_GAP)
    return {"boxes": list(boxes.values()), "arrows": arrows, "width": width, "height": height}


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
    rows = {}
    for key, box in sorted(boxes.items(), key=lambda item: (depth.get(item[0], last), item[0][0] == flow.OUTCOME)):
        box.column = depth.get(key, last)
        box.row = rows.get(box.column, 0)
        rows[box.column] = box.row + 1


def _arrow(source, target, label):
    start_x, start_y = source.x + BOX_WIDTH, source.y + BOX_HEIGHT / 2
    end_x, end_y = target.x, target.y + BOX_HEIGHT / 2
    bend = max(COLUMN_GAP / 2, abs(end_x - start_x) / 3)
    path = f"M{start_x},{start_y} C{start_x + bend},{start_y} {end_x - bend},{end_y} {end_x - 6},{end_y}"
    return Arrow(label, path, (start_x + end_x) / 2, (start_y + end_y) / 2 - 4)
