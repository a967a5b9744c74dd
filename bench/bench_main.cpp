// inkling-bench: load time, peak memory, prefill and decode speed of the engine per
// precision, against PyTorch and ONNX Runtime on the same weights in the same run
// (bench/baselines.py), against llama.cpp (bench/llama_baseline.py, run just before by
// ./inkling.sh bench), and against the decode ceiling the memory bandwidth allows.
#include "bench/llama_baseline.h"
#include "bench/random_checkpoint.h"
#include "bench/tab_latency.h"
#include "bench/typing_latency.h"

#include "engine/generation/document_cache.h"
#include "engine/generation/suggestion_policy.h"
#include "engine/kernels/cpu_threads.h"
#include "engine/kernels/row_product.h"
#include "engine/kernels/target_clones.h"
#include "engine/model/gpt2_config.h"
#include "engine/model/gpt2_model.h"
#include "engine/model/gpt2_session.h"
#include "engine/model/gpt2_weights.h"
#include "engine/model/json.h"
#include "engine/model/language_model.h"

#include <QApplication>
#include <QLoggingCategory>

#include <omp.h>
#include <oneapi/dnnl/dnnl.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace inkling;
namespace fs = std::filesystem;

namespace {

const char *const kUsage = R"(Usage: inkling-bench [OPTIONS]

Measures the engine per precision against PyTorch, ONNX Runtime and llama.cpp (same
weights, same threads, same run) and against the memory-bandwidth limit; prints Markdown
tables.

  --models LIST      tiny,124m (default both): the embedded model and a GPT-2
                     124M-shaped model with deterministic random weights; none for
                     only the --shapes
  --shapes LIST      355m,1.5b: also GPT-2 355M- and 1.5B-shaped random models (written
                     once under --work-dir, 1.4 and 6.2 GB), measured at --large-precisions
                     without baselines: load, peak RSS, prefill 128, decode at context 64
                     and 1000, typing latency with KV-cache reuse (at most 200 characters)
  --large            --shapes 355m,1.5b
  --large-precisions LIST  precisions for --shapes (default auto: what the app picks)
  --any-kernel       run bf16 and s8 even where oneDNN has no fast or exact kernel for
                     them (AVX2 has no bf16 kernel; s8 before AVX2 saturates): memory figures
                     only, the speeds and logits are not what a user gets
  --precisions LIST  f32,bf16,s8 (default all; unavailable ones fall back, and say so)
  --baselines LIST   torch,onnx,llama (default all) or none. llama: the figures that
                     ./inkling.sh bench measured with llama.cpp just before starting this
                     program (WORK-DIR/llama/MODEL.json), and its greedy check
  --print-model-dirs write the models' checkpoints, print "MODEL<TAB>DIR" for each, exit
  --threads N        threads for every engine (default: OpenMP's default)
  --steps N          decode steps per measurement (default 32)
  --repeats N        repetitions; the best is reported (default 3)
  --typing-chars N   characters typed in the typing-latency replay (default 600; 0 skips it)
  --tab-accepts N    Tabs pressed in the Tab-to-next-suggestion replay (default 30; 0 skips it)
  --speed-only       only the speed tables (no typing or Tab replay)
  --typing-only      only the typing-latency and Tab tables
  --quick            --steps 8 --repeats 1 --typing-chars 200
  --work-dir DIR     where the random checkpoint is written (default build/bench-models)

Every model and precision is measured in a child process of its own (this program with
--measure DIR PRECISION), so that each peak RSS is that model's alone.
)";

using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point t0)
{
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

// What is measured per model: the large shapes skip the longer prompt and the middle
// context (a 1.5B f32 prefill of 512 tokens takes a minute on two cores).
struct Lengths
{
    std::vector<int> promptLens = {128, 512};
    std::vector<int> contexts = {64, 512, 1000};
};
struct Options
{
    std::vector<std::string> models = {"tiny", "124m"};
    std::vector<std::string> precisions = {"f32", "bf16", "s8"};
    std::vector<std::string> baselines = {"torch", "onnx", "llama"};
    int threads = 0, steps = 32, repeats = 3, typingChars = 600, tabAccepts = 30;
    std::vector<std::string> shapes; // the large models: 355m, 1.5b
    std::vector<std::string> largePrecisions = {"auto"};
    bool speed = true, printModelDirs = false;
    std::string workDir = "build/bench-models";
    // The child process of measureAlone: one model directory at one precision.
    std::string measureDir, measurePrecision;
    bool oneDnnOnly = false, anyKernel = false;
    Lengths lengths;
};

std::vector<std::string> split(const std::string &s)
{
    std::vector<std::string> out;
    std::stringstream in(s);
    for (std::string item; std::getline(in, item, ',');)
        if (!item.empty() && item != "none")
            out.push_back(item);
    return out;
}

// The figures measured for one engine and precision on one model.
struct Figures
{
    std::string engine, precision, note, kernel;
    double loadS = 0;
    // Measured in a process of its own (see measureAlone): the peak over load, prefill and
    // decode, and the resident set right after loading.
    double peakRssMb = 0, loadedRssMb = 0;
    double matrixBytes = 0, weightBytes = 0;
    std::map<int, double> prefill, decode; // prompt length / context → tokens/s
};

const Lengths kLargeLengths = {{128}, {64, 1000}};

// The shape of a large GPT-2 (Radford et al. 2019, table 2) by its name, if it is one.
std::optional<Gpt2Config> largeShape(const std::string &name)
{
    Gpt2Config c;
    if (name == "355m")
        c.nEmbd = 1024, c.nLayer = 24, c.nHead = 16;
    else if (name == "774m")
        c.nEmbd = 1280, c.nLayer = 36, c.nHead = 20;
    else if (name == "1.5b")
        c.nEmbd = 1600, c.nLayer = 48, c.nHead = 25;
    else
        return std::nullopt;
    return c;
}

std::vector<int> benchTokens(int vocab)
{
    std::vector<int> t(1100);
    for (size_t i = 0; i < t.size(); ++i)
        t[i] = int((i * 7919 + 13) % size_t(std::min(vocab, 50000)));
    return t;
}

// A /proc/self/status figure in MB: VmHWM (peak resident set) or VmRSS (resident now).
double statusMb(const std::string &key)
{
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind(key + ":", 0) == 0)
            return std::stod(line.substr(key.size() + 1)) / 1024.0;
    return 0;
}

