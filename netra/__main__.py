"""`python -m netra` runs the CLI; background workers are started this way."""

from netra.cli import main

main()
