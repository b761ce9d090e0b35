"""uofsim: use-of-force decision training on Ontario's Use of Force Model (2004)."""

__version__ = "0.1.0"
