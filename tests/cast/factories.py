"""Factories for cast profiles and the articles that mention them."""

import datetime

import factory
import wagtail_factories

from articles.models import ArticlePage
from cast.models import PeopleIndexPage, PersonPage, Role, ShowIndexPage, ShowPage
from tests.factories import ImageFactory, SectionPageFactory


class PeopleIndexPageFactory(wagtail_factories.PageFactory):
    title = "People"
    slug = "people"

    class Meta:
        model = PeopleIndexPage


class ShowIndexPageFactory(wagtail_factories.PageFactory):
    title = "Shows"
    slug = "shows"

    class Meta:
        model = ShowIndexPage


class PersonPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Actor {n}")
    short_bio = factory.LazyAttribute(lambda o: f"{o.title} is an actor.")
    photo = factory.SubFactory(ImageFactory)

    class Meta:
        model = PersonPage


class ShowPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Show {n}")
    network = "Netflix"
    synopsis = "<p>Two boys at a British grammar school fall for each other.</p>"

    class Meta:
        model = ShowPage


class ArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Article {n}")
    standfirst = "What we know so far."
    first_published_at = factory.Sequence(
        lambda n: datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC) + datetime.timedelta(days=n)
    )

    class Meta:
        model = ArticlePage


def add_role(show, person, character, first_season=1, last_season=None, billing="main", **kw):
    return Role.objects.create(
        show=show,
        person=person,
        character_name=character,
        first_season=first_season,
        last_season=last_season,
        billing=billing,
        sort_order=Role.objects.filter(show=show).count(),
        **kw,
    )


class CastWorld:
    """A home with the People and Shows indexes and a section for articles."""

    def __init__(self, home):
        self.home = home
        self.people_index = PeopleIndexPageFactory(parent=home)
        self.show_index = ShowIndexPageFactory(parent=home)
        self.section = SectionPageFactory(parent=home, title="TV", slug="tv")

    def person(self, name, **kwargs):
        return PersonPageFactory(parent=self.people_index, title=name, **kwargs)

    def show(self, title="Heartstopper", **kwargs):
        return ShowPageFactory(parent=self.show_index, title=title, **kwargs)

    def article(self, **kwargs):
        return ArticlePageFactory(parent=self.section, **kwargs)


def cast_block(show, season=None, joining_only=False, heading=""):
    """A cast rundown as stored in an article body."""
    return {
        "type": "cast_rundown",
        "value": {
            "show": show.pk,
            "season": season,
            "joining_only": joining_only,
            "heading": heading,
        },
    }


def paragraph(html):
    return {"type": "paragraph", "value": html}


def page_link(page, text=None):
    return f'<a linktype="page" id="{page.pk}">{text or page.title}</a>'
