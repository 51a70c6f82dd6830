"""Proposing records from canonical text: rules over plain dataclasses, no database, no model weights."""
