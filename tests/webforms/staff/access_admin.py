"""Who may use the admin's pages: administrators only."""

from staff.roles import Role

ACCESS = {
    "staff_admin.officers": {Role.ADMIN},
    "staff_admin.officer": {Role.ADMIN},
    "staff_admin.sites": {Role.ADMIN},
    "staff_admin.service_settings": {Role.ADMIN},
    "staff_admin.audit_log": {Role.ADMIN},
    "staff_admin.audit_log_csv": {Role.ADMIN},
}
