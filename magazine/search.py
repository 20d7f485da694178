from django.shortcuts import render
from django.views.decorators.http import require_safe
from wagtail.models import Page

from magazine.pagination import paginate

MAX_QUERY_LENGTH = 200


def clean_query(raw):
    """Collapse whitespace and cap the length; hostile input becomes plain search text."""
    return " ".join((raw or "").split())[:MAX_QUERY_LENGTH]


@require_safe
def search(request):
    query = clean_query(request.GET.get("q"))
    results = None
    if query:
        matches = Page.objects.live().public().specific().search(query, operator="and")
        results = paginate(request, matches, 10)
    response = render(
        request,
        "magazine/search.html",
        {
            "query": query,
            "results": results,
            "truncated": len(request.GET.get("q") or "") > MAX_QUERY_LENGTH,
        },
    )
    response["X-Robots-Tag"] = "noindex"
    return response