// STREAM-like triad a = b + s c over arrays far larger than the caches (this VM reports
// a 300 MB L3); bytes counted as STREAM does (two reads and one write per element).
// Best of five, in GB/s.
INKLING_CLONES
void triad(float *__restrict a, const float *__restrict b, const float *__restrict c, size_t n)
{
#pragma omp parallel for simd schedule(static)
    for (size_t i = 0; i < n; ++i)
        a[i] = b[i] + 3.0f * c[i];
}

INKLING_CLONES
float sumOf(const float *__restrict x, size_t n)
{
    float sum = 0;
#pragma omp parallel for simd schedule(static) reduction(+ : sum)
    for (size_t i = 0; i < n; ++i)
        sum += x[i];
    return sum;
}

// How fast a buffer of `bytes` can be read again and again, as a decode step reads the
// weights: from memory when it is larger than the caches, partly from the L3 cache when
// not (a 124M model's s8 weights fit this VM's L3; a laptop's L3 holds 8-32 MB). Best of
// several passes after a first one, in GB/s.
double readBandwidthGBs(size_t bytes)
{
    const size_t n = std::max<size_t>(bytes / sizeof(float), 1024);
    std::vector<float> x(n, 1.0f);
    double best = 0;
    volatile float sink = 0;
    const int passes = std::clamp(int(4e9 / double(bytes)), 4, 64);
    for (int r = 0; r <= passes; ++r) {
        const auto t0 = Clock::now();
        sink = sink + sumOf(x.data(), n);
        if (r > 0)
            best = std::max(best, double(n * sizeof(float)) / secondsSince(t0) / 1e9);
    }
    return best;
}

double triadBandwidthGBs()
{
    const size_t n = size_t(1) << 27; // 3 x 512 MB
    std::vector<float> a(n), b(n, 1.0f), c(n, 2.0f);
    double best = 0;
    for (int r = 0; r < 6; ++r) {
        const auto t0 = Clock::now();
        triad(a.data(), b.data(), c.data(), n);
        if (r > 0) // the first pass pays for page faults
            best = std::max(best, 3.0 * 4.0 * double(n) / secondsSince(t0) / 1e9);
    }
    return best;
}

// Runs in a process of its own (see measureAlone), so that its peak RSS is this model's.
Figures measureInkling(const std::string &dir, Precision precision, const Options &o,
                       const Lengths &lengths, const std::vector<int> &tokens)
{
    Figures f;
    f.engine = "inkling";
    const auto t0 = Clock::now();
    const Gpt2Config config = Gpt2Config::fromJsonFile(dir + "/config.json");
    const KernelProbe probe = o.anyKernel ? [](Precision) { return std::string("any"); }
                                          : KernelProbe(probeMatmulKernel);
    Gpt2Model model(config, Gpt2Weights::load(dir + "/model.safetensors", config), precision, {},
                    probe);
    f.loadS = secondsSince(t0);
    f.loadedRssMb = statusMb("VmRSS");
    f.precision = precisionName(model.precision());
    if (precision == Precision::Auto)
        f.note = std::string("auto picks ") + f.precision;
    else if (model.precision() != precision)
        f.note = std::string(precisionName(precision)) + " has no fast kernel here";
    f.matrixBytes = double(model.matrixBytes());
    f.weightBytes = double(model.weightBytes());
    f.kernel = model.matmulImplementation();

    Gpt2Session session(model);
    const std::span<const int> all(tokens);
    // Warm-up: creates the primitives for full chunks and single rows.
    session.setContext(all.first(size_t(Gpt2Model::kMaxChunk) + 1));
    session.append(tokens[100]);
    for (int n : lengths.promptLens) {
        double best = 0;
        for (int r = 0; r < o.repeats; ++r) {
            session.reset();
            const auto t = Clock::now();
            session.setContext(all.first(size_t(n)));
            best = std::max(best, n / secondsSince(t));
        }
        f.prefill[n] = best;
    }
    for (int c : lengths.contexts) {
        double best = 0;
        // Steps that would run past the window start a little earlier (baselines.py too).
        const int start = std::min(c, config.nCtx - o.steps);
        for (int r = 0; r < o.repeats; ++r) {
            session.setContext(all.first(size_t(start)));
            const auto t = Clock::now();
            for (int i = 0; i < o.steps; ++i)
                session.append(tokens[size_t(start + i)]);
            best = std::max(best, o.steps / secondsSince(t));
        }
        f.decode[c] = best;
    }
    f.peakRssMb = statusMb("VmHWM");
    return f;
}

