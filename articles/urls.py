"""Reader-facing URLs of the articles app that are not Wagtail pages."""

from django.urls import path

from articles import feeds, views

urlpatterns = [
    path("authors/<slug:slug>/", views.author_page, name="author"),
    path("tags/<slug:slug>/", views.tag_page, name="tag"),
    path("feeds/latest/", feeds.LatestArticlesFeed(), name="feed"),
    path("feeds/sections/<slug:slug>/", feeds.SectionFeed(), name="section_feed"),
]
