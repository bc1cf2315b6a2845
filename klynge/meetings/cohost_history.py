"""A joint meeting's co-hosts in its change history.

simple_history records a meeting's own fields, not its many-to-many ``co_hosts``. So every change of
the co-hosts (from the meeting form, the admin, the demo or code, from either side of the relation)
writes one more history row of the meeting, with a Danish reason naming the bodies added or removed.
"""

from django.db.models.signals import m2m_changed

MAX_REASON = 300


def reason_text(added: list[str], removed: list[str]) -> str:
    parts = []
    if added:
        parts.append("Medvært tilføjet: " + ", ".join(sorted(added)))
    if removed:
        parts.append("Medvært fjernet: " + ", ".join(sorted(removed)))
    return "; ".join(parts)[:MAX_REASON]


def _record(meeting, added_ids, removed_ids):
    from klynge.organisation.models import Body

    names = dict(Body.objects.filter(pk__in={*added_ids, *removed_ids}).values_list("pk", "name"))
    text = reason_text([names[i] for i in added_ids if i in names], [names[i] for i in removed_ids if i in names])
    if not text:
        return
    meeting._change_reason = text
    meeting.save(update_fields=["modified"])  # one history row, carrying the reason (and the acting user)
    del meeting._change_reason  # not carried on to a later save of the same object
    meeting._host_ids = None  # the cached hosts are stale now


def co_hosts_changed(sender, instance, action, reverse, pk_set, **kwargs):
    from .models import Meeting

    if action == "pre_clear":  # remember who goes, for post_clear
        if reverse:
            instance._cleared_meetings = set(instance.cohosted_meetings.values_list("pk", flat=True))
        else:
            instance._cleared_co_hosts = set(instance.co_hosts.values_list("pk", flat=True))
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    adding = action == "post_add"
    if not reverse:
        ids = getattr(instance, "_cleared_co_hosts", set()) if action == "post_clear" else set(pk_set or ())
        _record(instance, ids if adding else (), () if adding else ids)
        return
    ids = getattr(instance, "_cleared_meetings", set()) if action == "post_clear" else set(pk_set or ())
    for meeting in Meeting.objects.filter(pk__in=ids):  # a body added to (or taken off) meetings
        _record(meeting, [instance.pk] if adding else (), () if adding else [instance.pk])


def connect():
    from .models import Meeting

    m2m_changed.connect(co_hosts_changed, sender=Meeting.co_hosts.through, dispatch_uid="meetings:co-host-history")
