"""Reader-facing URLs of the shop that are not Wagtail pages."""

from django.urls import path

from shop import views

app_name = "shop"

urlpatterns = [
    path("shop/go/<int:offer_id>/", views.go, name="go"),
]
