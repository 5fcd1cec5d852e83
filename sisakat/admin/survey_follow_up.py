"""Super admin: the follow-up of the survey results per period (year, semester), shown under
that period on the public results page ``/ikm``."""

from __future__ import annotations

from datetime import date

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms import SelectChoice

from sisakat.admin import service_info_forms as forms
from sisakat.admin.routes import bp
from sisakat.forms_common import year_param
from sisakat.models import Role
from sisakat.policies import role_required
from sisakat.routing import commit_or_show
from sisakat.services import ikm_public, numbering
from sisakat.services import survey_follow_up as follow_ups


def _chooser(chosen: follow_ups.Period, offered: tuple[int, ...]) -> forms.FollowUpPeriodForm:
    """The GET form choosing the period, showing ``chosen``."""
    chooser = forms.FollowUpPeriodForm(
        meta={"csrf": False}, data={"tahun": chosen.year, "periode": chosen.part}
    )
    chooser.tahun.choices = [SelectChoice(year, str(year)) for year in offered]
    return chooser


def _form(chosen: follow_ups.Period) -> forms.FollowUpForm:
    """The text form of ``chosen``: on GET its stored text and digest, on POST what was sent."""
    shown = request.method == "GET"
    form = forms.FollowUpForm(data={"text": follow_ups.text(chosen)} if shown else None)
    form.text.label.text = f"Tindak lanjut {chosen.label}"
    if shown:
        form.seen.data = follow_ups.token(chosen)
    return form


def _saved(form: forms.FollowUpForm, chosen: follow_ups.Period, today: date) -> bool:
    """A posted text of ``chosen`` saved and committed (True); refused, ``form`` shows why and
    keeps the text, with the current digest when another admin saved meanwhile."""
    return form.validate_on_submit() and commit_or_show(
        form,
        lambda: follow_ups.save(
            chosen, form.text.data, today=today, actor=current_user, seen=form.seen_digest()
        ),
        lambda: follow_ups.token(chosen),
    )


@bp.route("/kontak/tindak-lanjut", methods=["GET", "POST"])
@role_required(Role.SUPERADMIN)
def survey_follow_up():
    """Pick a year and period, then write (or empty, to remove) that period's follow-up."""
    today = numbering.office_today()
    offered = ikm_public.years(today)
    args = request.args
    chosen = follow_ups.period(year_param(args), args.get("periode"), today, offered)
    if chosen is None:
        flash("Periode survei tidak dikenal. Pilih tahun dan periode dari daftar.", "danger")
        return redirect(url_for(".survey_follow_up"))
    form = _form(chosen)
    if _saved(form, chosen, today):
        flash(f"Tindak lanjut {chosen.label} tersimpan.", "success")
        return redirect(url_for(".survey_follow_up", tahun=chosen.year, periode=chosen.part))
    return render_template(
        "admin/survey_follow_up.html",
        chooser=_chooser(chosen, offered),
        form=form,
        period=chosen,
        written=follow_ups.written(offered),
    )
