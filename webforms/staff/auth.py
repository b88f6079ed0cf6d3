"""Signing in and out: local accounts with passwords, or single sign-on with OpenID Connect."""

from __future__ import annotations

from typing import Any

from authlib.common.errors import AuthlibBaseError
from authlib.integrations.flask_client import OAuth
from flask import (
    Blueprint,
    Flask,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from flask import session as flask_session
from joserfc.errors import JoseError
from requests import RequestException
from werkzeug.wrappers import Response

from heard.clock import utcnow
from heard.db import transaction
from heard.errors import HeardError
from heard.settings import Settings
from staff import accounts
from webforms.extensions import limiter
from webforms.staff.access import (
    ANY_SIGNED_IN,
    allow,
    end_session,
    public,
    safe_next,
    signed_in_staff,
    start_session,
)

blueprint = Blueprint("staff_auth", __name__, url_prefix="/staff")
_OAUTH = "heard.oauth"
_SSO_NEXT = "staff_sso_next"


def init_oidc(app: Flask, settings: Settings) -> None:
    if not settings.oidc_enabled:
        return
    oauth = OAuth(app)
    oauth.register(
        "idp",
        client_id=settings.oidc_client_id,
        client_secret=settings.oidc_client_secret,
        server_metadata_url=settings.oidc_issuer.rstrip("/") + "/.well-known/openid-configuration",
        client_kwargs={"scope": "openid email profile"},
    )
    app.extensions[_OAUTH] = oauth


def _settings() -> Settings:
    return current_app.extensions["heard.settings"]  # type: ignore[no-any-return]


def _sessions() -> Any:
    return current_app.extensions["heard.sessions"]


@blueprint.route("/sign-in", methods=["GET", "POST"])
@public
@limiter.limit("20 per minute", methods=["POST"])
def sign_in() -> Any:
    settings = _settings()
    target = safe_next(request.values.get("next"))
    if g.get("staff") is not None and request.method == "GET":
        return redirect(target)
    errors: dict[str, str] = {}
    email = ""
    if request.method == "POST" and settings.local_sign_in_enabled:
        email = request.form.get("email", "").strip()
        password = request.form.get("password", "")
        if not email:
            errors["email"] = "Enter your email address"
        if not password:
            errors["password"] = "Enter your password"
        if not errors:
            now = utcnow()
            # The refusal is caught inside the transaction so the wrong-password count (and
            # the lockout it leads to) is committed rather than rolled back with the error.
            with transaction(_sessions()) as session:
                try:
                    account = accounts.sign_in_with_password(
                        session, email=email, password=password, now=now
                    )
                except accounts.SignInRefused as refusal:
                    errors["email"] = str(refusal)
                else:
                    start_session(account, now)
            if not errors:
                return redirect(target)
    status = 400 if errors else 200
    return render_template(
        "staff/sign_in.html",
        errors=errors,
        email=email,
        next=target,
        timed_out=g.get("staff_timed_out", False) or request.args.get("timed_out"),
    ), status


@blueprint.route("/sign-in/sso")
@public
def sso() -> Response:
    oauth = current_app.extensions.get(_OAUTH)
    if oauth is None:
        return redirect(url_for("staff_auth.sign_in"))
    callback = _settings().base_url.rstrip("/") + url_for("staff_auth.sso_callback")
    # Where to go once back; checked again on the way out, as any ?next= is.
    flask_session[_SSO_NEXT] = safe_next(request.args.get("next"))
    try:
        return oauth.idp.authorize_redirect(callback)  # type: ignore[no-any-return]
    except (AuthlibBaseError, JoseError, RequestException) as problem:
        current_app.logger.warning("Single sign-on unavailable: %s", type(problem).__name__)
        return _refused(  # type: ignore[return-value]
            "Single sign-on is not available at the moment. Try again in a few minutes."
        )


@blueprint.route("/sign-in/sso/callback")
@public
def sso_callback() -> Any:
    oauth = current_app.extensions.get(_OAUTH)
    if oauth is None:
        return redirect(url_for("staff_auth.sign_in"))
    try:
        token = oauth.idp.authorize_access_token(claims_options=_claims_options(oauth))
    # A wrong state, a bad signature, the wrong audience or issuer, a replayed nonce, or an
    # identity provider that cannot be reached: all refused the same way, none is a 500.
    except (AuthlibBaseError, JoseError, RequestException, ValueError) as problem:
        current_app.logger.warning("Single sign-on failed: %s", type(problem).__name__)
        return _refused("Single sign-on did not complete. Try again.")
    claims = token.get("userinfo") or {}
    subject = str(claims.get("sub", ""))
    email = str(claims.get("email") or claims.get("preferred_username") or "")
    if not subject:
        return _refused("Single sign-on did not say who you are. Try again.")
    now = utcnow()
    target = safe_next(flask_session.pop(_SSO_NEXT, None))
    try:
        with transaction(_sessions()) as session:
            account = accounts.sign_in_with_oidc(session, subject=subject, email=email, now=now)
            start_session(account, now)
    except accounts.SignInRefused as refusal:
        return _refused(str(refusal))
    return redirect(target)


def _claims_options(oauth: OAuth) -> dict[str, Any]:
    """The id_token must come from our issuer AND be for this app. Authlib checks the issuer
    but only checks the audience through `azp`, so a token another app obtained from the same
    provider naming us as its authorised party would pass without this (OIDC Core 3.1.3.7)."""
    issuer = oauth.idp.load_server_metadata()["issuer"]
    return {
        "iss": {"essential": True, "value": issuer},
        "aud": {"essential": True, "value": _settings().oidc_client_id},
    }


def _refused(message: str) -> tuple[str, int]:
    return render_template(
        "staff/sign_in.html", errors={"sso": message}, email="", next="", timed_out=False
    ), 403


@blueprint.route("/sign-out", methods=["POST"])
@allow(*ANY_SIGNED_IN)
def sign_out() -> Response:
    end_session()
    flash("You have signed out.")
    return redirect(url_for("staff_auth.sign_in"))


@blueprint.route("/sign-out-everywhere", methods=["POST"])
@allow(*ANY_SIGNED_IN)
def sign_out_everywhere() -> Response:
    staff = signed_in_staff()
    with transaction(_sessions()) as session:
        accounts.sign_out_everywhere(session, staff.account_id, actor=staff.email, now=utcnow())
    end_session()
    flash("You have signed out on every device.")
    return redirect(url_for("staff_auth.sign_in"))


@blueprint.route("/change-password", methods=["GET", "POST"])
@allow(*ANY_SIGNED_IN)
def change_password() -> Any:
    staff = signed_in_staff()
    if not staff.has_password:
        flash(f"You sign in with {_settings().oidc_provider_name}: change your password there.")
        return redirect(url_for("staff.home"))
    errors: dict[str, str] = {}
    if request.method == "POST":
        now = utcnow()
        try:
            with transaction(_sessions()) as session:
                account = accounts.change_password(
                    session,
                    staff.account_id,
                    current=request.form.get("current", ""),
                    new=request.form.get("new", ""),
                    confirm=request.form.get("confirm", ""),
                    now=now,
                )
                start_session(account, now)
        except HeardError as problem:
            errors["new"] = str(problem)
        else:
            flash("Your password has been changed.")
            return redirect(url_for("staff.home"))
    return render_template(
        "staff/change_password.html", errors=errors, forced=staff.must_change_password
    ), (400 if errors else 200)