std::string joined(const std::vector<int> &v)
{
    std::string out;
    for (int x : v)
        out += (out.empty() ? "" : ",") + std::to_string(x);
    return out;
}

std::vector<int> intList(const std::string &s)
{
    std::vector<int> out;
    for (const std::string &item : split(s))
        out.push_back(std::stoi(item));
    return out;
}

// One line of JSON for the parent (the strings are kernel names and notes: no quotes).
void printFigures(const Figures &f)
{
    const auto map = [](const std::map<int, double> &m) {
        std::string out;
        for (const auto &[k, v] : m)
            out += (out.empty() ? "\"" : ",\"") + std::to_string(k) + "\":" + std::to_string(v);
        return "{" + out + "}";
    };
    std::printf("{\"precision\":\"%s\",\"note\":\"%s\",\"kernel\":\"%s\",\"loadS\":%f,"
                "\"peakRssMb\":%f,\"loadedRssMb\":%f,\"matrixBytes\":%f,\"weightBytes\":%f,"
                "\"prefill\":%s,\"decode\":%s}\n",
                f.precision.c_str(), f.note.c_str(), f.kernel.c_str(), f.loadS, f.peakRssMb,
                f.loadedRssMb, f.matrixBytes, f.weightBytes, map(f.prefill).c_str(),
                map(f.decode).c_str());
}

// Measures one model at one precision in a child process (this executable with --measure):
// each model's peak RSS is then its own, not the largest of the run so far (freed memory
// that the allocator keeps, oneDNN's caches and the bandwidth probes' buffers stay
// resident in this process).
Figures measureAlone(const std::string &dir, const std::string &precision, bool oneDnnOnly,
                     const Options &o, int threads, const Lengths &lengths)
{
    // Through the shell, whose /proc/self/exe would be the shell: resolved here.
    const std::string self = fs::read_symlink("/proc/self/exe").string();
    const std::string cmd = "'" + self + "' --measure '" + dir + "' " + precision +
                            (oneDnnOnly ? " --onednn-only" : "") +
                            (o.anyKernel ? " --any-kernel" : "") + " --threads " +
                            std::to_string(threads) + " --steps " + std::to_string(o.steps) +
                            " --repeats " + std::to_string(o.repeats) + " --prompt-lens " +
                            joined(lengths.promptLens) + " --contexts " + joined(lengths.contexts);
    FILE *pipe = popen(cmd.c_str(), "r");
    if (!pipe)
        throw std::runtime_error("cannot start " + cmd);
    std::string out;
    char buf[4096];
    while (std::fgets(buf, sizeof buf, pipe))
        out += buf;
    if (pclose(pipe) != 0)
        throw std::runtime_error("the measurement failed: " + cmd);
    const JsonValue v = JsonValue::parse(out);
    Figures f;
    f.engine = oneDnnOnly ? "inkling (oneDNN only)" : "inkling";
    f.precision = v.find("precision")->toString();
    f.note = v.find("note")->toString();
    f.kernel = v.find("kernel")->toString();
    f.loadS = v.find("loadS")->toNumber();
    f.peakRssMb = v.find("peakRssMb")->toNumber();
    f.loadedRssMb = v.find("loadedRssMb")->toNumber();
    f.matrixBytes = v.find("matrixBytes")->toNumber();
    f.weightBytes = v.find("weightBytes")->toNumber();
    for (const auto &[k, x] : v.find("prefill")->members())
        f.prefill[std::stoi(k)] = x.toNumber();
    for (const auto &[k, x] : v.find("decode")->members())
        f.decode[std::stoi(k)] = x.toNumber();
    return f;
}

std::vector<Figures> runBaselines(const std::string &dir, const Options &o, int threads,
                                  const std::vector<int> &tokens)
{
    std::vector<Figures> out;
    std::string ids, engines;
    for (int t : tokens)
        ids += (ids.empty() ? "" : ",") + std::to_string(t);
    for (const auto &e : o.baselines)
        if (e != "llama") // measured in its own root before this program started
            engines += (engines.empty() ? "" : ",") + e;
    if (engines.empty())
        return out;
    // One of the two thread pools at 1: OpenBLAS does the matrix products with all
    // threads, PyTorch's intra-op (OpenMP) pool stays at 1; ONNX Runtime has its own.
    const std::string log = o.workDir + "/baselines.log";
    // Their own OpenMP waiting (the default), not the passive waiting this process runs with.
    const std::string cmd =
        "env -u OMP_WAIT_POLICY OPENBLAS_NUM_THREADS=" + std::to_string(threads) +
        " OMP_NUM_THREADS=1 python3 " INKLING_BENCH_BASELINES " --model-dir '" + dir +
        "' --engines " + engines + " --threads " + std::to_string(threads) + " --steps " +
        std::to_string(o.steps) + " --repeats " + std::to_string(o.repeats) + " --tokens " + ids +
        " 2>>'" + log + "'";
    FILE *pipe = popen(cmd.c_str(), "r");
    if (!pipe)
        return out;
    char buf[8192];
    while (std::fgets(buf, sizeof buf, pipe)) {
        try {
            const JsonValue v = JsonValue::parse(buf);
            Figures f;
            f.engine = v.find("engine")->toString() == "torch" ? "pytorch" : "onnxruntime";
            f.precision = "f32";
            f.note = v.find("setup")->toString();
            for (const auto &[k, x] : v.find("prefill")->members())
                f.prefill[std::stoi(k)] = x.toNumber();
            for (const auto &[k, x] : v.find("decode")->members())
                f.decode[std::stoi(k)] = x.toNumber();
            out.push_back(f);
        } catch (const std::exception &) {
            // not a result line
        }
    }
    if (pclose(pipe) != 0)
        std::printf("(a baseline failed; see %s)\n", log.c_str());
    return out;
}

