from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def aria_current(context, section):
    """'page' for the section itself, 'true' for pages inside it, '' elsewhere."""
    page = context.get("page")
    if page is None or not getattr(page, "path", None):
        return ""
    if page.pk == section.pk:
        return "page"
    if page.path.startswith(section.path):
        return "true"
    return ""
