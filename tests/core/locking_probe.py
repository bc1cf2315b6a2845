"""Run in a process of its own by test_locking.py, against a database given by DATABASE_URL.

One thread opens a write transaction through Django (as a long import's load does) and holds
it; meanwhile the main thread fetches a public meeting page through the whole request stack
and reports how it went as JSON: status, seconds, whether it read the committed data.
Events, not sleeps, order the two threads.
"""

import json
import os
import sys
import threading
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "klynge.settings")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402

from klynge.organisation.models import Body  # noqa: E402


def main(url: str, body_pk: int) -> None:
    holding, release = threading.Event(), threading.Event()
    errors = []

    def writer():
        try:
            with transaction.atomic():
                Body.objects.filter(pk=body_pk).update(name="Omdøbt i en åben transaktion")
                holding.set()
                release.wait(60)
        except Exception as exc:  # noqa: BLE001 - reported to the test
            errors.append(repr(exc))
            holding.set()
        finally:
            connection.close()

    Client().get(url)  # warm up (URLs, templates) so the timing below is the database's
    thread = threading.Thread(target=writer)
    thread.start()
    holding.wait(60)
    began = time.perf_counter()
    try:
        response = Client().get(url)
        status, html = response.status_code, response.content.decode()
    except Exception as exc:  # noqa: BLE001
        status, html = 0, repr(exc)
    seconds = time.perf_counter() - began
    release.set()
    thread.join(60)
    print(json.dumps({"status": status, "seconds": seconds, "writer_errors": errors,
                      "sees_uncommitted": "Omdøbt i en åben transaktion" in html,
                      "locked": "database is locked" in html, "excerpt": html[:300]}))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
