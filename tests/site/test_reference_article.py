"""The reference article end to end, as a reader gets it from the demo content."""

import io
import re
from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import transaction

pytestmark = pytest.mark.django_db

MAIN_CAST = {
    "Kit Connor": "Nick Nelson",
    "Joe Locke": "Charlie Spring",
    "Yasmin Finney": "Elle Argent",
    "William Gao": "Tao Xu",
    "Kizzy Edgell": "Darcy Olsson",
    "Corinna Brown": "Tara Jones",
    "Rhea Norwood": "Imogen Heaney",
    "Tobie Donovan": "Isaac Henderson",
    "Olivia Colman": "Sarah Nelson",
    "Echo": "Nellie",
}
JOINING = {
    "Leila Khan": "Sahar Zahid",
    "Jack Barton": "David Nelson",
    "Bradley Riches": "James McEwan",
    "Nima Taleghani": "Mr Farouk",
}
BOOKS = [
    "Heartstopper Volume 1",
    "Heartstopper Volume 2",
    "Heartstopper Volume 3",
    "Heartstopper Volume 4",
    "Loveless",
    "Solitaire",
    "Radio Silence",
    "I Was Born for This",
]


@dataclass
class Reference:
    html: BeautifulSoup
    person_urls: dict  # name -> URL of the person page
    book_urls: dict  # title -> URL of the book page
    offer_ids: dict  # book title -> ids of its offers
    show_url: str
    trust_url: str


@pytest.fixture(scope="module")
def reference(django_db_setup, django_db_blocker):
    """The demo's reference article as served, and the pages it should point at."""
    from django.test import Client

    from articles.models import ArticlePage
    from cast.models import PersonPage, ShowPage
    from magazine.models import StandardPage
    from shop.models import BookPage

    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        article = ArticlePage.objects.get(slug="heartstopper-season-two")
        response = Client().get(article.url)
        assert response.status_code == 200
        books = BookPage.objects.live().filter(title__in=BOOKS)
        yield Reference(
            html=BeautifulSoup(response.content, "html.parser"),
            person_urls={p.title: p.url for p in PersonPage.objects.live()},
            book_urls={b.title: b.url for b in books},
            offer_ids={b.title: sorted(o.pk for o in b.offers.all()) for b in books},
            show_url=ShowPage.objects.get(slug="heartstopper").url,
            trust_url=StandardPage.objects.get(slug="why-you-can-trust-us").url,
        )
        transaction.set_rollback(True)


def body(reference):
    return reference.html.select_one(".article__body")


def text(tag):
    return " ".join(tag.get_text(" ", strip=True).split())


def test_section_and_tags(reference):
    section = reference.html.select_one(".article__section a")
    assert text(section) == "TV"
    assert section["href"] == "/entertainment/tv/"
    tags = {text(a): a["href"] for a in reference.html.select(".tags a[rel=tag]")}
    assert set(tags) == {"Heartstopper", "Netflix", "LGBTQ+", "Alice Oseman"}
    assert tags["Alice Oseman"] == "/tags/alice-oseman/"


def test_one_headline_and_a_standfirst_with_its_emoji(reference):
    headlines = reference.html.find_all("h1")
    assert [text(h) for h in headlines] == [
        "Netflix's Heartstopper: here's what we know about season two"
    ]
    standfirst = text(reference.html.select_one(".article__standfirst"))
    assert "Nick and Charlie" in standfirst
    assert "\U0001f49b" in standfirst


def test_hero_is_captioned_and_credited(reference):
    hero = reference.html.select_one("figure.article__hero")
    image = hero.find("img")
    assert image["alt"].strip()
    assert image.get("loading") != "lazy"
    caption = text(hero.select_one("figcaption .caption"))
    assert "Joe Locke as Charlie" in caption
    assert "Kit Connor as Nick Nelson" in caption
    assert text(hero.select_one("figcaption .credit")) == "Netflix"


def test_byline_names_the_writer_with_dates(reference):
    byline = reference.html.select_one(".byline")
    author = byline.select_one(".byline__authors a[rel=author]")
    assert text(author) == "Piper Huxley"
    assert author["href"] == "/authors/piper-huxley/"
    published = byline.select_one(".byline__published time")
    assert published["datetime"].startswith("2022-05-24")
    assert text(published) == "24 May 2022"
    assert byline.select_one(".byline__updated time")["datetime"].startswith("2022-06-10")


