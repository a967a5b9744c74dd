#!/usr/bin/env python3
"""Serves a GPT-2 directory with llama.cpp's llama-server for tst_server_llama, in the
benchmark's Debian unstable root (./inkling.sh test --llama).

Converts MODEL_DIR to GGUF (f32, bench/to_gguf.py) in WORK_DIR, starts llama-server on a
free loopback port, writes its URL to WORK_DIR/url once /health answers, and stops it
when WORK_DIR/stop appears (or after --max-seconds, should the caller die).
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "bench"))
import llama_baseline  # noqa: E402  (starts llama-server as the benchmark does)
import to_gguf  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model_dir")
    ap.add_argument("work_dir")
    ap.add_argument("--max-seconds", type=int, default=900)
    args = ap.parse_args()
    os.makedirs(args.work_dir, exist_ok=True)
    for name in ("url", "stop"):
        if os.path.exists(os.path.join(args.work_dir, name)):
            os.remove(os.path.join(args.work_dir, name))
    path = os.path.join(args.work_dir, "model-f32.gguf")
    to_gguf.convert(args.model_dir, path, "f32")
    server, port = llama_baseline.start_server(path, 2)
    try:
        with open(os.path.join(args.work_dir, "url.partial"), "w") as f:
            f.write(f"http://127.0.0.1:{port}")
        os.replace(os.path.join(args.work_dir, "url.partial"), os.path.join(args.work_dir, "url"))
        end = time.monotonic() + args.max_seconds
        while not os.path.exists(os.path.join(args.work_dir, "stop")) and time.monotonic() < end:
            if server.poll() is not None:
                raise SystemExit("serve_llama: llama-server died")
            time.sleep(0.2)
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
