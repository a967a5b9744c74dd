// inkling-cli: the engine without the GUI — complete a prompt, tokenize text, measure
// perplexity, replay a text to measure keystroke savings. Errors end in one line on
// stderr and a non-zero exit.
#include "engine/eval/keystroke_eval.h"
#include "engine/eval/perplexity.h"
#include "engine/generation/generator.h"
#include "engine/kernels/cpu_threads.h"
#include "engine/model/language_model.h"
#include "engine/model/model_error.h"
#include "engine/model/speculative_draft.h"
#include "engine/text/utf8_stream.h"

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
  eval keystrokes FILE...
                        Type the FILEs as a writer would, with the app's suggestion
                        rules and defaults, accepting suggestions (Tab, Ctrl+Right per
                        word, Alt+Right per sentence) where they match the text; report
                        keystroke savings, suggestions shown, wrong-shown rate, latency.

Options:
  --model DIR           Hugging Face GPT-2 model directory (default: the embedded
                        inkling-tiny model, or $INKLING_MODEL_DIR).
  --precision P         f32 | bf16 | s8 | auto: weight format (default auto, as the app:
                        the fastest this CPU has a fast kernel for; f32 is the reference;
                        bf16 and s8 fall back to f32 where there is no fast kernel).
  --mode MODE           word | sentence | paragraph | code | raw | line (default raw: no
                        stop rule; line: to the end of the line, as answers after "A:";
                        eval: the app's mode for the file, code for source files).
  --max-tokens N        Token budget (default 40; eval: the app's for the mode).
  --time-budget-ms N    Stop after this long (default: none).
  --greedy              Always take the most likely token (complete: no penalty unless given).
  --sample              eval: sample with temperature, top-k and top-p.
  --seed N              Seed for sampling (default 0): same seed, same output.
  --temperature T       Sampling temperature (default 0.7).
  --top-k K             Keep the K most likely tokens (default 40; 0 = all).
  --top-p P             Nucleus sampling mass (default 0.95; 1 = off).
  --repetition-penalty R  Penalise recent tokens (default 1.1; 1 = off).
  --no-repeat-ngram N   Never repeat a phrase of N tokens of the output or of the 32
                        tokens before it (complete: default 0 = off; eval: the app's, 4).
  --heal                Token healing: when the prompt ends inside a word, let the
                        first tokens re-spell its typed part and print what follows.
  --prose-mode MODE     eval: the mode for files that are not source code (default: the
                        app's); with --mode auto.
  --threshold X[,X...]  eval: minimum first-word confidence to show a suggestion
                        (default: the app's); several values run a grid.
  --trigger T[,T...]    eval: always | word: when typing asks for a suggestion (default:
                        the app's); several values run a grid.
  --after-accept on|off eval: whether accepting all of a suggestion asks for the next one
  --remember on|off     eval: whether shown suggestions are remembered and shown again
                        where typing leads back to them (the app's suggestion cache; on)
  --typed-chars N       eval: type only the last N characters of each FILE, the text
                        before them being the document already written (a long text
                        gone on with)
  --document-cache on|off
                        eval: whether the document's own words are mixed into the
                        model's choices (on, as in the app)
                        wherever the trigger rule would wait (default: the app's, on).
  --no-heal             eval: no token healing.
  --full-suggestions    eval: generate every suggestion to its end (slower, same result).
  --draft K             complete: speculative decoding, the embedded model drafting K
                        tokens that the model verifies in one chunk (same output; faster
                        when the model is much larger and takes most drafts).
  --draft-model DIR     complete: the draft model (default: the embedded one).
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
    std::vector<std::string> extra; // positional arguments after `argument`
    std::map<std::string, std::string> values;
    bool greedy = false, sample = false, printIds = false, stats = false, heal = false,
         noHeal = false, fullSuggestions = false;

    std::string value(const std::string &key, const std::string &fallback) const
    {
        auto it = values.find(key);
        return it == values.end() ? fallback : it->second;
    }
    double number(const std::string &key, double fallback) const
    {
        auto it = values.find(key);
        return it == values.end() ? fallback : toNumber(key, it->second);
    }
    static double toNumber(const std::string &key, const std::string &text)
    {
        char *end = nullptr;
        const double v = std::strtod(text.c_str(), &end);
        if (text.empty() || *end)
            throw UsageError("--" + key + " needs a number, got '" + text + "'");
        return v;
    }
};

Options parse(int argc, char **argv)
{
    static const std::vector<std::string> withValue = {"model",
                                                       "precision",
                                                       "mode",
                                                       "max-tokens",
                                                       "time-budget-ms",
                                                       "seed",
                                                       "temperature",
                                                       "top-k",
                                                       "top-p",
                                                       "repetition-penalty",
                                                       "no-repeat-ngram",
                                                       "window",
                                                       "stride",
                                                       "threshold",
                                                       "trigger",
                                                       "prose-mode",
                                                       "after-accept",
                                                       "remember",
                                                       "document-cache",
                                                       "typed-chars",
                                                       "draft",
                                                       "draft-model"};
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
        } else if (a == "--no-heal") {
            o.noHeal = true;
        } else if (a == "--sample") {
            o.sample = true;
        } else if (a == "--full-suggestions") {
            o.fullSuggestions = true;
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
        } else if (o.command == "eval") {
            o.extra.push_back(a);
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
    const auto precision = precisionFromName(o.value("precision", "auto"));
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
    request.noRepeatNgram = int(o.number("no-repeat-ngram", 0));
    if (request.noRepeatNgram < 0)
        throw UsageError("--no-repeat-ngram must be 0 (off) or more");
    if (request.maxTokens < 1)
        throw UsageError("--max-tokens must be at least 1");
    SamplingParams &s = request.sampling;
    s.greedy = o.greedy;
    s.seed = uint64_t(o.number("seed", 0));
    s.temperature = float(o.number("temperature", s.temperature));
    s.topK = int(o.number("top-k", s.topK));
    s.topP = float(o.number("top-p", s.topP));
    // Greedy means the plain argmax (the reference's definition) unless asked otherwise.
    s.repetitionPenalty =
        float(o.number("repetition-penalty", o.greedy ? 1.0 : s.repetitionPenalty));

    Gpt2Session session(model->model());
    // The draft: the embedded model (or another of GPT-2's vocabulary) at the fastest
    // precision, whatever the model's, as a cheap guess is all it is for.
    const int draftTokens = int(o.number("draft", 0));
    if (draftTokens < 0 || draftTokens >= Gpt2Model::kMaxChunk)
        throw UsageError("--draft must be between 0 (off) and " +
                         std::to_string(Gpt2Model::kMaxChunk - 1));
    std::unique_ptr<LanguageModel> draftModel;
    std::unique_ptr<Gpt2Session> draftSession;
    if (draftTokens > 0) {
        const std::string dir = o.value("draft-model", defaultModelDirectory());
        draftModel = LanguageModel::load(dir, Precision::Auto);
        // Asked for by name, so drafted with even where the app would not (see draftFit),
        // except with another vocabulary, whose guesses mean other tokens.
        if (draftFit(*model, *draftModel) == DraftFit::OtherVocabulary)
            throw std::runtime_error("the draft model " + dir +
                                     " has another vocabulary than the model");
        draftSession = std::make_unique<Gpt2Session>(draftModel->model());
        session.setDraft(draftSession.get(), draftTokens);
        if (!session.drafting())
            std::fprintf(stderr,
                         "inkling-cli: no drafting at %s, only at f32 (chunks and single "
                         "tokens round differently there)\n",
                         precisionName(model->model().precision()));
    }
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
                     model->name().c_str(), precisionName(model->model().precision()),
                     r.promptTokens, r.reusedTokens, r.tokens.size(), r.firstTokenMs,
                     r.tokens.size() > 1 ? (r.tokens.size() - 1) * 1000.0 / decodeMs : 0.0,
                     stopReasonName(r.reason));
        if (draftSession) {
            const Gpt2Session::DraftStats &d = session.draftStats();
            std::fprintf(
                stderr, "draft %s (%s) | %d rounds | %d tokens drafted | %d taken (%.0f %%)\n",
                draftModel->name().c_str(), precisionName(draftModel->model().precision()),
                d.rounds, d.drafted, d.accepted, d.drafted ? 100.0 * d.accepted / d.drafted : 0.0);
        }
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

std::vector<std::string> splitList(const std::string &value)
{
    std::vector<std::string> items;
    std::stringstream in(value);
    for (std::string item; std::getline(in, item, ',');)
        items.push_back(item);
    return items;
}

// The file as the editor would hold it: valid UTF-8, line breaks as \n.
std::string readTextFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path);
    std::string text = readAll(in);
    for (size_t i = 0; i < text.size();) {
        const Utf8Char c = decodeUtf8(text, i);
        if (c.status != Utf8Char::Status::Complete)
            throw std::runtime_error(path + " is not UTF-8 text (byte " + std::to_string(i) + ")");
        i += c.length;
    }
    std::string lf;
    lf.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
            continue;
        lf += text[i];
    }
    return lf;
}

// The app writes source files in code mode and everything else in its prose mode.
CompletionMode modeForFile(const std::string &path, const SuggestionPolicy &policy)
{
    static const std::vector<std::string> sourceExtensions = {
        ".c",  ".cc",  ".cpp",   ".cxx",  ".h",  ".hh",  ".hpp",   ".py",
        ".js", ".mjs", ".ts",    ".java", ".go", ".rs",  ".rb",    ".sh",
        ".cs", ".kt",  ".swift", ".php",  ".pl", ".lua", ".scala", ".sql"};
    const size_t dot = path.find_last_of('.');
    const size_t slash = path.find_last_of('/');
    if (dot != std::string::npos && (slash == std::string::npos || dot > slash)) {
        const std::string ext = path.substr(dot);
        if (std::find(sourceExtensions.begin(), sourceExtensions.end(), ext) !=
            sourceExtensions.end())
            return CompletionMode::Code;
    }
    return policy.proseMode;
}

double percentile(std::vector<double> v, double q)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t i = size_t(q * double(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

void printStats(const KeystrokeStats &s)
{
    double mean = 0;
    for (double l : s.latencyMs)
        mean += l / double(s.latencyMs.size());
    std::printf("characters %lld\nkeystrokes %lld\ntyped %lld\nsaved %lld\nsavings_percent %.2f\n"
                "requests %lld\nremembered %lld\nshown %lld\nsuppressed %lld\naccepted "
                "%lld\naccept_keys %lld\n"
                "accepted_characters %lld\naccepted_characters_per_shown %.2f\n"
                "wrong_shown %lld\nwrong_shown_percent %.2f\nrepeating_shown %lld\n"
                "latency_ms_mean %.2f\nlatency_ms_p50 %.2f\nlatency_ms_p95 %.2f\n",
                s.characters, s.keystrokes, s.typed, s.saved(), s.savingsPercent(), s.requests,
                s.remembered, s.shown, s.suppressed, s.accepted, s.acceptKeys, s.acceptedCharacters,
                s.acceptedCharactersPerShown(), s.wrongShown, s.wrongShownPercent(), s.repeating,
                mean, percentile(s.latencyMs, 0.5), percentile(s.latencyMs, 0.95));
}

int evalCommand(const Options &o)
{
    if (!o.argument || *o.argument != "keystrokes")
        throw UsageError("eval needs a kind of evaluation: eval keystrokes FILE...");
    if (o.extra.empty())
        throw UsageError("eval keystrokes needs at least one FILE");
    // The app's defaults, changed only by what is given.
    SuggestionPolicy base;
    base.noRepeatNgram = int(o.number("no-repeat-ngram", base.noRepeatNgram));
    std::optional<CompletionMode> forcedMode;
    if (const std::string m = o.value("mode", "auto"); m != "auto") {
        forcedMode = modeFromName(m);
        if (!forcedMode || *forcedMode == CompletionMode::Raw)
            throw UsageError("--mode must be auto, word, sentence, paragraph or code");
    }
    if (o.values.count("prose-mode")) {
        const auto m = modeFromName(o.value("prose-mode", ""));
        if (!m || *m == CompletionMode::Raw || *m == CompletionMode::Code)
            throw UsageError("--prose-mode must be word, sentence or paragraph");
        base.proseMode = *m;
    }
    SamplingParams &sp = base.sampling;
    if (o.greedy && o.sample)
        throw UsageError("--greedy and --sample exclude each other");
    if (o.greedy)
        sp.greedy = true;
    if (o.sample)
        sp.greedy = false;
    sp.seed = uint64_t(o.number("seed", double(sp.seed)));
    sp.temperature = float(o.number("temperature", sp.temperature));
    sp.topK = int(o.number("top-k", sp.topK));
    sp.topP = float(o.number("top-p", sp.topP));
    sp.repetitionPenalty = float(o.number("repetition-penalty", sp.repetitionPenalty));
    base.tokenHealing = !o.noHeal;
    if (const std::string a = o.value("after-accept", "on"); a == "on" || a == "off")
        base.askAfterAccept = a == "on";
    else
        throw UsageError("--after-accept must be on or off");
    if (const std::string a = o.value("document-cache", "on"); a == "on" || a == "off")
        base.documentCache = a == "on";
    else
        throw UsageError("--document-cache must be on or off");
    const std::string rememberValue = o.value("remember", "on");
    if (rememberValue != "on" && rememberValue != "off")
        throw UsageError("--remember must be on or off");
    base.timeBudgetMs = 0; // a loaded machine must not change what is measured
    if (o.values.count("max-tokens")) {
        const int n = int(o.number("max-tokens", 0));
        if (n < 1)
            throw UsageError("--max-tokens must be at least 1");
        base.maxTokensWord = base.maxTokensSentence = base.maxTokensParagraph = base.maxTokensCode =
            n;
    }
    std::vector<double> thresholds;
    for (const std::string &t :
         splitList(o.value("threshold", std::to_string(base.minConfidence)))) {
        const double x = Options::toNumber("threshold", t);
        if (x < 0 || x > 1)
            throw UsageError("--threshold values must be between 0 and 1");
        thresholds.push_back(x);
    }
    std::vector<TriggerRule> triggers;
    for (const std::string &t : splitList(o.value("trigger", triggerRuleName(base.trigger)))) {
        const auto rule = triggerRuleFromName(t);
        if (!rule)
            throw UsageError("--trigger must be always or word");
        triggers.push_back(*rule);
    }
    if (thresholds.empty() || triggers.empty())
        throw UsageError("--threshold and --trigger need at least one value");

    std::vector<std::string> texts;
    for (const std::string &path : o.extra)
        texts.push_back(readTextFile(path)); // every file checked before the slow part
    const double typedChars = o.number("typed-chars", 0);
    if (typedChars < 0)
        throw UsageError("--typed-chars must be 0 (all) or more");
    // Where typing starts in text: the start of its last typedChars characters.
    const auto typedFrom = [typedChars](const std::string &text) {
        if (typedChars <= 0)
            return size_t(0);
        size_t from = text.size();
        for (double n = 0; from > 0 && n < typedChars; ++n) {
            do
                --from;
            while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80);
        }
        return from;
    };
    const auto model = loadModel(o);
    Gpt2Session session(model->model());
    std::map<CompletionMode, std::unique_ptr<KeystrokeReplay>> replays;
    struct Row
    {
        TriggerRule trigger;
        double threshold;
        KeystrokeStats stats;
    };
    std::vector<Row> rows;
    for (TriggerRule trigger : triggers) {
        for (double threshold : thresholds)
            rows.push_back({trigger, threshold, {}});
    }
    std::string modes;
    for (size_t f = 0; f < texts.size(); ++f) {
        const CompletionMode mode = forcedMode.value_or(modeForFile(o.extra[f], base));
        auto &replay = replays[mode];
        if (!replay) {
            replay = std::make_unique<KeystrokeReplay>(session, model->tokenizer(), mode, base,
                                                       !o.fullSuggestions);
            replay->setRemembering(rememberValue == "on");
        }
        if (modes.find(modeName(mode)) == std::string::npos)
            modes += std::string(modes.empty() ? "" : ",") + modeName(mode);
        for (Row &row : rows) {
            SuggestionPolicy policy = base;
            policy.trigger = row.trigger;
            policy.minConfidence = row.threshold;
            const KeystrokeStats st = replay->run(texts[f], policy, typedFrom(texts[f]));
            row.stats.add(st);
            std::fprintf(
                stderr,
                "%s [%s, trigger %s, threshold %.2f]: savings %.1f %%, wrong shown %.1f %%\n",
                o.extra[f].c_str(), modeName(mode), triggerRuleName(row.trigger), row.threshold,
                st.savingsPercent(), st.wrongShownPercent());
        }
    }
    std::printf("model %s\nfiles %zu\nmode %s\nsampling %s\nhealing %s\nafter_accept %s\n"
                "remember %s\ndocument_cache %s\n",
                model->name().c_str(), texts.size(), modes.c_str(),
                sp.greedy ? "greedy" : "sampled", base.tokenHealing ? "on" : "off",
                base.askAfterAccept ? "on" : "off", rememberValue.c_str(),
                base.documentCache ? "on" : "off");
    for (const Row &row : rows) {
        std::printf("\ntrigger %s\nthreshold %.4g\n", triggerRuleName(row.trigger), row.threshold);
        printStats(row.stats);
    }
    if (rows.size() > 1) {
        std::printf("\n| trigger | threshold | savings %% | shown | wrong-shown %% | accepted | "
                    "accepted characters per shown | suppressed |\n"
                    "|---|---|---|---|---|---|---|---|\n");
        for (const Row &row : rows)
            std::printf("| %s | %.2f | %.1f | %lld | %.1f | %lld | %.2f | %lld |\n",
                        triggerRuleName(row.trigger), row.threshold, row.stats.savingsPercent(),
                        row.stats.shown, row.stats.wrongShownPercent(), row.stats.accepted,
                        row.stats.acceptedCharactersPerShown(), row.stats.suppressed);
    }
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
        if (o.command == "eval")
            return evalCommand(o);
        throw UsageError("unknown command '" + o.command + "'");
    } catch (const UsageError &e) {
        std::fprintf(stderr, "inkling-cli: %s (see --help)\n", e.what());
        return 2;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "inkling-cli: error: %s\n", e.what());
        return 1;
    }
}
