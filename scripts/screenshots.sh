#!/bin/sh
# Renders the documentation screenshots from already-built binaries (this script builds nothing).
#
#   scripts/screenshots.sh BUILD_DIR
#   scripts/screenshots.sh PATH/TO/wardroll PATH/TO/wardroll-cli
#
# Makes a 20,000-resident demo ward with `wardroll-cli demo`, then has `wardroll --screenshot`
# save the main window (1366×768, Vietnamese, default layout; the user's settings are not read)
# to docs/screenshots/main-window.png. Runs headless (QT_QPA_PLATFORM=offscreen); Vietnamese
# text needs a font with its diacritics, e.g. fonts-dejavu-core.
set -eu

usage() {
    echo "usage: $0 BUILD_DIR | $0 WARDROLL WARDROLL_CLI" >&2
    exit 2
}

case $# in
1)
    app=$1/app/wardroll
    cli=$1/app/wardroll-cli
    ;;
2)
    app=$1
    cli=$2
    ;;
*) usage ;;
esac
[ -x "$app" ] || { echo "not an executable: $app" >&2; usage; }
[ -x "$cli" ] || { echo "not an executable: $cli" >&2; usage; }

repo=$(cd "$(dirname "$0")/.." && pwd)
out=$repo/docs/screenshots
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

"$cli" demo --residents 20000 --out "$work/demo-ward.db"
QT_QPA_PLATFORM=offscreen "$app" --db "$work/demo-ward.db" --screenshot "$out/main-window.png"
echo "saved $out/main-window.png"
