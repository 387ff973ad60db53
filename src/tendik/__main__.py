"""python -m tendik: the command line."""

from tendik.cli import app

app(prog_name="tendik")
