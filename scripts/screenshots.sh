#!/bin/sh
# Renders the documentation screenshots (docs/screenshots/*.png), in Vietnamese, at 1366×768.
#
#   scripts/screenshots.sh               builds build/release if needed (wardroll, wardroll-cli)
#   scripts/screenshots.sh BUILD_DIR     uses (and, if needed, builds) that build directory
#
# Makes a 20,000-resident demo ward with `wardroll-cli demo`, then runs
# `wardroll --db WARD --screenshots docs/screenshots`, which opens the main window, runs the
# cleaning, and saves the main window, resident form, household view, cleaning queue, duplicate
# review, sync panel and import wizard. Runs under Xvfb (xvfb-run, from the xvfb and xauth
# packages) when it is installed, else on Qt's offscreen platform. The user's settings are not
# read. Vietnamese text needs a font with its diacritics, e.g. fonts-dejavu-core.
set -eu

repo=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$repo/build/release}
if [ ! -f "$build/build.ninja" ] && [ ! -f "$build/Makefile" ]; then
    cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF
fi
cmake --build "$build" --target wardroll wardroll-cli

app=$build/app/wardroll
cli=$build/app/wardroll-cli
out=$repo/docs/screenshots
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

"$cli" demo --residents 20000 --seed 7 --out "$work/demo-ward.db"
if command -v xvfb-run >/dev/null 2>&1; then
    # The window is sized 1366×768 on a screen of that size, as on a commune office laptop.
    xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb XDG_CONFIG_HOME="$work/config" \
        "$app" --db "$work/demo-ward.db" --screenshots "$out"
else
    QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$work/config" \
        "$app" --db "$work/demo-ward.db" --screenshots "$out"
fi
ls -l "$out"
