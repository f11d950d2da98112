#!/usr/bin/env bash
# The longest time the desktop window does not answer during a sync round, with real processes:
# a wardroll-hub on 127.0.0.1, a ward enrolled with it, and `wardroll --measure-sync-stall`.
#
#   scripts/measure-sync-stall.sh [BUILD_DIR] [WARD_FILE]
#
# BUILD_DIR (default build/rwdi) holds app/wardroll, app/wardroll-cli and app/wardroll-hub.
# WARD_FILE (default /work/data/w200k.db) is copied, never written. Two rounds are measured:
#   push: the copy is enrolled and its desktop window sends its whole outbox to the hub;
#   pull: an empty ward, enrolled with the same hub, pulls and applies every record.
# Each prints the line of --measure-sync-stall (longest stall, stalls over 100 ms) and the
# process's wall and processor time. The work folder (wards, hub store and log: gigabytes) is
# removed at the end unless KEEP_WORK=1.
set -euo pipefail

build=${1:-build/rwdi}
source_ward=${2:-/work/data/w200k.db}
app="$build/app/wardroll"
cli="$build/app/wardroll-cli"
hub="$build/app/wardroll-hub"
for binary in "$app" "$cli" "$hub"; do
    [[ -x $binary ]] || { echo "missing $binary: build it first" >&2; exit 2; }
done
[[ -r $source_ward ]] || { echo "cannot read $source_ward" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/wardroll-sync-stall.XXXXXX")
hub_pid=
cleanup() {
    if [[ -n $hub_pid ]]; then
        kill "$hub_pid" 2>/dev/null || true
        wait "$hub_pid" 2>/dev/null || true
    fi
    if [[ ${KEEP_WORK:-0} == 1 ]]; then
        echo "work folder (wards, hub store and log): $work"
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT

store="sqlite:$work/hub.db"
# Port 0: the hub takes a free one and says which.
"$hub" serve --listen 127.0.0.1:0 --store "$store" >"$work/hub.out" 2>"$work/hub.log" &
hub_pid=$!
url=
for _ in $(seq 1 300); do
    url=$(grep -o 'http://[^[:space:]]*' "$work/hub.out" 2>/dev/null | head -n 1 || true)
    [[ -n $url ]] && break
    kill -0 "$hub_pid" 2>/dev/null || { cat "$work/hub.log" >&2; exit 1; }
    sleep 0.1
done
[[ -n $url ]] || { echo "the hub did not start" >&2; exit 1; }
echo "hub: $url (pid $hub_pid, store $work/hub.db)"

enroll() { # ward device-name
    local code
    code=$("$hub" enrollment-code --store "$store" --device-name "$2" | tail -n 1)
    "$cli" enroll --db "$1" --hub "$url" --code "$code" >/dev/null
}

measure() { # label ward
    echo "== $1"
    QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} /usr/bin/time -f "$1: wall %e s, user %U s, sys %S s, max RSS %M kB" \
        "$app" --db "$2" --measure-sync-stall 2>&1 | grep -E '^(sync:|'"$1"':)' || true
    echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
}

cp "$source_ward" "$work/pusher.db"
enroll "$work/pusher.db" "desk-pusher"
measure push "$work/pusher.db"

"$cli" init --db "$work/puller.db" >/dev/null
enroll "$work/puller.db" "desk-puller"
measure pull "$work/puller.db"
