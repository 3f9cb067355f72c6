"""The parse stage: canonical text → the document's parts (the Lark grammar and Transformer)."""
