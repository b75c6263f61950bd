"""What must be true of an edition of the guide before citizens may see it.

Each problem names what to fix and the object to fix it on, so the admin can link to it.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from . import flow
from .models import Citation, Option, Outcome, PracticeNote, Question, Step
from .review import open_flags, stale_notes


@dataclass(frozen=True)
class Problem:
    message: str
    obj: object = None  # the question, option, outcome or step to open, if there is one
    node: tuple = None  # (kind, slug) in the flow, for the flow map

    @property
    def admin_url(self):
        """Where to fix it: the object's edit page (an option's is its question's)."""
        obj = self.obj.question if isinstance(self.obj, Option) else self.obj
        obj = obj.step if isinstance(obj, PracticeNote) else obj
        if obj is None:
            return None
        return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


FLOW_MESSAGES = {
    "no-start": lambda _slug: _("The guide has no first question: choose one on the edition."),
    "unreachable": lambda slug: _("No answer leads to the question “%(slug)s”.") % {"slug": slug},
    "no-options": lambda slug: _("The question “%(slug)s” has no options.") % {"slug": slug},
    "cycle": lambda slug: _("The answers can lead from “%(slug)s” back to itself.") % {"slug": slug},
    "dead-end": lambda slug: _("No answer after “%(slug)s” ever reaches an outcome.") % {"slug": slug},
}


def validate(guide):
    """Every problem with this edition; an empty list means it can be published."""
    questions = {question.slug: question for question in Question.objects.filter(guide=guide)}
    outcomes = list(Outcome.objects.filter(guide=guide).prefetch_related("steps"))
    loaded = guide.load_flow()
    problems = [
        Problem(FLOW_MESSAGES[kind](slug), questions.get(slug), (flow.QUESTION, slug))
        for kind, slug in flow.problems(loaded.graph, questions)
    ]
    reached = {node.slug for node in loaded.graph.nodes() if node.kind == flow.OUTCOME}
    problems += [
        Problem(_("No answer leads to the outcome “%(slug)s”.") % {"slug": o.slug}, o, (flow.OUTCOME, o.slug))
        for o in outcomes
        if o.slug not in reached
    ]
    problems += _cross_edition_links(guide)
    problems += _missing_translations(guide, questions.values(), outcomes)
    problems += _citation_problems(outcomes)
    problems += _practice_problems(outcomes)
    return problems


def _cross_edition_links(guide):
    """Options that lead out of their own edition: publishing them would tie two editions together."""
    options = Option.objects.filter(question__guide=guide).select_related("next_question", "outcome")
    return [
        Problem(
            _("The option “%(option)s” leads to another edition's question or outcome.") % {"option": option}, option
        )
        for option in options
        if any(target is not None and target.guide_id != guide.pk for target in (option.next_question, option.outcome))
    ]


def _missing_translations(guide, questions, outcomes):
    fields = [
        (Question, ["text"]),
        (Option, ["label"]),
        (Outcome, ["title", "summary"]),
        (Step, ["title", "body"]),
        (PracticeNote, ["text"]),
    ]
    rows = {
        Question: questions,
        Option: Option.objects.filter(question__guide=guide),
        Outcome: outcomes,
        Step: [step for outcome in outcomes for step in outcome.steps.all()],
        PracticeNote: PracticeNote.objects.filter(step__outcome__guide=guide),
    }
    problems = []
    for model, names in fields:
        for row in rows[model]:
            for name in names:
                for language, label in (("zh", _("Chinese")), ("en", _("English"))):
                    if not getattr(row, f"{name}_{language}").strip():
                        message = _("%(object)s “%(name)s” has no %(language)s %(field)s.") % {
                            "object": model._meta.verbose_name,
                            "name": row,
                            "language": label,
                            "field": model._meta.get_field(f"{name}_{language}").verbose_name,
                        }
                        problems.append(Problem(message, row))
    return problems


def _citation_problems(outcomes):
    """Every step rests on something: a citation or a practice note. Every article cited is in force
    today and has the paragraph and item cited."""
    today = timezone.localdate()
    steps = [step for outcome in outcomes for step in outcome.steps.all()]
    citations = {}
    cited = Citation.objects.filter(step__in=steps).select_related("article__law").prefetch_related("article__versions")
    for citation in cited:
        citations.setdefault(citation.step_id, []).append(citation)
    with_notes = set(PracticeNote.objects.filter(step__in=steps).values_list("step_id", flat=True))
    problems = []
    for step in steps:
        if not citations.get(step.pk) and step.pk not in with_notes:
            message = _("The step “%(step)s” cites no legal text and has no practice note.") % {"step": step}
            problems.append(Problem(message, step))
        for citation in citations.get(step.pk, []):
            if citation.article.version_on(today) is None:
                message = _("The step “%(step)s” cites %(article)s, which is not in force today.") % {
                    "step": step,
                    "article": citation.article,
                }
                problems.append(Problem(message, step))
            elif citation.missing(today):
                message = _("The step “%(step)s” cites %(citation)s, which does not exist.") % {
                    "step": step,
                    "citation": citation.label,
                }
                problems.append(Problem(message, step))
    return problems


def _practice_problems(outcomes):
    """A practice note says what it rests on, in both languages, and when it was last checked."""
    notes = PracticeNote.objects.filter(step__outcome__in=outcomes).select_related("step")
    problems = []
    for note in notes:
        if not (note.source_zh.strip() and note.source_en.strip()):
            message = _("A practice note of the step “%(step)s” does not say what it rests on in both languages.")
            problems.append(Problem(message % {"step": note.step}, note.step))
        if note.checked_on is None:
            message = _("A practice note of the step “%(step)s” has no date when it was last checked.")
            problems.append(Problem(message % {"step": note.step}, note.step))
    return problems


def warnings(guide):
    """What staff should look at but that does not stop publishing: steps whose cited law changed since they
    were written, and practice last checked over a year ago."""
    flags = [
        Problem(
            _(
                "The step “%(step)s” cites %(cited)s, whose wording in force from %(date)s reads differently: "
                "check the step against it."
            )
            % {"step": flag.step, "cited": flag.cited, "date": flag.effective_from.isoformat()},
            flag.step,
        )
        for flag in open_flags(guide)
    ]
    return flags + [
        Problem(
            _("A practice note of the step “%(step)s” was last checked on %(date)s, over a year ago: check it again.")
            % {"step": note.step, "date": note.checked_on.isoformat()},
            note.step,
        )
        for note in stale_notes(guide)
    ]