// llama.cpp's figures for one model from ./inkling.sh bench's run of
// bench/llama_baseline.py, and the greedy check's result when that run made one.
std::vector<Figures> llamaBaselines(const std::string &model, const std::string &dir,
                                    const Options &o, int threads, std::string *greedy)
{
    std::vector<Figures> out;
    if (std::find(o.baselines.begin(), o.baselines.end(), "llama") == o.baselines.end())
        return out;
    const std::string path = o.workDir + "/llama/" + bench::llamaResultKey(model) + ".json";
    const auto run = bench::readLlamaRun(path);
    if (!run) {
        *greedy = "no llama.cpp figures (" + path +
                  "): ./inkling.sh bench measures them in Debian unstable's root first";
        return out;
    }
    for (const auto &t : run->types) {
        Figures f;
        f.engine = "llama.cpp";
        f.precision = t.name;
        char mb[32];
        std::snprintf(mb, sizeof mb, "%.0f", t.fileMb);
        f.note = t.setup + ", " + std::to_string(run->threads) + " threads, GGUF " + mb + " MB";
        if (run->threads != threads)
            f.note += " (NOT this run's thread count)";
        f.prefill = t.prefill;
        f.decode = t.decode;
        out.push_back(f);
    }
    if (!run->ids.empty()) {
        const fs::path cli = fs::read_symlink("/proc/self/exe").parent_path() / "inkling-cli";
        *greedy = bench::greedyCheck(*run, cli.string(), dir);
    }
    return out;
}

// Which of Inkling's precisions a baseline's row compares with: every one for PyTorch
// and ONNX Runtime (f32 only), the same format for llama.cpp (s8 with q8_0: both 8-bit
// weights with a scale per block or row).
bool comparable(const Figures &ours, const Figures &baseline)
{
    if (baseline.engine != "llama.cpp")
        return true;
    return ours.precision == baseline.precision ||
           (ours.precision == "s8" && baseline.precision == "q8_0");
}

std::string cpuName()
{
    std::ifstream info("/proc/cpuinfo");
    for (std::string line; std::getline(info, line);)
        if (line.rfind("model name", 0) == 0)
            return line.substr(line.find(':') + 2);
    return "unknown CPU";
}

// A table cell: tokens/s, or empty where the engine did not measure that length.
std::string cell(const std::map<int, double> &m, int key)
{
    const auto it = m.find(key);
    if (it == m.end())
        return "";
    char text[32]; // a decimal below 10 tokens/s, where the large shapes decode
    std::snprintf(text, sizeof text, it->second < 10 ? "%.1f" : "%.0f", it->second);
    return text;
}

