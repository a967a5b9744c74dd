#!/usr/bin/env bash
# Inkling's one entry point: build, test and run, natively where the host has the
# dependencies, otherwise inside a cached Debian 13 root (env/debian-root.sh).
#
#   ./inkling.sh run [app args]      build, then start Inkling (Xvfb when there is no display)
#   ./inkling.sh test [--werror]     configure, build and run the whole test suite: the
#                                    QtTest suites (ctest), then the desktop checks on the host
#                                    (as an ordinary user, the package; tests/desktop/run.sh)
#        [--sanitize]                ... then again under ASan+UBSan (build-asan/)
#        [--tsan]                    ... then the threaded tests under TSan (build-tsan/)
#        [--fuzz SECONDS]            ... then every libFuzzer target for SECONDS (build-fuzz/)
#        [--llama]                   ... then the GGUF converter's test and the server backend
#                                    against llama-server (tst_server_llama) in the
#                                    benchmark's Debian unstable root (made once; see "bench")
#   ./inkling.sh build [--werror]    configure and build only
#   ./inkling.sh package             build build/inkling_VERSION_amd64.deb (Debian 13, Ubuntu 25.04+)
#   ./inkling.sh bench [ARGS...]     build and run inkling-bench (ARGS: its options); llama.cpp's
#                                    figures first, in a Debian unstable root made once for it,
#                                    unless --baselines leaves out llama
#   ./inkling.sh exec CMD [ARGS...]  run CMD inside the build environment, from the repository root
#
# Commands run as whoever starts them (root is not needed once a build root exists), on the
# host's files: relative paths given to "run" are relative to the current folder.
set -euo pipefail

INKLING_CALLER_PWD=$PWD
INKLING_SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export INKLING_SRC
cd "$INKLING_SRC"
# shellcheck source=env/debian-root.sh
. "$INKLING_SRC/env/debian-root.sh"

