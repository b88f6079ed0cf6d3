"""Staff pages for Principal Officers (issue 5): alerts, responses, my conferences and their
checklists, consultations, escalations and the weekly check of the screen.

The routes live in the po_*.py modules, on the one blueprint defined in po_common.
"""

from __future__ import annotations

from webforms.staff import (  # noqa: F401  (each module adds its routes to the blueprint)
    po_alerts,
    po_conferences,
    po_consultations,
    po_escalations,
    po_responses,
    po_screen_check,
)
from webforms.staff.po_common import blueprint

__all__ = ["blueprint"]
