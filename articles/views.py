"""Author and tag pages: listings of articles that are not Wagtail pages themselves."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe
from taggit.models import Tag

from articles.models import ArticlePage, ArticlePageAuthor, ArticleTag, Author
from magazine.models.metadata import absolute_url
from magazine.pagination import paginate

PER_PAGE = 12


@require_safe
def author_page(request, slug):
    author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    bylines = ArticlePageAuthor.objects.filter(author=author).values("page_id")
    items = paginate(request, ArticlePage.teasers().filter(pk__in=bylines), PER_PAGE)
    canonical = absolute_url(request, author.get_absolute_url())
    person = {
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "url": canonical,
        "mainEntity": {
            "@type": "Person",
            "name": author.name,
            "url": canonical,
            **({"jobTitle": author.role} if author.role else {}),
            **({"description": author.bio} if author.bio else {}),
            **(
                {"sameAs": [url for _label, url in author.social_links]}
                if author.social_links
                else {}
            ),
        },
    }
    return render(
        request,
        "articles/author_page.html",
        {
            "author": author,
            "items": items,
            "canonical": _page_url(canonical, items),
            "structured_data": person,
        },
    )


@require_safe
def tag_page(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    # A subquery rather than a join: no duplicates to remove, so neither the listing
    # nor the count behind its pagination needs DISTINCT over every teaser column.
    tagged = ArticleTag.objects.filter(tag=tag).values("content_object_id")
    articles = ArticlePage.teasers().filter(pk__in=tagged)
    items = paginate(request, articles, PER_PAGE)
    if not items.object_list and items.number == 1:
        # A tag with no live articles is an empty page: better not found than thin.
        raise Http404("No articles with this tag")
    canonical = absolute_url(request, request.path)
    return render(
        request,
        "articles/tag_page.html",
        {"tag": tag, "items": items, "canonical": _page_url(canonical, items)},
    )


def _page_url(url, items):
    return f"{url}?page={items.number}" if items.number > 1 else url
