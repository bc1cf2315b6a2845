"""Personal calendar addresses are keyed (HMAC under SECRET_KEY) instead of stored in clear.

Existing addresses keep working: their token's SHA-256 goes to ``legacy_digest`` and the stored value is replaced
by a fresh secret; the history rows' copies of the old tokens are blanked, so no table holds a usable address.
"""

import hashlib
import secrets

from django.db import migrations, models

import klynge.meetings.models.personal


def key_existing_addresses(apps, schema_editor):
    PersonalFeed = apps.get_model("meetings", "PersonalFeed")
    for feed in PersonalFeed.objects.all():
        feed.legacy_digest = hashlib.sha256(feed.secret.encode()).hexdigest()
        feed.secret = secrets.token_urlsafe(32)
        feed.save(update_fields=["legacy_digest", "secret"])
    apps.get_model("meetings", "HistoricalPersonalFeed").objects.update(secret="", legacy_digest="")


class Migration(migrations.Migration):

    dependencies = [
        ("meetings", "0013_alter_historicalagendaitem_history_change_reason_and_more"),
    ]

    operations = [
        migrations.RenameField(model_name="personalfeed", old_name="token", new_name="secret"),
        migrations.RenameField(model_name="historicalpersonalfeed", old_name="token", new_name="secret"),
        migrations.AlterField(
            model_name="personalfeed", name="secret",
            field=models.CharField(default=klynge.meetings.models.personal.new_feed_token, max_length=64,
                                   unique=True, verbose_name="hemmelighed"),
        ),
        migrations.AlterField(
            model_name="historicalpersonalfeed", name="secret",
            field=models.CharField(db_index=True, default=klynge.meetings.models.personal.new_feed_token,
                                   max_length=64, verbose_name="hemmelighed"),
        ),
        migrations.AddField(
            model_name="personalfeed", name="legacy_digest",
            field=models.CharField(blank=True, db_index=True, max_length=64,
                                   verbose_name="tidligere adresses fingeraftryk"),
        ),
        migrations.AddField(
            model_name="historicalpersonalfeed", name="legacy_digest",
            field=models.CharField(blank=True, db_index=True, max_length=64,
                                   verbose_name="tidligere adresses fingeraftryk"),
        ),
        migrations.RunPython(key_existing_addresses, migrations.RunPython.noop),
    ]
