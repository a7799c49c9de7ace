"""WSGI entry for production servers (gunicorn nghiquyet.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nghiquyet.settings")
application = get_wsgi_application()

from nghiquyet.core.warmup import warm_up  # noqa: E402 - needs the apps loaded above

warm_up()
