"""Access-matrix rows, one module per area (``ROWS`` dict and an optional ``setup(world)``)."""
