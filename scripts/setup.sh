#!/usr/bin/env bash
# WardRoll on a fresh Debian 12 machine: installs the Debian packages, builds, and then
#   run       opens the desktop app on the demo ward (Release build)
#   test      builds with warnings as errors and runs the whole test suite headless
#   sanitize  builds with ASan + UBSan and runs the suite again
#   deps      only installs the packages
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mode=${1:-run}
shift || true
jobs=$(nproc 2>/dev/null || echo 2)

packages=(
  build-essential cmake ninja-build pkg-config dpkg-dev file fonts-dejavu-core
  qt6-base-dev libqt6opengl6-dev qt6-httpserver-dev qt6-charts-dev qt6-tools-dev
  qt6-l10n-tools libxkbcommon-dev qcoro-qt6-dev libsodium-dev libsqlite3-dev sqlite3
  xvfb xauth
  libqt6sql6-psql postgresql # sync hub: PostgreSQL store, and a real server for its tests
)

install_packages() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "== Installing ${missing[*]}"
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

configure_and_build() { # build-dir, cmake args...
  local dir=$1
  shift
  cmake -S "$here" -B "$dir" -G Ninja "$@"
  cmake --build "$dir" -j "$jobs"
}

run_tests() { # build-dir
  QT_QPA_PLATFORM=offscreen ctest --test-dir "$1" --output-on-failure -j "$jobs" --timeout 600
}

install_packages
case "$mode" in
  deps) ;;
  run)
    configure_and_build "$here/build/release" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF
    exec "$here/build/release/app/wardroll" "$@"
    ;;
  test)
    configure_and_build "$here/build/test" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWARDROLL_WERROR=ON
    run_tests "$here/build/test"
    ;;
  sanitize)
    configure_and_build "$here/build/sanitize" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWARDROLL_WERROR=ON \
      -DWARDROLL_SANITIZE=ON -DWARDROLL_BENCHMARKS=OFF
    ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      run_tests "$here/build/sanitize"
    ;;
  *)
    echo "usage: $0 [run|test|sanitize|deps] [app arguments...]" >&2
    exit 2
    ;;
esac
