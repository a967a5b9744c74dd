#!/usr/bin/env bash
# Inkling's one entry point: build, test and run, natively where the host has the
# dependencies, otherwise inside a cached Debian 13 root (env/debian-root.sh).
#
#   ./inkling.sh run [app args]      build, then start Inkling (Xvfb when there is no display)
#   ./inkling.sh test [--werror]     configure, build and run the whole test suite
#   ./inkling.sh build [--werror]    configure and build only
#   ./inkling.sh exec CMD [ARGS...]  run CMD inside the build environment, from the repository root
set -euo pipefail

INKLING_SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export INKLING_SRC
cd "$INKLING_SRC"
# shellcheck source=env/debian-root.sh
. "$INKLING_SRC/env/debian-root.sh"

usage() {
    sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

# Native when the host already has every dependency at the versions we need;
# INKLING_NATIVE=1 or 0 forces the choice.
host_is_enough() {
    case "${INKLING_NATIVE:-}" in 1) return 0 ;; 0) return 1 ;; esac
    command -v cmake >/dev/null && command -v pkg-config >/dev/null || return 1
    pkg-config --atleast-version=6.5 Qt6Widgets 2>/dev/null || return 1
    [ -e /usr/lib/x86_64-linux-gnu/cmake/KF6SyntaxHighlighting ] ||
        [ -e /usr/lib64/cmake/KF6SyntaxHighlighting ] ||
        [ -e /usr/lib/cmake/KF6SyntaxHighlighting ] || return 1
    grep -qs 'define DNNL_VERSION_MAJOR 3' /usr/include/oneapi/dnnl/dnnl_version.h || return 1
}

# in_env CMD...: CMD inside the build environment, from the repository root.
in_env() {
    if host_is_enough; then
        "$@"
    else
        root_exec "$@"
    fi
}

njobs() { nproc 2>/dev/null || echo 2; }

build() {
    local werror=OFF
    [ "${1:-}" = --werror ] && werror=ON
    [ -n "${INKLING_WERROR:-}" ] && werror=ON
    in_env sh -ec "
        cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=\${INKLING_BUILD_TYPE:-RelWithDebInfo} \
              -DINKLING_WERROR=$werror >build-configure.log 2>&1 || { cat build-configure.log; exit 1; }
        cmake --build build -j $(njobs)
    "
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
run)
    build
    # A virtual X server when there is nothing to draw on, so "run" works headless.
    in_env sh -c 'if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ] || [ "${QT_QPA_PLATFORM:-}" = offscreen ]; then
                      exec build/bin/inkling "$@"
                  else
                      exec env/with-xvfb.sh build/bin/inkling "$@"
                  fi' sh "$@"
    ;;
test)
    build "$@"
    in_env ctest --test-dir build --output-on-failure -j "$(njobs)"
    ;;
build)
    build "$@"
    ;;
exec)
    [ $# -gt 0 ] || { usage >&2; exit 2; }
    in_env "$@"
    ;;
-h | --help | help)
    usage
    ;;
*)
    usage >&2
    exit 2
    ;;
esac
