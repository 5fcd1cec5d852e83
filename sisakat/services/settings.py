"""Office settings: code defaults, overrides in the ``settings`` table, edited by the super admin.

Keys are dotted (``agency.name``). Values are JSON, so numbers, booleans and lists survive.
Every change writes an audit row. Later issues add keys to ``DEFAULTS``; nothing else changes.
"""

from __future__ import annotations

import contextlib
import copy
import json
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any, TypeVar

from flask import g, has_request_context
from sqlalchemy.exc import IntegrityError

from sisakat import formatting
from sisakat.extensions import db, read
from sisakat.models import Setting, User
from sisakat.services import audit

DEFAULTS: dict[str, Any] = {
    # Agency profile and letterhead (kop surat)
    "agency.government": "PEMERINTAH PROVINSI SUMATERA SELATAN",
    "agency.name": "BADAN KESATUAN BANGSA DAN POLITIK",
    "agency.short_name": "Kesbangpol Provinsi Sumatera Selatan",
    "agency.region": "PROVINSI SUMATERA SELATAN",
    "agency.address": "Jalan Kapten P. Tendean No. 1059 Palembang Kode Pos 31129",
    "agency.phone": "(0711) 000000",
    "agency.fax": "",
    "agency.email": "",
    "agency.website": "",
    "agency.city": "Palembang",
    "agency.timezone": "WIB",
    "agency.emblem_file_id": None,
    # Signatory (penandatangan) as printed on letters
    "signatory.position": "KEPALA BADAN KESATUAN BANGSA DAN POLITIK",
    "signatory.region_line": "PROVINSI SUMATERA SELATAN,",
    "signatory.prefix": "",  # "a.n.", "Plt.", "Plh." or empty
    "signatory.on_behalf_of": "",  # the line above when signing a.n./Plt.
    "signatory.name": "Dr. Contoh Pejabat, M.Si.",
    "signatory.rank": "Pembina Utama Madya (IV/d)",
    "signatory.nip": "197001011995011001",
    # Letter numbers (numbering issue). Mode "sisakat": SISAKAT takes the serial; "srikandi":
    # SRIKANDI numbers. Each service's number format lives on its ``services`` row.
    "numbering.mode": "sisakat",
    # Letter settings shared by every service (the wording is per service, ``services`` row).
    "letter.footer_bsre": (
        "Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik "
        "yang diterbitkan oleh Balai Sertifikasi Elektronik (BSrE), Badan Siber dan Sandi "
        "Negara (BSSN), sesuai Undang-Undang Nomor 11 Tahun 2008 tentang Informasi dan "
        "Transaksi Elektronik Pasal 5 ayat (1). Keaslian dokumen dapat diperiksa dengan "
        "memindai kode QR."
    ),
    "letter.page_size": "A4",  # "A4" or "F4" (215 x 330 mm)
    # Signature validation (services/signing): key usage required of the signer certificate,
    # "non_repudiation" (pyHanko default) or "digital_signature".
    "signing.key_usage": "non_repudiation",
    # Signing paths (issue 4): "srikandi" (upload-back only), "pades" (institution PKCS#12) or
    # "bsre" (Esign Client Service); wet-signed scans accepted only when allow_scan is on.
    "signing.backend": "srikandi",
    "signing.allow_scan": False,
    # Operations (issue 9): backup generations kept, last backup (written by `flask backup`),
    # retention of personal documents after the letter is issued (0 = never purge).
    "backup.keep": 7,
    "backup.last_at": None,
    "backup.last_path": "",
    "backup.last_encrypted": None,  # None: a backup made before this was recorded
    "backup.restored_at": None,  # set by `flask restore` (the last backup is its archive)
    "retention.personal_documents_days": 365,
    # Public contact channels, complaints (pengaduan) and the survey (issue 6)
    "contact.whatsapp": "",  # international digits, e.g. "6281200000000"; empty hides the link
    # Service-neutral: party boards and ormas both start a chat with it.
    "contact.whatsapp_message": "Halo Kesbangpol, saya ingin bertanya tentang layanan permohonan.",
    "contact.email": "",
    "contact.hours": "",  # empty: the days and hours of the Jam layanan page (office_contacts)
    "contact.lapor_url": "https://www.lapor.go.id",
    "complaint.name_required": False,
    "public.post_limit": 5,  # complaints and survey answers per address and hour
    "public.post_exempt": [],  # addresses never limited (services/public_limits.py)
    # The IKM results on the public page /ikm (PermenPANRB 14/2017); off on the contacts page.
    "survey.publish_results": True,
    "survey.follow_up": "",  # a general note on the results, shown once on /ikm
    # Follow-up per survey period ({"2026": ..., "2026-1": ...}) on /ikm: survey_follow_up.py
    "survey.follow_up_periods": {},
    # Office hours for waiting times in the verification queue (workflow issue): the hours per
    # weekday, Senin first, each day a list of open periods ([] closed; two with a break between),
    # e.g. [["07:30", "11:30"], ["13:00", "16:30"]] on Friday. None (installs from before hours
    # per day): hours_start-hours_end on every workdays day (ISO weekdays, 1 = Senin), read by
    # working_time.stored_week until the Jam layanan page is saved. Holidays are "YYYY-MM-DD" in
    # the office time zone.
    "office.week": None,
    "office.hours_start": "08:00",
    "office.hours_end": "16:00",
    "office.workdays": [1, 2, 3, 4, 5],
    "office.holidays": [],
    # Monitoring (issue 8): boards whose term of office or SKT validity ends within this many
    # days get a reminder and appear in the staff's expiring list.
    "reminder.days_before": 60,
    # Public verification page (issue5pub): offer the signed PDF for download there (off: the
    # page shows the hash and compares uploads; the party downloads from its dashboard).
    "verification.allow_download": False,
    # Set when `flask init-data` loaded the starter FAQ (services/faq_starter.py): it is never
    # loaded again, so the entries an admin deletes stay deleted.
    "faq.starter_loaded": False,
}

