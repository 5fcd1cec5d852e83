"""Unbound Flask extensions; bound to the app in ``setup.init_all``."""

from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect

from sisakat.models.base import Base

db = SQLAlchemy(model_class=Base)
migrate = Migrate(render_as_batch=True, compare_type=True)
login_manager = LoginManager()
csrf = CSRFProtect()


def read(statement, params: dict | None = None):
    """Run a SELECT of plain columns (no ORM entities) on the session's connection, in the
    session's transaction: the rows are the same as ``db.session.execute`` gives, without the
    ORM's execute path (about half the Python calls; the pages read on every request use it).
    Pending ORM changes are flushed first, as ``session.execute`` does."""
    session = db.session()
    if session.autoflush:
        session.flush()  # returns at once when nothing is pending
    return session.connection().execute(statement, params)
