"""System checks for the assumptions the fast paths rest on (see `magazine.routing`)."""

from django.core import checks
from wagtail.models import Page, get_page_models

# What a page type must leave to Wagtail for its address to be its slugs' path.
ROUTING_METHODS = ("route", "serve", "get_url_parts", "set_url_path")
# The page type whose `route` is the fast path itself.
ROUTING_ROOT = "magazine.HomePage"


def routing_problems(models):
    """An Error for each page type that routes, serves or builds its address its own way."""
    problems = []
    for model in models:
        label = model._meta.label
        for name in ROUTING_METHODS:
            if name == "route" and label == ROUTING_ROOT:
                continue
            if getattr(model, name) is not getattr(Page, name):
                problems.append(
                    checks.Error(
                        f"{label} overrides Page.{name}().",
                        hint="The home page routes readers by url_path in one query "
                        "(magazine.routing), which assumes every page's address is its "
                        "slugs' path and that Wagtail serves it. Use a Wagtail hook "
                        "(before_serve_page, on_serve_page) instead, or change "
                        "magazine.routing to route this page type through Wagtail.",
                        obj=model,
                        id="magazine.E001",
                    )
                )
    return problems


@checks.register()
def check_page_routing(app_configs, **kwargs):
    return routing_problems(get_page_models())