TIMEZONES = {"WIB": 7, "WITA": 8, "WIT": 9}
T = TypeVar("T")

_ALL = db.select(Setting.key, Setting.value)  # built once: every page reads the settings


def _cache() -> dict[str, Any] | None:
    """The settings read during this request (``flask.g``), or None outside a request.

    Per request only: a change saved by another worker is seen by the next request. Outside a
    request (CLI, tests' own app context) every read goes to the database as before."""
    if not has_request_context():
        return None
    cache = g.get("_settings_cache")
    if cache is None:
        cache = g._settings_cache = {}
    return cache


def clear_cache() -> None:
    """Forget what this request read (after a change)."""
    if has_request_context():
        g.pop("_settings_cache", None)


def lock(key: str) -> Any:
    """``key``'s stored value, read with its row held until the transaction ends (PostgreSQL,
    MariaDB; SQLite lets one writer at a time anyway), for a read-change-write of one value: a
    second admin saving meanwhile waits, then reads what the first stored. The value comes from
    the locking read itself, since a plain read may see the transaction's older snapshot
    (MariaDB's repeatable read)."""
    raw = db.session.execute(
        db.select(Setting.value).where(Setting.key == key).with_for_update()
    ).scalar_one_or_none()
    clear_cache()
    return _decoded(key, raw)


def lock_many(keys: Iterable[str]) -> dict[str, Any]:
    """The stored values of ``keys`` (code defaults for keys never set) read with their rows held
    until the transaction ends, in key order so two saves of overlapping pages cannot deadlock:
    a second admin saving the same page meanwhile waits, then reads what the first stored (the
    values come from the locking read itself, as in ``lock``). Only rows that exist are locked: a
    lock on a missing key would hold MariaDB's gap before it and deadlock two first saves, whose
    race ``_write`` settles (the second INSERT fails on the key)."""
    keys = sorted(set(keys))
    locked = db.select(Setting.key, Setting.value).where(Setting.key.in_(saved_keys(keys)))
    rows = dict(db.session.execute(locked.order_by(Setting.key).with_for_update()).all())
    clear_cache()
    return {key: _decoded(key, rows.get(key)) for key in keys}


def saved_keys(keys: Iterable[str]) -> list[str]:
    """Those of ``keys`` that have a row (a locking read of only these takes no MariaDB gap
    lock, which would hold back another admin's first save of a key)."""
    query = db.select(Setting.key).where(Setting.key.in_(list(keys)))
    return list(db.session.execute(query).scalars())


def _decoded(key: str, raw: str | None) -> Any:
    """A stored JSON value as callers get it: the code default when never set or unreadable."""
    value = DEFAULTS.get(key)
    if raw is not None:
        with contextlib.suppress(ValueError):
            value = json.loads(raw)
    return _fresh(value)


def _load_all(cache: dict[str, Any] | None = None) -> dict[str, Any]:
    """Every setting (defaults overlaid with the table), one query per request (``cache``: the
    request's, if known); callers must not change it (``get``, ``group`` hand out copies)."""
    cache = _cache() if cache is None else cache
    if cache is not None and "*" in cache:
        return cache["*"]
    values = dict(DEFAULTS)
    for key, raw in read(_ALL).all():
        try:
            values[key] = json.loads(raw)
        except ValueError:
            continue
    if cache is not None:
        cache["*"] = values
    return values


