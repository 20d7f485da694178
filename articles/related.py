"""Related articles: what to read next, under an article."""

from django.db.models import Q

RELATED_COUNT = 4


def related_articles(article, limit=RELATED_COUNT):
    """Live articles sharing tags, the section, people or shows with `article`; newest first."""
    ArticlePage = type(article)
    ArticleTag = ArticlePage.tags.through
    if not article.pk or not article.path:
        return []  # a preview of an article that was never saved
    through_people = ArticlePage.people.through
    through_shows = ArticlePage.shows.through
    own_tags = ArticleTag.objects.filter(content_object_id=article.pk).values("tag_id")
    own_people = through_people.objects.filter(articlepage_id=article.pk).values("personpage_id")
    own_shows = through_shows.objects.filter(articlepage_id=article.pk).values("showpage_id")
    parent_path = article.path[: -article.steplen]
    matches = ArticlePage.objects.filter(
        Q(pk__in=ArticleTag.objects.filter(tag_id__in=own_tags).values("content_object_id"))
        | Q(path__startswith=parent_path, depth=article.depth)
        | Q(
            pk__in=through_people.objects.filter(personpage_id__in=own_people).values(
                "articlepage_id"
            )
        )
        | Q(pk__in=through_shows.objects.filter(showpage_id__in=own_shows).values("articlepage_id"))
    ).values("pk")
    return list(ArticlePage.teasers().filter(pk__in=matches).exclude(pk=article.pk)[:limit])
