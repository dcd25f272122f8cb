#!/usr/bin/env bash
# Prints the HTML recommendation report to PDF in a real browser (headless Chromium) and checks
# the PDF: the firm's name, both headline levels and every recommended proposal's speaker must be
# in its text, and it must have a sensible number of pages.
#
# Usage: tests/browser/print-report.sh [SMECHECK_BIN] [FIXTURE:LANG ...]
#   SMECHECK_BIN  the smecheck binary (default: target/debug/smecheck); this script builds nothing
#   FIXTURE:LANG  an answer file under tests/fixtures/answers/ (without .json) and zh or en
#                 (default: 01_micro_shop:zh 02_broad_shallow_trader:en)
# Needs: chromium, pdftotext and pdfinfo (poppler-utils), jq; a CJK font (fonts-noto-cjk) for
# Chinese reports. Set KEEP_DIR=DIR to keep the HTML and PDF files there.
set -euo pipefail

cd "$(dirname "$0")/../.."

bin="${1:-target/debug/smecheck}"
shift || true
cases=("$@")
if ((${#cases[@]} == 0)); then
  cases=(01_micro_shop:zh 02_broad_shallow_trader:en)
fi
date=2026-11-24
min_pages=2
max_pages=20

fail() {
  echo "print-report: FAIL: $*" >&2
  exit 1
}

[[ -x "$bin" ]] || fail "no smecheck binary at $bin (build it first: cargo build)"
for tool in chromium pdftotext pdfinfo jq; do
  command -v "$tool" >/dev/null 2>&1 ||
    fail "$tool is not installed (Debian: apt-get install chromium poppler-utils jq fonts-noto-cjk)"
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
out_dir="${KEEP_DIR:-$work}"
mkdir -p "$out_dir"
out_dir="$(cd "$out_dir" && pwd)"

# Removes every kind of white space, so that a name broken across lines in the PDF still matches.
squash() { tr -d '[:space:]'; }

for case in "${cases[@]}"; do
  fixture="${case%%:*}"
  lang="${case##*:}"
  answers="tests/fixtures/answers/${fixture}.json"
  [[ -f "$answers" ]] || fail "no answer file $answers"
  html="$out_dir/${fixture}.${lang}.html"
  pdf="$out_dir/${fixture}.${lang}.pdf"
  json="$work/${fixture}.${lang}.json"
  "$bin" report --answers "$answers" --format html --lang "$lang" --date "$date" -o "$html" --force
  "$bin" report --answers "$answers" --format json --lang "$lang" --date "$date" >"$json"

  profile="$(mktemp -d)"
  if ! timeout 180 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --no-pdf-header-footer --user-data-dir="$profile" --print-to-pdf="$pdf" "file://$html" \
    >"$work/chromium.log" 2>&1; then
    cat "$work/chromium.log" >&2
    fail "$case: chromium could not print $html"
  fi
  rm -rf "$profile"
  [[ -s "$pdf" ]] || { cat "$work/chromium.log" >&2; fail "$case: chromium wrote no PDF"; }

  pages="$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')"
  [[ "$pages" =~ ^[0-9]+$ ]] || fail "$case: pdfinfo found no page count in $pdf"
  if ((pages < min_pages || pages > max_pages)); then
    fail "$case: the PDF has $pages pages; expected $min_pages to $max_pages"
  fi

  text="$(pdftotext -enc UTF-8 "$pdf" - | squash)"
  missing=()
  while IFS= read -r needle; do
    [[ -z "$needle" ]] && continue
    if [[ "$text" != *"$(printf '%s' "$needle" | squash)"* ]]; then
      missing+=("$needle")
    fi
  done < <(jq -r '.report.firm // empty, (.report.headlines[] | .level_label),
                  (.report.recommendations[] | .speaker)' "$json")
  if ((${#missing[@]})); then
    printf '  missing: %s\n' "${missing[@]}" >&2
    fail "$case: ${#missing[@]} expected text(s) not found in the PDF $pdf"
  fi
  count="$(jq '.report.recommendations | length' "$json")"
  echo "print-report: ok: $case: $pages pages; firm, both levels and $count speakers found"
done
