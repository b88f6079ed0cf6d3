"""Errors a use case raises with a message that is safe to show the person who caused them."""


class HeardError(ValueError):
    """A user-safe refusal: nothing was changed."""


class NotFound(HeardError):
    """The record asked for does not exist (or is not yours to see)."""


class NotAllowed(HeardError):
    """The person asking may not do this (e.g. a social worker recording an outcome)."""
