"""Who may use the manager's pages: managers only."""

from staff.roles import Role

ACCESS = {
    "staff_manager.dashboard": {Role.MANAGER},
    "staff_manager.download": {Role.MANAGER},
    "staff_manager.dashboard_chart": {Role.MANAGER},
    "staff_manager.escalations_report": {Role.MANAGER},
}
# A dashboard table's key: one with a chart, so the chart route answers 200 too.
PARAMS = {"table_key": "open_escalations"}
