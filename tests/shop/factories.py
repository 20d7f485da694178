"""Factories for the shop: retailers, books with authors and offers, and articles that show them."""

from datetime import UTC, datetime
from decimal import Decimal

import factory
import wagtail_factories
from django.utils import timezone

from articles.models import ArticlePage
from cast.models import PeopleIndexPage, PersonPage
from shop.models import BookAuthor, BookPage, Offer, Retailer, ShopIndexPage
from tests.factories import ImageFactory


def isbn13(n):
    """A valid ISBN-13 from a sequence number."""
    core = f"978{n:09d}"
    total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(core))
    return core + str((10 - total % 10) % 10)


class RetailerFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Retailer {n}")
    allowed_domains = "retailer.com"
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = Retailer


class ShopIndexPageFactory(wagtail_factories.PageFactory):
    title = "Shop"
    slug = "shop"
    intro = "Books we recommend."

    class Meta:
        model = ShopIndexPage


class BookPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Book {n}")
    isbn13 = factory.Sequence(isbn13)
    blurb = "A book about things."
    cover = factory.SubFactory(ImageFactory)

    class Meta:
        model = BookPage


class OfferFactory(factory.django.DjangoModelFactory):
    retailer = factory.SubFactory(RetailerFactory)
    url = factory.LazyAttributeSequence(
        lambda o, n: f"https://{o.retailer.domain_list[0]}/book/{n}"
    )
    price = Decimal("8.99")
    currency = "GBP"
    price_checked_at = factory.LazyFunction(timezone.now)
    in_stock = True

    class Meta:
        model = Offer


class PeopleIndexPageFactory(wagtail_factories.PageFactory):
    title = "People"
    slug = "people"

    class Meta:
        model = PeopleIndexPage


class PersonPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Person {n}")

    class Meta:
        model = PersonPage


class ArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Article {n}")
    standfirst = "A line about the article."
    first_published_at = factory.LazyFunction(lambda: datetime(2024, 1, 1, tzinfo=UTC))

    class Meta:
        model = ArticlePage


def make_book(shop, *, retailers=(), author="Alice Oseman", person=None, live=True, **fields):
    """A published book with one offer per retailer (in the order given) and one author."""
    book = BookPageFactory(parent=shop, live=live, **fields)
    BookAuthor.objects.create(book=book, person=person, name="" if person else author)
    for retailer in retailers:
        OfferFactory(book=book, retailer=retailer)
    return book


def shop_body(*books, title="Shop: the books"):
    return [("shop", {"title": title, "books": list(books)})]
