"""Admin registration: staff writers as a snippet with a searchable chooser; the listings."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from articles.models import ArticlePage, Author
from articles.sitemaps import NewsSitemap


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = "Authors"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "role", "slug"]
    # Searches the model's indexed fields (name and role, `Author.search_fields`):
    # naming fields here restricts the query, which SQLite's full-text index can't do.
    ordering = ["name"]
    # The byline's chooser searches by name as editors type.
    chooser_per_page = 20


register_snippet(AuthorViewSet)


@hooks.register("register_listed_page_type")
def articles_are_the_listed_stories():
    """Home and section pages list articles (magazine.listings)."""
    return ArticlePage


@hooks.register("register_demo_content", order=30)
def demo_articles(**context):
    """`manage.py load_demo`: the reference article and its neighbours, on the site and shop."""
    from articles.demo import articles

    return articles.build(**context)


@hooks.register("register_sitemap")
def news_sitemap():
    """/sitemap-news.xml, listed in the sitemap index and robots.txt (magazine.sitemaps)."""
    return "news", NewsSitemap
