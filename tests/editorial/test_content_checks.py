"""An article can be saved as a draft half-finished, but not sent out incomplete."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from articles.models import ArticlePage
from tests.articles.factories import ArticlePageFactory, AuthorFactory
from tests.factories import ImageFactory, SectionPageFactory
from tests.shop.factories import RetailerFactory, ShopIndexPageFactory, make_book

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("chief", "chief@example.test", "pw-12345")
    client.force_login(user)
    return client


@pytest.fixture
def article(home):
    tv = SectionPageFactory(parent=home, title="TV", slug="tv")
    return ArticlePageFactory(parent=tv, title="Season two", slug="season-two", live=False)


def list_block(values):
    """ListBlock form data, the shape the StreamField editor submits."""
    data = {
        str(i): {"value": value, "deleted": "", "order": str(i)} for i, value in enumerate(values)
    }
    data["count"] = str(len(values))
    return data


def form_data(
    article,
    *,
    standfirst="A line that makes you read on.",
    hero=None,
    hero_alt="",
    authors=(),
    body=(),
    action="action-publish",
):
    data = nested_form_data(
        {
            "title": article.title,
            "slug": article.slug,
            "standfirst": standfirst,
            "hero_image": hero.pk if hero else "",
            "hero_alt": hero_alt,
            "hero_caption": "",
            "hero_credit": "",
            "article_authors": inline_formset([{"author": a.pk} for a in authors]),
            "body": streamfield(list(body)),
            "spoiler_free_summary": "",
            "tags": "",
            "seo_title": "",
            "search_description": "",
            "comments": inline_formset([]),
        }
    )
    data[action] = action
    return data


def post(client, article, **kwargs):
    return client.post(f"/admin/pages/{article.pk}/edit/", form_data(article, **kwargs))


def errors(response):
    form = response.context["form"]
    return {field: " ".join(str(e) for e in errs) for field, errs in form.errors.items()}


def test_a_complete_article_publishes(editor, article):
    hero = ImageFactory(description="Joe Locke and Kit Connor")
    response = post(editor, article, hero=hero, authors=[AuthorFactory()])
    assert response.status_code == 302, errors(response)
    assert ArticlePage.objects.get(pk=article.pk).live


def test_publishing_without_hero_standfirst_or_author_is_refused_at_each_field(editor, article):
    response = post(editor, article, standfirst="")
    assert response.status_code == 200
    found = errors(response)
    assert "needs a hero image" in found["hero_image"]
    assert "standfirst" in found["standfirst"].lower()
    assert "at least one author" in found["__all__"]
    assert not ArticlePage.objects.get(pk=article.pk).live


def test_hero_without_alt_text_is_refused_unless_the_article_supplies_it(editor, article):
    hero = ImageFactory(description="")
    refused = post(editor, article, hero=hero, authors=[AuthorFactory()])
    assert "no alt text" in errors(refused)["hero_alt"]

    accepted = post(
        editor,
        article,
        hero=hero,
        hero_alt="Nick and Charlie at the beach",
        authors=[AuthorFactory(slug="second")],
    )
    assert accepted.status_code == 302


def test_shop_block_with_books_nobody_sells_is_refused(editor, article, home):
    shop = ShopIndexPageFactory(parent=home)
    sold = make_book(shop, retailers=[RetailerFactory()], title="Loveless")
    unsold = make_book(shop, title="Solitaire")
    body = [("shop", {"title": "Shop the books", "books": list_block([sold.pk, unsold.pk])})]
    response = post(editor, article, hero=ImageFactory(), authors=[AuthorFactory()], body=body)
    message = errors(response)["body"]
    assert "no offers" in message and "Solitaire" in message and "Loveless" not in message


def test_preview_shows_the_shop_blocks_public_books_only(editor, article, home):
    """Books chosen in the editor's form are held to the same rule as a saved body's."""
    shop = ShopIndexPageFactory(parent=home)
    retailer = RetailerFactory()
    public = make_book(shop, retailers=[retailer], title="Loveless")
    private = make_book(shop, retailers=[retailer], title="Members' edition")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    body = [("shop", {"title": "Shop the books", "books": list_block([private.pk, public.pk])})]
    data = form_data(article, hero=ImageFactory(), authors=[AuthorFactory()], body=body)

    preview_url = f"/admin/pages/{article.pk}/edit/preview/"
    assert editor.post(preview_url, data).json()["is_valid"]
    html = BeautifulSoup(editor.get(preview_url).content, "html.parser")
    assert [a.get_text() for a in html.select(".book-card__title a")] == ["Loveless"]


def test_a_draft_saves_however_unfinished_and_loses_nothing(editor, article):
    response = post(editor, article, standfirst="", action="action-save")
    assert response.status_code == 302
    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert draft.title == "Season two"
    assert not ArticlePage.objects.get(pk=article.pk).live


def test_submitting_for_review_runs_the_same_checks(editor, article):
    response = post(editor, article, standfirst="", action="action-submit")
    assert response.status_code == 200
    assert "hero_image" in errors(response)
