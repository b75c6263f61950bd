"""What each content app puts in the search index, and how the index follows every change.

A content app registers an `Index` for each model it indexes (in its AppConfig.ready). From then on
the search app's signals keep that model's documents current on every save and delete, whoever makes
it (the admin, a bulk delete, a revert, loaddata), and re-index the owners of watched models (a
result page when one of its steps changes). The search app knows nothing of the content apps.
"""

import threading
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from caching import version

from .models import Document, Posting
from .text import index_terms


@dataclass
class Hit:
    """A search result as the page shows it, made by the index that found it."""

    title: str
    url: str
    source: str  # which text or part of the site it comes from: "社会保险法", "Guide"
    kind: str  # "guide" or "law": best bets put the guide first
    excerpts: list = field(default_factory=list)  # (language code, text) to show with marks


@dataclass
class Candidate:
    """A document ranking found that citizens can see now: enough to place it among the results.
    Its Hit is built only if it is on the page shown."""

    object_id: int
    order: tuple  # ties are broken by this
    phrase: bool  # it holds the query as written
    detail: object = None  # what its index needs to build the Hit
    index: "Index" = None
    score: float = 0.0
    matched: int = 0


class Index:
    """What a content app indexes: subclass with `model`, `fields`, `candidates` and `hits`."""

    model = None
    kind = "law"
    boost = 1.0  # how much more its results weigh than the law's: the guide's answers come before their basis
    watch = {}  # another model -> function(instance) -> the indexed objects it is part of

    def fields(self, obj):
        """{"title": …, "body": …} to index for `obj`, or None when it is not to be indexed."""
        raise NotImplementedError

    def candidates(self, object_ids, phrase):
        """[Candidate] for those of `object_ids` that citizens can see now, without loading what only
        the page shown needs: there may be a hundred."""
        raise NotImplementedError

    def hits(self, candidates):
        """{object id: Hit} for `candidates`, the few on the page shown."""
        raise NotImplementedError

    def objects(self):
        """Everything to index, for a rebuild."""
        return self.model._default_manager.all()

    def content_type(self):
        return ContentType.objects.get_for_model(self.model)


_indexes = []
_shortcuts = []
_best_bets = []
_pending = threading.local()  # inside `batch()`: {(model, pk)} to index again when it ends


def register(index):
    _indexes.append(index)
    uid = f"search-{index.model._meta.label}"
    post_save.connect(_saved, sender=index.model, weak=False, dispatch_uid=uid)
    post_delete.connect(_deleted, sender=index.model, weak=False, dispatch_uid=uid)
    for model, owners in index.watch.items():
        handler = _owners_changed(owners)
        uid = f"search-{index.model._meta.label}-{model._meta.label}"
        post_save.connect(handler, sender=model, weak=False, dispatch_uid=uid)
        post_delete.connect(handler, sender=model, weak=False, dispatch_uid=uid)


def register_shortcut(function):
    """`function(query)` returns the address a query leads straight to (an article cited by number), or None."""
    _shortcuts.append(function)


def register_best_bet(function):
    """`function(concepts)` returns a Hit to show first for queries that mean it ("how do I pay"), or None."""
    _best_bets.append(function)


def indexes():
    return list(_indexes)


def shortcut(query):
    return next((url for function in _shortcuts if (url := function(query))), None)


def best_bets(concepts):
    return [hit for function in _best_bets if (hit := function(concepts))]


def hits(candidates):
    """The Hits of `candidates`, in their order: one call to each index."""
    by_index = {}
    for candidate in candidates:
        by_index.setdefault(candidate.index, []).append(candidate)
    built = {}
    for index, theirs in by_index.items():
        built.update(((index, object_id), hit) for object_id, hit in index.hits(theirs).items())
    found = [built.get((candidate.index, candidate.object_id)) for candidate in candidates]
    return [hit for hit in found if hit is not None]


def index_for(model):
    return next((index for index in _indexes if index.model is model), None)


def update(obj):
    """Make the index hold exactly what `obj`'s index says of it now."""
    index = index_for(type(obj))
    content_type = ContentType.objects.get_for_model(obj)
    with transaction.atomic():
        Document.objects.filter(content_type=content_type, object_id=obj.pk).delete()
        try:
            fields = index.fields(obj)
        except ObjectDoesNotExist:  # loaddata: what the object refers to is not loaded yet
            fields = None
        if not fields:
            return
        title, body = index_terms(fields.get("title", "")), index_terms(fields.get("body", ""))
        document = Document.objects.create(
            content_type=content_type,
            object_id=obj.pk,
            title_length=sum(title.values()),
            body_length=sum(body.values()),
        )
        Posting.objects.bulk_create(
            Posting(document=document, term=term, title_count=title[term], body_count=body[term])
            for term in title.keys() | body.keys()
        )


def remove(obj):
    _remove(type(obj), obj.pk)


def _remove(model, pk):
    Document.objects.filter(content_type=ContentType.objects.get_for_model(model), object_id=pk).delete()


def rebuild():
    """Index everything again from scratch; returns how many documents the index holds. What searches
    find may change with it, so the content version moves on (pages and parts kept are drawn afresh)."""
    with transaction.atomic():
        Document.objects.all().delete()
        for index in _indexes:
            for obj in index.objects():
                update(obj)
        version.changed()
    return Document.objects.count()


@contextmanager
def batch():
    """Index each object touched inside the block once, as it is when the block ends, instead of on
    every save: loading a result page's twenty steps re-indexes the page once, not twenty times.

    For changes of many rows at once (loaders, copying an edition); nested blocks end with the outermost.
    Use it inside the transaction, so the index is written in it."""
    if getattr(_pending, "objects", None) is not None:  # an outer batch indexes them
        yield
        return
    _pending.objects = set()
    try:
        yield
    finally:
        touched, _pending.objects = _pending.objects, None
    for model, pk in touched:
        _index_again(model, pk)


def _index_again(model, pk):
    """Index the object as the database holds it now, or drop it when it is gone."""
    current = model._default_manager.filter(pk=pk).first()
    if current is None:
        _remove(model, pk)
    else:
        update(current)


def _touched(obj):
    """Whether `obj` waits for the end of a batch; otherwise the caller indexes it now."""
    pending = getattr(_pending, "objects", None)
    if pending is None:
        return False
    pending.add((type(obj), obj.pk))
    return True


def _saved(sender, instance, **kwargs):
    if not _touched(instance):
        update(instance)


def _deleted(sender, instance, **kwargs):
    if not _touched(instance):
        remove(instance)


def _owners_changed(owners):
    def handler(sender, instance, **kwargs):
        try:
            changed = list(owners(instance))
        except ObjectDoesNotExist:  # the owner is being deleted too; its own signal removes it
            return
        for owner in changed:
            if not _touched(owner):
                _index_again(type(owner), owner.pk)

    return handler
