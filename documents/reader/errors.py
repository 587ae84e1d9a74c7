"""The one exception the reader raises, so callers can show its message to users."""

__all__ = ["ReaderError"]


class ReaderError(ValueError):
    """A document could not be read; the message is translated (gettext) and meant for the user."""
