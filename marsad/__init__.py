"""Marsad: Arabic news to structured event data, offline.

    >>> import marsad
    >>> docs = marsad.process(["article.txt"], published="2016-08-02")
"""

from marsad.document import Document
from marsad.pipeline import Pipeline, default_pipeline, register

__version__ = "0.1.0"
__all__ = ["Document", "Pipeline", "__version__", "default_pipeline", "process", "process_text", "register"]


def __getattr__(name: str):
    # The runner pulls in readers and the store; keep `import marsad` cheap.
    if name in ("process", "process_text"):
        from marsad import runner

        return getattr(runner, name)
    raise AttributeError(name)
