"""The signature pipeline: trust configuration, validation, in-app PAdES and the BSrE client.

Each module works on bytes; the letter services (``services/letter_signing.py`` for upload-back,
``services/letter_inapp.py`` for in-app signing) call them and store what they accept.
"""

import logging

# pyHanko's log, read by the office (the validation module logs each verdict in its own line).
logging.getLogger("pyhanko").setLevel(logging.WARNING)  # its tracebacks are noise at ERROR
# A file changed after signing: pyHanko's diff analysis warns "Error in diff operation" with the
# whole traceback. That is expected input, the "modified" verdict, which the upload-back logs in
# one line naming the letter; so this logger keeps only its errors.
logging.getLogger("pyhanko.sign.diff_analysis").setLevel(logging.ERROR)


class _OneLine(logging.Filter):
    """Keep a record's message, drop its traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = record.exc_text = None
        return True


# An expired or unchained signer: pyHanko warns with certvalidator's whole traceback. That is
# the "expired"/"untrusted" verdict, expected input; its one-line warning is enough.
logging.getLogger("pyhanko.sign.validation.generic_cms").addFilter(_OneLine())
