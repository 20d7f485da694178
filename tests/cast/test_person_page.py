"""A person's profile as a reader and a search engine see it."""

import json

import pytest
from bs4 import BeautifulSoup

from cast.models import KnownForCredit, PersonLink
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


def get_soup(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def kit(heartstopper):
    kit = heartstopper.cast_people["Kit Connor"]
    kit.photo = ImageFactory(description="Kit Connor at a premiere", credit="Netflix")
    kit.short_bio = "English actor who plays Nick Nelson in Heartstopper."
    kit.save()
    KnownForCredit.objects.create(person=kit, title="Rocketman", year=2019)
    PersonLink.objects.create(person=kit, label="Instagram", url="https://instagram.com/kit")
    return kit


def test_person_page_shows_name_photo_credit_bio_and_known_for(client, kit):
    soup = get_soup(client, kit)
    assert [h.get_text() for h in soup.find_all("h1")] == ["Kit Connor"]
    photo = soup.select_one(".person-header__photo")
    assert photo.find("img")["alt"] == "Kit Connor at a premiere"
    assert photo.find("img").has_attr("width") and photo.find("img").has_attr("height")
    assert photo.find("figcaption").get_text() == "Photo: Netflix"
    assert "plays Nick Nelson" in soup.select_one(".profile__lead").get_text()
    known_for = soup.find(id="known-for-heading").find_parent("section")
    assert known_for.find("li").get_text() == "Rocketman (2019)"
    links = soup.find(id="links-heading").find_parent("section")
    assert links.find("a")["href"] == "https://instagram.com/kit"


def test_person_page_lists_their_roles_with_links_to_the_show(client, kit, heartstopper):
    roles = get_soup(client, kit).find(id="roles-heading").find_parent("section")
    item = roles.select_one(".role-list__item")
    assert item.find("a")["href"] == heartstopper.url
    assert item.find("a").get_text() == "Heartstopper"
    assert "as Nick Nelson" in item.get_text()


def test_roles_on_unpublished_shows_are_not_listed(client, kit, heartstopper):
    heartstopper.unpublish()
    assert get_soup(client, kit).find(id="roles-heading") is None


def test_bradley_riches_lists_both_his_parts(client, heartstopper):
    bradley = heartstopper.cast_people["Bradley Riches"]
    roles = get_soup(client, bradley).select(".role-list__item")
    texts = [" ".join(r.get_text(" ", strip=True).split()) for r in roles]
    assert texts == [
        "Heartstopper as James McEwan From season 2",
        "Heartstopper as Uncredited part Season 1",
    ]


def test_author_page_lists_shows_based_on_their_work(client, world, heartstopper):
    alice = world.person("Alice Oseman")
    heartstopper.source_author = alice
    heartstopper.based_on = "the graphic novel series Heartstopper"
    heartstopper.save()
    roles = get_soup(client, alice).find(id="roles-heading").find_parent("section")
    assert roles.find("a")["href"] == heartstopper.url
    assert "based on their work" in roles.get_text()


def test_person_json_ld_gives_name_image_same_as_and_url(client, kit):
    script = get_soup(client, kit).find("script", type="application/ld+json")
    data = json.loads(script.string)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Person"
    assert data["name"] == "Kit Connor"
    assert data["url"] == kit.full_url
    assert data["image"].startswith("http://testserver/media/")
    assert data["sameAs"] == ["https://instagram.com/kit"]


def test_animal_performer_is_not_described_as_a_person(client, world):
    echo = world.person("Echo", kind="animal", short_bio="The dog who plays Nellie.")
    soup = get_soup(client, echo)
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@type"] != "Person"
    assert data["name"] == "Echo"
    assert soup.select_one(".profile__kicker").get_text() == "Animal performer"


def test_person_meta_description_is_their_short_bio(client, kit):
    meta = get_soup(client, kit).find("meta", attrs={"name": "description"})
    assert meta["content"] == "English actor who plays Nick Nelson in Heartstopper."


def test_person_without_bio_gets_a_useful_meta_description(world):
    nobody = world.person("New Face", short_bio="")
    assert nobody.meta_description == "New Face: profile, roles and the latest stories."
