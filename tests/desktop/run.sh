#!/usr/bin/env bash
# The desktop checks: Inkling as it lives on a user's desktop, outside in. They run on
# the host (not inside the build root), after the QtTest suites, from ./inkling.sh test:
#
#   as_user       an ordinary user (created here when we are root) runs ./inkling.sh run
#                 on their own file in their home, by a relative path: the window shows
#                 its text, the screenshot and a saved copy belong to that user,
#                 settings go to their ~/.config/Inkling, nothing new appears in the root
#   host_paths    ./inkling.sh run opens files in the host's /tmp, by absolute and
#                 relative paths from another folder
#   cli_home      ./inkling.sh exec build/bin/inkling-cli --model ~/... (a model in HOME)
#   package       ./inkling.sh package, installed with apt-get into a clean copy of a
#                 Debian 13 root; inkling --version, inkling-cli complete, a screenshot;
#                 desktop-file-validate and appstreamcli validate on the packaged files
#
# Usage: tests/desktop/run.sh [CHECK...]   (default: all). Prints one line per check and
# "desktop: N passed, N failed".
set -uo pipefail

SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
INKLING_SRC=$SRC
export INKLING_SRC
# shellcheck source=../../env/debian-root.sh
. "$SRC/env/debian-root.sh"

TEST_USER=inkling-desktop
PROMPT="The old man looked out of the window and"
EXPECTED=" saw the light of the lamp" # the embedded model's greedy continuation
ESSAY=$'# An essay\n\nThe first line of my essay, with “quotes” and ümlauts.\nThe old man looked out of the window and\n'
passed=0 failed=0
work=$(mktemp -d /tmp/inkling-desktop.XXXXXX)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT

say() { echo "desktop: $*"; }
fail() { say "$check FAILED: $*"; return 1; }


# as_test_user CMD...: CMD as the test user, with a login-like environment and no
# display (./inkling.sh run then starts its own virtual X server, as on a headless host).
as_test_user() {
    local home
    home=$(getent passwd "$TEST_USER" | cut -d: -f6)
    if [ "$(id -u)" = 0 ]; then
        runuser -u "$TEST_USER" -- env -i HOME="$home" USER="$TEST_USER" LOGNAME="$TEST_USER" \
            PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 INKLING_NATIVE="${INKLING_NATIVE:-}" \
            INKLING_DEBIAN_MIRROR="${INKLING_DEBIAN_MIRROR:-}" bash -c 'cd "$HOME" && "$@"' bash "$@"
    else
        (cd "$HOME" && "$@")
    fi
}

# A fresh ordinary user (as root), or the current user when we are not root.
make_test_user() {
    if [ "$(id -u)" != 0 ]; then
        TEST_USER=$(id -un)
        return 0
    fi
    if id "$TEST_USER" >/dev/null 2>&1; then
        userdel -r "$TEST_USER" >/dev/null 2>&1 || userdel "$TEST_USER"
    fi
    useradd --create-home --shell /bin/bash "$TEST_USER"
}

# The checkout as the test user sees it: this one when they can read it and its build,
# else a copy of its sources in their home (which they then build themselves).
user_checkout() {
    local home=$1
    if as_test_user test -r "$SRC/inkling.sh" -a -x "$SRC/build/bin/inkling" -a -r "$SRC/build/build.ninja" 2>/dev/null; then
        echo "$SRC"
        return
    fi
    mkdir -p "$home/inkling"
    tar -C "$SRC" --exclude=./.git --exclude=./build --exclude='./build-*' -cf - . | tar -C "$home/inkling" -xf -
    chown -R "$TEST_USER:" "$home/inkling"
    echo "$home/inkling"
}

# The test user and their view of the checkout, made once for the checks that need them.
home="" checkout=""
setup_user() {
    [ -z "$home" ] || return 0
    make_test_user || { fail "cannot create the user $TEST_USER"; return; }
    home=$(getent passwd "$TEST_USER" | cut -d: -f6)
    checkout=$(user_checkout "$home")
}

