"""The article page as a reader sees it, and what editors can't save."""

from datetime import UTC, datetime

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from tests.articles.factories import (
    ArticlePageFactory,
    AuthorFactory,
    heading,
    paragraph,
    spoiler,
)
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


def get(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_header_shows_headline_standfirst_byline_and_date(client, article):
    html = get(client, article)
    assert html.find("h1").get_text() == article.title
    assert len(html.find_all("h1")) == 1
    assert html.select_one(".article__standfirst").get_text() == (
        "We are smitten with Nick and Charlie 💘"
    )
    byline = html.select_one(".byline__authors")
    assert byline.find("a", rel="author")["href"] == "/authors/piper-huxley/"
    assert "Staff writer" in byline.get_text()
    published = html.select_one(".byline__published time")
    assert published["datetime"].startswith(article.first_published_at.date().isoformat())
    assert html.select_one(".article__section a").get_text() == "TV"


def test_byline_names_every_author_in_order(client, tv, piper):
    second = AuthorFactory(name="Sam Adeyemi", slug="sam")
    third = AuthorFactory(name="Ali Khan", slug="ali")
    article = ArticlePageFactory(parent=tv, authors=[piper, second, third])
    byline = get(client, article).select_one(".byline__authors")
    assert [a.get_text() for a in byline.find_all("a")] == [
        "Piper Huxley",
        "Sam Adeyemi",
        "Ali Khan",
    ]
    assert " and " in byline.get_text()


def test_updated_date_only_shows_when_set(client, article):
    assert get(client, article).select_one(".byline__updated") is None

    article.updated_at = datetime(2024, 3, 1, 12, tzinfo=UTC)
    article.save_revision().publish()
    updated = get(client, article).select_one(".byline__updated")
    assert "Updated" in updated.get_text()
    assert updated.find("time")["datetime"].startswith("2024-03-01")


def test_hero_uses_image_defaults_and_per_article_overrides(client, article):
    figure = get(client, article).select_one(".article__hero")
    img = figure.find("img")
    assert img["alt"] == "Two boys on a bench"
    assert "Joe Locke and Kit Connor" in figure.figcaption.get_text()
    assert "Netflix" in figure.select_one(".credit").get_text()

    article.hero_alt = "Charlie and Nick on a bench"
    article.hero_caption = "Joe Locke as Charlie, Kit Connor as Nick Nelson"
    article.hero_credit = "Photo: Netflix"
    article.save_revision().publish()
    figure = get(client, article).select_one(".article__hero")
    assert figure.find("img")["alt"] == "Charlie and Nick on a bench"
    assert (
        figure.select_one(".caption").get_text()
        == "Joe Locke as Charlie, Kit Connor as Nick Nelson"
    )
    assert figure.select_one(".credit").get_text() == "Photo: Netflix"


def test_hero_is_responsive_with_webp_and_not_lazy(client, article):
    figure = get(client, article).select_one(".article__hero")
    source = figure.find("source")
    assert source["type"] == "image/webp"
    assert len(source["srcset"].split(",")) >= 1
    img = figure.find("img")
    assert img.get("loading") is None
    assert img["width"] and img["height"]
    assert img["srcset"] and img["sizes"]


def test_tags_link_to_tag_pages(client, article):
    tags = get(client, article).select(".tags a")
    assert {a.get_text(): a["href"] for a in tags} == {
        "Heartstopper": "/tags/heartstopper/",
        "Netflix": "/tags/netflix/",
    }


def test_reading_time_counts_the_body(client, tv):
    words = " ".join(["word"] * 700)
    article = ArticlePageFactory(parent=tv, body=[paragraph(f"<p>{words}</p>")])
    assert article.reading_time == 4  # 700+ words at 230 a minute, rounded up
    assert "4 min read" in get(client, article).select_one(".byline__reading").get_text()


def test_contents_list_appears_with_four_h2s_and_links_to_their_anchors(client, tv):
    three = ArticlePageFactory(parent=tv, body=[heading(f"Part {i}") for i in range(3)])
    assert get(client, three).select_one("nav.toc") is None

    body = [heading(f"Part {i}") for i in range(4)] + [heading("Detail", "h3")]
    four = ArticlePageFactory(parent=tv, body=body)
    html = get(client, four)
    links = html.select("nav.toc a")
    assert [a.get_text() for a in links] == ["Part 0", "Part 1", "Part 2", "Part 3"]
    for link in links:
        assert html.find(id=link["href"][1:]).name == "h2"


def test_contents_list_never_shows_headings_inside_spoilers(client, tv):
    body = [heading(f"Part {i}") for i in range(4)]
    body.append(spoiler("Spoilers", heading("The twist revealed")))
    html = get(client, ArticlePageFactory(parent=tv, body=body))
    assert "The twist revealed" not in html.select_one("nav.toc").get_text()


def test_affiliate_disclosure_is_absent_without_shop_links(client, article):
    assert article.has_affiliate_links is False
    assert "commission" not in get(client, article).select_one("article").get_text()


def test_author_card_shows_bio(client, article):
    card = get(client, article).select_one(".author-card")
    assert "Piper writes about TV." in card.get_text()


def test_draft_article_is_not_found(client, tv):
    draft = ArticlePageFactory(parent=tv, slug="draft-story")
    draft.unpublish()
    assert client.get("/entertainment/tv/draft-story/").status_code == 404


def test_spoiler_flag_requires_a_spoiler_free_summary(tv):
    article = ArticlePageFactory.build(title="Finale", slug="finale", contains_spoilers=True)
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "spoiler_free_summary" in error.value.message_dict


def test_update_cannot_predate_first_publication(tv):
    article = ArticlePageFactory.build(
        title="News",
        slug="news",
        first_published_at=datetime(2024, 5, 1, tzinfo=UTC),
        updated_at=datetime(2024, 4, 1, tzinfo=UTC),
    )
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "updated_at" in error.value.message_dict


def test_hero_alt_falls_back_to_image_alt_and_can_be_empty_for_no_image(tv):
    article = ArticlePageFactory.build(hero_image=ImageFactory(description="A red bus"))
    assert article.hero_alt_text == "A red bus"
    assert ArticlePageFactory.build().hero_alt_text == ""
