"""Walking the guide's graph, answers in and node out, without a database."""

import json
from pathlib import Path

import pytest

from guidance import flow
from guidance.flow import OUTCOME, QUESTION, Node

GUIDE = Path(__file__).resolve().parents[1] / "guidance" / "data" / "guide.json"


def shipped_graph():
    """The graph of the guide that ships with the site, read from its data file."""
    data = json.loads(GUIDE.read_text(encoding="utf-8"))
    questions = {}
    for question in data["questions"]:
        routes = {}
        for option in question["options"]:
            kind, slug = option["next"].split(":")
            routes[option["value"]] = Node(kind, slug)
        questions[question["slug"]] = routes
    return flow.Graph(start=data["start"], questions=questions)


GRAPH = shipped_graph()
OUTCOMES = {
    "employer-pays",
    "employer-not-paying",
    "which-insurance",
    "residents",
    "make-up-contributions",
    "pay-in-person",
    "pay-through-agency",
}


@pytest.mark.parametrize(
    ("answers", "node"),
    [
        ({}, Node(QUESTION, "who-pays")),
        ({"who-pays": "employer"}, Node(QUESTION, "employer-paying")),
        ({"who-pays": "employer", "employer-paying": "yes"}, Node(OUTCOME, "employer-pays")),
        ({"who-pays": "employer", "employer-paying": "no"}, Node(OUTCOME, "employer-not-paying")),
        ({"who-pays": "employer", "employer-paying": "not-sure"}, Node(OUTCOME, "employer-pays")),
        ({"who-pays": "myself"}, Node(QUESTION, "your-situation")),
        ({"who-pays": "myself", "your-situation": "resident"}, Node(OUTCOME, "residents")),
        ({"who-pays": "myself", "your-situation": "not-sure"}, Node(OUTCOME, "which-insurance")),
        ({"who-pays": "myself", "your-situation": "flexible-work"}, Node(QUESTION, "lapse")),
        (
            {"who-pays": "myself", "your-situation": "flexible-work", "lapse": "yes"},
            Node(OUTCOME, "make-up-contributions"),
        ),
        (
            {"who-pays": "myself", "your-situation": "flexible-work", "lapse": "no"},
            Node(QUESTION, "how-to-pay"),
        ),
        (
            {"who-pays": "myself", "your-situation": "flexible-work", "lapse": "no", "how-to-pay": "in-person"},
            Node(OUTCOME, "pay-in-person"),
        ),
        (
            {"who-pays": "myself", "your-situation": "flexible-work", "lapse": "no", "how-to-pay": "agency"},
            Node(OUTCOME, "pay-through-agency"),
        ),
        ({"who-pays": "not-sure"}, Node(OUTCOME, "which-insurance")),
    ],
)
def test_each_answer_leads_to_the_expected_node(answers, node):
    """Each answer in the shipped guide leads to the question or outcome it should."""
    assert flow.walk(GRAPH, answers).node == node


@pytest.mark.parametrize(
    ("answers", "question"),
    [
        ({"who-pays": "nobody"}, "who-pays"),
        ({"who-pays": "employer", "employer-paying": "sometimes"}, "employer-paying"),
        ({"who-pays": "myself", "your-situation": ""}, "your-situation"),
        ({"who-pays": "EMPLOYER"}, "who-pays"),
    ],
)
def test_an_answer_that_is_not_an_option_is_refused(answers, question):
    """A forged answer names the question it was given to."""
    with pytest.raises(flow.InvalidAnswer) as error:
        flow.walk(GRAPH, answers)
    assert error.value.question == question


def test_answers_off_the_path_are_ignored():
    """Answers to questions the path never reaches do not change where it leads or what it records."""
    walk = flow.walk(GRAPH, {"who-pays": "employer", "lapse": "yes", "how-to-pay": "agency"})
    assert walk.node == Node(QUESTION, "employer-paying")
    assert walk.answers == (("who-pays", "employer"),)


def test_answers_are_recorded_in_the_order_asked():
    """The walk lists the answers in the order the questions came, whatever order the URL had."""
    walk = flow.walk(
        GRAPH, {"how-to-pay": "agency", "lapse": "no", "your-situation": "flexible-work", "who-pays": "myself"}
    )
    assert [question for question, _ in walk.answers] == ["who-pays", "your-situation", "lapse", "how-to-pay"]
    assert walk.answers_before("lapse") == (("who-pays", "myself"), ("your-situation", "flexible-work"))
    assert walk.answer_to("how-to-pay") == "agency"


def test_a_loop_in_the_graph_stops_the_walk():
    """A graph that leads back to a question already answered raises instead of looping forever."""
    looping = flow.Graph(
        start="a",
        questions={"a": {"x": Node(QUESTION, "b")}, "b": {"y": Node(QUESTION, "a")}},
    )
    with pytest.raises(flow.BrokenFlow):
        flow.walk(looping, {"a": "x", "b": "y"})


def test_every_path_through_the_shipped_guide_ends_in_an_outcome():
    """From the first question, every choice eventually reaches an outcome."""
    outcomes = set()
    pending = [{}]
    while pending:
        answers = pending.pop()
        node = flow.walk(GRAPH, answers).node
        if node.kind == OUTCOME:
            outcomes.add(node.slug)
            continue
        pending.extend({**answers, node.slug: value} for value in GRAPH.options(node.slug))
    assert outcomes == OUTCOMES


def test_each_outcome_has_a_shortest_route_that_really_leads_there():
    """The route offered to each outcome is as short as possible and walks to that outcome."""
    routes = flow.routes_to_outcomes(GRAPH)
    assert set(routes) == OUTCOMES
    assert routes["which-insurance"] == (("who-pays", "not-sure"),)
    for slug, answers in routes.items():
        assert flow.walk(GRAPH, dict(answers)).node == Node(OUTCOME, slug)


def test_the_shipped_guide_has_no_flow_problems():
    """The guide that ships with the site can be published as it is."""
    assert flow.problems(GRAPH, GRAPH.questions) == []


@pytest.mark.parametrize(
    ("questions", "extra", "expected"),
    [
        (
            {"a": {"x": Node(QUESTION, "b")}, "b": {"y": Node(QUESTION, "a")}},
            (),
            [("cycle", "a"), ("cycle", "b"), ("dead-end", "a"), ("dead-end", "b")],
        ),
        ({"a": {"x": Node(OUTCOME, "done")}, "lost": {"y": Node(OUTCOME, "done")}}, (), [("unreachable", "lost")]),
        ({"a": {"x": Node(QUESTION, "empty")}}, ("empty",), [("no-options", "empty"), ("dead-end", "a")]),
        ({"a": {"x": Node(OUTCOME, "done")}}, ("orphan",), [("no-options", "orphan"), ("unreachable", "orphan")]),
    ],
)
def test_flow_problems_are_found(questions, extra, expected):
    """Loops, questions nobody reaches, questions without options and paths that never end are reported."""
    graph = flow.Graph(start="a", questions=questions)
    assert flow.problems(graph, [*questions, *extra]) == expected


def test_a_guide_without_a_first_question_is_a_problem():
    """No first question means nothing else can be checked."""
    assert flow.problems(flow.Graph(start=None, questions={})) == [("no-start", None)]
