#!/bin/sh
# Runs a command against a private virtual X server, for machines without a display.
# (Debian's xvfb-run can hang: Xvfb's ready signal may arrive before it starts waiting.)
set -eu
n=99
while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do
    n=$((n + 1))
done
Xvfb ":$n" -screen 0 1280x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true; wait "$xvfb" 2>/dev/null || true' EXIT INT TERM
tries=0
while [ ! -e "/tmp/.X11-unix/X$n" ]; do
    tries=$((tries + 1))
    if [ "$tries" -gt 200 ] || ! kill -0 "$xvfb" 2>/dev/null; then
        echo "inkling: the virtual X server (Xvfb) did not start" >&2
        exit 1
    fi
    sleep 0.05
done
status=0
DISPLAY=":$n" "$@" || status=$?
exit "$status"
