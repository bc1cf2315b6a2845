"""The outbox: ``from klynge.outbox import queue_mail`` is the one way Klynge sends e-mail."""


def queue_mail(*args, **kwargs):
    """See ``klynge.outbox.delivery.queue_mail`` (imported late: this module loads before the app registry)."""
    from .delivery import queue_mail as _queue_mail

    return _queue_mail(*args, **kwargs)
