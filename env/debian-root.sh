# Creates, caches and enters the Debian 13 root that Inkling builds in on hosts that
# lack Qt >= 6.5, KF6 SyntaxHighlighting or oneDNN 3 (see ../README.md, "Where Inkling
# runs"), and the same way the Debian unstable root that only the benchmark's llama.cpp
# baseline uses (a "kind" of root: build or bench, see root_kind). Sourced by
# ../inkling.sh and tests/desktop/run.sh; defines host_is_enough, root_ensure, root_exec,
# root_exec_in and root_prune.
#
# The root is a build cache, never a place for user data: commands run in it see the
# host's file system (every top-level folder but the system ones, which come from the
# root) as the user who started them, with that user's HOME and desktop session.

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

# root_kind KIND: "SUITE PACKAGE-LIST PROGRAM" of a kind of root: the Debian suite it is
# made from, the file listing its packages, and a program whose presence says the root is
# complete. build: the root everything builds and runs in. bench: Debian unstable with
# llama.cpp's tools and Python GGUF library (not in Debian 13), made only when the
# benchmark is asked for its llama.cpp baseline.
root_kind() {
    case "$1" in
    build) echo "trixie $INKLING_SRC/env/packages.txt usr/bin/cmake" ;;
    bench) echo "sid $INKLING_SRC/env/bench-packages.txt usr/bin/llama-bench" ;;
    *) echo "inkling: unknown kind of root '$1'" >&2; return 1 ;;
    esac
}

# root_packages [KIND]: the packages of a kind of root (default: the build root's).
root_packages() {
    local suite list program
    read -r suite list program < <(root_kind "${1:-build}")
    sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$list" | tr -s ' \n' ' '
}

# root_key [KIND]: the cache key covers the package list and the code that makes the
# root, so a change of either builds a new root (and changes elsewhere in this script do
# not). The build root's key is the hash of its list and that code alone, as it always was.
root_key() {
    local suite list program
    read -r suite list program < <(root_kind "${1:-build}")
    { cat "$list"; declare -f root_create root_populate; } | sha256sum | cut -c1-16
}

# root_cache_dir [KIND]: where roots are cached: INKLING_ROOT_CACHE, else
# /var/cache/inkling for root; an ordinary user uses the system-wide root when root made
# one, else their own cache.
root_cache_dir() {
    local suite list program
    read -r suite list program < <(root_kind "${1:-build}")
    if [ -n "${INKLING_ROOT_CACHE:-}" ]; then
        echo "$INKLING_ROOT_CACHE"
    elif [ "$(id -u)" = 0 ] || [ -x "/var/cache/inkling/$suite-$(root_key "${1:-build}")/$program" ]; then
        echo /var/cache/inkling
    else
        echo "${XDG_CACHE_HOME:-$HOME/.cache}/inkling"
    fi
}

