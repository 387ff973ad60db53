"""The tendik command line: one Typer app over the whole pipeline.

Each module adds its commands to ``app``; importing them here registers them.
"""

from tendik.cli import (  # noqa: F401  (imported for the commands they register)
    build_commands,
    check_commands,
    generate_commands,
    publish_commands,
    quality_commands,
    read_commands,
    release_commands,
)
from tendik.cli.app import app

__all__ = ["app"]
