"""Articles record who and what they are about; profiles list those articles."""

import json

import pytest
from bs4 import BeautifulSoup

from articles.models import ArticlePage
from tests.cast.factories import cast_block, page_link, paragraph

pytestmark = pytest.mark.django_db


def people_of(article):
    return sorted(ArticlePage.objects.get(pk=article.pk).people.values_list("title", flat=True))


def shows_of(article):
    return sorted(ArticlePage.objects.get(pk=article.pk).shows.values_list("title", flat=True))


def test_people_and_shows_are_filled_from_a_cast_block(world, heartstopper):
    article = world.article(body=[cast_block(heartstopper, season=2, joining_only=True)])
    assert people_of(article) == ["Bradley Riches", "Jack Barton", "Leila Khan"]
    assert shows_of(article) == ["Heartstopper"]


def test_people_and_shows_are_filled_from_links_in_the_text(world, heartstopper):
    kit = heartstopper.cast_people["Kit Connor"]
    article = world.article(
        body=[
            paragraph(
                f"<p>{page_link(kit)} is back in {page_link(heartstopper)}, "
                f"and so is {page_link(world.section, 'our TV coverage')}.</p>"
            )
        ]
    )
    assert people_of(article) == ["Kit Connor"]
    assert shows_of(article) == ["Heartstopper"]


def test_links_inside_a_spoiler_section_count_too(world, heartstopper):
    joe = heartstopper.cast_people["Joe Locke"]
    spoiler = {
        "type": "spoiler",
        "value": {
            "warning": "Spoilers for season one",
            "content": [paragraph(f"<p>{page_link(joe)} steals the finale.</p>")],
        },
    }
    article = world.article(body=[spoiler])
    assert people_of(article) == ["Joe Locke"]


def test_editors_choice_of_people_is_left_alone(world, heartstopper):
    kit = heartstopper.cast_people["Kit Connor"]
    article = world.article(body=[cast_block(heartstopper)])
    article.people.set([kit])
    article.save()
    assert people_of(article) == ["Kit Connor"]
    assert shows_of(article) == ["Heartstopper"]


def test_filling_on_publish_through_a_revision(world, heartstopper):
    article = world.article(body=[])
    assert people_of(article) == []
    article.body = json.dumps([cast_block(heartstopper, season=1)])
    article.save_revision().publish()
    assert "Kit Connor" in people_of(article)


def test_unpublished_people_are_not_recorded(world, heartstopper):
    heartstopper.cast_people["Leila Khan"].unpublish()
    article = world.article(body=[cast_block(heartstopper, season=2, joining_only=True)])
    assert people_of(article) == ["Bradley Riches", "Jack Barton"]


def test_person_page_lists_latest_live_articles_about_them_newest_first(
    client, world, heartstopper
):
    kit = heartstopper.cast_people["Kit Connor"]
    older = world.article(title="Older story", body=[cast_block(heartstopper)])
    newer = world.article(title="Newer story", body=[paragraph(f"<p>{page_link(kit)}</p>")])
    draft = world.article(title="Draft story", body=[cast_block(heartstopper)])
    draft.unpublish()
    world.article(title="Unrelated story", body=[])

    soup = BeautifulSoup(client.get(kit.url).content, "html.parser")
    section = soup.find(id="articles-heading").find_parent("section")
    assert section.find("h2").get_text() == "Latest articles about Kit Connor"
    links = [(a.get_text(), a["href"]) for a in section.select(".teaser__title a")]
    assert links == [("Newer story", newer.url), ("Older story", older.url)]


def test_article_to_person_to_article_cross_links(client, world, heartstopper):
    """From an article's cast block to the person, and from the person back to the article."""
    article = world.article(title="What we know", body=[cast_block(heartstopper, season=1)])
    block_html = BeautifulSoup(
        ArticlePage.objects.get(pk=article.pk).body[0].render(), "html.parser"
    )
    kit_url = next(
        a["href"] for a in block_html.select(".cast-member__name") if a.get_text() == "Kit Connor"
    )
    person_soup = BeautifulSoup(client.get(kit_url).content, "html.parser")
    assert article.url in [a["href"] for a in person_soup.select(".teaser__title a")]


def test_show_page_lists_articles_about_it(client, world, heartstopper):
    article = world.article(title="Season two news", body=[cast_block(heartstopper)])
    soup = BeautifulSoup(client.get(heartstopper.url).content, "html.parser")
    assert article.url in [a["href"] for a in soup.select(".teaser__title a")]
