"""Qorgau: document persecution of activists, journalists and bloggers, and campaign for them."""

__version__ = "0.1.0"
