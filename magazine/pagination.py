from django.core.paginator import EmptyPage, Paginator
from django.http import Http404
from django.utils.functional import cached_property


class LeanCountPaginator(Paginator):
    """A paginator that counts its items with a leaner query over the same rows.

    A listing's query joins what its teasers show; counting through it makes the
    database join all of that for every item in the archive. `count_queryset` must
    select exactly the listed rows (a test holds each listing using it to that).
    """

    def __init__(self, object_list, per_page, count_queryset, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.count_queryset = count_queryset

    @cached_property
    def count(self):
        return self.count_queryset.count()


def requested_page(request):
    """The page number asked for in `?page=`; 1 when it is missing or not a number."""
    try:
        return int(request.GET.get("page", "1"))
    except (TypeError, ValueError):
        return 1


def paginate(request, items, per_page=None):
    """Return the requested page of `items` (a sequence, or a ready-made Paginator).

    A missing or non-numeric `?page=` gives the first page; a number past the end
    (or below one) is a 404, so crawlers don't index endless empty pages.
    """
    paginator = items if isinstance(items, Paginator) else Paginator(items, per_page)
    number = requested_page(request)
    try:
        return paginator.page(number)
    except EmptyPage:
        if number == 1:
            return paginator.page(1)
        raise Http404("No such page") from None
