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
    # Every body of the country for the filter form, as values: (pk, name, slug, whether it is a cluster).
    bodies = list(Body.objects.order_by("name").values_list("pk", "name", "slug", "kind__groups_bodies"))
    by_slug = {slug: pk for pk, _, slug, _ in bodies}
    clusters = [b for b in bodies if b[3]]
    kinds = {kind: source.label for kind, source in SOURCES.items()}
    body = params.choice("organ", by_slug, label="Organet")
    cluster = params.choice("klynge", {slug for _, _, slug, _ in clusters}, label="Klyngen")
    filters = Filters(
        kind=params.choice("type", kinds, label="Typen"),
        body_id=by_slug[body] if body else None,
        cluster_id=by_slug[cluster] if cluster else None,
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
        "kinds": kinds, "filters": filters,
        "chosen": {"organ": body, "klynge": cluster, "type": filters.kind},
        "filtered": any([filters.kind, body, cluster, filters.date_from, filters.date_to]),
    })


def _options(bodies, chosen):
    return format_html_join("", '<option value="{}"{}>{}</option>',
                            ((slug, " selected" if slug == chosen else "", name) for _, name, slug, _ in bodies))
