"""Klynge: the working system of Denmark's cross-sector health collaboration."""
