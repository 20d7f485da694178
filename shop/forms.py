"""Forms of the shop: the shop index's filters and the click report's date range."""

from datetime import timedelta
from urllib.parse import urlencode

from django import forms
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import slugify

from shop.models import BookAuthor

MAX_REPORT_DAYS = 366


class LeanSelect(forms.Select):
    """Django's `<select>` with the same markup, its options written in Python.

    Django renders every `<option>` through a template of its own. The author filter
    lists every author in the shop, hundreds in a large catalogue, and those option
    templates took half the shop page's time.
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (option["value"], flatatt(option["attrs"]), option["label"])
                for _group, group_options, _index in widget["optgroups"]
                for option in group_options
            ),
        )
        return format_html(
            '<select name="{}"{}>{}</select>', widget["name"], flatatt(widget["attrs"]), options
        )


class BookFilterForm(forms.Form):
    """Filter the shop by author and by series; only values that exist are accepted."""

    author = forms.ChoiceField(label="Author", required=False, widget=LeanSelect)
    series = forms.ChoiceField(label="Series", required=False, widget=LeanSelect)

    def __init__(self, books, data=None):
        super().__init__(data=data or None)
        self._authors = {}
        rows = (
            BookAuthor.objects.filter(book__in=books)
            .values_list("person_id", "person__slug", "person__title", "name")
            .distinct()
        )
        for person_id, person_slug, person_title, name in rows:
            if person_id:
                self._authors[person_slug] = (person_id, person_title)
            elif name and slugify(name):
                self._authors.setdefault(slugify(name), (None, name))
        self.fields["author"].choices = [
            ("", "All authors"),
            *sorted(((key, label) for key, (_, label) in self._authors.items()), key=_by_label),
        ]
        series = sorted(
            set(books.exclude(series="").values_list("series", flat=True)), key=str.casefold
        )
        self.fields["series"].choices = [("", "All series")] + [(s, s) for s in series]

    def filter(self, books):
        """`books` narrowed by the valid filters; invalid values are ignored (and reported)."""
        if not self.is_bound:
            return books
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        author = cleaned.get("author")
        if author:
            person_id, name = self._authors[author]
            if person_id:
                credits = BookAuthor.objects.filter(person_id=person_id)
            else:
                credits = BookAuthor.objects.filter(person__isnull=True, name=name)
            # A subquery, not a join: a book is listed once, with no DISTINCT to pay for.
            books = books.filter(pk__in=credits.values("book_id"))
        if cleaned.get("series"):
            books = books.filter(series=cleaned["series"])
        return books

    @property
    def active(self):
        return any(getattr(self, "cleaned_data", {}).get(name) for name in ("author", "series"))

    def query_string(self):
        """The valid filters, for pagination links."""
        cleaned = getattr(self, "cleaned_data", {})
        return urlencode({k: cleaned[k] for k in ("author", "series") if cleaned.get(k)})


def _by_label(choice):
    return choice[1].casefold()


class _DateInput(forms.DateInput):
    """The browser's date picker, which needs ISO dates whatever the site's locale."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class ClickReportForm(forms.Form):
    """The report's date range: the last seven days unless chosen otherwise."""

    date_from = forms.DateField(label="From", required=False, widget=_DateInput())
    date_to = forms.DateField(label="To", required=False, widget=_DateInput())

    def __init__(self, data=None):
        data = data if data and any(data.get(k) for k in ("date_from", "date_to")) else None
        super().__init__(data=data)
        today = timezone.localdate()
        self.default_range = (today - timedelta(days=6), today)
        if data is None:
            self.initial = {"date_from": self.default_range[0], "date_to": self.default_range[1]}

    def clean(self):
        cleaned = super().clean()
        date_from = cleaned.get("date_from") or self.default_range[0]
        date_to = cleaned.get("date_to") or self.default_range[1]
        if date_from > date_to:
            raise forms.ValidationError("The start date must be on or before the end date.")
        if (date_to - date_from).days + 1 > MAX_REPORT_DAYS:
            raise forms.ValidationError(f"Choose a range of at most {MAX_REPORT_DAYS} days.")
        cleaned["date_from"], cleaned["date_to"] = date_from, date_to
        return cleaned

    def date_range(self):
        """The chosen (from, to) dates, or the default range when the form is unbound."""
        if not self.is_bound:
            return self.default_range
        if self.is_valid():
            return self.cleaned_data["date_from"], self.cleaned_data["date_to"]
        return None
