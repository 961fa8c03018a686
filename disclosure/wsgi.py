import gc
import os

from django.core.wsgi import get_wsgi_application

from disclosure import embedded_db

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "disclosure.settings")
embedded_db.start()
application = get_wsgi_application()
# What is loaded by now lives as long as the process. Frozen, it is left out of the collector's
# full passes, which otherwise walk it all and add tens of milliseconds to an unlucky request.
gc.freeze()
