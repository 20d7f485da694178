from .article import ArticlePage, ArticlePageAuthor, ArticleTag
from .authors import Author

__all__ = ["ArticlePage", "ArticlePageAuthor", "ArticleTag", "Author"]
