"""The signature pipeline: trust configuration, validation, in-app PAdES and the BSrE client.

Each module works on bytes; the letter services (``services/letter_signing.py`` for upload-back,
``services/letter_inapp.py`` for in-app signing) call them and store what they accept.
"""
