"""Aduan's domain: reports, their lifecycle, routing, redaction, stores and publishing."""
