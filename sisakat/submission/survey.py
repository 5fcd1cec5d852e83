"""The satisfaction survey after issue: one response per Terbit application, from its party."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from sisakat.extensions import db
from sisakat.models import ApplicationStatus, Role
from sisakat.policies import role_required
from sisakat.public.forms import SurveyForm
from sisakat.public.survey import THANKS, survey_input
from sisakat.routing import flash_domain_errors, or_404
from sisakat.services import applications, ikm_public
from sisakat.services import survey as survey_service
from sisakat.submission.routes import bp


def survey_url(application_id: int, *, external: bool = False) -> str:
    """Where the party rates an issued application (for the issue notification's link)."""
    return url_for(
        "submission.application_survey", application_id=application_id, _external=external
    )


@bp.app_template_global()
def pending_surveys(items) -> set[int]:
    """Ids of Terbit applications among ``items`` that have no survey response yet (one query)."""
    issued = [a.id for a in items if a.status == ApplicationStatus.TERBIT]
    return set(issued) - survey_service.answered(issued)


def _closed(application, answered: bool):
    """The survey page of an application not issued yet, or already answered."""
    return render_template(
        "submission/survey_closed.html",
        application=application,
        answered=answered,
        results_published=ikm_public.is_published(),
    )


def _sent_before(form: SurveyForm, application_id: int) -> bool:
    """True when this very form's answer for the application is stored already."""
    earlier = survey_service.received(form.form_key.data)
    return earlier is not None and earlier.application_id == application_id


def _thanks():
    flash(THANKS, "success")
    return redirect(url_for(".dashboard"))


@bp.route("/permohonan/<int(max=2147483647):application_id>/survei", methods=["GET", "POST"])
@role_required(Role.PEMOHON)
def application_survey(application_id: int):
    """The SKM form for the party's issued application (others: 404); a resend is thanked."""
    application = or_404(applications.get_for_user(application_id, current_user))
    form = SurveyForm()
    if form.is_submitted() and _sent_before(form, application.id):
        return _thanks()
    answered = survey_service.has_answered(application.id)
    if application.status != ApplicationStatus.TERBIT or answered:
        return _closed(application, answered)
    if form.validate_on_submit():
        with flash_domain_errors() as outcome:
            survey_service.submit(
                survey_input(form),
                service_code=application.service_code,
                application_id=application.id,
            )
            db.session.commit()
        if outcome.ok:
            return _thanks()
    return render_template(
        "public/survey.html",
        form=form,
        action=survey_url(application.id),
        results_published=ikm_public.is_published(),
    )
