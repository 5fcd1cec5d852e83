"""The ``reports`` blueprint (staff only); report modules attach their views to ``bp``."""

from flask import Blueprint

bp = Blueprint("reports", __name__, url_prefix="/laporan")
