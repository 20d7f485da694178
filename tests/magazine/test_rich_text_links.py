"""Page links in rich text point at the page's address, found in one query per paragraph."""

import pytest
from wagtail.models import Site
from wagtail.rich_text import expand_db_html

from tests.factories import SectionPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def link(page_id, text="link"):
    return f'<a linktype="page" id="{page_id}">{text}</a>'


def test_links_to_pages_of_any_type_get_their_addresses(home):
    tv = SectionPageFactory(parent=home, title="TV", slug="tv")
    about = StandardPageFactory(parent=home, title="About us", slug="about-us")

    html = expand_db_html(f"<p>{link(tv.pk, 'TV')} and {link(about.pk, 'us')}</p>")

    assert html == '<p><a href="/tv/">TV</a> and <a href="/about-us/">us</a></p>'


def test_a_link_to_a_deleted_page_keeps_its_text_without_an_address(home):
    gone = StandardPageFactory(parent=home, title="Old news", slug="old-news")
    pk = gone.pk
    gone.delete()

    assert expand_db_html(f"<p>{link(pk, 'old news')}</p>") == "<p><a>old news</a></p>"


def test_a_paragraph_of_links_costs_one_query(home, django_assert_num_queries):
    pages = [SectionPageFactory(parent=home, title=f"S{n}", slug=f"s{n}") for n in range(5)]
    Site.get_site_root_paths()  # as on any served page, already in the cache
    paragraph = "<p>" + " ".join(link(page.pk) for page in pages) + "</p>"

    with django_assert_num_queries(1):
        html = expand_db_html(paragraph)

    assert [f'href="/s{n}/"' in html for n in range(5)] == [True] * 5
