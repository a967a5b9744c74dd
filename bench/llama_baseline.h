// llama.cpp as a baseline of inkling-bench: the figures bench/llama_baseline.py measured
// in the benchmark's Debian unstable root, and the greedy check against inkling-cli.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace inkling::bench {

// One run of bench/llama_baseline.py on one model.
struct LlamaRun
{
    struct Type
    {
        std::string name; // f32, bf16, q8_0
        std::string setup;
        double fileMb = 0;
        std::map<int, double> prefill, decode; // prompt length / context → tokens/s
    };
    std::vector<Type> types;
    int threads = 0;
    // The greedy check's prompt, llama.cpp's ids for it and its greedy continuation;
    // empty when the run made no check.
    std::string prompt;
    std::vector<int> promptIds, ids;
};

// Reads the JSON the script printed; nothing when the file does not exist. Throws
// std::runtime_error naming the file when it is not such a result.
std::optional<LlamaRun> readLlamaRun(const std::string &path);

// Whether inkling-cli (cliPath) at f32, greedy, tokenises run.prompt as llama.cpp does
// and continues it with the same tokens: one line, "match" or the first difference.
std::string greedyCheck(const LlamaRun &run, const std::string &cliPath,
                        const std::string &modelDir);

// How inkling-bench names a model's results: tiny, 124m, or a directory's last name.
std::string llamaResultKey(const std::string &model);

} // namespace inkling::bench
