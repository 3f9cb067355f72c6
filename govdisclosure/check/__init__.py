"""The check stage: the rule registry, the rules as pure functions by family, and ``locate``."""
