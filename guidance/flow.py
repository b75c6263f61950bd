"""Walking the guide: answers in, the current node out.

Pure and free of I/O, so it is tested without a database. The graph is built from the rows staff
edit (see `guidance.models`); the answers come from the URL's query string.
"""

from dataclasses import dataclass
from typing import NamedTuple

QUESTION = "question"
OUTCOME = "outcome"


class Node(NamedTuple):
    """A question or an outcome. A tuple, because walking a guide makes and compares many of them."""

    kind: str  # QUESTION or OUTCOME
    slug: str


@dataclass(frozen=True)
class Graph:
    """`questions` maps a question's slug to its options: answer value -> the node it leads to."""

    start: str
    questions: dict

    def options(self, question):
        return self.questions[question]

    def nodes(self):
        """Every question and every node an option leads to."""
        found = {Node(QUESTION, slug) for slug in self.questions}
        return found.union(*(routes.values() for routes in self.questions.values()))


@dataclass(frozen=True)
class Walk:
    """Where the answers lead (`node`) and the answers given on the way, in the order asked."""

    node: Node
    answers: tuple  # ((question slug, answer value), ...)

    def answers_before(self, question):
        """The answers given before `question` was asked: what its page carries along."""
        earlier = []
        for asked, value in self.answers:
            if asked == question:
                break
            earlier.append((asked, value))
        return tuple(earlier)

    def answer_to(self, question):
        return dict(self.answers).get(question)


class InvalidAnswer(ValueError):
    """An answer that is not one of the question's options: a forged or mangled link."""

    def __init__(self, question, value):
        super().__init__(f"{value!r} is not an answer to {question!r}")
        self.question = question
        self.value = value


class BrokenFlow(RuntimeError):
    """The graph loops or leads nowhere; validation when staff save should prevent this."""


def walk(graph, answers):
    """Follow `answers` (question slug -> value) from the start until a question is unanswered
    or an outcome is reached. Answers to questions off the path are ignored."""
    node = Node(QUESTION, graph.start)
    taken = []
    seen = set()
    while node.kind == QUESTION and node.slug in answers:
        if node.slug in seen or node.slug not in graph.questions:
            raise BrokenFlow(f"the guide cannot continue at question {node.slug!r}")
        seen.add(node.slug)
        value = answers[node.slug]
        options = graph.options(node.slug)
        if value not in options:
            raise InvalidAnswer(node.slug, value)
        taken.append((node.slug, value))
        node = options[value]
    return Walk(node=node, answers=tuple(taken))


def routes(graph):
    """For each question and outcome reachable from the start, the fewest answers that lead there.

    Lets other pages link to a question or result (the law's "cited by" lists, the admin's "View on
    site") with answers that really lead to it.
    """
    found = {Node(QUESTION, graph.start): ()}
    queue = [Node(QUESTION, graph.start)]
    while queue:
        node = queue.pop(0)
        for value, target in graph.questions.get(node.slug, {}).items():
            if target not in found:
                found[target] = (*found[node], (node.slug, value))
                if target.kind == QUESTION:
                    queue.append(target)
    return found


def routes_to_outcomes(graph):
    """For each reachable outcome (by slug), the fewest answers that lead there."""
    return {node.slug: answers for node, answers in routes(graph).items() if node.kind == OUTCOME}


def problems(graph, questions=()):
    """What is wrong with the graph, as (kind, question slug) pairs, for staff to fix before publishing.

    `questions` names every question of the guide, including any that no option reaches or that
    have no options yet. Kinds: "no-start", "unreachable", "no-options", "cycle", "dead-end".
    """
    everything = set(questions) | set(graph.questions)
    if graph.start is None or graph.start not in everything:
        return [("no-start", graph.start)]
    found = [("no-options", slug) for slug in sorted(everything) if not graph.questions.get(slug)]
    reachable = _reachable(graph)
    found += [("unreachable", slug) for slug in sorted(everything - reachable)]
    found += [("cycle", slug) for slug in sorted(_in_cycles(graph))]
    ends = _reaching_an_outcome(graph)
    found += [("dead-end", slug) for slug in sorted(reachable - ends) if graph.questions.get(slug)]
    return found


def _next_questions(graph, slug):
    return {target.slug for target in graph.questions.get(slug, {}).values() if target.kind == QUESTION}


def _reachable(graph):
    seen, pending = set(), [graph.start]
    while pending:
        slug = pending.pop()
        if slug not in seen:
            seen.add(slug)
            pending.extend(_next_questions(graph, slug))
    return seen


def _in_cycles(graph):
    """Questions from which the answers can lead back to the same question."""
    looping = set()
    for slug in graph.questions:
        seen, pending = set(), list(_next_questions(graph, slug))
        while pending:
            current = pending.pop()
            if current == slug:
                looping.add(slug)
                break
            if current not in seen:
                seen.add(current)
                pending.extend(_next_questions(graph, current))
    return looping


def _reaching_an_outcome(graph):
    """Questions from which some answers lead to an outcome."""
    ending = {
        slug for slug, routes in graph.questions.items() if any(target.kind == OUTCOME for target in routes.values())
    }
    changed = True
    while changed:
        changed = False
        for slug in graph.questions:
            if slug not in ending and _next_questions(graph, slug) & ending:
                ending.add(slug)
                changed = True
    return ending


@dataclass(frozen=True)
class FormerNames:
    """Names that earlier editions used: `questions` and `outcomes` map an old slug to the current one
    ("" when removed); `answers` maps (old question, old value) to (question, value), or to None."""

    questions: dict
    outcomes: dict
    answers: dict

    def current_answers(self, graph, answers):
        """`answers` with every former name read as the name it became; removed answers dropped.

        Names the graph still has are kept as they are. Renames may chain across several publishes;
        a chain that loops stops after as many steps as there are names.
        """
        current = {}
        for question, value in answers.items():
            for _ in range(len(self.questions) + len(self.answers) + 1):
                if question in graph.questions and value in graph.questions[question]:
                    break
                if (question, value) in self.answers:
                    renamed = self.answers[(question, value)]
                    if renamed is None:
                        question = None
                        break
                    question, value = renamed
                elif self.questions.get(question):
                    question = self.questions[question]
                else:
                    break
            if question is not None:
                current.setdefault(question, value)
        return current

    def knows(self, node):
        """Whether `node` is a name an earlier edition used (renamed or removed since)."""
        return node.slug in (self.questions if node.kind == QUESTION else self.outcomes)

    def current_node(self, graph, node):
        """The node `node` became, or None if it was removed or never existed."""
        names = self.questions if node.kind == QUESTION else self.outcomes
        slug = node.slug
        for _ in range(len(names) + 1):
            if Node(node.kind, slug) in graph.nodes():
                return Node(node.kind, slug)
            slug = names.get(slug)
            if not slug:
                return None
        return None
