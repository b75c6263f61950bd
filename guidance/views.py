"""The guide's pages. All state is in the URL: `?question-slug=answer&...`, nothing in a session."""

from django.core.exceptions import BadRequest
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from statutes.models import ArticleVersion

from . import flow
from .forms import AnswerForm
from .models import GUIDE_SLUG, Citation, Guide, Outcome, Step, node_url

SUBMITTED = "next"  # the Continue button's name: present only when the form was sent


def start(request):
    """What the guide does and what you will need, with the way in."""
    guide = _guide()
    return render(request, "guidance/start.html", {"guide": guide, "first": guide.start})


def question(request, slug):
    """One question per page. Sending the form moves on; the Change links come back here."""
    guide = _guide()
    loaded = guide.load_flow()
    question = loaded.questions.get(slug)
    if question is None:
        raise Http404(_("This guide has no such question."))
    query = _query(request)
    submitted = query.pop(SUBMITTED, None) is not None
    given = query.pop(slug, None)
    walk = _walk(loaded.graph, query)
    if walk.node != flow.Node(flow.QUESTION, slug):
        return redirect(node_url(walk.node, walk.answers))
    carried = list(walk.answers)
    if query != dict(carried):
        # Unknown parameters, or answers to questions that come later: drop them.
        return redirect(node_url(walk.node, carried + ([(slug, given)] if given is not None else [])))

    form = AnswerForm(question, {slug: given} if submitted or given is not None else None)
    if form.is_bound and form.forged:
        raise BadRequest("forged answer")
    if submitted and form.is_valid():
        following = _walk(loaded.graph, {**dict(carried), slug: form.answer})
        return redirect(node_url(following.node, following.answers))

    answered = _answered(loaded, carried)
    context = {
        "guide": guide,
        "question": question,
        "form": form,
        "selected": given,
        "carried": carried,
        "answered": answered,
        "back_url": answered[-1]["change_url"] if answered else reverse("guidance:start"),
        "submitted_field": SUBMITTED,
        "has_errors": submitted and not form.is_valid(),
    }
    return render(request, "guidance/question.html", context)


def result(request, slug):
    """The steps that fit the answers, each citing the articles it rests on."""
    guide = _guide()
    loaded = guide.load_flow()
    if flow.Node(flow.OUTCOME, slug) not in loaded.graph.nodes():
        raise Http404(_("This guide has no such result."))
    query = _query(request)
    walk = _walk(loaded.graph, query)
    if walk.node != flow.Node(flow.OUTCOME, slug) or query != dict(walk.answers):
        return redirect(node_url(walk.node, walk.answers))
    citations = Citation.objects.select_related("article__law").prefetch_related(
        Prefetch("article__versions", queryset=ArticleVersion.objects.in_force())
    )
    outcome = get_object_or_404(
        Outcome.objects.prefetch_related(
            Prefetch("steps", queryset=Step.objects.prefetch_related(Prefetch("citations", queryset=citations)))
        ),
        guide=guide,
        slug=slug,
    )
    answered = _answered(loaded, list(walk.answers))
    context = {
        "guide": guide,
        "outcome": outcome,
        "answered": answered,
        "back_url": answered[-1]["change_url"] if answered else reverse("guidance:start"),
    }
    return render(request, "guidance/result.html", context)


def _guide():
    guide = Guide.objects.select_related("start").filter(slug=GUIDE_SLUG).first()
    if guide is None or guide.start is None:
        raise Http404(_("The guide has not been set up yet."))
    return guide


def _query(request):
    """The query string as a dict. A repeated parameter cannot come from the form: refuse it."""
    query = {}
    for key, values in request.GET.lists():
        if len(values) > 1:
            raise BadRequest("repeated parameter")
        query[key] = values[0]
    return query


def _walk(graph, answers):
    try:
        return flow.walk(graph, answers)
    except flow.InvalidAnswer as error:
        raise BadRequest("answer is not an option") from error


def _answered(loaded, answers):
    """ "Your answers": each question asked, the answer given and a link to change it."""
    rows = []
    for index, (slug, value) in enumerate(answers):
        question = loaded.questions[slug]
        option = next(option for option in question.choices if option.value == value)
        rows.append(
            {
                "question": question,
                "answer": option.label,
                "change_url": node_url(flow.Node(flow.QUESTION, slug), answers[: index + 1]),
            }
        )
    return rows
