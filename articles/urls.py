"""Reader-facing URLs of the articles app that are not Wagtail pages."""

urlpatterns = []
