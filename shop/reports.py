"""The click report: affiliate clicks per offer, retailer, book and page over a date range."""

import csv
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.db.models.functions import TruncDate
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from shop.forms import ClickReportForm
from shop.models import Click

PERMISSION = "shop.view_click"


@dataclass
class Row:
    label: str
    clicks: int
    detail: str = ""


def _rows(queryset, fields, label):
    """Click counts grouped by `fields`, merged by label, most clicked first."""
    merged = {}
    for values in queryset.values(*fields).annotate(clicks=Count("pk")).order_by():
        text, detail = label(values)
        row = merged.setdefault((text, detail), Row(text, 0, detail))
        row.clicks += values["clicks"]
    return sorted(merged.values(), key=lambda row: (-row.clicks, row.label.casefold()))


def _offer_label(v):
    if v["offer_id"] is None:
        return ("A removed offer", "")
    return (
        f"{v['offer__book__title'] or 'A removed book'} at {v['offer__retailer__name']}",
        f"Offer {v['offer_id']}",
    )


def _retailer_label(v):
    return (v["retailer__name"] or "A removed retailer", "")


def _book_label(v):
    return (v["book__title"] or "A removed book", "")


def _page_label(v):
    if v["page__title"]:
        return (v["page__title"], f"Page {v['page_id']}")
    if v["referrer_path"]:
        return (v["referrer_path"], "Page not found")
    return ("Unknown (no referrer from this site)", "")


def build_report(date_from, date_to):
    """Totals for clicks made on local dates `date_from` to `date_to`, both included."""
    tz = timezone.get_current_timezone()
    start = timezone.make_aware(datetime.combine(date_from, time.min), tz)
    end = timezone.make_aware(datetime.combine(date_to + timedelta(days=1), time.min), tz)
    clicks = Click.objects.filter(clicked_at__gte=start, clicked_at__lt=end)

    per_day = dict(
        clicks.annotate(day=TruncDate("clicked_at", tzinfo=tz))
        .values("day")
        .annotate(clicks=Count("pk"))
        .order_by()
        .values_list("day", "clicks")
    )
    days = []
    day = date_from
    while day <= date_to:
        days.append((day, per_day.get(day, 0)))
        day += timedelta(days=1)

    return {
        "total": clicks.count(),
        "days": days,
        "tables": [
            (
                "offer",
                "Offer",
                _rows(
                    clicks,
                    ["offer_id", "offer__book__title", "offer__retailer__name"],
                    _offer_label,
                ),
            ),
            ("retailer", "Retailer", _rows(clicks, ["retailer__name"], _retailer_label)),
            ("book", "Book", _rows(clicks, ["book_id", "book__title"], _book_label)),
            (
                "page",
                "Article or page",
                _rows(clicks, ["page_id", "page__title", "referrer_path"], _page_label),
            ),
        ],
    }


def chart(days, width=720, height=180):
    """Bars for clicks per day, as geometry for an inline SVG (no scripts, no styles)."""
    peak = max((count for _, count in days), default=0) or 1
    slot = width / max(len(days), 1)
    bar = max(slot * 0.8, 1)
    bars = []
    for index, (day, count) in enumerate(days):
        bar_height = round(count / peak * (height - 40), 1)
        x = round(index * slot + (slot - bar) / 2, 1)
        bars.append(
            {
                "x": x,
                "centre": round(x + bar / 2, 1),
                "y": round(height - 20 - bar_height, 1),
                "label_y": round(height - 24 - bar_height, 1),
                "labelled": len(days) <= 31,
                "width": round(bar, 1),
                "height": bar_height,
                "day": day,
                "count": count,
            }
        )
    return {
        "width": width,
        "height": height,
        "baseline": height - 20,
        "bars": bars,
        "peak": peak,
        "first": days[0][0] if days else None,
        "last": days[-1][0] if days else None,
    }


def _csv_cell(value):
    # Page and book titles are typed by editors; never let a spreadsheet run them.
    text = str(value)
    return "'" + text if text[:1] in {"=", "+", "-", "@", "\t", "\r"} else text


def click_report(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    form = ClickReportForm(request.GET)
    date_range = form.date_range()
    report = build_report(*date_range) if date_range else None

    if report and request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        name = f"affiliate-clicks-{date_range[0]:%Y-%m-%d}-to-{date_range[1]:%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        writer = csv.writer(response)
        writer.writerow(["breakdown", "item", "detail", "clicks"])
        for key, _, rows in report["tables"]:
            for row in rows:
                writer.writerow([key, _csv_cell(row.label), _csv_cell(row.detail), row.clicks])
        for day, count in report["days"]:
            writer.writerow(["day", day.isoformat(), "", count])
        return response

    return render(
        request,
        "shop/admin/click_report.html",
        {
            "form": form,
            "date_range": date_range,
            "report": report,
            "chart": chart(report["days"]) if report else None,
            "csv_query": request.GET.urlencode(),
        },
    )