# root_dir [KIND]: the folder of a kind of root, SUITE-KEY in the cache.
root_dir() {
    local suite list program
    read -r suite list program < <(root_kind "${1:-build}")
    echo "$(root_cache_dir "${1:-build}")/$suite-$(root_key "${1:-build}")"
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

# user_namespaces_work: an ordinary user may create a user namespace and mount in it.
user_namespaces_work() {
    unshare --user --map-root-user --mount true 2>/dev/null
}

# root_create ROOT [SUITE PACKAGES...]: a minimal Debian root with PACKAGES (default: the
# build root's), made by root with debootstrap, or by an ordinary user with mmdebstrap in
# a user namespace. Built under a temporary name and renamed when complete.
root_create() {
    local root=$1 suite=${2:-trixie} tmp="$1.partial" mirror
    shift $(($# < 2 ? $# : 2))
    local packages="${*:-$(root_packages)}"
    mirror=$(root_mirror) || return 1
    rm -rf "$tmp"
    if [ "$(id -u)" = 0 ]; then
        if ! command -v debootstrap >/dev/null; then
            echo "inkling: installing debootstrap on the host" >&2
            apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null || return 1
        fi
        echo "inkling: creating the Debian $suite root in $root (a few minutes, once)" >&2
        mkdir -p "$tmp"
        debootstrap --variant=minbase "$suite" "$tmp" "$mirror" >"$tmp.log" 2>&1 || {
            echo "inkling: debootstrap failed, see $tmp.log" >&2
            tail -n 20 "$tmp.log" >&2
            return 1
        }
        # shellcheck disable=SC2086
        root_populate "$tmp" $packages >>"$tmp.log" 2>&1 || {
            echo "inkling: installing packages into the root failed, see $tmp.log" >&2
            tail -n 20 "$tmp.log" >&2
            return 1
        }
    else
        if ! user_namespaces_work || ! command -v mmdebstrap >/dev/null || ! command -v newuidmap >/dev/null; then
            echo "inkling: this host lacks Qt >= 6.5, KF6 and oneDNN 3; creating a build root needs root, or user namespaces with the packages mmdebstrap and uidmap: run './inkling.sh build' once as root, or install mmdebstrap and uidmap (or the dependencies)" >&2
            return 1
        fi
        echo "inkling: creating the Debian $suite root in $root without root (a few minutes, once)" >&2
        mmdebstrap --mode=unshare --variant=minbase --skip=output/dev \
            --include="$(echo "$packages" | tr -s ' ' ',')" \
            --customize-hook='mkdir -p "$1/usr/local/share/fonts"' \
            --customize-hook='chroot "$1" sh -c "[ ! -d /usr/share/i18n/charmaps ] || localedef -i de_DE -f UTF-8 de_DE.UTF-8"' \
            "$suite" "$tmp" "$mirror" >"$tmp.log" 2>&1 || {
            echo "inkling: mmdebstrap failed, see $tmp.log" >&2
            tail -n 20 "$tmp.log" >&2
            return 1
        }
    fi
    mv "$tmp.log" "$tmp/inkling-root.log" # also marks the folder as one the project made
    mv "$tmp" "$root"
}

# root_populate ROOT PACKAGES...: installs PACKAGES into a fresh root (as root).
root_populate() {
    local root=$1
    shift
    root_enter_build "$root" env DEBIAN_FRONTEND=noninteractive sh -c \
        "apt-get update -qq && apt-get install -y -qq --no-install-recommends $* && apt-get clean &&
         mkdir -p /usr/local/share/fonts &&
         if [ -d /usr/share/i18n/charmaps ]; then localedef -i de_DE -f UTF-8 de_DE.UTF-8; fi"
}

# root_ensure [KIND]: creates the root once; concurrent callers wait on the lock instead
# of racing. Older roots of the same kind in this cache folder are removed once a new one
# is complete.
root_ensure() {
    local kind=${1:-build} root suite list program
    read -r suite list program < <(root_kind "$kind")
    root=$(root_dir "$kind")
    [ -x "$root/$program" ] && return 0
    mkdir -p "$(dirname "$root")"
    (
        flock 9
        # shellcheck disable=SC2046
        [ -x "$root/$program" ] || {
            root_create "$root" "$suite" $(root_packages "$kind") && root_mark "$root" && root_prune "$root"
        }
    ) 9>"$root.lock"
}

# root_mark ROOT: the log beside a root made without root (its folders belong to the
# user's subordinate ids, so root_create could not move the log inside) marks it as ours.
root_mark() {
    local root=$1
    [ -f "$root/inkling-root.log" ] || [ -f "$root.log" ] || mv "$root.partial.log" "$root.log"
}

# root_prune KEEP: removes the other roots of KEEP's cache folder with KEEP's prefix
# (trixie-, sid-, ...), and only those the project made (they hold inkling-root.log).
root_prune() {
    local keep=$1 dir prefix old
    dir=$(dirname "$keep")
    prefix=$(basename "$keep" | sed 's/-[0-9a-f]*$//')
    for old in "$dir/$prefix"-*; do
        case "$old" in "$keep" | *.lock | *.log) continue ;; esac
        # Only this kind of root: trixie-KEY, not trixie-clean-KEY.
        [[ $(basename "$old") =~ ^$prefix-[0-9a-f]+$ ]] || continue
        [ -d "$old" ] || continue
        [ -f "$old/inkling-root.log" ] || [ -f "$old.log" ] || continue
        if [ -e "$old.lock" ] && ! flock -n -x "$old.lock" true; then
            echo "inkling: keeping the older build root $old while a command uses it" >&2
            continue
        fi
        echo "inkling: removing the older build root $old" >&2
        if [ "$(id -u)" != 0 ] && [ ! -O "$old" ]; then
            # Made by mmdebstrap as the user's subordinate ids: empty it as them.
            unshare --map-auto --setuid 0 --setgid 0 find "$old" -mindepth 1 -delete && rmdir "$old"
        fi
        rm -rf --one-file-system "$old" "$old.lock" "$old.log"
    done
}

# root_enter_build ROOT CMD...: CMD in ROOT as root, for making the root itself: no host
# folder is visible there (package scripts write to /etc/passwd and friends).
root_enter_build() {
    local root=$1
    shift
    cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
    # The mirror is the host's (root_mirror), and so is apt's view of its Release files'
    # age: a host that serves a frozen copy of the archive turns Check-Valid-Until off,
    # and so must the root, or unstable's Release (valid for a week) stops apt-get update.
    if [ "$(apt-config shell v Acquire::Check-Valid-Until 2>/dev/null)" = "v='false'" ] &&
        [ -d "$root/etc/apt/apt.conf.d" ]; then
        echo 'Acquire::Check-Valid-Until "false";' >"$root/etc/apt/apt.conf.d/99inkling-host-validity"
    fi
    unshare --fork --pid --kill-child --mount sh -euc '
        root=$1; shift
        mount -t proc proc "$root/proc"
        mount --rbind /dev "$root/dev"
        mount --rbind /sys "$root/sys"
        mount -t tmpfs tmpfs "$root/tmp"
        exec chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"
    ' sh "$root" "$@"
}

# The environment a command in the root inherits from the host, as shell assignments:
# who and where the user is, their language and desktop session. The rest stays behind.
root_passed_env() {
    local kv name value
    while IFS= read -r -d '' kv; do
        name=${kv%%=*}
        value=${kv#*=}
        [[ $name =~ ^(HOME|USER|LOGNAME|SHELL|TERM|TZ|LANG|LANGUAGE|LC_[A-Z_]+|XDG_[A-Z_]+|DISPLAY|XAUTHORITY|WAYLAND_DISPLAY|DBUS_SESSION_BUS_ADDRESS|QT_[A-Z_]+|HF_HOME|HF_HUB_CACHE|HUGGINGFACE_HUB_CACHE|CI|INKLING_[A-Z_]+|OMP_[A-Z_]+)$ ]] || continue
        printf "export %s='%s'\n" "$name" "${value//\'/\'\\\'\'}"
    done < <(env -0)
}

# root_enter ROOT DIR CMD...: runs CMD with ROOT's system folders (/usr, /etc, /var; read
# only) and everything else from the host: /home, /tmp, /run, /media, /mnt, the
# checkout, every other top-level folder, the host's users and fonts. Private pid and
# mount namespaces, so mounts and leftover processes (Xvfb) vanish with the command.
# Root runs it as root; an ordinary user in a user namespace that maps them to
# themselves, so files they create are theirs and they can read what they can on the host.
root_enter() {
    local root=$1 dir=$2
    shift 2
    local uid gid userns=()
    uid=$(id -u)
    gid=$(id -g)
    if [ "$uid" != 0 ]; then
        if ! user_namespaces_work; then
            echo "inkling: this kernel does not let an ordinary user create user namespaces (see 'sysctl kernel.unprivileged_userns_clone' or AppArmor's restrict_unprivileged_userns); run as root, or on a host with Qt >= 6.5, KF6 and oneDNN 3" >&2
            return 1
        fi
        userns=(--user --map-root-user)
    fi
    local envfile status=0
    envfile=$(mktemp /tmp/inkling-env.XXXXXX)
    root_passed_env >"$envfile"
    unshare "${userns[@]}" --fork --pid --kill-child --mount --propagation private sh -euc '
        root=$1 dir=$2 uid=$3 gid=$4 envfile=$5
        PATH=$PATH:/usr/sbin:/sbin # chroot is in sbin, outside an ordinary user PATH
        shift 5
        # A fresh top level on a tmpfs (over the root'"'"'s /mnt, in this namespace only), so
        # nothing is created inside the cached root.
        top="$root/mnt"
        mount -t tmpfs -o mode=0755 inkling-top "$top"
        # Not copied by the recursive binds below when the root sits in a bound folder.
        mount --make-unbindable "$top"
        for entry in "$root"/*; do
            name=${entry##*/}
            if [ -L "$entry" ]; then
                ln -s "$(readlink "$entry")" "$top/$name"
            fi
        done
        for name in usr etc var; do
            mkdir "$top/$name"
            mount --rbind "$root/$name" "$top/$name"
            mount -o remount,bind,ro "$top/$name" 2>/dev/null || true
        done
        mkdir "$top/proc" "$top/dev" "$top/sys"
        mount -t proc proc "$top/proc"
        mount --rbind /dev "$top/dev"
        mount --rbind /sys "$top/sys"
        # Every other top-level folder of the host, as it is there.
        for entry in /*; do
            name=${entry##*/}
            case "$name" in
            bin | sbin | lib | lib32 | lib64 | libx32 | usr | etc | var | proc | dev | sys | lost+found) continue ;;
            esac
            [ -d "$entry" ] && [ ! -L "$entry" ] || continue
            mkdir -p "$top/$name"
            mount --rbind "$entry" "$top/$name"
        done
        [ -d /var/tmp ] && mount --rbind /var/tmp "$top/var/tmp"
        # The host'"'"'s users (names, home folders), network and time settings, and fonts.
        for f in passwd group hosts resolv.conf hostname localtime machine-id; do
            [ -f "/etc/$f" ] && [ -e "$top/etc/$f" ] && [ ! -L "$top/etc/$f" ] &&
                mount --bind "/etc/$f" "$top/etc/$f"
        done
        [ -d /usr/share/fonts ] && [ -d "$top/usr/local/share/fonts" ] &&
            mount --bind /usr/share/fonts "$top/usr/local/share/fonts"
        [ -d "$top$dir" ] || { echo "inkling: the current folder $dir is not visible in the build environment; run from another folder" >&2; exit 1; }
        # Back to the user who started us (a user namespace inside this one) unless root.
        drop=""
        [ "$uid" = 0 ] || drop="unshare --user --map-user=$uid --map-group=$gid --"
        # pivot_root rather than chroot: a chrooted process may not create the user
        # namespace that gives an ordinary user back their own id.
        mkdir "$top/.host"
        cd "$top"
        pivot_root . .host
        exec /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
            sh -c "umount -l /.host; rmdir /.host; . \"\$0\"; cd \"\$1\"; shift; exec $drop \"\$@\"" "$envfile" "$dir" "$@"
    ' sh "$root" "$dir" "$uid" "$gid" "$envfile" "$@" || status=$?
    rm -f "$envfile"
    return "$status"
}

# root_exec_in KIND CMD...: CMD in a kind of root, made first if need be. A command holds
# its root's lock shared while it runs, so pruning (which needs it exclusively) never
# removes a root that another checkout's command is using.
root_exec_in() {
    local kind=$1 root
    shift
    root_ensure "$kind" || return 1
    root=$(root_dir "$kind")
    if [ -r "$root.lock" ]; then
        { flock -s 8 && root_enter "$root" "$PWD" "$@"; } 8<"$root.lock"
    else
        root_enter "$root" "$PWD" "$@"
    fi
}

# root_exec CMD...: CMD in the build root.
root_exec() {
    root_exec_in build "$@"
}
