"""Outgoing mail: written to a database outbox with the change that caused it, sent later.

Nothing is mailed from a request thread. A view adds an :class:`OutboxMail` row in the same
transaction as the change it reports, so the change and its mail are saved together or not at
all; ``flask --app portal mail send`` delivers pending rows, retrying until the server takes them.
"""
