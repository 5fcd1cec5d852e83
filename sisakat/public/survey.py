"""The public satisfaction survey (SKM). The party-facing entry after issue is wired at merge:
it renders the same form with ``application_id`` and calls the same service."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, session, url_for

from sisakat.errors import render_error
from sisakat.exceptions import DomainError
from sisakat.extensions import db
from sisakat.forms_common import year_param
from sisakat.public.complaints import over_limit, refused_for_too_many
from sisakat.public.forms import PublicSurveyForm, SurveyForm
from sisakat.public.routes import bp
from sisakat.services import ikm, ikm_public, numbering
from sisakat.services import survey as survey_service

NOT_PUBLISHED = "Hasil survei kepuasan masyarakat belum dipublikasikan di sini."
THANKS = "Terima kasih, jawaban survei Anda sudah kami terima."
# The session remembers the survey forms it was given (Back, a reload: the same form), a few.
ISSUED = "survey_keys"
KEPT_KEYS = 5
RECEIVED = "Penilaian Anda sudah kami terima; formulir yang sama tidak dihitung dua kali."


def survey_input(form: SurveyForm) -> survey_service.SurveyInput:
    """The service's input from a validated form."""
    return survey_service.SurveyInput(
        answers=form.answers(),
        age_group=form.age_group.data or "",
        sex=form.sex.data or "",
        education=form.education.data or "",
        occupation=form.occupation.data or "",
        suggestion=form.suggestion.data or "",
        form_key=form.form_key.data,
    )


@bp.route("/survei", methods=["GET", "POST"])
def survey():
    """The survey for anyone who used a service, who names it (rate limited per address). Each
    form has its own address (``?k=`` its one-time key): Back after the thanks returns there,
    not to a fresh form, and hears that the answer is in. A form sent again is refused calmly
    without counting against the limit: its answer is stored, "belum terkirim" would be untrue."""
    form = PublicSurveyForm()
    if not form.is_submitted():
        return _opened(form, request.args.get("k"))
    if survey_service.received(form.form_key.data) is not None:
        flash(RECEIVED, "info")
        return redirect(url_for("public.index"))
    if form.validate():
        if over_limit("survey"):
            return refused_for_too_many(lambda: _page(form))
        try:
            survey_service.submit(survey_input(form), service_code=form.service.data)
            db.session.commit()
        except DomainError as exc:
            db.session.rollback()
            flash(exc.message, "danger")
        else:
            return _thanks()
    return _page(form)


def _opened(form: PublicSurveyForm, key: str | None):
    """GET: a fresh form moves to its own address; a form whose answer is in says so. An
    address this browser was not given (passed on in a chat) opens a form of its own, so the
    people it reaches do not share one answer. A browser that sent no cookie gets its fresh form at
    once (a redirect would loop when it keeps none)."""
    if key not in session.get(ISSUED, ()) or survey_service.usable_form_key(key) != key:
        if key and not request.cookies:  # a first visit, or a browser keeping no cookie
            form.form_key.data = _issue()
            return _page(form)
        return redirect(url_for(".survey", k=_issue()))
    if survey_service.received(key) is not None:
        return render_template("public/survey_received.html", message=RECEIVED)
    form.form_key.data = key
    return _page(form)


def _issue() -> str:
    """A fresh form key, remembered in this browser's session (the last ``KEPT_KEYS``)."""
    key = survey_service.new_form_key()
    session[ISSUED] = [*session.get(ISSUED, ())[-(KEPT_KEYS - 1) :], key]
    return key


def _thanks():
    flash(THANKS, "success")
    return redirect(url_for("public.index"))


def _page(form: PublicSurveyForm) -> str:
    return render_template(
        "public/survey.html",
        form=form,
        action=url_for(".survey", k=form.form_key.data),
        results_published=ikm_public.is_published(),
    )


@bp.get("/ikm")
def survey_results():
    """The published survey results (IKM) of a year and its semesters; no suggestion text."""
    if not ikm_public.is_published():
        return render_error(404, NOT_PUBLISHED)
    today = numbering.office_today()
    return render_template(
        "public/ikm.html",
        pub=ikm_public.publication(year_param(request.args), today),
        elements=ikm.ELEMENTS,
        bands=ikm.BANDS,
        formula=ikm.FORMULA,
        minimum=ikm_public.MIN_RESPONDENTS,
    )
