"""Domain services: the rules. No request, session, flash or templates in here."""