check_as_user() {
    setup_user || return
    local root="" stamp="$work/stamp"
    printf '%s' "$ESSAY" >"$home/essay.md"
    chmod 600 "$home/essay.md"
    [ "$(id -u)" = 0 ] && chown "$TEST_USER:" "$home/essay.md"
    if ! host_is_enough; then
        root=$(root_dir)
        touch "$stamp"
        sleep 1
    fi
    # A relative path, from the user's home; their own X server; no root.
    as_test_user "$checkout/inkling.sh" run --screenshot "$home/shot.png" --dump-text saved.md essay.md \
        >"$work/as_user.log" 2>&1 || { cat "$work/as_user.log"; fail "inkling.sh run as $TEST_USER failed"; return; }
    cmp -s "$home/essay.md" "$home/saved.md" || fail "the window's text is not the user's file" || return
    [ "$(head -c 8 "$home/shot.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "no PNG screenshot" || return
    local f
    for f in "$home/shot.png" "$home/saved.md" "$home/.config/Inkling/inkling.conf"; do
        [ -e "$f" ] || fail "$f was not written" || return
        [ "$(stat -c %U "$f")" = "$TEST_USER" ] || fail "$f belongs to $(stat -c %U "$f"), not $TEST_USER" || return
    done
    local foreign
    foreign=$(find "$home" ! -user "$TEST_USER" -print -quit)
    [ -z "$foreign" ] || fail "$foreign in the user's home belongs to $(stat -c %U "$foreign")" || return
    if [ -n "$root" ]; then
        local created
        created=$(find "$root" -xdev -newer "$stamp" -print 2>/dev/null | head -n 5)
        [ -z "$created" ] || fail "written inside the build root: $created" || return
    fi
    say "$check ok (as $TEST_USER, checkout $checkout)"
}

check_cli_home() {
    setup_user || return
    # A model in the user's home, named with ~ as a user types it.
    mkdir -p "$home/models"
    cp -r "$SRC/resources/models/inkling-tiny" "$home/models/tiny"
    [ "$(id -u)" = 0 ] && chown -R "$TEST_USER:" "$home/models"
    if [ "$checkout" != "$SRC" ]; then
        as_test_user "$checkout/inkling.sh" exec cmake --build build --target inkling-cli >"$work/cli_build.log" 2>&1 ||
            { cat "$work/cli_build.log"; fail "building inkling-cli as $TEST_USER failed"; return; }
    fi
    local out
    # shellcheck disable=SC2088
    out=$(as_test_user bash -c "$checkout/inkling.sh exec build/bin/inkling-cli complete --precision f32 --greedy --max-tokens 6 --stats --model ~/models/tiny \"\$0\"" "$PROMPT" 2>"$work/cli.log") ||
        { cat "$work/cli.log"; fail "inkling-cli with a model in HOME failed"; return; }
    [[ $out == "$EXPECTED"* ]] || fail "inkling-cli printed '$out', expected '$EXPECTED…'" || return
    grep -q "$home/models/tiny" "$work/cli.log" || fail "inkling-cli did not use the model in HOME: $(cat "$work/cli.log")" || return
    say "$check ok (as $TEST_USER)"
}

check_host_paths() {
    mkdir -p "$work/docs/sub"
    printf 'A note in the host /tmp.\n' >"$work/docs/note.md"
    printf 'Another note.\n' >"$work/docs/other.md"
    "$SRC/inkling.sh" run --screenshot "$work/abs.png" --dump-text "$work/abs.md" "$work/docs/note.md" \
        >"$work/host_paths.log" 2>&1 || { cat "$work/host_paths.log"; fail "absolute path"; return; }
    cmp -s "$work/docs/note.md" "$work/abs.md" || fail "absolute path: wrong text" || return
    [ -s "$work/abs.png" ] || fail "no screenshot" || return
    (cd "$work/docs/sub" && "$SRC/inkling.sh" run --dump-text ../rel.md ../other.md) \
        >"$work/host_paths.log" 2>&1 || { cat "$work/host_paths.log"; fail "relative path"; return; }
    cmp -s "$work/docs/other.md" "$work/docs/rel.md" || fail "relative path: wrong text" || return
    say "$check ok (as $(id -un))"
}

# A clean Debian 13 root, made once and cached like the build root, and a throwaway copy
# of it per run: the package must install into a system that has nothing of ours.
check_package() {
    if [ "$(id -u)" != 0 ]; then
        say "$check: needs root (to make and enter a clean Debian 13 root); not run"
        return 2
    fi
    "$SRC/inkling.sh" package >"$work/package.log" 2>&1 || { cat "$work/package.log"; fail "./inkling.sh package failed"; return; }
    local deb
    deb=$(ls "$SRC"/build/inkling_*_amd64.deb 2>/dev/null | head -n1)
    [ -f "$deb" ] || fail "no build/inkling_*_amd64.deb" || return
    local depends
    depends=$(dpkg-deb -f "$deb" Depends)
    for d in libdnnl libqt6widgets6 libkf6syntaxhighlighting qt6-qpa-plugins; do
        [[ $depends == *$d* ]] || fail "Depends lacks $d: $depends" || return
    done
    # The packaged desktop files, validated with the build root's validators.
    rm -rf "$SRC/build/deb-contents" && mkdir -p "$SRC/build/deb-contents"
    dpkg-deb -x "$deb" "$SRC/build/deb-contents"
    "$SRC/inkling.sh" exec sh -ec '
        desktop-file-validate build/deb-contents/usr/share/applications/org.inkling.Inkling.desktop
        appstreamcli validate --no-net --explain build/deb-contents/usr/share/metainfo/org.inkling.Inkling.metainfo.xml' \
        >"$work/validate.log" 2>&1 || { cat "$work/validate.log"; fail "desktop or AppStream file invalid"; return; }
    local clean copy="$work/clean-root"
    clean="$(root_cache_dir)/trixie-clean-$(root_key_for clean)"
    if [ ! -x "$clean/usr/bin/apt-get" ]; then
        (flock 9; [ -x "$clean/usr/bin/apt-get" ] || { root_create "$clean" trixie apt && root_prune "$clean"; }) \
            9>"$clean.lock" || fail "cannot make a clean Debian 13 root" || return
    fi
    cp -a "$clean" "$copy"
    cp "$deb" "$copy/root/"
    root_enter_build "$copy" env DEBIAN_FRONTEND=noninteractive QT_QPA_PLATFORM=offscreen sh -ec "
        cd /root
        apt-get update -qq
        apt-get install -y -qq ./$(basename "$deb") >/root/install.log 2>&1 || { cat /root/install.log; exit 1; }
        inkling --version
        inkling-cli complete --precision f32 --greedy --max-tokens 6 \"$PROMPT\" >/root/cli.out
        printf 'Written in a clean root.\n' >/root/doc.md
        inkling --screenshot /root/shot.png --dump-text /root/out.md /root/doc.md
        cmp /root/doc.md /root/out.md
        test -s /root/shot.png
    " >"$work/install.log" 2>&1 || { cat "$work/install.log"; fail "installing or running the package failed"; return; }
    grep -q "^inkling 0\|^Inkling 0" "$work/install.log" || fail "inkling --version printed: $(head -n 3 "$work/install.log")" || return
    [[ $(cat "$copy/root/cli.out") == "$EXPECTED"* ]] || fail "installed inkling-cli printed '$(cat "$copy/root/cli.out")'" || return
    rm -rf --one-file-system "$copy"
    say "$check ok ($(basename "$deb"), $(du -h "$deb" | cut -f1))"
}

# The clean root's key: its one package and the code that makes it.
root_key_for() {
    { echo "$1"; declare -f root_create root_populate; } | sha256sum | cut -c1-16
}

checks=("$@")
[ ${#checks[@]} -gt 0 ] || checks=(as_user cli_home host_paths package)
for check in "${checks[@]}"; do
    "check_$check"
    case $? in
    0) passed=$((passed + 1)) ;;
    2) ;; # not run here, said why
    *) failed=$((failed + 1)) ;;
    esac
done
echo "desktop: $passed passed, $failed failed"
[ "$failed" = 0 ]
