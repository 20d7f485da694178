"""The shop's filter selects: Django's markup, written without a template per option."""

from bs4 import BeautifulSoup
from django import forms

from shop.forms import LeanSelect

CHOICES = [
    ("", "All authors"),
    ("alice-oseman", "Alice Oseman"),
    ("o-brien", 'O\'Brien & "Co" <b>'),
]


def parsed(widget, value):
    html = str(widget.render("author", value, attrs={"id": "id_author"}))
    select = BeautifulSoup(html, "html.parser").select_one("select")
    return (
        select.attrs,
        [(o["value"], o.get_text(), o.has_attr("selected")) for o in select("option")],
    )


def test_lean_select_renders_what_djangos_select_renders():
    for value in ("", "o-brien", None, "not-a-choice"):
        assert parsed(LeanSelect(choices=CHOICES), value) == parsed(
            forms.Select(choices=CHOICES), value
        )


def test_labels_and_values_are_escaped():
    html = str(LeanSelect(choices=CHOICES).render("author", "o-brien"))
    assert "<b>" not in html
    assert "O&#x27;Brien &amp; &quot;Co&quot; &lt;b&gt;" in html
    assert '<option value="o-brien" selected>' in html
