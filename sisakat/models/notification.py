"""In-app notifications (the bell): one row per message per user."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from sisakat.models.base import Base, utcnow


class Notification(Base):
    """A message for one user, with a link; unread while ``read_at`` is NULL.

    ``application_id``: the application the message is about (NULL for one about a board, a
    reminder). ``asks_action``: the message gives its recipient work on that application
    (review it, sign it, check it again); the workflow marks it read for every recipient once
    someone has done that work (``notify.close_action_notices``)."""

    __tablename__ = "notifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    message: Mapped[str] = mapped_column(sa.String(500))
    link: Mapped[str] = mapped_column(sa.String(300), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(nullable=True)
    # CASCADE like the application's history: the notice is part of the application's record.
    application_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("applications.id", ondelete="CASCADE"), nullable=True, index=True
    )
    asks_action: Mapped[bool] = mapped_column(default=False)

    __table_args__ = (sa.Index("ix_notifications_user_read", "user_id", "read_at"),)
