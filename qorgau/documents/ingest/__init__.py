"""Reading documents into canonical text: small pure functions, no database (see pipeline.py for the edges)."""


class IngestError(Exception):
    """A document that cannot be read; the message is for the person who gave us the file."""
