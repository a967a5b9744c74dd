#!/usr/bin/env python3
"""llama.cpp baseline for inkling-bench, run in the benchmark's Debian unstable root
(./inkling.sh bench makes it; env/bench-packages.txt).

Converts one GPT-2 directory to GGUF (f32, bf16, q8_0; bench/to_gguf.py, cached beside
the results), measures each with llama-bench as inkling-bench measures Inkling (prefill
of 128 and 512 tokens from an empty cache; decode of STEPS tokens after a context of 64,
512 and 1000, started earlier where the steps would run past the window), and with
--greedy asks llama-server for GREEDY_PROMPT's token ids and its greedy continuation on
the f32 file. Prints one JSON object, which inkling-bench reads.
"""
import argparse
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import to_gguf  # noqa: E402  (beside this script)


# The prompt of the CLI's documented example (docs/cli.md): the embedded model continues
# it with a sentence and a paragraph of dialogue, tokens far from any near tie.
GREEDY_PROMPT = "The old man looked out of the window and"


def log(*args):
    print("llama_baseline:", *args, file=sys.stderr, flush=True)


def gguf_file(model_dir, out_dir, type_name):
    """The model as GGUF of this type, converted again when the weights or the converter
    are newer than the file."""
    path = os.path.join(out_dir, f"model-{type_name}.gguf")
    sources = [os.path.join(model_dir, "model.safetensors"), to_gguf.__file__]
    if not os.path.exists(path) or os.path.getmtime(path) < max(map(os.path.getmtime, sources)):
        log(f"converting {model_dir} to {path}")
        to_gguf.convert(model_dir, path, type_name)
    return path


def llama_bench(path, threads, repeats, args):
    """llama-bench's JSON records; the best sample of each, as inkling-bench reports its
    best repetition."""
    cmd = ["llama-bench", "-m", path, "-t", str(threads), "-r", str(repeats), "-o", "json"] + args
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def measure(path, threads, repeats, steps, n_ctx, prompt_lens, contexts):
    res = {"prefill": {}, "decode": {}}
    # Other processes on the same cores slow every engine whose threads spin at
    # barriers (llama.cpp's and libgomp's); the load average goes with the figures.
    load = os.getloadavg()[0]
    records = llama_bench(path, threads, repeats,
                          ["-p", ",".join(map(str, prompt_lens)), "-n", "0"])
    for r in records:
        res["prefill"][str(r["n_prompt"])] = max(r["samples_ts"])
    # Decode after a context: llama-bench fills the cache with n_depth tokens first.
    depth = {c: min(c, n_ctx - steps) for c in contexts}
    records = llama_bench(path, threads, repeats,
                          ["-p", "0", "-n", str(steps), "-d", ",".join(str(depth[c]) for c in contexts)])
    by_depth = {r["n_depth"]: max(r["samples_ts"]) for r in records}
    for c in contexts:
        res["decode"][str(c)] = by_depth[depth[c]]
    first = records[0]
    res["setup"] = "llama.cpp %s (%s), %s, %s, load average %.1f at the start" % (
        first.get("build_number", "?"), first.get("build_commit", "?"),
        first.get("backends", "?"), first.get("cpu_info", "?"), load)
    return res


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def post(port, endpoint, body):
    req = urllib.request.Request(f"http://127.0.0.1:{port}/{endpoint}",
                                 data=json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.loads(r.read())


def start_server(path, threads):
    """llama-server on GGUF file `path`, on a free loopback port, once /health answers:
    (the process, its port). The caller terminates it."""
    port = free_port()
    server = subprocess.Popen(["llama-server", "-m", path, "-t", str(threads), "--host", "127.0.0.1",
                               "--port", str(port), "-c", "1024", "-np", "1"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as r:
                if r.status == 200:
                    return server, port
        except OSError:
            pass
        if server.poll() is not None or time.monotonic() > deadline:
            server.terminate()
            server.wait(timeout=30)
            raise SystemExit("llama-server did not start")
        time.sleep(0.2)


def greedy(path, prompt, n_tokens, threads):
    """llama.cpp's own tokenisation of the prompt and greedy continuation (temperature 0:
    the argmax at every step), from llama-server on a loopback port it alone uses."""
    server, port = start_server(path, threads)
    try:
        prompt_ids = post(port, "tokenize", {"content": prompt, "add_special": False})["tokens"]
        reply = post(port, "completion", {"prompt": prompt_ids, "n_predict": n_tokens,
                                          "temperature": 0, "top_k": 1, "cache_prompt": False,
                                          "return_tokens": True})
        return {"prompt": prompt, "prompt_ids": prompt_ids, "ids": reply["tokens"]}
    finally:
        server.terminate()
        server.wait(timeout=30)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model-dir", required=True)
    ap.add_argument("--out-dir", required=True, help="where the GGUF files are kept")
    ap.add_argument("--types", default="f32,bf16,q8_0")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--steps", type=int, default=32)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--prompt-lens", default="128,512")
    ap.add_argument("--contexts", default="64,512,1000")
    ap.add_argument("--greedy", action="store_true",
                    help="also llama.cpp's greedy continuation of GREEDY_PROMPT (f32)")
    ap.add_argument("--greedy-tokens", type=int, default=32)
    args = ap.parse_args()

    os.makedirs(args.out_dir, exist_ok=True)
    with open(os.path.join(args.model_dir, "config.json"), encoding="utf-8") as f:
        n_ctx = json.load(f)["n_positions"]
    result = {"engine": "llama.cpp", "threads": args.threads, "types": {}}
    for t in args.types.split(","):
        path = gguf_file(args.model_dir, args.out_dir, t)
        log(f"llama-bench {path}")
        r = measure(path, args.threads, args.repeats, args.steps, n_ctx,
                    [int(x) for x in args.prompt_lens.split(",")],
                    [int(x) for x in args.contexts.split(",")])
        r["file_mb"] = os.path.getsize(path) / 1e6
        result["types"][t] = r
    if args.greedy:
        log("greedy continuation from llama-server")
        result["greedy"] = greedy(gguf_file(args.model_dir, args.out_dir, "f32"),
                                  GREEDY_PROMPT, args.greedy_tokens, args.threads)
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
