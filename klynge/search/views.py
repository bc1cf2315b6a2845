from django.shortcuts import render
from django.utils.html import format_html_join

from klynge.core.params import query_params
from klynge.organisation.models import Body

from . import engine
from .engine import MAX_PAGE, Filters, search, searchable
from .registry import SOURCES


def search_page(request):
    params = query_params(request)
    query = params.text("q", max_length=200)
    bodies = list(Body.objects.select_related("kind").only("pk", "name", "slug", "kind__groups_bodies")
                  .order_by("name"))
    by_slug = {b.slug: b for b in bodies}
    clusters = [b for b in bodies if b.kind.groups_bodies]
    kinds = {kind: source.label for kind, source in SOURCES.items()}
    body = params.choice("organ", by_slug, label="Organet")
    cluster = params.choice("klynge", {c.slug for c in clusters}, label="Klyngen")
    filters = Filters(
        kind=params.choice("type", kinds, label="Typen"),
        body_id=by_slug[body].pk if body else None,
        cluster_id=by_slug[cluster].pk if cluster else None,
        date_from=params.date("fra", label="Fra-datoen"),
        date_to=params.date("til", label="Til-datoen"),
    )
    page = params.integer("side", label="Siden", default=1, minimum=1, maximum=MAX_PAGE)
    results = search(query, request.user, filters, page) if query else None
    return render(request, "search/search.html", {
        # The two long lists of the filter form (every body of the country) as ready HTML: the same
        # options the template wrote one lookup at a time.
        "cluster_options": _options(clusters, cluster), "body_options": _options(bodies, body),
        "q": query, "results": results, "window": engine.RANK_WINDOW,
        "too_short": bool(query) and not searchable(query),
        "bodies": bodies, "clusters": clusters, "kinds": kinds, "filters": filters,
        "chosen": {"organ": body, "klynge": cluster, "type": filters.kind},
        "filtered": any([filters.kind, body, cluster, filters.date_from, filters.date_to]),
    })


def _options(bodies, chosen):
    return format_html_join("", '<option value="{}"{}>{}</option>',
                            ((b.slug, " selected" if b.slug == chosen else "", b.name) for b in bodies))