def test_four_sections_then_the_shop_with_three_sub_sections_behind_the_spoiler(reference):
    assert [text(h) for h in body(reference).find_all("h2")] == [
        "What is Heartstopper about?",
        "Who's in Heartstopper?",
        "Will Heartstopper return for a second season?",
        "What do we want from season two?",
        "Shop: Heartstopper and Alice Oseman's other best-sellers",
    ]
    spoiler = body(reference).find("details", class_="spoiler")
    assert not spoiler.has_attr("open")
    assert "Spoiler" in text(spoiler.find("summary"))
    assert text(spoiler.find_previous("h2")) == "What do we want from season two?"
    assert [text(h) for h in spoiler.find_all("h3")] == [
        "Nick and Charlie",
        "Tao and Elle",
        "Isaac",
    ]
    contents = [text(a) for a in reference.html.select("nav.toc a")]
    assert contents[:4] == [text(h) for h in body(reference).find_all("h2")][:4]


def test_asides_sit_between_the_sections(reference):
    asides = body(reference).select("aside.aside-note")
    assert len(asides) >= 3
    assert all(text(aside) for aside in asides)
    assert all(aside.find_next("h2") is not None for aside in asides[:3])


def rundown(reference, heading):
    for section in body(reference).select("section.cast-rundown"):
        if text(section.select_one(".cast-rundown__heading")) == heading:
            return {
                text(member.select_one(".cast-member__name")): (
                    member.select_one("a.cast-member__name")["href"],
                    text(member.select_one(".cast-member__as")).removeprefix("as → "),
                )
                for member in section.select(".cast-member")
            }
    raise AssertionError(f"no cast rundown headed {heading!r}")


def test_main_cast_rundown_links_each_actor_to_their_page(reference):
    cast = rundown(reference, "The main cast")
    assert cast["Kit Connor"] == ("/people/kit-connor/", "Nick Nelson")
    assert cast["Kit Connor"][0] == reference.person_urls["Kit Connor"]
    for actor, character in MAIN_CAST.items():
        assert cast[actor] == (reference.person_urls[actor], character)
    assert not set(cast) & {"Leila Khan", "Jack Barton", "Nima Taleghani"}


def test_season_two_rundown_lists_only_the_newcomers(reference):
    joining = rundown(reference, "New for season two")
    assert joining == {
        actor: (reference.person_urls[actor], character) for actor, character in JOINING.items()
    }


def test_shop_section_has_the_eight_books_each_linked_with_sponsored_offers(reference):
    shop = body(reference).select_one("section.shop-block")
    cards = shop.select(".book-card")
    assert [text(card.select_one(".book-card__title")) for card in cards] == BOOKS
    for card in cards:
        title = text(card.select_one(".book-card__title"))
        assert card.select_one(".book-card__title a")["href"] == reference.book_urls[title]
        assert card.select_one(".book-card__cover img") is not None
        offers = card.select("a.offer__button")
        assert offers, title
        ids = []
        for offer in offers:
            match = re.fullmatch(r"/shop/go/(\d+)/", offer["href"])
            assert match, offer["href"]
            ids.append(int(match.group(1)))
            assert offer["rel"] == ["sponsored", "nofollow", "noopener"]
        assert sorted(ids) == reference.offer_ids[title]
        assert card.select(".offer__price .offer__checked time[datetime]")


def test_disclosure_precedes_first_affiliate_link_and_links_to_the_trust_page(reference):
    html = reference.html
    disclosure = html.select_one("[data-affiliate-disclosure]")
    assert "commission" in text(disclosure)
    assert disclosure.find("a", href=reference.trust_url)
    first_link = html.select_one("a[rel~=sponsored]")
    order = list(html.descendants)
    assert order.index(disclosure) < order.index(first_link)


def test_radio_strip_offers_to_listen_live(reference):
    radio = reference.html.select_one("section.radio[data-radio]")
    assert "Listen live" in text(radio.select_one(".radio__heading"))
    assert text(radio.select_one(".radio__station"))
    assert "Now playing" in text(radio.select_one(".radio__now"))
    assert radio.find("audio")["src"]


def test_every_person_and_book_named_links_to_its_page(reference):
    links = {a["href"] for a in reference.html.select(".article__body a[href]")}
    people = set(MAIN_CAST) | set(JOINING) | {"Alice Oseman"}
    assert {reference.person_urls[name] for name in people} <= links
    assert set(reference.book_urls.values()) <= links
    # The prose links too, not only the rundowns and cards.
    prose = {
        text(a): a["href"]
        for paragraph in body(reference).find_all("p", class_=False)
        for a in paragraph.find_all("a")
    }
    assert prose["Alice Oseman"] == reference.person_urls["Alice Oseman"]
    assert prose["Kit Connor"] == reference.person_urls["Kit Connor"]
    assert prose["Joe Locke"] == reference.person_urls["Joe Locke"]
    assert prose["Loveless"] == reference.book_urls["Loveless"]


def test_show_page_is_linked(reference):
    links = [a["href"] for a in body(reference).find_all("a")]
    assert reference.show_url == "/shows/heartstopper/"
    assert reference.show_url in links
