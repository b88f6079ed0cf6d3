"""The WSGI entry point for gunicorn: settings come from the environment.

Run with `gunicorn --preload` (as the Procfile does): the disclosure screen's rules are compiled
once here, in the master process (with the templates), and every worker inherits them instead
of compiling its own on its first request.
"""

from surveys.screening import warm_up
from webforms.app import create_app

app = create_app()
warm_up()
# Compile every template in the master too, rather than once per worker on first use.
for name in app.jinja_env.list_templates(extensions=["html"]):
    app.jinja_env.get_template(name)
