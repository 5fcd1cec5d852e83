"""Pure PDF and DOCX renderers for SISAKAT letters: bytes in, bytes out (no Flask, DB, clock)."""