void printModel(const std::string &name, const Gpt2Config &c, const Lengths &lengths,
                const std::vector<Figures> &ours, const std::vector<Figures> &baselines,
                const std::vector<double> &readGBs, const std::string &greedy)
{
    std::printf("\n### %s (%d layers x %d, %.1fM parameters)\n\n", name.c_str(), c.nLayer, c.nEmbd,
                c.parameterCount() / 1e6);
    std::string header = "| engine | precision | load s | peak RSS MB | RSS loaded MB |";
    for (int n : lengths.promptLens)
        header += " prefill " + std::to_string(n) + " |";
    for (int x : lengths.contexts)
        header += " decode @" + std::to_string(x) + " |";
    header += " ceiling | % of ceiling |";
    std::printf("%s\n|", header.c_str());
    for (size_t i = 0; i < 7 + lengths.promptLens.size() + lengths.contexts.size(); ++i)
        std::printf("---|");
    std::printf("\n");
    const auto row = [&](const Figures &f, const std::string &ceiling, const std::string &pct) {
        std::string line = "| " + f.engine + " | " + f.precision + " | " +
                           (f.loadS > 0 ? std::to_string(f.loadS).substr(0, 4) : "") + " | " +
                           (f.peakRssMb > 0 ? std::to_string(int(f.peakRssMb)) : "") + " | " +
                           (f.loadedRssMb > 0 ? std::to_string(int(f.loadedRssMb)) : "") + " |";
        for (int n : lengths.promptLens)
            line += " " + cell(f.prefill, n) + " |";
        for (int x : lengths.contexts)
            line += " " + cell(f.decode, x) + " |";
        std::printf("%s %s | %s |\n", line.c_str(), ceiling.c_str(), pct.c_str());
    };
    const int firstContext = lengths.contexts.front();
    for (size_t i = 0; i < ours.size(); ++i) {
        const double ceiling = readGBs[i] * 1e9 / ours[i].matrixBytes;
        char c1[32], c2[32];
        std::snprintf(c1, sizeof c1, "%.0f", ceiling);
        std::snprintf(c2, sizeof c2, "%.0f %%", 100.0 * ours[i].decode.at(firstContext) / ceiling);
        row(ours[i], c1, c2);
    }
    for (const Figures &b : baselines)
        row(b, "", "");
    std::printf("\n");
    for (size_t i = 0; i < ours.size(); ++i)
        std::printf("- %s %s: matmul kernel `%s`, %.0f MB of matrices per token, read at "
                    "%.1f GB/s; %.0f MB of weights held%s%s\n",
                    ours[i].engine.c_str(), ours[i].precision.c_str(), ours[i].kernel.c_str(),
                    ours[i].matrixBytes / 1e6, readGBs[i], ours[i].weightBytes / 1e6,
                    ours[i].note.empty() ? "" : "; ", ours[i].note.c_str());
    for (const Figures &b : baselines)
        std::printf("- %s%s%s: %s\n", b.engine.c_str(), b.engine == "llama.cpp" ? " " : "",
                    b.engine == "llama.cpp" ? b.precision.c_str() : "", b.note.c_str());
    if (!greedy.empty())
        std::printf("- greedy check, llama.cpp f32 against `inkling-cli complete --greedy "
                    "--precision f32`: %s\n",
                    greedy.c_str());
    if (baselines.empty())
        return;
    std::printf("\nRatios (inkling / baseline; > 1 means faster):\n\n"
                "| inkling | vs | prefill 128 | prefill 512 | decode @64 | decode @512 | "
                "decode @1000 |\n|---|---|---|---|---|---|---|\n");
    for (const Figures &f : ours)
        for (const Figures &b : baselines)
            if (comparable(f, b))
                std::printf(
                    "| %s%s | %s%s%s | %.2f | %.2f | %.2f | %.2f | %.2f |\n", f.precision.c_str(),
                    f.engine == "inkling" ? "" : f.engine.substr(7).c_str(), b.engine.c_str(),
                    b.engine == "llama.cpp" ? " " : "",
                    b.engine == "llama.cpp" ? b.precision.c_str() : "",
                    f.prefill.at(128) / b.prefill.at(128), f.prefill.at(512) / b.prefill.at(512),
                    f.decode.at(64) / b.decode.at(64), f.decode.at(512) / b.decode.at(512),
                    f.decode.at(1000) / b.decode.at(1000));
    // The issue's targets compare each engine at its best, whatever the format.
    const auto best = [](const std::vector<Figures> &rows, bool llama, auto figure) {
        double b = 0;
        for (const Figures &f : rows)
            if ((f.engine == "llama.cpp") == llama)
                b = std::max(b, figure(f));
        return b;
    };
    if (best(baselines, true, [](const Figures &f) { return f.prefill.at(128); }) > 0) {
        std::printf("| best | llama.cpp best");
        for (const auto &figure : std::vector<std::function<double(const Figures &)>>{
                 [](const Figures &f) { return f.prefill.at(128); },
                 [](const Figures &f) { return f.prefill.at(512); },
                 [](const Figures &f) { return f.decode.at(64); },
                 [](const Figures &f) { return f.decode.at(512); },
                 [](const Figures &f) {
                     return f.decode.at(1000);
                 }})
            std::printf(" | %.2f", best(ours, false, figure) / best(baselines, true, figure));
        std::printf(" |\n");
    }
}

// What the typist types: the opening of Pride and Prejudice (Jane Austen, 1813; public
// domain), prose with dialogue as people write it.
const char *const kTypedText =
    "It is a truth universally acknowledged, that a single man in possession of a good "
    "fortune, must be in want of a wife.\n\nHowever little known the feelings or views of "
    "such a man may be on his first entering a neighbourhood, this truth is so well fixed in "
    "the minds of the surrounding families, that he is considered the rightful property of "
    "some one or other of their daughters.\n\n\"My dear Mr. Bennet,\" said his lady to him "
    "one day, \"have you heard that Netherfield Park is let at last?\"\n\nMr. Bennet replied "
    "that he had not.\n\n\"But it is,\" returned she; \"for Mrs. Long has just been here, and "
    "she told me all about it.\"\n\nMr. Bennet made no answer.\n\n\"Do you not want to know "
    "who has taken it?\" cried his wife impatiently.\n\n\"You want to tell me, and I have no "
    "objection to hearing it.\"\n\nThis was invitation enough.\n";

// A model of the run: its labels, its directory, and whether it is one of the large
// shapes (measured at --large-precisions, briefer).
struct BenchModel
{
    std::string name; // as given to --models or --shapes
    std::string label, typingLabel, dir;
    bool large = false;
};

// Characters a large shape types: without reuse, or for long, a 1.5B f32 replay on two
// cores would take most of an hour.
constexpr int kLargeTypingChars = 200;

