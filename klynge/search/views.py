from django.shortcuts import render

from .engine import search


def search_page(request):
    query = request.GET.get("q", "").strip()[:200]
    results = search(query, request.user) if query else {}
    return render(request, "search/search.html", {
        "q": query, "results": results, "count": sum(len(hits) for hits in results.values()),
        "too_short": 0 < len(query) < 2,
    })
