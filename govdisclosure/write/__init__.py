"""The write stage: JSON, flat records and frames, and the report rendered as text or HTML."""
