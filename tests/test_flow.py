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
    "employee",
    "employer-not-paying",
    "flexible-employee",
    "flexible-lapse",
    "residents",
    "residents-lapse",
    "child-student",
    "newborn",
    "retired",
    "retired-short",
    "unemployment-benefits",
    "moving-employee",
    "moving-resident",
    "which-scheme",
}
EMPLOYEE = {"situation": "employee"}
FLEXIBLE = {"situation": "flexible"}


@pytest.mark.parametrize(
    ("answers", "node"),
    [
        ({}, Node(QUESTION, "situation")),
        (EMPLOYEE, Node(QUESTION, "employer-paying")),
        ({**EMPLOYEE, "employer-paying": "yes"}, Node(OUTCOME, "employee")),
        ({**EMPLOYEE, "employer-paying": "no"}, Node(OUTCOME, "employer-not-paying")),
        ({**EMPLOYEE, "employer-paying": "not-sure"}, Node(OUTCOME, "employee")),
        (FLEXIBLE, Node(QUESTION, "flexible-scheme")),
        ({**FLEXIBLE, "flexible-scheme": "employee-insurance"}, Node(QUESTION, "flexible-lapse")),
        (
            {**FLEXIBLE, "flexible-scheme": "employee-insurance", "flexible-lapse": "no"},
            Node(OUTCOME, "flexible-employee"),
        ),
        (
            {**FLEXIBLE, "flexible-scheme": "employee-insurance", "flexible-lapse": "yes"},
            Node(OUTCOME, "flexible-lapse"),
        ),
        ({**FLEXIBLE, "flexible-scheme": "residents-insurance"}, Node(QUESTION, "resident-lapse")),
        ({**FLEXIBLE, "flexible-scheme": "residents-insurance", "resident-lapse": "no"}, Node(OUTCOME, "residents")),
        ({**FLEXIBLE, "flexible-scheme": "not-sure"}, Node(OUTCOME, "which-scheme")),
        ({"situation": "resident"}, Node(QUESTION, "resident-lapse")),
        ({"situation": "resident", "resident-lapse": "no"}, Node(OUTCOME, "residents")),
        ({"situation": "resident", "resident-lapse": "yes"}, Node(OUTCOME, "residents-lapse")),
        ({"situation": "resident", "resident-lapse": "not-sure"}, Node(OUTCOME, "residents-lapse")),
        ({"situation": "child"}, Node(QUESTION, "child-age")),
        ({"situation": "child", "child-age": "newborn"}, Node(OUTCOME, "newborn")),
        ({"situation": "child", "child-age": "child"}, Node(OUTCOME, "child-student")),
        ({"situation": "retired"}, Node(QUESTION, "retired-years")),
        ({"situation": "retired", "retired-years": "enough"}, Node(OUTCOME, "retired")),
        ({"situation": "retired", "retired-years": "not-enough"}, Node(OUTCOME, "retired-short")),
        ({"situation": "retired", "retired-years": "never-employee"}, Node(QUESTION, "resident-lapse")),
        ({"situation": "unemployment-benefits"}, Node(OUTCOME, "unemployment-benefits")),
        ({"situation": "moving"}, Node(QUESTION, "moving-scheme")),
        ({"situation": "moving", "moving-scheme": "employee-insurance"}, Node(OUTCOME, "moving-employee")),
        ({"situation": "moving", "moving-scheme": "residents-insurance"}, Node(OUTCOME, "moving-resident")),
        ({"situation": "moving", "moving-scheme": "not-sure"}, Node(OUTCOME, "which-scheme")),
        ({"situation": "not-sure"}, Node(OUTCOME, "which-scheme")),
    ],
)
def test_each_answer_leads_to_the_expected_node(answers, node):
    """Each answer in the shipped guide leads to the question or outcome it should."""
    assert flow.walk(GRAPH, answers).node == node


@pytest.mark.parametrize(
    ("answers", "question"),
    [
        ({"situation": "nobody"}, "situation"),
        ({**EMPLOYEE, "employer-paying": "sometimes"}, "employer-paying"),
        ({**FLEXIBLE, "flexible-scheme": ""}, "flexible-scheme"),
        ({"situation": "EMPLOYEE"}, "situation"),
    ],
)
def test_an_answer_that_is_not_an_option_is_refused(answers, question):
    """A forged answer names the question it was given to."""
    with pytest.raises(flow.InvalidAnswer) as error:
        flow.walk(GRAPH, answers)
    assert error.value.question == question


