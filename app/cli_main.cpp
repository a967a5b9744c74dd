// inkling-cli: the engine without the GUI — complete a prompt, tokenize text, measure
// perplexity. Errors end in one line on stderr and a non-zero exit.
#include "engine/cpu_threads.h"
#include "engine/generator.h"
#include "engine/language_model.h"
#include "engine/model_error.h"
#include "engine/perplexity.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

using namespace inkling;

namespace {

const char *const kUsage = R"(Usage: inkling-cli COMMAND [OPTIONS] [ARG]

Commands:
  complete [PROMPT]     Continue PROMPT (or standard input) and stream the suggestion.
  tokenize [TEXT]       Print the GPT-2 token ids of TEXT (or standard input, exactly
                        as given), space-separated.
  perplexity FILE       Score FILE: tokens, mean negative log-likelihood, perplexity,
                        bits per byte (sliding window over long files).

Options:
  --model DIR           Hugging Face GPT-2 model directory (default: the embedded
                        inkling-tiny model, or $INKLING_MODEL_DIR).
  --precision P         f32 | bf16 | s8 | auto: weight format (default f32; bf16 and
                        s8 fall back to f32 where oneDNN has no fast kernel).
  --mode MODE           word | sentence | paragraph | code | raw | line (default raw: no
                        stop rule; line: to the end of the line, as answers after "A:").
  --max-tokens N        Token budget (default 40).
  --time-budget-ms N    Stop after this long (default: none).
  --greedy              Always take the most likely token (no penalty unless given).
  --seed N              Seed for sampling (default 0): same seed, same output.
  --temperature T       Sampling temperature (default 0.7).
  --top-k K             Keep the K most likely tokens (default 40; 0 = all).
  --top-p P             Nucleus sampling mass (default 0.95; 1 = off).
  --repetition-penalty R  Penalise recent tokens (default 1.1; 1 = off).
  --heal                Token healing: when the prompt ends inside a word, let the
                        first tokens re-spell its typed part and print what follows.
  --print-ids           Print generated token ids instead of text.
  --stats               Print timing and token counts to standard error.
  --window N            perplexity: window length in tokens (default: model context).
  --stride N            perplexity: tokens scored per window after the first (default window/2).
  -h, --help            Show this help.
  --version             Show the version.
)";

struct UsageError : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

struct Options
{
    std::string command;
    std::optional<std::string> argument;
    std::map<std::string, std::string> values;
    bool greedy = false, printIds = false, stats = false, heal = false;

    std::string value(const std::string &key, const std::string &fallback) const
    {
        auto it = values.find(key);
        return it == values.end() ? fallback : it->second;
    }
    double number(const std::string &key, double fallback) const
    {
        auto it = values.find(key);
        if (it == values.end())
            return fallback;
        char *end = nullptr;
        const double v = std::strtod(it->second.c_str(), &end);
        if (it->second.empty() || *end)
            throw UsageError("--" + key + " needs a number, got '" + it->second + "'");
        return v;
    }
};

Options parse(int argc, char **argv)
{
    static const std::vector<std::string> withValue = {
        "model", "precision", "mode", "max-tokens", "time-budget-ms", "seed", "temperature", "top-k",
        "top-p", "repetition-penalty", "window", "stride"};
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "-h" || a == "--help") {
            std::fputs(kUsage, stdout);
            std::exit(0);
        }
        if (a == "--version") {
            std::printf("inkling-cli %s\nCPU: %d physical cores; OpenMP waiting: %s\n",
                        INKLING_VERSION, inkling::physicalCoreCount(),
                        inkling::openMpWaitPolicy().c_str());
            std::exit(0);
        }
        if (a == "--greedy") {
            o.greedy = true;
        } else if (a == "--heal") {
            o.heal = true;
        } else if (a == "--print-ids") {
            o.printIds = true;
        } else if (a == "--stats") {
            o.stats = true;
        } else if (a.rfind("--", 0) == 0 && a.size() > 2) {
            std::string key = a.substr(2), val;
            if (const auto eq = key.find('='); eq != std::string::npos) {
                val = key.substr(eq + 1);
                key.resize(eq);
            } else if (i + 1 < argc) {
                val = argv[++i];
            } else {
                throw UsageError("option " + a + " needs a value");
            }
            if (std::find(withValue.begin(), withValue.end(), key) == withValue.end())
                throw UsageError("unknown option --" + key);
            o.values[key] = val;
        } else if (o.command.empty()) {
            o.command = a;
        } else if (!o.argument) {
            o.argument = a;
        } else {
            throw UsageError("unexpected argument '" + a + "'");
        }
    }
    if (o.command.empty())
        throw UsageError("no command given");
    return o;
}

