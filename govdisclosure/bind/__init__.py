"""The bind stage: the parsed document → the model (:class:`~govdisclosure.model.Report`).

One orchestrator (:mod:`.report`), the sections and front matter (:mod:`.sections`), the
tables (:mod:`.tables`), and cell placement (:mod:`.cells`, :mod:`.glued`, :mod:`.split`,
:mod:`.align`).  Every repair or inference is a diagnostic on the context (:mod:`.context`).
"""

from govdisclosure.bind.report import bind

__all__ = ["bind"]