// Keystroke → suggestion through the real CompletionService, with the app's default
// settings in word mode, with and without reuse of the previous request's KV cache (the
// large shapes with reuse only, as the app runs).
void printTyping(const std::vector<BenchModel> &models, const Options &o)
{
    const SuggestionPolicy defaults;
    std::printf("\n### Typing latency\n\nThe real CompletionService, fed the opening of "
                "Pride and Prejudice (%d characters; the large shapes %d) "
                "one keystroke at a time (word mode, the app's default settings: a request "
                "where its trigger rule allows, token healing, suggestions below its "
                "confidence threshold not shown); a keystroke that continues the shown "
                "suggestion needs no request. Milliseconds from the request "
                "to the first suggestion character and to the complete suggestion; in the app "
                "a keystroke's request waits for the debounce (%d ms after the last key) "
                "first. The document's own words (DocumentCache) are on as in the app, and off "
                "in a row of their own.\n\n| model | precision | KV-cache reuse | document cache "
                "| requests | first char p50 | first char p95 | complete p50 | complete p95 | "
                "prompt tokens reused |\n|---|---|---|---|---|---|---|---|---|---|\n",
                o.typingChars, std::min(o.typingChars, kLargeTypingChars), defaults.debounceMs);
    std::fflush(stdout);
    for (const BenchModel &m : models) {
        const QString text =
            QString::fromUtf8(kTypedText)
                .left(m.large ? std::min(o.typingChars, kLargeTypingChars) : o.typingChars);
        const std::string &label = m.typingLabel;
        for (const std::string &p : m.large ? o.largePrecisions : o.precisions) {
            CompletionService service;
            service.setPrecision(*precisionFromName(p));
            QString precision = QString::fromStdString(p);
            QString error;
            QObject::connect(&service, &CompletionService::modelLoaded, &service,
                             [&](const LoadedModelInfo &info) { precision = info.precision; });
            QObject::connect(&service, &CompletionService::modelFailed, &service,
                             [&](const QString &, const QString &message) { error = message; });
            service.loadModel(QString::fromStdString(m.dir));
            if (!error.isEmpty())
                throw std::runtime_error(error.toStdString());
            for (const auto &[reuse, cache] :
                 {std::pair{true, true}, std::pair{true, false}, std::pair{false, true}}) {
                if (m.large && !(reuse && cache))
                    continue;
                service.setPrefixReuse(reuse);
                SuggestionPolicy policy = defaults;
                policy.documentCache = cache;
                const bench::TypingFigures f =
                    bench::replayTyping(service, text, policy, CompletionMode::Word);
                std::printf("| %s | %s | %s | %s | %d | %.1f | %.1f | %.1f | %.1f | %.0f %% |\n",
                            label.c_str(), qPrintable(precision), reuse ? "yes" : "no",
                            cache ? "on" : "off", f.requests, bench::quantile(f.firstMs, 0.5),
                            bench::quantile(f.firstMs, 0.95), bench::quantile(f.completeMs, 0.5),
                            bench::quantile(f.completeMs, 0.95), 100.0 * f.reusedFraction);
                std::fflush(stdout);
            }
        }
    }
}

// What keeping the document's own words costs on a long document: building the cache of
// a 300 KB document once, and updating it after a one-character edit in a paragraph
// somewhere in it (what every request after an edit does).
void printDocumentCache()
{
    const std::string dir = defaultModelDirectory();
    const Tokenizer tokenizer = Tokenizer::load(dir + "/vocab.json", dir + "/merges.txt");
    // The opening again and again, every line of every copy made its own (a repeated line
    // would be tokenized once).
    std::string document;
    for (int copy = 1; document.size() < 300 * 1024; ++copy) {
        std::istringstream lines{std::string(kTypedText)};
        for (std::string line; std::getline(lines, line);)
            document += line + " (" + std::to_string(copy) + ")\n";
    }
    using Clock = std::chrono::steady_clock;
    const auto ms = [](Clock::time_point since) {
        return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
    };
    DocumentCache cache;
    auto start = Clock::now();
    cache.update(tokenizer, document);
    const double buildMs = ms(start);
    std::vector<double> editMs;
    std::mt19937 rng(7);
    for (int edit = 0; edit < 200; ++edit) {
        const size_t at = rng() % document.size();
        if (edit % 2 == 0)
            document.insert(at, 1, 'x');
        else
            document.erase(at, 1);
        start = Clock::now();
        cache.update(tokenizer, document);
        editMs.push_back(ms(start));
    }
    std::printf("\n### The document's own words on a long document\n\nDocumentCache on a %zu KB "
                "document (%zu lines, %zu tokens): built once in %.1f ms; after a one-character "
                "edit somewhere in it, updated in %.3f ms p50, %.3f ms p95 (200 edits).\n",
                document.size() / 1024, cache.lineCount(), cache.tokenCount(), buildMs,
                bench::quantile(editMs, 0.5), bench::quantile(editMs, 0.95));
    std::fflush(stdout);
}

