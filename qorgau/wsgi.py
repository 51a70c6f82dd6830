import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qorgau.settings")
os.umask(0o077)  # files written while serving are the owner's only
application = get_wsgi_application()
