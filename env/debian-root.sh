# Creates, caches and enters the Debian 13 root that Inkling builds in on hosts that
# lack Qt >= 6.5, KF6 SyntaxHighlighting or oneDNN 3 (see ../README.md).
# Sourced by ../inkling.sh; defines root_ensure and root_exec.

root_packages() {
    sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$INKLING_SRC/env/packages.txt" | tr -s ' \n' ' '
}

# The cache key covers the package list and this script, so either change builds a new root.
root_dir() {
    local key
    key=$(cat "$INKLING_SRC/env/packages.txt" "$INKLING_SRC/env/debian-root.sh" | sha256sum | cut -c1-16)
    echo "${INKLING_ROOT_CACHE:-/var/cache/inkling}/trixie-$key"
}

# The mirror comes from the host's own apt configuration (never from this repository);
# INKLING_DEBIAN_MIRROR overrides it.
root_mirror() {
    if [ -n "${INKLING_DEBIAN_MIRROR:-}" ]; then
        echo "$INKLING_DEBIAN_MIRROR"
        return
    fi
    local uri
    uri=$(grep -h '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' |
          grep -v -e security -e '^$' | grep -i debian | head -n1)
    if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
        uri=$(awk '$1 == "deb" && $0 !~ /security/ { for (i = 2; i <= NF; i++) if ($i ~ /^(https?|file):/) { print $i; exit } }' \
              /etc/apt/sources.list)
    fi
    if [ -z "$uri" ]; then
        echo "inkling: cannot find a Debian mirror in the host's apt sources; set INKLING_DEBIAN_MIRROR" >&2
        return 1
    fi
    echo "$uri"
}

root_create() {
    local root=$1 tmp="$1.partial" mirror
    mirror=$(root_mirror) || return 1
    if [ "$(id -u)" != 0 ]; then
        echo "inkling: creating the Debian 13 build root needs root (or a host with Qt >= 6.5, KF6 and oneDNN 3)" >&2
        return 1
    fi
    if ! command -v debootstrap >/dev/null; then
        echo "inkling: installing debootstrap on the host" >&2
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null || return 1
    fi
    echo "inkling: creating the Debian 13 build root in $root (a few minutes, once)" >&2
    rm -rf "$tmp"
    mkdir -p "$tmp"
    debootstrap --variant=minbase trixie "$tmp" "$mirror" >"$tmp.log" 2>&1 || {
        echo "inkling: debootstrap failed, see $tmp.log" >&2
        tail -n 20 "$tmp.log" >&2
        return 1
    }
    # shellcheck disable=SC2046
    root_enter "$tmp" / env DEBIAN_FRONTEND=noninteractive sh -c \
        "apt-get update -qq && apt-get install -y -qq --no-install-recommends $(root_packages) && apt-get clean" \
        >>"$tmp.log" 2>&1 || {
        echo "inkling: installing packages into the root failed, see $tmp.log" >&2
        tail -n 20 "$tmp.log" >&2
        return 1
    }
    mv "$tmp.log" "$tmp/inkling-root.log"
    mv "$tmp" "$root"
}

# Creates the root once; concurrent callers wait on the lock instead of racing.
root_ensure() {
    local root
    root=$(root_dir)
    [ -x "$root/usr/bin/cmake" ] && return 0
    mkdir -p "$(dirname "$root")"
    (
        flock 9
        [ -x "$root/usr/bin/cmake" ] || root_create "$root"
    ) 9>"$root.lock"
}

# root_enter ROOT DIR CMD...: runs CMD in ROOT, in DIR, in private pid and mount
# namespaces, so mounts and leftover processes (Xvfb) vanish with the command.
root_enter() {
    local root=$1 dir=$2
    shift 2
    local x11=""
    [ -n "${DISPLAY:-}" ] && [ -d /tmp/.X11-unix ] && x11=1
    unshare --fork --pid --kill-child --mount sh -euc '
        root=$1 dir=$2 src=$3 x11=$4
        shift 4
        mount -t proc proc "$root/proc"
        mount --rbind /dev "$root/dev"
        mount --rbind /sys "$root/sys"
        mount -t tmpfs tmpfs "$root/tmp"
        if [ -n "$x11" ]; then
            mkdir -p "$root/tmp/.X11-unix"
            mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"
        fi
        if [ -n "$src" ]; then
            mkdir -p "$root$src"
            mount --bind "$src" "$root$src"
        fi
        [ -f /etc/resolv.conf ] && cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
        exec chroot "$root" /usr/bin/env -i \
            PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
            HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}" DISPLAY="${DISPLAY:-}" \
            CI="${CI:-}" INKLING_WERROR="${INKLING_WERROR:-}" \
            QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-}" \
            sh -c "cd \"\$0\" && exec \"\$@\"" "$dir" "$@"
    ' sh "$root" "$dir" "${INKLING_SRC_MOUNT:-}" "$x11" "$@"
}

root_exec() {
    root_ensure || return 1
    INKLING_SRC_MOUNT=$INKLING_SRC root_enter "$(root_dir)" "$PWD" "$@"
}