// What a writer who takes suggestion after suggestion with Tab waits for the next one:
// the app's controller and engine thread, with the one computed ahead and without (then
// the next is asked for after the debounce), at the precision the app picks.
void printTab(const std::vector<BenchModel> &models, const Options &o, int threads)
{
    constexpr int kReadMs = 1000; // the writer reads a suggestion before taking it
    const SuggestionPolicy defaults;
    std::printf(
        "\n### Tab to the next suggestion\n\nThe app's SuggestionController and "
        "engine thread on an editor holding the opening of Pride and Prejudice, default "
        "settings in the prose mode (%s) and in word mode: a suggestion is shown, the writer "
        "reads it for %d ms and presses Tab, %d times. Milliseconds from Tab to the next "
        "suggestion's ghost text in the editor; without the next suggestion computed "
        "ahead it is asked for after the debounce (%d ms). Where none comes (its first "
        "word below the confidence gate), the writer asks with Ctrl+Space, unmeasured, and "
        "an asked-for suggestion below the gate has none computed ahead.\n\n"
        "| model | precision | mode | computed ahead | Tabs | no next suggestion | "
        "next p50 | next p95 | p50 without ahead / with |\n"
        "|---|---|---|---|---|---|---|---|---|\n",
        modeName(defaults.proseMode), kReadMs, o.tabAccepts, defaults.debounceMs);
    std::fflush(stdout);
    const QString opening = QString::fromUtf8(kTypedText).left(300);
    for (const BenchModel &m : models) {
        for (const CompletionMode mode : {defaults.proseMode, CompletionMode::Word}) {
            double withAhead = 0;
            for (const bool ahead : {true, false}) {
                const bench::TabFigures f =
                    bench::replayAccepting(QString::fromStdString(m.dir), Precision::Auto, threads,
                                           opening, mode, o.tabAccepts, ahead, kReadMs);
                const double p50 = bench::quantile(f.nextMs, 0.5);
                if (ahead)
                    withAhead = p50;
                char ratio[32] = "";
                if (!ahead && withAhead > 0)
                    std::snprintf(ratio, sizeof ratio, "%.0fx", p50 / withAhead);
                std::printf("| %s | %s | %s | %s | %d | %d | %.1f | %.1f | %s |\n",
                            m.typingLabel.c_str(), qPrintable(f.precision), modeName(mode),
                            ahead ? "yes" : "no", f.accepts, f.without, p50,
                            bench::quantile(f.nextMs, 0.95), ratio);
                std::fflush(stdout);
            }
        }
    }
}

// The child of measureAlone: measures, prints one JSON line, exits.
int measureChild(const Options &o)
{
    try {
        const auto precision = precisionFromName(o.measurePrecision);
        if (!precision)
            throw std::runtime_error("unknown precision " + o.measurePrecision);
        const Gpt2Config config = Gpt2Config::fromJsonFile(o.measureDir + "/config.json");
        setRowKernelsEnabled(!o.oneDnnOnly);
        printFigures(
            measureInkling(o.measureDir, *precision, o, o.lengths, benchTokens(config.nVocab)));
        return 0;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "inkling-bench --measure: error: %s\n", e.what());
        return 1;
    }
}

// Resolves a --models or --shapes name to a directory, writing a random checkpoint the
// first time (later runs find it under --work-dir).
BenchModel benchModel(const std::string &name, bool large, const Options &o)
{
    BenchModel m;
    m.name = name;
    m.large = large;
    if (large) {
        const std::optional<Gpt2Config> shape = largeShape(name);
        if (!shape)
            throw std::runtime_error("unknown shape " + name + " (355m, 774m or 1.5b)");
        m.dir = o.workDir + "/gpt2-" + name + "-random";
        const auto t0 = Clock::now();
        bench::writeRandomCheckpoint(m.dir, *shape, uint64_t(shape->nLayer),
                                     INKLING_SOURCE_MODEL_DIR);
        if (secondsSince(t0) > 2)
            std::printf("\n(wrote %s in %.0f s)\n", m.dir.c_str(), secondsSince(t0));
        m.label = "GPT-2 " + name + "-shaped, random weights";
        m.typingLabel = name + "-shaped";
    } else if (name == "tiny") {
        m.dir = INKLING_SOURCE_MODEL_DIR;
        m.label = "inkling-tiny (embedded)";
        m.typingLabel = "inkling-tiny";
    } else if (name == "124m") {
        m.dir = o.workDir + "/gpt2-124m-random";
        bench::writeRandomCheckpoint(m.dir, Gpt2Config{}, 124, INKLING_SOURCE_MODEL_DIR);
        m.label = "GPT-2 124M-shaped, random weights";
        m.typingLabel = "124M-shaped";
    } else {
        m.dir = m.label = m.typingLabel = name; // any Hugging Face GPT-2 directory
    }
    return m;
}