def test_answers_off_the_path_are_ignored():
    """Answers to questions the path never reaches do not change where it leads or what it records."""
    walk = flow.walk(GRAPH, {**EMPLOYEE, "flexible-lapse": "yes", "child-age": "newborn"})
    assert walk.node == Node(QUESTION, "employer-paying")
    assert walk.answers == (("situation", "employee"),)


def test_answers_are_recorded_in_the_order_asked():
    """The walk lists the answers in the order the questions came, whatever order the URL had."""
    walk = flow.walk(GRAPH, {"flexible-lapse": "no", "flexible-scheme": "employee-insurance", "situation": "flexible"})
    assert [question for question, _ in walk.answers] == ["situation", "flexible-scheme", "flexible-lapse"]
    assert walk.answers_before("flexible-lapse") == (
        ("situation", "flexible"),
        ("flexible-scheme", "employee-insurance"),
    )
    assert walk.answer_to("flexible-lapse") == "no"


def test_no_path_asks_more_than_five_questions():
    """A citizen reaches a result in at most five questions, whatever they answer."""
    pending = [{}]
    while pending:
        answers = pending.pop()
        node = flow.walk(GRAPH, answers).node
        assert len(answers) <= 5, answers
        if node.kind == QUESTION:
            pending.extend({**answers, node.slug: value} for value in GRAPH.options(node.slug))


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
    assert routes["which-scheme"] == (("situation", "not-sure"),)
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


FORMER = flow.FormerNames(
    questions={"who-pays": "", "lapse": "flexible-lapse", "older": "lapse"},
    outcomes={"employer-pays": "employee", "pay-in-person": "flexible-employee", "gone": ""},
    answers={
        ("who-pays", "employer"): ("situation", "employee"),
        ("who-pays", "myself"): None,
        ("situation", "self-employed"): ("situation", "flexible"),
    },
)


@pytest.mark.parametrize(
    ("answers", "current"),
    [
        ({"who-pays": "employer"}, {"situation": "employee"}),
        ({"who-pays": "myself", "situation": "flexible"}, {"situation": "flexible"}),
        ({"situation": "self-employed"}, {"situation": "flexible"}),
        ({"situation": "flexible", "lapse": "no"}, {"situation": "flexible", "flexible-lapse": "no"}),
        ({"older": "yes"}, {"flexible-lapse": "yes"}),
        ({"situation": "employee", "employer-paying": "yes"}, {"situation": "employee", "employer-paying": "yes"}),
        ({"situation": "nobody"}, {"situation": "nobody"}),
    ],
)
def test_former_names_are_read_as_the_names_they_became(answers, current):
    """Renamed questions and answers are read under their new names (across several renames), removed
    answers are dropped, current and unknown names are left for the walk to judge."""
    assert FORMER.current_answers(GRAPH, answers) == current


def test_a_loop_of_renames_ends():
    """Two questions renamed into each other cannot make reading a link loop forever."""
    looping = flow.FormerNames(questions={"a": "b", "b": "a"}, outcomes={}, answers={})
    assert looping.current_answers(GRAPH, {"a": "x"}) in ({"a": "x"}, {"b": "x"})


@pytest.mark.parametrize(
    ("node", "current"),
    [
        (Node(OUTCOME, "employer-pays"), Node(OUTCOME, "employee")),
        (Node(OUTCOME, "pay-in-person"), Node(OUTCOME, "flexible-employee")),
        (Node(OUTCOME, "gone"), None),
        (Node(OUTCOME, "never-existed"), None),
        (Node(QUESTION, "lapse"), Node(QUESTION, "flexible-lapse")),
        (Node(QUESTION, "who-pays"), None),
    ],
)
def test_a_former_page_name_leads_to_the_page_it_became(node, current):
    """A renamed question or result is found under its new name; a removed one is not, but is still known
    as a former name (unlike a name that never existed)."""
    assert FORMER.current_node(GRAPH, node) == current
    assert FORMER.knows(node) == (node.slug != "never-existed")
