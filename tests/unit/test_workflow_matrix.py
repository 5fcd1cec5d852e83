"""AC-2: every (state, action, actor) combination. Allowed ones reach the target with exactly one
history row; the rest raise InvalidTransition and change nothing."""

from __future__ import annotations

import pytest

from sisakat.exceptions import InvalidTransition
from sisakat.extensions import db
from sisakat.models import Action, ApplicationStatus, Verdict
from sisakat.services import workflow, workflow_rules
from tests.workflow_world import (
    ACTORS,
    ALLOWED,
    TARGET,
    TRANSITIONS,
    actor_for,
    cast,
    history_count,
)

VERDICT_FOR = {Action.KEMBALIKAN: Verdict.TIDAK_SESUAI, Action.SETUJUI: Verdict.SESUAI}


def _fresh(make, status, action, people):
    return make.application(
        status=status,
        claimed_by=people.claimer if status == ApplicationStatus.DIVERIFIKASI else None,
        verdict=VERDICT_FOR.get(action),
    )


@pytest.mark.parametrize("status", list(ApplicationStatus), ids=lambda s: s.value)
def test_every_action_and_actor_from_status(app, make, status):
    people = cast(make)
    shared = _fresh(make, status, None, people)
    for action in TRANSITIONS:
        for who in ACTORS:
            allowed = who in ALLOWED.get((status, action), set())
            application = _fresh(make, status, action, people) if allowed else shared
            actor = actor_for(who, application, people)
            before, version = history_count(application), application.version
            if allowed:
                workflow.apply(
                    application, action, actor=actor, seen_version=version, note="Catatan uji"
                )
                db.session.commit()
                assert application.status == TARGET[action], (status, action, who)
                assert history_count(application) == before + 1, (status, action, who)
                assert application.is_open == (application.open_party_id is not None)
            else:
                with pytest.raises(InvalidTransition):
                    workflow.apply(
                        application, action, actor=actor, seen_version=version, note="Catatan uji"
                    )
                db.session.rollback()
                db.session.refresh(application)
                assert application.status == status, (status, action, who)
                assert application.version == version
                assert history_count(application) == before


def test_rules_table_matches_the_spec():
    table = {(s, a) for (s, a) in ALLOWED}
    from_rules = {(s, a) for a, r in workflow_rules.RULES.items() for s in r.sources}
    assert from_rules == table
    assert {a: r.target for a, r in workflow_rules.RULES.items()} == TARGET
