from .article import ArticlePage, ArticlePageAuthor, ArticleTag
from .authors import Author
from .cast import (
    KnownForCredit,
    PeopleIndexPage,
    PersonLink,
    PersonPage,
    ReviewScore,
    Role,
    Season,
    ShowIndexPage,
    ShowPage,
)

__all__ = [
    "ArticlePage",
    "ArticlePageAuthor",
    "ArticleTag",
    "Author",
    "KnownForCredit",
    "PeopleIndexPage",
    "PersonLink",
    "PersonPage",
    "ReviewScore",
    "Role",
    "Season",
    "ShowIndexPage",
    "ShowPage",
]