std::string readAll(std::istream &in)
{
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string argumentOrStdin(const Options &o)
{
    if (o.argument)
        return *o.argument;
    return readAll(std::cin);
}

std::unique_ptr<LanguageModel> loadModel(const Options &o)
{
    std::string dir = o.value("model", "");
    if (dir.empty())
        dir = defaultModelDirectory();
    if (dir.empty())
        throw std::runtime_error("no model found: pass --model DIR (a Hugging Face GPT-2 "
                                 "directory) or set INKLING_MODEL_DIR");
    const auto precision = precisionFromName(o.value("precision", "f32"));
    if (!precision)
        throw UsageError("--precision must be f32, bf16, s8 or auto");
    return LanguageModel::load(dir, *precision);
}

int complete(const Options &o)
{
    const auto model = loadModel(o);
    GenerationRequest request;
    request.prompt = argumentOrStdin(o);
    const auto mode = modeFromName(o.value("mode", "raw"));
    if (!mode)
        throw UsageError("--mode must be word, sentence, paragraph, code, raw or line");
    request.mode = *mode;
    request.maxTokens = int(o.number("max-tokens", 40));
    request.timeBudgetMs = int(o.number("time-budget-ms", 0));
    request.tokenHealing = o.heal;
    if (request.maxTokens < 1)
        throw UsageError("--max-tokens must be at least 1");
    SamplingParams &s = request.sampling;
    s.greedy = o.greedy;
    s.seed = uint64_t(o.number("seed", 0));
    s.temperature = float(o.number("temperature", s.temperature));
    s.topK = int(o.number("top-k", s.topK));
    s.topP = float(o.number("top-p", s.topP));
    // Greedy means the plain argmax (the reference's definition) unless asked otherwise.
    s.repetitionPenalty = float(o.number("repetition-penalty", o.greedy ? 1.0 : s.repetitionPenalty));

    Gpt2Session session(model->model());
    GenerationCallbacks callbacks;
    if (!o.printIds) {
        callbacks.onText = [](std::string_view piece) {
            std::fwrite(piece.data(), 1, piece.size(), stdout);
            std::fflush(stdout);
        };
    }
    const GenerationResult r = generate(session, model->tokenizer(), request, callbacks);
    if (o.printIds) {
        for (size_t i = 0; i < r.tokens.size(); ++i)
            std::printf("%s%d", i ? " " : "", r.tokens[i]);
    }
    std::printf("\n");
    if (o.stats) {
        std::fprintf(stderr, "model directory %s\n", model->directory().c_str());
        const double decodeMs = r.totalMs - r.firstTokenMs;
        std::fprintf(stderr,
                     "model %s (%s) | prompt %d tokens (%d reused) | generated %zu tokens | "
                     "first token %.1f ms | %.1f tokens/s | stop: %s\n",
                     model->name().c_str(), precisionName(model->model().precision()), r.promptTokens, r.reusedTokens, r.tokens.size(),
                     r.firstTokenMs, r.tokens.size() > 1 ? (r.tokens.size() - 1) * 1000.0 / decodeMs : 0.0,
                     stopReasonName(r.reason));
    }
    return 0;
}

int tokenize(const Options &o)
{
    const std::string text = argumentOrStdin(o);
    std::string dir = o.value("model", "");
    if (dir.empty())
        dir = defaultModelDirectory();
    if (dir.empty())
        throw std::runtime_error("no tokenizer found: pass --model DIR or set INKLING_MODEL_DIR");
    const Tokenizer tokenizer = Tokenizer::load(dir + "/vocab.json", dir + "/merges.txt");
    const std::vector<int> ids = tokenizer.encode(text);
    for (size_t i = 0; i < ids.size(); ++i)
        std::printf("%s%d", i ? " " : "", ids[i]);
    std::printf("\n");
    return 0;
}

int perplexityCommand(const Options &o)
{
    if (!o.argument)
        throw UsageError("perplexity needs a FILE");
    std::ifstream in(*o.argument, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + *o.argument);
    const std::string text = readAll(in);
    const auto model = loadModel(o);
    Gpt2Session session(model->model());
    const PerplexityResult r = perplexity(session, model->tokenizer(), text,
                                          int(o.number("window", 0)), int(o.number("stride", 0)));
    std::printf("tokens %lld\nmean_nll %.6f\nperplexity %.4f\nbits_per_byte %.6f\n", r.tokens,
                r.meanNll, r.perplexity, r.bitsPerByte);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    inkling::ensurePassiveOpenMpWaiting(argv);
    try {
        const Options o = parse(argc, argv);
        if (o.command == "complete")
            return complete(o);
        if (o.command == "tokenize")
            return tokenize(o);
        if (o.command == "perplexity")
            return perplexityCommand(o);
        throw UsageError("unknown command '" + o.command + "'");
    } catch (const UsageError &e) {
        std::fprintf(stderr, "inkling-cli: %s (see --help)\n", e.what());
        return 2;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "inkling-cli: error: %s\n", e.what());
        return 1;
    }
}
