"""tendertrace: find attempts to reach export-controlled US AI compute and models in procurement
documents, and screen every party against US export-control lists."""

__version__ = "0.1.0"
