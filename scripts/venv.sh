# SISAKAT: shared by scripts/run.sh and scripts/test.sh (sourced, not run): make .venv with a
# Python that SISAKAT runs on, and hash files the same way on Linux and macOS.

# The Python that makes .venv: $PYTHON, else python3. A missing or too old one, or one without
# its venv module (Debian/Ubuntu ship it apart: python3-venv), stops here with what to install,
# instead of a half-made .venv that every later start would trip over.
ensure_venv() {
  if [ -x .venv/bin/python ] && .venv/bin/python -m pip --version >/dev/null 2>&1; then
    return 0
  fi
  local python_bin="${PYTHON:-python3}"
  if ! "$python_bin" -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1; then
    echo "GAGAL: SISAKAT memerlukan Python 3.11 atau lebih baru; '$python_bin' tidak ditemukan atau terlalu lama." >&2
    echo "Pasang Python 3.11+ (Debian/Ubuntu: sudo apt-get install python3.11 python3.11-venv), lalu jalankan lagi dengan PYTHON=python3.11." >&2
    return 1
  fi
  rm -rf .venv  # a .venv without pip is what a failed earlier attempt leaves
  echo "Membuat lingkungan Python (.venv) ..."
  if ! "$python_bin" -m venv .venv || ! .venv/bin/python -m pip --version >/dev/null 2>&1; then
    rm -rf .venv
    echo "GAGAL: .venv tidak dapat dibuat dengan '$python_bin'." >&2
    echo "Debian/Ubuntu: sudo apt-get install python3-venv (atau python3.11-venv), lalu jalankan lagi." >&2
    return 1
  fi
}

# SHA-256 of the files named, as one hex string (sha256sum on Linux, shasum on macOS).
files_sha256() {
  if command -v sha256sum >/dev/null 2>&1; then
    cat "$@" | sha256sum | cut -d' ' -f1
  else
    cat "$@" | shasum -a 256 | cut -d' ' -f1
  fi
}
