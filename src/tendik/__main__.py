"""python -m tendik: the command line."""

from tendik.cli import app

if __name__ == "__main__":  # not when a worker process imports the parent's main module
    app(prog_name="tendik")
