"""Who may use the sign-in area's pages and the staff home page (anyone signed in)."""

from staff.roles import ALL_ROLES

ACCESS = {
    "staff.home": ALL_ROLES,
    "staff_auth.change_password": ALL_ROLES,
    "staff_auth.sign_out": ALL_ROLES,
    "staff_auth.sign_out_everywhere": ALL_ROLES,
}
