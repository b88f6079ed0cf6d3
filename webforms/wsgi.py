"""The WSGI entry point for gunicorn: settings come from the environment.

Run with `gunicorn --preload` (as the Procfile does): the disclosure screen's rules are compiled
once here, in the master process, and every worker inherits them instead of compiling its own
on its first submission.
"""

from surveys.screening import warm_up
from webforms.app import create_app

app = create_app()
warm_up()
