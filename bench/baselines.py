#!/usr/bin/env python3
"""PyTorch and ONNX Runtime baselines for inkling-bench, on the same weights.

Reads a Hugging Face GPT-2 directory (config.json + model.safetensors, F32/F16/BF16),
runs the prefill and decode measurements inkling-bench makes, and prints one JSON
object per engine on standard output. Settings are the ones these engines' users get
when they run them well (see ENVIRONMENT.md): OpenBLAS with its own threads and
PyTorch's intra-op pool at 1 (set by the caller through the environment, before
import), matrix-vector products for single-token steps, and for ONNX Runtime a graph
exported from the PyTorch module below with the KV cache as inputs and outputs.
"""
import argparse
import json
import math
import os
import struct
import sys
import tempfile
import time

import numpy as np
import torch

ST_DTYPES = {"F32": np.float32, "F16": np.float16, "BF16": None}


def read_safetensors(path):
    """{name: float32 tensor}; BF16 widened by shifting into the high half."""
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        base = 8 + n
        data = np.memmap(path, dtype=np.uint8, mode="r")
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        a, b = info["data_offsets"]
        raw = data[base + a:base + b]
        if info["dtype"] == "BF16":
            arr = (raw.view(np.uint16).astype(np.uint32) << 16).view(np.float32)
        else:
            arr = raw.view(ST_DTYPES[info["dtype"]]).astype(np.float32)
        out[name] = torch.from_numpy(arr.reshape(info["shape"]).copy())
    return out


class Gpt2(torch.nn.Module):
    """GPT-2 with an explicit KV cache: forward(ids [T], past_k, past_v [L, H, P, hd])
    returns the last position's logits [V] and the caches extended by T positions."""

    def __init__(self, w, cfg):
        super().__init__()
        self.C, self.H, self.L = cfg["n_embd"], cfg["n_head"], cfg["n_layer"]
        pre = "transformer." if "transformer.wte.weight" in w else ""
        p = lambda n: torch.nn.Parameter(w[pre + n], requires_grad=False)
        self.wte, self.wpe = p("wte.weight"), p("wpe.weight")
        self.lnf_w, self.lnf_b = p("ln_f.weight"), p("ln_f.bias")
        names = ["ln_1.weight", "ln_1.bias", "attn.c_attn.weight", "attn.c_attn.bias",
                 "attn.c_proj.weight", "attn.c_proj.bias", "ln_2.weight", "ln_2.bias",
                 "mlp.c_fc.weight", "mlp.c_fc.bias", "mlp.c_proj.weight", "mlp.c_proj.bias"]
        self.layers = torch.nn.ParameterList(
            [p(f"h.{l}.{n}") for l in range(self.L) for n in names])
        self.head = self.wte if "lm_head.weight" not in w else torch.nn.Parameter(
            w["lm_head.weight"], requires_grad=False)

    @staticmethod
    def linear(x, w, b):
        # HF Conv1D weights are [in, out]. One row: addmv (BLAS gemv); OpenBLAS's sgemm
        # with m = 1 is several times slower.
        if x.shape[0] == 1 and not torch.jit.is_tracing() and not torch.onnx.is_in_onnx_export():
            return torch.addmv(b, w.t(), x[0]).unsqueeze(0)
        return torch.addmm(b, x, w)

    def forward(self, ids, past_k, past_v):
        C, H = self.C, self.H
        hd = C // H
        T = ids.shape[0]
        P = past_k.shape[2]
        pos = torch.arange(T) + P
        x = self.wte[ids] + self.wpe[pos]
        # query row t (position P + t) sees key positions 0 .. P + t
        mask = torch.arange(P + T).unsqueeze(0) <= pos.unsqueeze(1)
        ks, vs = [], []
        for l in range(self.L):
            (ln1w, ln1b, aw, ab, pw, pb, ln2w, ln2b, fw, fb, mw, mb) = self.layers[12 * l:12 * l + 12]
            a = torch.nn.functional.layer_norm(x, (C,), ln1w, ln1b, 1e-5)
            q, k, v = self.linear(a, aw, ab).split(C, dim=1)
            q, k, v = (t.view(T, H, hd).transpose(0, 1) for t in (q, k, v))
            k = torch.cat([past_k[l], k], dim=1)
            v = torch.cat([past_v[l], v], dim=1)
            ks.append(k)
            vs.append(v)
            y = torch.nn.functional.scaled_dot_product_attention(
                q.unsqueeze(0), k.unsqueeze(0), v.unsqueeze(0), attn_mask=mask)[0]
            x = x + self.linear(y.transpose(0, 1).reshape(T, C), pw, pb)
            m = torch.nn.functional.layer_norm(x, (C,), ln2w, ln2b, 1e-5)
            m = torch.nn.functional.gelu(self.linear(m, fw, fb), approximate="tanh")
            x = x + self.linear(m, mw, mb)
        x = torch.nn.functional.layer_norm(x[-1:], (C,), self.lnf_w, self.lnf_b, 1e-5)
        if torch.onnx.is_in_onnx_export():
            # ONNX Runtime runs MatMul([V, C], [C]) as V separate dot products (about
            # 400 ms per token for the embedded model); [1, C] x [C, V] is its fast,
            # pre-packed GEMM, which is what an ONNX Runtime user would export.
            return torch.matmul(x, self.head.t())[0], torch.stack(ks), torch.stack(vs)
        return torch.mv(self.head, x[0]), torch.stack(ks), torch.stack(vs)