def get(key: str) -> Any:
    """One setting's value (the code default when never set). In a request every setting is read
    at the first ``get`` or ``group`` (one small query: a page reads several keys, and one
    statement costs less than two); outside a request the key is read from the database."""
    cache = _cache()  # looked up once per call
    if cache is not None:
        return _fresh(_load_all(cache).get(key, DEFAULTS.get(key)))
    row = db.session.get(Setting, key)
    return _decoded(key, row.value if row is not None else None)


def derived(name: str, compute: Callable[[], T]) -> T:
    """A value worked out from settings alone (``office.board_levels``; one no caller changes),
    once per request: kept in the request's settings cache, which every change empties."""
    cache = _cache()
    if cache is None:  # outside a request: computed at each call
        return compute()
    key = "derived:" + name
    return cache[key] if key in cache else cache.setdefault(key, compute())


def _fresh(value: Any) -> Any:
    """A copy of a list or dict value, so a caller changing it cannot change the cache."""
    return copy.deepcopy(value) if isinstance(value, (list, dict)) else value


def group(prefix: str) -> dict[str, Any]:
    """All settings under ``prefix.`` as a dict keyed by the rest of the key, in one query."""
    start = prefix + "."
    return {k[len(start) :]: _fresh(v) for k, v in _load_all().items() if k.startswith(start)}


def update(values: dict[str, Any], *, actor: User | None) -> list[str]:
    """Store changed values; unknown keys are refused. Returns the keys that changed (audited)."""
    unknown = [k for k in values if k not in DEFAULTS]
    if unknown:
        raise KeyError(f"unknown settings: {unknown}")
    clear_cache()
    current = _load_all()
    changed = [k for k, v in values.items() if current.get(k) != v]
    if changed:
        _write({key: values[key] for key in changed}, actor=actor)
        audit.record(
            "settings.update", actor=actor, object_type="settings", details={"keys": changed}
        )
    db.session.flush()
    clear_cache()
    return changed


def _write(values: dict[str, Any], *, actor: User | None) -> None:
    """Write ``values`` (a row is added the first time a key differs from its default) and
    flush. Another admin's first save of one of these keys committed since this transaction
    read none (both saw no row): this INSERT fails on the key, so the save is refused as from
    an out-of-date page (``StaleRecord`` naming who saved and when, rolled back), never a 500.
    Only then: a write failing otherwise (no added key has a row now after the rollback, e.g.
    the acting account was deleted meanwhile) gets the generic ``concurrency.NOT_STORED``."""
    from sisakat.services import concurrency  # it reads settings: imported here, not at the top

    by = actor.id if actor else None
    query = db.select(Setting).where(Setting.key.in_(values))
    rows = {row.key: row for row in db.session.execute(query).scalars()}
    added = [key for key in values if key not in rows]
    for key, value in values.items():
        raw = json.dumps(value, ensure_ascii=False)
        if key in rows:
            rows[key].value, rows[key].updated_by_id = raw, by
        else:
            db.session.add(Setting(key=key, value=raw, updated_by_id=by))

    def lost() -> str:
        clear_cache()  # the page answering the refusal shows, and digests, what is stored now
        return concurrency.settings_message(values)

    def raced() -> bool:  # another admin's first save of a key this one adds committed
        clear_cache()
        return bool(added) and bool(saved_keys(added))

    concurrency.flush_versioned(lost, also=(IntegrityError,), raced=raced)


def utc_offset_hours() -> int:
    """The office time zone as hours east of UTC (WIB 7, WITA 8, WIT 9)."""
    return TIMEZONES.get(str(get("agency.timezone")), 7)


def office_time(moment: datetime) -> str:
    """A naive UTC moment as every screen shows it, in the office zone: ``13 Juni 2025 14.05
    WIB``."""
    zone = str(get("agency.timezone") or "WIB")
    return formatting.tanggal_jam(moment, TIMEZONES.get(zone, 7), zone)


def office_date(value: date | datetime | None) -> date | None:
    """The calendar day the office reads: a naive UTC moment (``created_at``) moved into the
    office zone, so 00.30 WIT on 7 Desember is the 7th and not the UTC 6th; a ``date`` (a
    letter date, a term end) is already the office's day and stays as it is."""
    if isinstance(value, datetime):
        return formatting.to_local(value, utc_offset_hours()).date()
    return value


def office_day(value: date | datetime | None) -> str:
    """``office_date`` in words (``7 Desember 2026``), as every screen and export shows a day;
    empty for None."""
    return formatting.tanggal(office_date(value))
