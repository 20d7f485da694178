"""The click report: totals that match the recorded clicks, for those allowed to see them."""

import csv
import io
from datetime import datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from shop.models import Click
from tests.factories import StandardPageFactory
from tests.shop.factories import OfferFactory, make_book

pytestmark = pytest.mark.django_db

URL = "/admin/reports/affiliate-clicks/"


def at(days_ago, hour=12):
    today = timezone.localdate()
    day = today - timedelta(days=days_ago)
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour))


def click(offer, when, page=None, path=""):
    made = Click.objects.create(
        offer=offer, book=offer.book, retailer=offer.retailer, page=page, referrer_path=path
    )
    Click.objects.filter(pk=made.pk).update(clicked_at=when)


@pytest.fixture
def clicks(home, shop, retailers):
    article = StandardPageFactory(parent=home, title="Heartstopper explainer", slug="explainer")
    loveless = make_book(shop, title="Loveless")
    solitaire = make_book(shop, title="Solitaire")
    amazon = OfferFactory(book=loveless, retailer=retailers[0])
    waterstones = OfferFactory(book=loveless, retailer=retailers[1])
    bookshop = OfferFactory(book=solitaire, retailer=retailers[2])
    for _ in range(3):
        click(amazon, at(0), article, "/explainer/")
    click(waterstones, at(1), article, "/explainer/")
    click(bookshop, at(6))
    click(bookshop, at(7))  # outside the default seven days
    click(amazon, at(30))
    return {"amazon": amazon, "waterstones": waterstones, "bookshop": bookshop}


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_user("ed", "ed@example.com", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


@pytest.fixture
def writer(client, django_user_model):
    user = django_user_model.objects.create_user("wr", "wr@example.com", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    return client


def tables(response):
    page = BeautifulSoup(response.content, "html.parser")
    result = {}
    for table in page.select("table[data-breakdown]"):
        rows = {
            tr.find_all("td")[0].get_text(): int(tr.find_all("td")[2].get_text())
            for tr in table.select("tbody tr")
        }
        total = int(table.select("tfoot td")[-1].get_text())
        result[table["data-breakdown"]] = (rows, total)
    return page, result


def test_report_defaults_to_the_last_seven_days_and_totals_match(editor, clicks):
    response = editor.get(URL)
    assert response.status_code == 200
    page, result = tables(response)
    assert page.select_one(".click-report__total").get_text().startswith("5 clicks")
    for key in ("offer", "retailer", "book", "page"):
        rows, total = result[key]
        assert total == sum(rows.values()) == 5
    assert result["retailer"][0] == {"Amazon UK": 3, "Waterstones": 1, "Bookshop.org": 1}
    assert result["book"][0] == {"Loveless": 4, "Solitaire": 1}
    assert result["page"][0] == {
        "Heartstopper explainer": 4,
        "Unknown (no referrer from this site)": 1,
    }
    assert result["offer"][0]["Loveless at Amazon UK"] == 3


def test_report_covers_a_chosen_range(editor, clicks):
    date_from = (timezone.localdate() - timedelta(days=40)).isoformat()
    response = editor.get(URL, {"date_from": date_from, "date_to": timezone.localdate()})
    _, result = tables(response)
    assert result["retailer"][1] == Click.objects.count() == 7


def test_report_chart_is_inline_svg_with_a_bar_per_day(editor, clicks):
    page, _ = tables(editor.get(URL))
    svg = page.select_one("figure svg")
    assert svg["role"] == "img"
    bars = svg.find_all("rect")
    assert len(bars) == 7
    assert [b.find("title").get_text().split(": ")[1] for b in bars] == [
        "1", "0", "0", "0", "0", "1", "3"
    ]  # fmt: skip
    assert not page.select("main script[src^=http]")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"date_from": "2026-02-01", "date_to": "2026-01-01"}, "on or before the end date"),
        ({"date_from": "2020-01-01", "date_to": "2026-01-01"}, "at most 366 days"),
        ({"date_from": "yesterday"}, "Enter a valid date"),
    ],
)
def test_report_explains_a_bad_date_range(editor, clicks, query, message):
    response = editor.get(URL, query)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not BeautifulSoup(response.content, "html.parser").select("table[data-breakdown]")


def test_report_downloads_as_csv_with_the_same_totals(editor, clicks):
    response = editor.get(URL, {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    for key in ("offer", "retailer", "book", "page", "day"):
        assert sum(int(r["clicks"]) for r in rows if r["breakdown"] == key) == 5


def test_csv_never_starts_a_cell_with_a_formula(editor, home, shop, retailers):
    book = make_book(shop, title='=HYPERLINK("http://evil.test")')
    click(OfferFactory(book=book, retailer=retailers[0]), at(0))
    content = editor.get(URL, {"format": "csv"}).content.decode()
    items = [row["item"] for row in csv.DictReader(io.StringIO(content))]
    assert '\'=HYPERLINK("http://evil.test")' in items
    assert not any(item.startswith("=") for item in items)


def test_writers_without_the_permission_are_refused(writer, clicks):
    # Wagtail's permission-denied response: back to the dashboard with a message.
    for query in ({}, {"format": "csv"}):
        response = writer.get(URL, query, follow=True)
        assert response.redirect_chain == [("/admin/", 302)]
        assert "do not have permission" in response.content.decode()
        assert "text/csv" not in response["Content-Type"]
    assert URL not in writer.get("/admin/").content.decode()


def test_editors_and_superusers_see_the_menu_item(client, editor, django_user_model, clicks):
    assert URL in editor.get("/admin/").content.decode()
    client.force_login(django_user_model.objects.create_superuser("su", "su@example.com", "pw"))
    assert client.get(URL).status_code == 200
    assert URL in client.get("/admin/").content.decode()


def test_report_form_starts_on_the_default_range(editor, clicks):
    page, _ = tables(editor.get(URL))
    today = timezone.localdate()
    assert page.select_one("input[name=date_to]")["value"] == today.isoformat()
    assert page.select_one("input[name=date_from]")["value"] == (
        (today - timedelta(days=6)).isoformat()
    )
