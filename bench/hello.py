"""The yardstick: a bare Flask hello-world, served by gunicorn exactly like the portal."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello() -> str:
    return "Hello, world!"


@app.get("/bytes/<int:size>")
def payload(size: int) -> bytes:
    """A body as large as the notice PDF, to tell transfer cost from the portal's own work."""
    return b"x" * size
