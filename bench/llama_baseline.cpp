// Reads bench/llama_baseline.py's figures and compares llama.cpp's greedy tokens with
// inkling-cli's (see llama_baseline.h).
#include "bench/llama_baseline.h"

#include "engine/model/json.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace inkling::bench {

namespace {

std::map<int, double> byLength(const JsonValue *v)
{
    std::map<int, double> out;
    if (v)
        for (const auto &[k, x] : v->members())
            out[std::stoi(k)] = x.toNumber();
    return out;
}

std::vector<int> ids(const JsonValue *v)
{
    std::vector<int> out;
    if (v)
        for (const JsonValue &x : v->array())
            out.push_back(int(x.toNumber()));
    return out;
}

// The whole standard output of a command, and whether it exited with 0.
bool runCommand(const std::string &command, std::string *out)
{
    FILE *pipe = popen(command.c_str(), "r");
    if (!pipe)
        return false;
    char buf[4096];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;)
        out->append(buf, n);
    return pclose(pipe) == 0;
}

std::vector<int> parseIds(const std::string &text)
{
    std::vector<int> out;
    std::istringstream in(text);
    for (int id; in >> id;)
        out.push_back(id);
    return out;
}

std::string quoted(const std::string &s)
{
    std::string q = "'";
    for (char c : s)
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

} // namespace

std::optional<LlamaRun> readLlamaRun(const std::string &path)
{
    std::ifstream in(path);
    if (!in)
        return std::nullopt;
    std::stringstream text;
    text << in.rdbuf();
    try {
        const JsonValue v = JsonValue::parse(text.str());
        LlamaRun run;
        run.threads = int(v.find("threads")->toNumber());
        for (const auto &[name, t] : v.find("types")->members()) {
            LlamaRun::Type type;
            type.name = name;
            type.setup = t.find("setup")->toString();
            type.fileMb = t.find("file_mb")->toNumber();
            type.prefill = byLength(t.find("prefill"));
            type.decode = byLength(t.find("decode"));
            run.types.push_back(type);
        }
        if (const JsonValue *g = v.find("greedy"); g && g->isObject()) {
            run.prompt = g->find("prompt")->toString();
            run.promptIds = ids(g->find("prompt_ids"));
            run.ids = ids(g->find("ids"));
        }
        return run;
    } catch (const std::exception &e) {
        // A missing member is a null pointer above: caught as the file's fault too.
        throw std::runtime_error(path + ": not a llama_baseline.py result (" + e.what() + ")");
    }
}

std::string greedyCheck(const LlamaRun &run, const std::string &cliPath,
                        const std::string &modelDir)
{
    std::string tokenized, completed;
    const std::string common = " --model " + quoted(modelDir) + " " + quoted(run.prompt);
    if (!runCommand(cliPath + " tokenize" + common, &tokenized) ||
        !runCommand(cliPath + " complete --greedy --precision f32 --print-ids --max-tokens " +
                        std::to_string(run.ids.size()) + common,
                    &completed))
        return "inkling-cli failed";
    const std::vector<int> ourPrompt = parseIds(tokenized), ours = parseIds(completed);
    if (ourPrompt != run.promptIds)
        return "the prompt's tokens differ (inkling-cli " + tokenized.substr(0, 80) +
               "; llama.cpp another " + std::to_string(run.promptIds.size()) + " tokens)";
    // inkling-cli stops at <|endoftext|>, llama.cpp too: compare the common length.
    const size_t n = std::min(ours.size(), run.ids.size());
    for (size_t i = 0; i < n; ++i)
        if (ours[i] != run.ids[i])
            return "first mismatch at generated token " + std::to_string(i) + ": inkling " +
                   std::to_string(ours[i]) + ", llama.cpp " + std::to_string(run.ids[i]) +
                   " (the " + std::to_string(i) + " before agree)";
    if (ours.size() != run.ids.size())
        return "the first " + std::to_string(n) + " tokens match; inkling generated " +
               std::to_string(ours.size()) + ", llama.cpp " + std::to_string(run.ids.size());
    return "match: all " + std::to_string(n) + " greedy tokens after the " +
           std::to_string(ourPrompt.size()) + "-token prompt are the same";
}

std::string llamaResultKey(const std::string &model)
{
    if (model == "tiny" || model == "124m")
        return model;
    std::filesystem::path p = std::filesystem::path(model).lexically_normal();
    if (p.filename().empty()) // "dir/"
        p = p.parent_path();
    return p.filename().string();
}

} // namespace inkling::bench
