"""The signature pipeline: trust configuration, validation, in-app PAdES and the BSrE client.

Each module works on bytes; the letter workflow (``signing.accept``) is wired in at merge.
"""
