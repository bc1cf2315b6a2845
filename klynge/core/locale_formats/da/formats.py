"""Klynge's Danish formats for Django (settings.FORMAT_MODULE_PATH): one date style everywhere,
"7. juni 2023", including the admin and `{{ date }}` in any template; times "14:00".
Years are plain numbers: USE_THOUSAND_SEPARATOR is off, amounts group through the kroner filter.
See klynge/core/formats.py for the same rules in Python (files, e-mails, messages)."""

DATE_FORMAT = "j. F Y"
SHORT_DATE_FORMAT = "j. F Y"
DATETIME_FORMAT = r"j. F Y \k\l. H:i"
SHORT_DATETIME_FORMAT = r"j. F Y \k\l. H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j. F"
FIRST_DAY_OF_WEEK = 1
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d-%m-%Y", "%d/%m/%Y"]
DATETIME_INPUT_FORMATS = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%d.%m.%Y %H:%M:%S",
                          "%d.%m.%Y %H:%M", "%d.%m.%Y"]
TIME_INPUT_FORMATS = ["%H:%M:%S", "%H:%M", "%H.%M"]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