usage() {
    sed -n '2,23p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
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

# configure_and_build DIR WERROR [CMAKE ARGS...] [-- TARGETS...]: one build tree.
configure_and_build() {
    local dir=$1 werror=$2
    shift 2
    local args=() targets=()
    while [ $# -gt 0 ] && [ "$1" != -- ]; do args+=("$1"); shift; done
    [ $# -gt 0 ] && shift
    targets=("$@")
    local target_args=""
    [ ${#targets[@]} -gt 0 ] && target_args="--target ${targets[*]}"
    in_env sh -ec "
        cmake -S . -B $dir -G Ninja -DCMAKE_BUILD_TYPE=\${INKLING_BUILD_TYPE:-RelWithDebInfo} \
              -DINKLING_WERROR=$werror $(printf '%q ' "${args[@]}") >$dir-configure.log 2>&1 ||
            { cat $dir-configure.log; exit 1; }
        cmake --build $dir -j $(njobs) $target_args
    "
}

build() {
    local werror=OFF
    [ "${1:-}" = --werror ] && werror=ON
    [ -n "${INKLING_WERROR:-}" ] && werror=ON
    shift $(($# > 0 ? 1 : 0))
    configure_and_build build "$werror" -- "$@"
}

# build_app: what "run" needs. A build tree that belongs to someone else (a checkout
# that root built, run by a user) is used as it is when it is up to date.
build_app() {
    if [ -d build ] && [ ! -w build ] && [ -x build/bin/inkling ]; then
        if in_env sh -c 'ninja -C build -n inkling 2>/dev/null | grep -q "no work to do"'; then
            return 0
        fi
        echo "inkling: build/ belongs to another user and is out of date; build it as its owner, or use a copy of the checkout" >&2
        return 1
    fi
    build "" inkling
}

# Sanitizer reports are fatal; suppressions cover only uninstrumented third-party code
# (each entry says why). OpenMP and oneDNN run one thread under TSan: libgomp is not
# instrumented, so TSan cannot see its barriers. ignore_noninstrumented_modules: calls
# that Qt, GLib and the other distribution libraries make into TSan's interceptors
# (malloc, free, write, pthread_cond_*) are not checked, as their locking is invisible.
SAN_ENV="ASAN_OPTIONS=detect_leaks=1:strict_init_order=1:detect_stack_use_after_return=1
LSAN_OPTIONS=suppressions=$INKLING_SRC/tests/sanitizers/lsan.supp:print_suppressions=0
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:suppressions=$INKLING_SRC/tests/sanitizers/ubsan.supp
TSAN_OPTIONS=suppressions=$INKLING_SRC/tests/sanitizers/tsan.supp:halt_on_error=1:second_deadlock_stack=1:history_size=4:ignore_noninstrumented_modules=1
OMP_NUM_THREADS=1"
# The tests whose code runs on more than one thread.
THREADED_TESTS="tst_suggestion_controller tst_suggestions_e2e tst_stress tst_hostile_input tst_decode_team"

test_sanitized() {
    local werror=$1
    echo "inkling: the whole test suite under AddressSanitizer and UndefinedBehaviorSanitizer (build-asan/)"
    configure_and_build build-asan "$werror" "-DINKLING_SANITIZE=address;undefined"
    # shellcheck disable=SC2086
    in_env env $SAN_ENV ctest --test-dir build-asan --output-on-failure -j "$(njobs)"
}

test_tsan() {
    local werror=$1
    echo "inkling: the threaded tests under ThreadSanitizer (build-tsan/)"
    # shellcheck disable=SC2086
    configure_and_build build-tsan "$werror" -DINKLING_SANITIZE=thread -- $THREADED_TESTS inkling
    # One CPU: Qt's idealThreadCount() (the engine's default thread count), OpenMP and
    # oneDNN all follow the affinity mask, so no uninstrumented thread pool runs our code.
    # shellcheck disable=SC2086
    in_env env $SAN_ENV INKLING_STRESS_EVENTS=2000 python3 -c \
        'import os, sys; os.sched_setaffinity(0, {min(os.sched_getaffinity(0))}); os.execvp(sys.argv[1], sys.argv[1:])' \
        ctest --test-dir build-tsan --output-on-failure -R "^($(echo $THREADED_TESTS | tr ' ' '|'))\$"
}

test_fuzz() {
    local werror=$1 seconds=$2
    echo "inkling: every fuzz target for $seconds s under ASan+UBSan (build-fuzz/)"
    configure_and_build build-fuzz "$werror" -DINKLING_FUZZ=ON \
        "-DINKLING_SANITIZE=address;undefined" -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++
    # Two at a time (two cores). New inputs go to build-fuzz/corpus/, crashes to
    # build-fuzz/crashes/; a crash's input belongs in tests/fuzz/corpus/TARGET/ as a
    # regression test once fixed.
    in_env env $SAN_ENV sh -c '
        seconds=$1; status=0
        mkdir -p build-fuzz/crashes
        run() {
            mkdir -p build-fuzz/corpus/$1
            build-fuzz/fuzz/fuzz_$1 -max_total_time=$seconds -timeout=10 -rss_limit_mb=2048                 -print_final_stats=1 -artifact_prefix=build-fuzz/crashes/$1-                 build-fuzz/corpus/$1 tests/fuzz/corpus/$1 >build-fuzz/fuzz_$1.log 2>&1
        }
        report() {
            runs=$(sed -n "s/^stat::number_of_executed_units: *//p" build-fuzz/fuzz_$1.log)
            if [ "$2" = 0 ]; then
                echo "fuzz_$1: ${runs:-?} executions, no failure"
            else
                echo "fuzz_$1: FAILED (see build-fuzz/fuzz_$1.log)"; tail -n 40 build-fuzz/fuzz_$1.log
            fi
        }
        set -- $(ls build-fuzz/fuzz | sed -n "s/^fuzz_//p")
        while [ $# -gt 0 ]; do
            a=$1; shift; b=${1:-}; [ $# -gt 0 ] && shift
            run $a & pa=$!
            [ -n "$b" ] && { run $b & pb=$!; }
            wait $pa; ra=$?; report $a $ra; [ $ra = 0 ] || status=1
            if [ -n "$b" ]; then wait $pb; rb=$?; report $b $rb; [ $rb = 0 ] || status=1; fi
        done
        exit $status
    ' sh "$seconds"
}

# test_llama_server: tst_server_llama against llama.cpp's llama-server serving the
# embedded model (as GGUF), started in the benchmark's root by tests/bench/serve_llama.py
# on a free loopback port (both roots share the host's network), stopped afterwards.
test_llama_server() {
    local work=build/llama-server-test status=0 server
    in_env cmake --build build --target tst_server_llama
    mkdir -p "$work"
    rm -f "$work/url" "$work/stop"
    root_exec_in bench python3 tests/bench/serve_llama.py resources/models/inkling-tiny "$work" &
    server=$!
    for _ in $(seq 900); do
        { [ -f "$work/url" ] || ! kill -0 "$server" 2>/dev/null; } && break
        sleep 0.2
    done
    if [ ! -f "$work/url" ]; then
        echo "inkling: llama-server did not start" >&2
        touch "$work/stop"
        wait "$server" || true
        return 1
    fi
    INKLING_LLAMA_URL=$(cat "$work/url") in_env build/tests/tst_server_llama || status=$?
    touch "$work/stop"
    wait "$server" || true
    return "$status"
}

# run_bench ARGS...: inkling-bench with ARGS, after bench/llama_baseline.py has measured
# llama.cpp on the same models in the benchmark's Debian unstable root (root_kind bench),
# which is made the first time only, when llama is among the baselines (the default).
# Without that root (no mirror, no root rights) the tables go without llama.cpp's rows.
run_bench() {
    build "" inkling-bench inkling-cli
    local models=tiny,124m threads steps=32 repeats=3 baselines=torch,onnx,llama
    local work=build/bench-models speed=1 a
    threads=$(njobs)
    local args=("$@")
    while [ $# -gt 0 ]; do
        a=$1
        shift
        case "$a" in
        --models) models=${1:-} ;;
        --threads) threads=${1:-} ;;
        --steps) steps=${1:-} ;;
        --repeats) repeats=${1:-} ;;
        --baselines) baselines=${1:-} ;;
        --work-dir) work=${1:-} ;;
        --quick) steps=8 repeats=1; continue ;;
        --typing-only | --print-model-dirs | -h | --help) speed=""; continue ;;
        *) continue ;;
        esac
        [ $# -gt 0 ] && shift
    done
    rm -rf "$work/llama"/*.json
    if [ -n "$speed" ] && [[ ,$baselines, == *,llama,* ]]; then
        if root_ensure bench; then
            local model dir key
            mkdir -p "$work/llama"
            while IFS=$'\t' read -r model dir; do
                key=$model
                case "$model" in tiny | 124m) ;; *) key=$(basename "$model") ;; esac
                echo "inkling: llama.cpp on $model (converted to GGUF in $work/llama/$key)" >&2
                # The greedy check on the embedded model, whose continuation means something.
                local greedy=()
                [ "$model" = tiny ] && greedy=(--greedy)
                root_exec_in bench python3 bench/llama_baseline.py --model-dir "$dir" \
                    --out-dir "$work/llama/$key" --threads "$threads" --steps "$steps" \
                    --repeats "$repeats" "${greedy[@]}" >"$work/llama/$key.json.partial" &&
                    mv "$work/llama/$key.json.partial" "$work/llama/$key.json" ||
                    echo "inkling: llama.cpp's measurement of $model failed" >&2
            done < <(in_env build/bin/inkling-bench --print-model-dirs --models "$models" --work-dir "$work")
        else
            echo "inkling: no Debian unstable root for llama.cpp; the tables go without it" >&2
        fi
    fi
    in_env build/bin/inkling-bench "${args[@]}"
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
run)
    build_app
    # A virtual X server when there is nothing to draw on, so "run" works headless. From
    # the caller's folder, so relative file names mean what the caller meant.
    cd "$INKLING_CALLER_PWD"
    in_env sh -c 'app=$0/build/bin/inkling
                  if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ] || [ "${QT_QPA_PLATFORM:-}" = offscreen ]; then
                      exec "$app" "$@"
                  else
                      exec "$0/env/with-xvfb.sh" "$app" "$@"
                  fi' "$INKLING_SRC" "$@"
    ;;
package)
    build
    in_env sh -ec 'cd build && cpack -G DEB >cpack.log 2>&1 || { cat cpack.log; exit 1; }
                   ls -1 "$PWD"/inkling_*_amd64.deb'
    ;;
test)
    werror=OFF sanitize="" tsan="" fuzz="" llama=""
    [ -n "${INKLING_WERROR:-}" ] && werror=ON
    while [ $# -gt 0 ]; do
        case "$1" in
        --werror) werror=ON ;;
        --sanitize) sanitize=1 ;;
        --tsan) tsan=1 ;;
        --llama) llama=1 ;;
        --fuzz)
            fuzz=${2:-}
            case "$fuzz" in '' | *[!0-9]*) usage >&2; exit 2 ;; esac
            shift ;;
        *) usage >&2; exit 2 ;;
        esac
        shift
    done
    configure_and_build build "$werror"
    in_env ctest --test-dir build --output-on-failure -j "$(njobs)"
    tests/desktop/run.sh
    [ -z "$sanitize" ] || test_sanitized "$werror"
    [ -z "$tsan" ] || test_tsan "$werror"
    [ -z "$fuzz" ] || test_fuzz "$werror" "$fuzz"
    # Not by default: the root is Debian unstable's, made for the benchmark only.
    if [ -n "$llama" ]; then
        root_exec_in bench python3 tests/bench/test_to_gguf.py
        test_llama_server
    fi
    ;;
build)
    build "$@"
    ;;
bench)
    run_bench "$@"
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
