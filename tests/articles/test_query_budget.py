"""Query budgets: a warm article page, and listings flat in the number of teasers."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.articles.factories import (
    ArticlePageFactory,
    AuthorFactory,
    long_body,
    paragraph,
    spoiler,
)
from tests.factories import ImageFactory, StandardPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

# Site, routing (2; the second also says the page is public), body images, authors,
# renditions, site settings, tags, related articles and their renditions, navigation,
# radio strip.
ARTICLE_BUDGET = 12


def warm_query_count(client, url):
    """Queries for `url` once renditions and caches are warm (the second request)."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def make_article(parent, blocks, images, slug):
    author = AuthorFactory(photo=ImageFactory())
    return ArticlePageFactory(
        parent=parent,
        slug=slug,
        hero_image=ImageFactory(),
        body=long_body(blocks, images),
        authors=[author],
        tag_names=["Heartstopper", "Netflix"],
    )


def test_warm_article_page_with_40_blocks_and_10_images_is_within_budget(client, tv):
    # Related articles are on the page too.
    ArticlePageFactory(parent=tv, hero_image=ImageFactory(), tag_names=["Netflix"])
    article = make_article(tv, 40, 10, "long")
    with_images = client.get(article.url).content.decode()
    assert with_images.count('loading="lazy"') >= 10
    assert warm_query_count(client, article.url) <= ARTICLE_BUDGET


def test_article_query_count_does_not_grow_with_blocks_or_images(client, tv):
    ArticlePageFactory(parent=tv, hero_image=ImageFactory(), tag_names=["Netflix"])
    short = make_article(tv, 5, 1, "short")
    long = make_article(tv, 40, 10, "long")
    assert warm_query_count(client, short.url) == warm_query_count(client, long.url)


def test_page_links_cost_one_query_however_many_paragraphs_have_them(client, home, tv):
    targets = [StandardPageFactory(parent=home, slug=f"guide-{n}") for n in range(12)]

    def linked(page):
        return paragraph(f'<p>See <a linktype="page" id="{page.pk}">the guide</a>.</p>')

    few = ArticlePageFactory(parent=tv, slug="few", body=[linked(targets[0])])
    many = ArticlePageFactory(
        parent=tv,
        slug="many",
        body=[*map(linked, targets[:11]), spoiler("Spoilers", linked(targets[11]))],
    )

    assert warm_query_count(client, few.url) == warm_query_count(client, many.url)
    html = client.get(many.url).content.decode()
    assert all(f'href="/guide-{n}/"' in html for n in range(12))


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/entertainment/tv/",
        "/tags/netflix/",
        "/authors/piper-huxley/",
        "/search/?q=netflix",
        "/feeds/latest/",
        "/feeds/sections/tv/",
    ],
)
def test_listing_query_count_is_flat_in_the_number_of_teasers(client, tv, piper, url):
    def add(n):
        for _ in range(n):
            ArticlePageFactory(
                parent=tv, hero_image=ImageFactory(), authors=[piper], tag_names=["Netflix"]
            )

    add(2)
    few = warm_query_count(client, url)
    add(10)
    many = warm_query_count(client, url)
    assert few == many


def test_warm_section_page_is_within_budget(client, tv, piper):
    for _ in range(12):
        ArticlePageFactory(parent=tv, hero_image=ImageFactory(), authors=[piper])
    assert warm_query_count(client, tv.url) <= 12
