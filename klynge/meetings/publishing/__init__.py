"""Publishing the meeting cycle: Word and PDF files, calendar feeds, e-mail notices.

document.py builds one audience-filtered representation; docx.py, pdf.py, ics.py and
notify.py draw it. The closed-item rule is applied once, in document.py and ics.py,
through klynge.meetings.visibility.
"""