def measure(step, empty, tokens, prompt_lens, contexts, steps, repeats, n_ctx):
    """Best-of-repeats tokens/s: prefill of each prompt length from an empty cache,
    decode of `steps` single tokens after a context of each length."""
    res = {"prefill": {}, "decode": {}}
    for n in prompt_lens:
        best = 0.0
        for _ in range(repeats):
            t0 = time.perf_counter()
            step(tokens[:n], *empty())
            best = max(best, n / (time.perf_counter() - t0))
        res["prefill"][str(n)] = best
    for c_label in contexts:
        best = 0.0
        c = min(c_label, n_ctx - steps)  # as inkling-bench: stay inside the window
        for _ in range(repeats):
            _, k, v = step(tokens[:c], *empty())
            t0 = time.perf_counter()
            for i in range(steps):
                _, k, v = step(tokens[c + i:c + i + 1], k, v)
            best = max(best, steps / (time.perf_counter() - t0))
        res["decode"][str(c_label)] = best
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model-dir", required=True)
    ap.add_argument("--engines", default="torch,onnx")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--prompt-lens", default="128,512")
    ap.add_argument("--contexts", default="64,512,1000")
    ap.add_argument("--steps", type=int, default=32)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--tokens", required=True, help="comma-separated token ids")
    args = ap.parse_args()

    cfg = json.load(open(os.path.join(args.model_dir, "config.json")))
    w = read_safetensors(os.path.join(args.model_dir, "model.safetensors"))
    model = Gpt2(w, cfg).eval()
    L, H, hd = cfg["n_layer"], cfg["n_head"], cfg["n_embd"] // cfg["n_head"]
    tokens = torch.tensor([int(t) for t in args.tokens.split(",")], dtype=torch.long)
    prompt_lens = [int(x) for x in args.prompt_lens.split(",")]
    contexts = [int(x) for x in args.contexts.split(",")]
    empty_t = lambda: (torch.zeros(L, H, 0, hd), torch.zeros(L, H, 0, hd))

    for engine in args.engines.split(","):
        t0 = time.perf_counter()
        if engine == "torch":
            def step(ids, k, v):
                with torch.inference_mode():
                    return model(ids, k, v)
            empty = empty_t
            setup = "PyTorch %s, OpenBLAS %s threads, torch intra-op 1" % (
                torch.__version__, os.environ.get("OPENBLAS_NUM_THREADS", "?"))
        elif engine == "onnx":
            import onnxruntime as ort
            path = os.path.join(tempfile.mkdtemp(), "gpt2.onnx")
            with torch.no_grad():
                torch.onnx.export(model, (tokens[:3], *[torch.zeros(L, H, 2, hd)] * 2), path,
                                  input_names=["ids", "past_k", "past_v"],
                                  output_names=["logits", "k", "v"],
                                  dynamic_axes={"ids": {0: "T"}, "past_k": {2: "P"},
                                                "past_v": {2: "P"}, "k": {2: "PT"}, "v": {2: "PT"}},
                                  opset_version=17, dynamo=False)
            so = ort.SessionOptions()
            so.intra_op_num_threads = args.threads
            so.inter_op_num_threads = 1
            so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
            sess = ort.InferenceSession(path, so, providers=["CPUExecutionProvider"])

            def step(ids, k, v):
                return sess.run(None, {"ids": ids.numpy() if hasattr(ids, "numpy") else ids,
                                       "past_k": k, "past_v": v})
            empty = lambda: (np.zeros((L, H, 0, hd), np.float32),) * 2
            setup = "ONNX Runtime %s, %d intra-op threads" % (ort.__version__, args.threads)
        else:
            raise SystemExit("unknown engine " + engine)
        _, k, v = step(tokens[:65], *empty())  # warm-up, as inkling-bench does
        step(tokens[65:66], k, v)
        ready = time.perf_counter() - t0
        res = measure(step, empty, tokens, prompt_lens, contexts, args.steps, args.repeats,
                      cfg["n_positions"])
        # Same first logits as a check that both run the same model.
        first = step(tokens[:8], *empty())[0]
        first = first.numpy() if hasattr(first, "numpy") else first
        res.update({"engine": engine, "setup": setup, "setup_s": ready,
                    "argmax_after_8": int(np.argmax(first))})
        print(json.dumps(res), flush=True)


if __name__ == "__main__":
    main()
