"""The guide's pages. All state is in the URL: `?question-slug=answer&...`, nothing in a session.

The one POST is the optional "Was this page useful?" answer on a result page."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import BadRequest
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from insurance_site.client import client_address
from insurance_site.links import admin_url
from insurance_site.origin import same_origin

from . import card as counter_card
from . import flow
from .forms import AnswerForm, FeedbackForm
from .models import Feedback, FormerName, Guide, Outcome, node_url, with_answers

SUBMITTED = "next"  # the Continue button's name: present only when the form was sent
PREVIEW = "guidance-preview"  # the URL namespace where staff see the draft edition as citizens will
FEEDBACK_LIMIT = 5  # answers per connection ...
FEEDBACK_WINDOW = 600  # ... in this many seconds


def start(request):
    """What the guide does and what you will need, with the way in."""
    guide = _guide(request)
    context = {"guide": guide, "first": guide.start, "edit_url": _edit_url(request, guide)}
    return render(request, "guidance/start.html", context)


def question(request, slug):
    """One question per page. Sending the form moves on; the Change links come back here."""
    guide = _guide(request)
    loaded = guide.load_flow()
    query = _query(request)
    submitted = query.pop(SUBMITTED, None) is not None
    query = _current_answers(guide, loaded.graph, query)
    question = loaded.questions.get(slug)
    if question is None:
        return _former_page(request, guide, loaded, flow.Node(flow.QUESTION, slug), query)
    given = query.pop(slug, None)
    walk = _walk(loaded.graph, query)
    if walk.node != flow.Node(flow.QUESTION, slug):
        return redirect(node_url(walk.node, walk.answers, _app(request)))
    carried = list(walk.answers)
    if query != dict(carried):
        # Unknown parameters, or answers to questions that come later: drop them.
        return redirect(node_url(walk.node, carried + ([(slug, given)] if given is not None else []), _app(request)))

    form = AnswerForm(question, {slug: given} if submitted or given is not None else None)
    if form.is_bound and form.forged:
        raise BadRequest("forged answer")
    if submitted and form.is_valid():
        following = _walk(loaded.graph, {**dict(carried), slug: form.answer})
        return redirect(node_url(following.node, following.answers, _app(request)))

    answered = _answered(request, loaded, carried)
    context = {
        "guide": guide,
        "question": question,
        "form": form,
        "selected": given,
        "carried": carried,
        "answered": answered,
        "back_url": answered[-1]["change_url"] if answered else reverse("guidance:start", current_app=_app(request)),
        "submitted_field": SUBMITTED,
        "has_errors": submitted and not form.is_valid(),
        "edit_url": _edit_url(request, question),
    }
    return render(request, "guidance/question.html", context)


def result(request, slug):
    """The steps that fit the answers, each citing the articles it rests on."""
    context = _result(request, slug)
    if isinstance(context, HttpResponse):
        return context
    context["form"] = FeedbackForm()
    context["card_url"] = with_answers(
        reverse("guidance:card", kwargs={"slug": slug}, current_app=_app(request)), context["answers"]
    )
    return render(request, "guidance/result.html", context)


def card(request, slug):
    """The counter card (办事卡): the same result on one printable page to hand to a clerk, in Chinese (with
    the English alongside on the English site), with a QR code that opens the result."""
    context = _result(request, slug)
    if isinstance(context, HttpResponse):
        return context
    result_path = node_url(flow.Node(flow.OUTCOME, slug), context["answers"], _app(request))
    result_url = request.build_absolute_uri(result_path)
    context.update(counter_card.contents(context["outcome"]))
    context.update({"back_url": result_path, "result_url": result_url, "qr_code": counter_card.qr_code(result_url)})
    return render(request, "guidance/card.html", context)


def _result(request, slug):
    """What a result page shows for the answers in the URL; or, when they lead elsewhere, the redirect."""
    guide = _guide(request)
    loaded = guide.load_flow()
    query = _current_answers(guide, loaded.graph, _query(request))
    if flow.Node(flow.OUTCOME, slug) not in loaded.graph.nodes():
        return _former_page(request, guide, loaded, flow.Node(flow.OUTCOME, slug), query)
    walk = _walk(loaded.graph, query)
    if walk.node != flow.Node(flow.OUTCOME, slug) or query != dict(walk.answers):
        return redirect(node_url(walk.node, walk.answers, _app(request)))
    outcome = Outcome.objects.shown(guide, slug)
    if outcome is None:  # named by the guide's options, but deleted since
        raise Http404(_("This guide has no such result."))
    answered = _answered(request, loaded, list(walk.answers))
    return {
        "guide": guide,
        "outcome": outcome,
        "answers": list(walk.answers),
        "answered": answered,
        "preview": _app(request) == PREVIEW,
        "edit_url": _edit_url(request, outcome),
        "back_url": answered[-1]["change_url"] if answered else reverse("guidance:start", current_app=_app(request)),
    }


@same_origin
@require_http_methods(["GET", "HEAD", "POST"])
def feedback(request, slug):
    """Store one "Was this page useful?" answer for a published result, then send the visitor on to the
    thanks, so that reloading it sends nothing again. The form's address opened as a page leads to the result."""
    outcome = _feedback_outcome(request, slug)
    if request.method != "POST":
        return redirect(outcome.get_absolute_url())
    back = _way_back(request, request.POST.get("back", ""), outcome)
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return render(request, "guidance/feedback.html", {"form": form, "outcome": outcome, "back": back})
    if _too_many_answers(request):
        return render(request, "guidance/feedback_limit.html", {"back": back}, status=429)
    Feedback.objects.create(
        outcome=outcome,
        useful=form.cleaned_data["useful"],
        comment=form.cleaned_data["comment"],
        language=request.LANGUAGE_CODE,
    )
    return redirect(f"{reverse('guidance:feedback_sent', kwargs={'slug': slug})}?{urlencode({'back': back})}")


