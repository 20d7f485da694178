"""Each body block's rendering, on its own and in an article."""

from datetime import date
from unittest import mock

import pytest
import requests
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from articles.blocks import ArticleBodyBlock
from tests.articles.factories import ArticlePageFactory, block, heading, image_block, spoiler
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


def render(kind, value):
    body = ArticleBodyBlock()
    child = body.child_blocks[kind]
    return BeautifulSoup(child.render(child.to_python(value)), "html.parser")


def article_html(client, parent, body):
    page = ArticlePageFactory(parent=parent, body=body)
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one(".article__body")


def test_heading_renders_its_level_with_an_anchor_id():
    html = render("heading", {"text": "Who's in Heartstopper?", "level": "h2"})
    assert html.find("h2")["id"] == "whos-in-heartstopper"
    assert render("heading", {"text": "Isaac", "level": "h3"}).find("h3")["id"] == "isaac"


def test_repeated_headings_get_unique_anchors_that_stay_the_same(client, tv):
    body = [heading("Cast"), heading("Plot"), heading("Cast")]
    first = [h["id"] for h in article_html(client, tv, body).find_all("h2")]
    assert first == ["cast", "plot", "cast-2"]


def test_paragraph_keeps_allowed_formatting():
    html = render("paragraph", "<p>Nick is <b>kind</b> and <i>brave</i>.</p>")
    assert html.find("b").get_text() == "kind"
    assert html.find("i").get_text() == "brave"


def test_aside_is_a_standalone_remark():
    html = render("aside", {"text": "Yes, we cried. Twice."})
    assert html.select_one("aside.aside-note").get_text(strip=True) == "Yes, we cried. Twice."


def test_image_block_uses_image_caption_and_credit_unless_overridden():
    image = ImageFactory(caption="Nick and Charlie", credit="Netflix", description="Two boys")
    html = render("image", {"image": image.pk, "caption": "", "credit": "", "width": "wide"})
    figure = html.find("figure")
    assert "article-image--wide" in figure["class"]
    assert figure.select_one(".caption").get_text() == "Nick and Charlie"
    assert figure.select_one(".credit").get_text() == "Netflix"
    img = figure.find("img")
    assert img["alt"] == "Two boys"
    assert img["loading"] == "lazy"
    assert img["width"] and img["height"] and img["srcset"] and img["sizes"]
    assert figure.find("source", type="image/webp")

    html = render(
        "image",
        {"image": image.pk, "caption": "Own caption", "credit": "Own credit", "width": "text"},
    )
    assert html.select_one(".caption").get_text() == "Own caption"
    assert html.select_one(".credit").get_text() == "Own credit"


def test_quote_renders_as_blockquote_with_attribution():
    html = render("quote", {"quote": "Hi.", "attribution": "Charlie Spring"})
    assert html.find("blockquote").get_text(strip=True) == "Hi."
    assert html.find("figcaption").get_text() == "Charlie Spring"


def test_embed_renders_a_plain_link_when_the_provider_is_unreachable(client, tv):
    url = "https://www.youtube.com/watch?v=offline-test"
    with mock.patch(
        "articles.embeds.requests.get", side_effect=requests.ConnectionError("offline")
    ) as fetch:
        body = [block("embed", {"embed": url, "caption": "The season two teaser"})]
        html = article_html(client, tv, body)
    link = html.select_one(".embed__fallback a")
    assert link["href"] == url
    assert link.get_text() == "The season two teaser"
    # The provider was asked once, with a short timeout rather than none.
    assert fetch.call_count == 1
    assert fetch.call_args.kwargs["timeout"]


def test_failed_embed_is_not_retried_on_every_request(client, tv):
    url = "https://vimeo.com/123456"
    page = ArticlePageFactory(parent=tv, body=[block("embed", {"embed": url, "caption": ""})])
    with mock.patch("articles.embeds.requests.get", side_effect=requests.Timeout("slow")) as fetch:
        for _ in range(3):
            response = client.get(page.url)
            assert response.status_code == 200
    assert fetch.call_count == 1
    assert b"View it on vimeo.com" in response.content


def test_embed_shows_the_provider_html_when_reachable(client, tv):
    answer = mock.Mock(status_code=200)
    answer.json.return_value = {"type": "video", "html": '<iframe title="Teaser"></iframe>'}
    with mock.patch("articles.embeds.requests.get", return_value=answer):
        body = [block("embed", {"embed": "https://www.youtube.com/watch?v=ok", "caption": ""})]
        html = article_html(client, tv, body)
    assert html.select_one(".embed__media iframe")["title"] == "Teaser"


def test_spoiler_section_is_closed_details_with_its_warning_and_content(client, tv):
    body = [spoiler("Spoilers ahead for season one", heading("Isaac", "h3"), image_block())]
    details = article_html(client, tv, body).find("details")
    assert not details.has_attr("open")
    assert "Spoilers ahead for season one" in details.find("summary").get_text()
    assert details.find("h3", id="isaac")
    assert details.find("img")


def test_correction_note_shows_kind_and_date():
    html = render(
        "correction",
        {"kind": "correction", "date": date(2024, 2, 3), "text": "<p>We misnamed Tao.</p>"},
    )
    note = html.select_one("aside.correction")
    assert "Correction" in note.get_text()
    assert note.find("time")["datetime"] == "2024-02-03"
    assert "We misnamed Tao." in note.get_text()


def test_editors_can_save_an_embed_while_its_provider_is_unreachable():
    child = ArticleBodyBlock().child_blocks["embed"]
    url = "https://www.youtube.com/watch?v=unreachable"
    with mock.patch(
        "articles.embeds.requests.get", side_effect=requests.ConnectionError("offline")
    ):
        cleaned = child.clean(child.to_python({"embed": url, "caption": "Teaser"}))
        assert cleaned["embed"].url == url
        assert cleaned["caption"] == "Teaser"
        with pytest.raises(ValidationError):
            child.clean(child.to_python({"embed": "not a web address", "caption": ""}))
