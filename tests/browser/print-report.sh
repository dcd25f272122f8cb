#!/usr/bin/env bash
# Prints the HTML recommendation report to PDF in a real browser (headless Chromium) and checks
# the PDF: the firm's name, both headline levels and every recommended proposal's speaker must be
# in its text; page 1 must hold the three top actions of the one-page summary; it must fit the
# page budget (at most 6 A4 pages in Chinese, 8 in English); and printed with the browser's
# default settings (no --no-pdf-header-footer) no date, title or file URL of the browser's own
# header or footer may appear.
#
# Usage: tests/browser/print-report.sh [SMECHECK_BIN] [FIXTURE:LANG ...]
#   SMECHECK_BIN  the smecheck binary (default: target/debug/smecheck); this script builds nothing
#   FIXTURE:LANG  an answer file under tests/fixtures/answers/ (without .json) and zh or en
#                 (default: four contrasting firms in both languages, see below)
# Needs: chromium, pdftotext and pdfinfo (poppler-utils), jq; a CJK font (fonts-noto-cjk) for
# Chinese reports. Set KEEP_DIR=DIR to keep the HTML and PDF files there.
set -euo pipefail

cd "$(dirname "$0")/../.."

bin="${1:-target/debug/smecheck}"
shift || true
cases=("$@")
if ((${#cases[@]} == 0)); then
  cases=(01_micro_shop:zh 01_micro_shop:en 02_broad_shallow_trader:zh 02_broad_shallow_trader:en
    04_mid_manufacturer:zh 04_mid_manufacturer:en 05_advanced_plant:zh 05_advanced_plant:en)
fi
date=2026-11-24
min_pages=2
# The page budget of a printed report, by language (issue 12).
max_pages_for() { case "$1" in zh) echo 6 ;; *) echo 8 ;; esac; }

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
  max_pages="$(max_pages_for "$lang")"
  if ((pages < min_pages || pages > max_pages)); then
    fail "$case: the PDF has $pages pages; the budget is $min_pages to $max_pages"
  fi

  # Page 1 tells the story: the three actions to do first are on it.
  page1="$(pdftotext -enc UTF-8 -f 1 -l 1 "$pdf" - | squash)"
  while IFS= read -r action; do
    [[ -z "$action" ]] && continue
    [[ "$page1" == *"$(printf '%s' "$action" | squash)"* ]] ||
      fail "$case: page 1 does not hold the top action: $action"
  done < <(jq -r '.summary.actions[].action' "$json")
  top="$(jq '.summary.actions | length' "$json")"
  ((top == 3)) || fail "$case: the summary names $top top actions, not 3"

  # A heading never ends a page: the last line of text on every page is not a section heading.
  mapfile -t headings < <(grep -o '<h2>[^<]*</h2>' "$html" | sed -e 's/<[^>]*>//g' \
    -e 's/&amp;/\&/g' -e "s/&#39;/'/g" | while IFS= read -r h; do printf '%s\n' "$h" | squash; echo; done)
  for ((p = 1; p <= pages; p++)); do
    last="$(pdftotext -enc UTF-8 -f "$p" -l "$p" "$pdf" - | grep -v '^[[:space:]]*$' |
      grep -Ev '^[[:space:]]*[0-9]+ ?/ ?[0-9]+[[:space:]]*$' | tail -n 1 | squash)"
    for h in "${headings[@]}"; do
      [[ -n "$h" && "$last" == "$h" ]] && fail "$case: page $p ends with the heading \"$h\""
    done
  done

  # The browser's own header and footer (date, title, file URL) must not print, even with the
  # default print settings: the report's @page margin boxes take their place.
  plain_pdf="$work/${fixture}.${lang}.default.pdf"
  profile="$(mktemp -d)"
  timeout 180 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --print-to-pdf="$plain_pdf" "file://$html" \
    >"$work/chromium.log" 2>&1 || fail "$case: chromium could not print with default settings"
  rm -rf "$profile"
  plain="$(pdftotext -enc UTF-8 "$plain_pdf" -)"
  if [[ "$plain" == *"file://"* || "$plain" == *"$(basename "$html")"* ]]; then
    fail "$case: the browser's header or footer printed (file URL found in $plain_pdf)"
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
  echo "print-report: ok: $case: $pages pages (budget $max_pages); top actions on page 1;" \
    "no browser header or footer; firm, both levels and $count speakers found"
done
