"""``python -m govdisclosure.cli``."""

from govdisclosure.cli import main

main()
