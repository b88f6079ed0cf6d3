"""Who may use the business support pages. The rota is read by everyone who works with it
(business support, Principal Officers, managers, admins); changing it is for business support,
who keep it, and admins, who stand in when the rota keeper is away."""

from staff.roles import Role

BS, PO, MANAGER, ADMIN = (
    Role.BUSINESS_SUPPORT,
    Role.PRINCIPAL_OFFICER,
    Role.MANAGER,
    Role.ADMIN,
)

ACCESS = {
    "staff_business_support.upload_schedule": {BS},
    "staff_business_support.conferences": {BS},
    "staff_business_support.conference": {BS},
    "staff_business_support.print_day": {BS},
    "staff_business_support.print_conference": {BS},
    "staff_business_support.reissue_invitation": {BS},
    "staff_business_support.rota": {BS, PO, MANAGER, ADMIN},
    "staff_business_support.rota_override": {BS, ADMIN},
}
