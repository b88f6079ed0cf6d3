"""The WSGI entry point for gunicorn: settings come from the environment."""

from webforms.app import create_app

app = create_app()
