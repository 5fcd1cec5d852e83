"""Real-browser tests (Playwright for Python driving the OS's Chromium)."""
