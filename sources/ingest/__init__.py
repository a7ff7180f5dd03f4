"""Turning outside text into what a Source stores. Pure Python: no database here."""
