"""Quotes: direct and reported speech with speaker, relay and cue (see docs/quotes.md)."""
