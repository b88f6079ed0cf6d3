"""The staff side: sign-in, roles, and the pages business support, POs, managers and admins use."""

from __future__ import annotations

from flask import Flask

from webforms.staff import (
    access,
    admin,
    auth,
    business_support,
    errors,
    home,
    manager,
    navigation,
    principal_officer,
    read_guard,
)

BLUEPRINTS = (
    auth.blueprint,
    home.blueprint,
    business_support.blueprint,
    principal_officer.blueprint,
    manager.blueprint,
    admin.blueprint,
)


def init_app(app: Flask) -> None:
    settings = app.extensions["heard.settings"]
    access.install_guard(app)
    read_guard.install(app)
    auth.init_oidc(app, settings)
    navigation.init_app(app)
    errors.init_app(app)
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