def feedback_sent(request, slug):
    """Thanks for an answer sent, with the way back to the page the visitor was reading (the same page for
    everyone who came from there: it stores nothing)."""
    outcome = _feedback_outcome(request, slug)
    back = _way_back(request, request.GET.get("back", ""), outcome)
    return render(request, "guidance/feedback_thanks.html", {"back": back})


def _feedback_outcome(request, slug):
    if _app(request) == PREVIEW:
        raise Http404(_("Feedback is not collected in the preview."))
    return get_object_or_404(Outcome, guide=Guide.objects.live(), slug=slug)


def _way_back(request, back, outcome):
    """`back` if it is an address on this site, else the result page itself."""
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return back
    return outcome.get_absolute_url()


def _too_many_answers(request):
    """Counts answers per connection in the shared cache under a one-way hash of the address,
    so floods are refused without storing who sent what."""
    client = hashlib.sha256(f"{settings.SECRET_KEY}:{client_address(request)}".encode()).hexdigest()
    key = f"feedback:{client[:32]}"
    cache.add(key, 0, FEEDBACK_WINDOW)
    try:
        return cache.incr(key) > FEEDBACK_LIMIT
    except ValueError:  # expired between add and incr
        cache.set(key, 1, FEEDBACK_WINDOW)
        return False


def _guide(request):
    """The published edition; in the preview, the draft, for staff who may see it."""
    if _app(request) == PREVIEW:
        if not request.user.has_perm("guidance.view_guide"):
            raise Http404(_("There is nothing to preview."))
        guide = Guide.objects.draft()
    else:
        guide = Guide.objects.live()
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


def _edit_url(request, obj):
    """Where "Edit this page" leads staff: the draft's copy of what the page shows (matched by `key`), or,
    with no draft yet, the published edition, which offers to create one. Worked out only when a signed-in
    staff member's page shows the link, so citizens' pages cost no query for it."""

    def find():
        if _app(request) == PREVIEW:
            return admin_url(obj)
        guide = obj if isinstance(obj, Guide) else obj.guide
        draft = Guide.objects.draft(guide.slug)
        if draft is None:
            return admin_url(guide)
        if isinstance(obj, Guide):
            return admin_url(draft)
        counterpart = type(obj).objects.filter(guide=draft, key=obj.key).first()
        return admin_url(counterpart or draft)

    return lazy(find, str)()


def _former_names(guide):
    """The names earlier editions used, in one query; read only when a link uses a name the guide lacks."""
    former = flow.FormerNames(questions={}, outcomes={}, answers={})
    for row in FormerName.objects.filter(guide_slug=guide.slug):
        if row.kind == FormerName.Kind.ANSWER:
            former.answers[(row.old_question, row.old)] = (row.new_question, row.new) if row.new else None
        else:
            (former.questions if row.kind == FormerName.Kind.QUESTION else former.outcomes)[row.old] = row.new
    return former


def _current_answers(guide, graph, query):
    """The answers with any former question or answer names read as today's."""
    if all(value in graph.questions.get(question, ()) for question, value in query.items()):
        return query
    return _former_names(guide).current_answers(graph, query)


def _former_page(request, guide, loaded, node, answers):
    """A question or result the guide no longer has under this name: lead on to where the answers now
    lead, or to what the page was renamed to. A name the guide never had is a 404."""
    former = _former_names(guide)
    current = former.current_node(loaded.graph, node)
    if current is None and not former.knows(node):
        raise Http404(
            _("This guide has no such question.") if node.kind == flow.QUESTION else _("This guide has no such result.")
        )
    walk = _walk(loaded.graph, answers)
    if current is not None and not walk.answers:
        return redirect(loaded.url_of(current, _app(request)))
    return redirect(node_url(walk.node, walk.answers, _app(request)))


def _walk(graph, answers):
    try:
        return flow.walk(graph, answers)
    except flow.InvalidAnswer as error:
        raise BadRequest("answer is not an option") from error


def _app(request):
    return request.resolver_match.namespace


def _answered(request, loaded, answers):
    """ "Your answers": each question asked, the answer given and a link to change it."""
    rows = []
    for index, (slug, value) in enumerate(answers):
        question = loaded.questions[slug]
        option = next(option for option in question.choices if option.value == value)
        rows.append(
            {
                "question": question,
                "answer": option.label,
                "option": option,
                "change_url": node_url(flow.Node(flow.QUESTION, slug), answers[: index + 1], _app(request)),
            }
        )
    return rows
