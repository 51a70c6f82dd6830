"""Counters shared by every server process: one row per key, incremented in one statement.

Used by the public reporting endpoint's rate limiter (qorgau/campaigns/ratelimit.py). Kept in the database so
that several worker processes (gunicorn) count together without another service; a counter is deleted once its
window has passed.
"""
