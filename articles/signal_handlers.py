"""Keep an article's "people" and "shows" filled in when the editor leaves them empty."""

from django.db.models.signals import pre_save
from wagtail.models import Page


def referenced_page_ids(article):
    """Pages the body points at, in order: cast block shows and casts, links in its text.

    Uses the same extraction as Wagtail's reference index, so nested blocks (a link
    inside a spoiler section) count too.
    """
    field = article._meta.get_field("body")
    ids = {}
    for model, object_id, _model_path, _content_path in field.extract_references(article.body):
        if issubclass(model, Page) and str(object_id).isdigit():
            ids.setdefault(int(object_id), None)
    return list(ids)


def fill_people_and_shows(sender, instance, update_fields=None, **kwargs):
    """pre_save: derive `people` and `shows` from the body when the editor chose none.

    Runs before ClusterableModel.save() commits its many-to-many fields, so the
    values set here are saved with the page.
    """
    if update_fields is not None and not {"people", "shows"} & set(update_fields):
        return
    fill_people = not instance.people.all()
    fill_shows = not instance.shows.all()
    if not (fill_people or fill_shows):
        return

    from articles.models import PersonPage, ShowPage

    ids = referenced_page_ids(instance)
    if not ids:
        return
    if fill_people:
        people = list(PersonPage.objects.live().filter(pk__in=ids))
        if people:
            instance.people.set(people)
    if fill_shows:
        shows = list(ShowPage.objects.live().filter(pk__in=ids))
        if shows:
            instance.shows.set(shows)


def register():
    from articles.models import ArticlePage

    pre_save.connect(
        fill_people_and_shows, sender=ArticlePage, dispatch_uid="articles_fill_people_and_shows"
    )
