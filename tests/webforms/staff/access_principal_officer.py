"""Who may use the Principal Officer pages. Alerts, responses and checklists are for POs only;
managers may read consultations and escalations, but only POs act on them."""

from staff.roles import Role

PO, MANAGER = Role.PRINCIPAL_OFFICER, Role.MANAGER
P = "staff_principal_officer."

ACCESS = {
    P + "alerts": {PO},
    P + "alert": {PO},
    P + "acknowledge_alert": {PO},
    P + "record_contact": {PO},
    P + "hand_over_alert": {PO},
    P + "reveal_contact": {PO},
    P + "response": {PO},
    P + "reveal_response": {PO},
    P + "my_conferences": {PO},
    P + "checklist_item": {PO},
    P + "consultations": {PO, MANAGER},
    P + "accept_consultation": {PO},
    P + "consultation_outcome": {PO},
    P + "escalations": {PO, MANAGER},
    P + "escalation": {PO, MANAGER},
    P + "log_escalation": {PO},
    P + "update_escalation": {PO},
    P + "resolve_escalation": {PO},
    P + "screen_check": {PO},
    P + "screen_checks": {PO},
}
