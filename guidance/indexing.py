"""What of the guide search finds: each result page of the published edition, with everything a
citizen reads there; and the best bet that a query meaning "how do I pay" (怎么交医保) leads with."""

from django.urls import reverse
from django.utils.translation import gettext as _

from caching import local
from insurance_site.content import is_english
from search.registry import Candidate, Hit, Index, register, register_best_bet

from . import flow
from .models import GUIDE_SLUG, Guide, Outcome, PracticeNote, Step, node_url, published_graph

# The ways of saying "pay" and "medical insurance" (Chinese words as written, English stems), as the
# query's concepts carry them once synonyms are added.
PAYING = {"交", "缴", "缴纳", "交纳", "缴费", "交费", "pay", "payment", "contribut"}
INSURANCE = {"医保", "医疗保险", "基本医疗保险", "保险", "医疗", "insur", "medic", "health"}
SHOWN = ("title_zh", "title_en", "summary_zh", "summary_en")  # what a result shows, and the phrase bonus reads
CHANNELS = {"网上", "线上", "在线", "手机", "互联网", "onlin", "internet", "app", "phone"}  # "how do I pay online"


class OutcomeIndex(Index):
    model = Outcome
    kind = "guide"
    boost = 2.0  # a result page answers in plain words what the articles it rests on say formally
    watch = {
        Step: lambda step: [step.outcome],
        PracticeNote: lambda note: [note.step.outcome],
        Guide: lambda guide: guide.outcomes.all(),  # a publish adds its results and drops the archived ones
    }

    def fields(self, outcome):
        """Only the published edition's results: a draft or an archived edition is never found, and a draft
        does not change how the published results rank (nor cost the index a copy of every result)."""
        if outcome.guide.status != Guide.Status.PUBLISHED:
            return None
        return {"title": f"{outcome.title_zh}\n{outcome.title_en}", "body": _body(outcome, "zh") + _body(outcome, "en")}

    def candidates(self, object_ids, phrase):
        """The results of the published edition that answers lead to, each with those answers and what
        its Hit shows (title and summary: a few short fields, also what the phrase bonus reads)."""
        shown = local.held(("results shown", GUIDE_SLUG), _results_shown)  # read only: not copied for each search
        phrase = phrase.lower()
        found = [(pk, shown[pk]) for pk in object_ids if pk in shown]
        return [
            Candidate(pk, order=(pk,), phrase=phrase in text, detail=(outcome, answers))
            for pk, (outcome, answers, text) in found
        ]

    def hits(self, candidates):
        """Each result linked with the answers that lead there, and shown with its summary."""
        language = "en" if is_english() else "zh"
        hits = {}
        for candidate in candidates:
            outcome, answers = candidate.detail
            hits[candidate.object_id] = Hit(
                title=outcome[f"title_{language}"] or outcome["title_zh"],
                url=node_url(flow.Node(flow.OUTCOME, outcome["slug"]), answers),
                source=_("Guide"),
                kind=self.kind,
                excerpts=[(language, outcome[f"summary_{language}"])],
            )
        return hits


def _results_shown():
    """{outcome id: ({"slug": …, field: value} of what its Hit shows, the answers that lead there, its title
    and summary in lower case)} for each result of the published edition that answers lead to."""
    graph, outcomes = published_graph(GUIDE_SLUG, SHOWN)
    routes = flow.routes_to_outcomes(graph)
    return {
        pk: (outcome, routes[outcome["slug"]], "\n".join(outcome[name] for name in SHOWN).lower())
        for pk, outcome in outcomes.items()
        if outcome["slug"] in routes
    }


def _body(outcome, language):
    """What a citizen reads on the result page below its title, in one language."""
    parts = [getattr(outcome, f"summary_{language}"), getattr(outcome, f"to_bring_{language}")]
    for step in outcome.steps.all():
        parts += [getattr(step, f"title_{language}"), getattr(step, f"body_{language}")]
        parts += [getattr(note, f"text_{language}") for note in step.practice_notes.all()]
    return "\n".join(parts) + "\n"


def how_to_pay(concepts):
    """The guide's start, for a query that only asks how to pay (medical insurance)."""
    kinds = [set(concept.marks) for concept in concepts]
    if not any(marks & PAYING for marks in kinds) or not all(
        marks & (PAYING | INSURANCE | CHANNELS) for marks in kinds
    ):
        return None
    return Hit(
        title=_("How do I pay my medical insurance? Answer a few questions"),
        url=reverse("guidance:start"),
        source=_("Guide"),
        kind="guide",
        excerpts=[
            (
                "",
                _(
                    "One question a page: the guide gives the steps that fit your situation, who to contact, "
                    "how to pay and what to bring."
                ),
            )
        ],
    )


register(OutcomeIndex())
register_best_bet(how_to_pay)
