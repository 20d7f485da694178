"""Reader-facing URLs of the shop that are not Wagtail pages."""

urlpatterns = []
