"""A case's life after it closes: retention per controller, legal holds, archive hand-over."""
