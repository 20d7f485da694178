"""Site search: articles matching every word, newest first."""

import logging

from django.core.paginator import Paginator
from django.db import DatabaseError
from django.shortcuts import render
from django.utils.functional import cached_property
from django.views.decorators.http import require_safe

from articles.models import ArticlePage
from magazine.pagination import paginate, requested_page
from magazine.renditions import TEASER_IMAGE_SPEC, renditions_prefetch

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
PER_PAGE = 10
# Counting stops here on the first pages: readers see "More than 100 results" and
# "Page 1 of more than 10". Further on, it goes a step of this size past the page read.
COUNT_LIMIT = 100


def clean_query(raw):
    """Collapse whitespace and cap the length; hostile input becomes plain search text."""
    return " ".join((raw or "").split())[:MAX_QUERY_LENGTH]


def search_articles(query, ordered=True):
    """Live articles matching every word, newest first.

    Title, standfirst, body, tags and author names are searched.

    Readers of a news site searching for a show or a name want the latest on it, and
    newest-first needs no relevance score: the database backend would otherwise rank
    every match before returning ten, which for a common word is most of the archive
    (227 ms at 10,000 articles against 40 ms at 100). Matching and counting follow
    the GIN index on title and body vectors (migration magazine 0003) on PostgreSQL.
    """
    # The search backend filters on indexed fields only, hence Wagtail's .public().
    articles = ArticlePage.objects.live().public()
    if ordered:
        articles = (
            articles.select_related("hero_image")
            .prefetch_related(renditions_prefetch("hero_image", TEASER_IMAGE_SPEC))
            .order_by("-first_published_at")
        )
    else:
        articles = articles.order_by()
    return articles.search(query, operator="and", order_by_relevance=False)


def count_limit(page_number, per_page, step):
    """How far to count for a reader on `page_number`: whole steps, past that page.

    The first pages count up to one step; a reader who pages further is always
    shown that there is at least one more page while there are more matches.
    """
    return (max(page_number, 1) * per_page // step + 1) * step


class CappedPaginator(Paginator):
    """Pages of search results, counted only up to `limit`.

    An exact count of a common word means finding every match (9,489 of 10,000
    articles for "season"), the one part of a search whose cost grows with the
    archive. Counting stops after `limit` + 1 matches, in no particular order, so the
    first pages of a search cost the same however many articles match; deeper
    pages count further (`count_limit`), as their offset reads further anyway.
    """

    def __init__(self, object_list, per_page, counter, limit):
        super().__init__(object_list, per_page)
        self.counter = counter
        self.limit = limit

    @cached_property
    def found(self):
        return self.counter[: self.limit + 1].count()

    @cached_property
    def count(self):
        return min(self.found, self.limit)

    @cached_property
    def capped(self):
        """True when there are more matches than were counted."""
        return self.found > self.limit


@require_safe
def search(request):
    query = clean_query(request.GET.get("q"))
    results = None
    failed = False
    if query:
        try:
            paginator = CappedPaginator(
                search_articles(query),
                PER_PAGE,
                counter=search_articles(query, ordered=False),
                limit=count_limit(requested_page(request), PER_PAGE, COUNT_LIMIT),
            )
            results = paginate(request, paginator)
            # Evaluate here so a query the search engine can't parse is caught here.
            results.object_list = list(results.object_list)
        except DatabaseError:
            logger.warning("Search could not run the query %r", query, exc_info=True)
            failed = True
            results = None
    response = render(
        request,
        "articles/search.html",
        {
            "query": query,
            "results": results,
            "failed": failed,
            "truncated": len(request.GET.get("q") or "") > MAX_QUERY_LENGTH,
        },
    )
    response["X-Robots-Tag"] = "noindex"
    return response
