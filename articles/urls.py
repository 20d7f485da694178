"""Reader-facing URLs of the articles app that are not Wagtail pages."""

from django.urls import path

from articles import feeds, views
from articles.search import search
from magazine.cache import public_cache

urlpatterns = [
    path("search/", search, name="search"),
    path("authors/<slug:slug>/", public_cache(views.author_page), name="author"),
    path("tags/<slug:slug>/", public_cache(views.tag_page), name="tag"),
    path("feeds/latest/", public_cache(feeds.LatestArticlesFeed()), name="feed"),
    path("feeds/sections/<slug:slug>/", public_cache(feeds.SectionFeed()), name="section_feed"),
]
