"""nghiquyet: a province's resolutions from conference to review report."""

__version__ = "0.1.0"
