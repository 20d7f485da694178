"""Dashboard panels for the editorial team."""

from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState


class InReviewPanel(Component):
    """Everything submitted for review, oldest first, so nothing waits unseen."""

    name = "in_review"
    template_name = "magazine/admin/in_review_panel.html"
    order = 205

    def get_context_data(self, parent_context):
        states = (
            WorkflowState.objects.active()
            .filter(base_content_type__model="page", base_content_type__app_label="wagtailcore")
            .select_related("current_task_state__task", "requested_by")
            .order_by("created_at")[:20]
        )
        pages = Page.objects.in_bulk([int(state.object_id) for state in states])
        items = [
            {
                "page": pages.get(int(state.object_id)),
                "task": state.current_task_state.task if state.current_task_state else None,
                "requested_by": state.requested_by,
                "since": state.created_at,
            }
            for state in states
            if int(state.object_id) in pages
        ]
        return {"items": items}
