"""The baseline: a bare Flask app whose endpoints do nothing, served the same way as Heard."""

from flask import Flask, redirect

app = Flask(__name__)


@app.get("/bare")
def bare_get() -> str:
    return "<html><body><form method=post><input name=answer></form></body></html>"


@app.post("/bare")
def bare_post():  # type: ignore[no-untyped-def]
    return redirect("/bare", code=303)