// The speed table of one model: every precision in a process of its own, then the
// baselines (not for the large shapes: PyTorch's f32 1.5B alone would take many minutes).
void benchSpeed(const BenchModel &m, const Options &o, int threads)
{
    const Gpt2Config config = Gpt2Config::fromJsonFile(m.dir + "/config.json");
    const Lengths lengths = m.large ? kLargeLengths : Lengths{};
    std::vector<Figures> ours;
    std::vector<double> readGBs;
    for (const std::string &p : m.large ? o.largePrecisions : o.precisions) {
        if (!precisionFromName(p))
            throw std::runtime_error("unknown precision " + p);
        ours.push_back(measureAlone(m.dir, p, false, o, threads, lengths));
        readGBs.push_back(readBandwidthGBs(size_t(ours.back().matrixBytes)));
        if (ours.back().kernel.find("inkling_row") == std::string::npos)
            continue;
        // The same precision with every product on oneDNN: what the row kernels gain.
        ours.push_back(measureAlone(m.dir, p, true, o, threads, lengths));
        readGBs.push_back(readGBs.back());
    }
    auto baselines = m.large ? std::vector<Figures>{}
                             : runBaselines(m.dir, o, threads, benchTokens(config.nVocab));
    std::string greedy;
    if (!m.large)
        for (Figures &f : llamaBaselines(m.name, m.dir, o, threads, &greedy))
            baselines.push_back(std::move(f));
    printModel(m.label, config, lengths, ours, baselines, readGBs, greedy);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    // The configuration users run: the app and inkling-cli wait passively in OpenMP (the
    // prefill's regions); decode steps run on the engine's own team either way.
    ensurePassiveOpenMpWaiting(argv);
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const auto value = [&]() -> std::string {
            if (i + 1 >= argc)
                throw std::runtime_error(a + " needs a value");
            return argv[++i];
        };
        try {
            if (a == "--models")
                o.models = split(value());
            else if (a == "--precisions")
                o.precisions = split(value());
            else if (a == "--baselines")
                o.baselines = split(value());
            else if (a == "--threads")
                o.threads = std::stoi(value());
            else if (a == "--steps")
                o.steps = std::stoi(value());
            else if (a == "--repeats")
                o.repeats = std::stoi(value());
            else if (a == "--work-dir")
                o.workDir = value();
            else if (a == "--typing-chars")
                o.typingChars = std::stoi(value());
            else if (a == "--tab-accepts")
                o.tabAccepts = std::stoi(value());
            else if (a == "--speed-only")
                o.typingChars = 0, o.tabAccepts = 0;
            else if (a == "--typing-only")
                o.speed = false;
            else if (a == "--print-model-dirs")
                o.printModelDirs = true;
            else if (a == "--quick")
                o.steps = 8, o.repeats = 1, o.typingChars = 200, o.tabAccepts = 4;
            else if (a == "--shapes")
                o.shapes = split(value());
            else if (a == "--large")
                o.shapes = {"355m", "1.5b"};
            else if (a == "--large-precisions")
                o.largePrecisions = split(value());
            else if (a == "--measure")
                o.measureDir = value(), o.measurePrecision = value();
            else if (a == "--onednn-only")
                o.oneDnnOnly = true;
            else if (a == "--any-kernel")
                o.anyKernel = true;
            else if (a == "--prompt-lens")
                o.lengths.promptLens = intList(value());
            else if (a == "--contexts")
                o.lengths.contexts = intList(value());
            else {
                std::fputs(kUsage, a == "-h" || a == "--help" ? stdout : stderr);
                return a == "-h" || a == "--help" ? 0 : 2;
            }
        } catch (const std::exception &e) {
            std::fprintf(stderr, "inkling-bench: %s\n", e.what());
            return 2;
        }
    }
    if (o.printModelDirs) {
        // For ./inkling.sh bench, which converts the same weights for llama.cpp first.
        try {
            for (const std::string &m : o.models)
                std::printf("%s\t%s\n", m.c_str(), benchModel(m, false, o).dir.c_str());
        } catch (const std::exception &e) {
            std::fprintf(stderr, "inkling-bench: error: %s\n", e.what());
            return 1;
        }
        return 0;
    }
    if (o.threads > 0)
        omp_set_num_threads(o.threads);
    QLoggingCategory::setFilterRules(QStringLiteral("inkling.engine.info=false"));
    const int threads = omp_get_max_threads();
    if (!o.measureDir.empty())
        return measureChild(o);
    fs::create_directories(o.workDir);

    const double bandwidth = o.speed ? triadBandwidthGBs() : 0;
    const double dramRead = o.speed ? readBandwidthGBs(size_t(2) << 30) : 0;
    const dnnl_version_t *v = dnnl_version();
    // Other processes on the same cores lower every engine's figures, and those of engines
    // whose threads spin at barriers most: the load average says how busy the machine was.
    double load = 0;
    std::ifstream("/proc/loadavg") >> load;
    std::printf("## inkling-bench\n\n%s, %d threads, oneDNN %d.%d.%d, best of %d, %d decode "
                "steps, load average %.1f at the start; OpenMP waiting %s and the decode "
                "team, as the app runs\n",
                cpuName().c_str(), threads, v->major, v->minor, v->patch, o.repeats, o.steps, load,
                openMpWaitPolicy().c_str());
    if (o.speed)
        std::printf("\nMemory bandwidth: triad %.1f GB/s (3 x 512 MB), reading 2 GB %.1f GB/s. "
                    "Ceiling = how fast a buffer of the size of the weight matrices is read "
                    "(measured per row: it may sit partly in the L3 cache) / their bytes per "
                    "token, in tokens/s\n",
                    bandwidth, dramRead);
    std::fflush(stdout);

    try {
        std::vector<BenchModel> models;
        for (const std::string &m : o.models)
            models.push_back(benchModel(m, false, o));
        for (const std::string &m : o.shapes)
            models.push_back(benchModel(m, true, o));
        for (const BenchModel &m : models)
            if (o.speed)
                benchSpeed(m, o, threads);
        if (o.typingChars > 0) {
            printTyping(models, o);
            printDocumentCache();
        }
        if (o.tabAccepts > 0) {
            // Widgets without a screen unless one is there.
            if (qEnvironmentVariableIsEmpty("DISPLAY") &&
                qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            QApplication app(argc, argv);
            printTab(models, o, threads);
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "inkling-bench: error: %s\n", e.what());
        return 1;
    }
    return 0;
}
