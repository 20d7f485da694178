"""Articles learn from their shop blocks which books they feature and whether they have links."""

import pytest
from wagtail.models import PageViewRestriction

from articles.models import ArticlePage
from shop.models import BookPage
from tests.factories import SectionPageFactory
from tests.shop.factories import ArticlePageFactory, OfferFactory, make_book, shop_body

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(home):
    return SectionPageFactory(parent=home, title="Books", slug="books")


def test_article_with_a_live_book_that_has_offers_has_affiliate_links(section, shop, retailer):
    with_offers = make_book(shop, retailers=[retailer])
    without = make_book(shop)
    article = ArticlePageFactory(parent=section, body=shop_body(with_offers, without))
    article.refresh_from_db()
    assert article.has_affiliate_links is True
    assert set(article.books.all()) == {with_offers, without}
    assert list(with_offers.articles.all()) == [article]


def test_article_without_shop_blocks_has_no_links_and_no_books(section):
    article = ArticlePageFactory(parent=section, body=[("paragraph", "<p>Hi.</p>")])
    article.refresh_from_db()
    assert article.has_affiliate_links is False
    assert not article.books.exists()


def test_books_without_offers_or_not_live_give_no_affiliate_links(section, shop, retailer):
    no_offers = make_book(shop)
    draft = make_book(shop, retailers=[retailer], live=False)
    article = ArticlePageFactory(parent=section, body=shop_body(no_offers, draft))
    article.refresh_from_db()
    assert article.has_affiliate_links is False
    assert set(article.books.all()) == {no_offers, draft}


def test_removing_the_shop_block_clears_the_flag_and_the_books(section, shop, retailer):
    book = make_book(shop, retailers=[retailer])
    article = ArticlePageFactory(parent=section, body=shop_body(book))
    article.body = [("paragraph", "<p>No more shopping.</p>")]
    article.save_revision().publish()
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.has_affiliate_links is False
    assert not article.books.exists()


def test_publishing_through_a_revision_derives_the_fields(section, shop, retailer):
    book = make_book(shop, retailers=[retailer])
    article = ArticlePageFactory(parent=section, body=[])
    article.body = shop_body(book)
    revision = article.save_revision()
    # A draft doesn't change what readers see...
    assert ArticlePage.objects.get(pk=article.pk).has_affiliate_links is False
    revision.publish()
    # ...publishing does.
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.has_affiliate_links is True
    assert list(article.books.all()) == [book]


def test_book_going_live_or_offline_updates_its_articles(section, shop, retailer):
    book = make_book(shop, live=False)
    OfferFactory(book=book, retailer=retailer)
    article = ArticlePageFactory(parent=section, body=shop_body(book))
    assert ArticlePage.objects.get(pk=article.pk).has_affiliate_links is False

    book.save_revision().publish()
    assert ArticlePage.objects.get(pk=article.pk).has_affiliate_links is True

    BookPage.objects.get(pk=book.pk).unpublish()
    assert ArticlePage.objects.get(pk=article.pk).has_affiliate_links is False


def test_book_made_private_or_public_again_updates_its_articles(section, shop, retailer):
    book = make_book(shop, retailers=[retailer])
    article = ArticlePageFactory(parent=section, body=shop_body(book))
    assert ArticlePage.objects.get(pk=article.pk).has_affiliate_links is True

    restriction = PageViewRestriction.objects.create(
        page=shop, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert ArticlePage.objects.get(pk=article.pk).has_affiliate_links is False

    restriction.delete()
    assert ArticlePage.objects.get(pk=article.pk).has_affiliate_links is True
