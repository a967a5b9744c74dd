// The engine's face to the GUI: a QObject that lives in its own QThread, owns the model
// and its KV cache, and answers completion requests with streamed text. Only the newest
// request of each kind matters; older ones stop between two tokens or two prompt chunks.
// A writing command outranks typing suggestions (see CompletionService).
#pragma once

#include "engine/generation/generator.h"
#include "engine/model/language_model.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace inkling {

// Suggestion: ghost text while typing, superseded by the next keystroke. Command: a
// writing command the user asked for (Tools menu); its prompt is used as given.
enum class RequestKind { Suggestion, Command };

// A fresh request id, unique in the process: suggestions and commands from any editor
// share the service's reply signals, so their ids must never collide.
quint64 newRequestId();

struct CompletionRequest
{
    quint64 id = 0;
    RequestKind kind = RequestKind::Suggestion;
    // How to generate, with no defaults of its own (a suggestion's come from
    // SuggestionPolicy::request). Its prompt stays empty: the service takes textBefore.
    GenerationRequest generation;
    QString textBefore; // suggestion: text before the cursor (any length: the service
                        // keeps the prompt window); command: the whole prompt
    QString textAfter;  // text after the cursor (reserved for fill-in-the-middle models)
    // Suggestion: the whole document, for its own words (DocumentCache; empty: none).
    // Implicitly shared: the editor's copy of it costs no second copy on the way.
    QString document;
};

// A request carrying g's prompt (as textBefore) and its decoding settings; id, kind and
// textAfter are left for the caller.
CompletionRequest completionRequest(const GenerationRequest &g);

struct CompletionStats
{
    double firstTokenMs = 0; // request start → first token sampled
    double totalMs = 0;
    int tokens = 0;
    double tokensPerSecond = 0; // decode speed after the first token
    int promptTokens = 0;
    int reusedTokens = 0;
    double firstWordConfidence = 0; // probability of the suggestion's first word
    QString stopReason;
};

// A model the service has loaded: what its files say, and how it runs.
struct LoadedModelInfo
{
    ModelInfo info;
    QString implementation; // oneDNN kernel of the matrix products
    QString precision;      // weight format in use: "f32", "bf16" or "s8"
    QString draft;          // the model drafting for it (speculative decoding), or empty
};

// The part of the text before the cursor that a context of nCtx tokens can use (see
// PromptWindow), never starting inside a surrogate pair.
QString contextTail(const QString &text, int nCtx);

class CompletionService : public QObject
{
    Q_OBJECT

public:
    explicit CompletionService(QObject *parent = nullptr);
    ~CompletionService() override;

    // Thread-safe, called from the GUI thread: from now on only suggestion `id` is wanted;
    // any other running or queued suggestion stops at its next check.
    void supersede(quint64 id) { m_latest.store(id, std::memory_order_relaxed); }
    // Thread-safe: from now on only command `id` is wanted (0: none). While a command is
    // wanted, suggestions wait for it: a running one stops and finishes with the text it
    // has (stop reason "preempted"), a queued one runs after the command, if still the
    // newest. Commands are never stopped by suggestions, only by the next command or
    // cancelCommand().
    void supersedeCommand(quint64 id) { m_latestCommand.store(id, std::memory_order_relaxed); }
    void cancelCommand() { supersedeCommand(0); }
    // Thread-safe: from now on only load `id` is wanted; a load of another id that is
    // running stops at its next tensor (and reports nothing: a newer load, or none at
    // all when the application quits, replaces it). kNoLoad cancels every load.
    void supersedeLoad(quint64 id) { m_latestLoad.store(id, std::memory_order_relaxed); }
    static constexpr quint64 kNoLoad = ~quint64(0);

public slots:
    // Loads directory as load `id` (see supersedeLoad). All or nothing: until the new
    // model and its session exist, the old ones stay and keep working; if the load fails
    // or is cancelled, they are what remains.
    void loadModel(const QString &directory, quint64 id);
    // The same, as the load wanted now.
    void loadModel(const QString &directory)
    {
        loadModel(directory, m_latestLoad.load(std::memory_order_relaxed));
    }
    void complete(const inkling::CompletionRequest &request);
    void setThreads(int threads);
    // The weight format for models loaded from now on; Auto picks the fastest this CPU has.
    void setPrecision(inkling::Precision precision);
    // Whether a request may reuse the key/value cache of the previous one (always in the
    // app; off only to measure what the reuse is worth).
    void setPrefixReuse(bool reuse);
    // For models loaded from now on: whether the embedded model (or draftDirectory, when
    // set) drafts for the loaded one where that pays (draftFit: a model at f32, four times
    // the draft's size or more). The suggestions stay the same; only their speed changes.
    void setDrafting(bool drafting, const QString &draftDirectory = {});

signals:
    void modelLoading(const QString &directory);
    // Fraction of the load done, in whole percent steps (a few dozen signals per load).
    void modelLoadProgress(double fraction);
    void modelLoaded(const inkling::LoadedModelInfo &info);
    void modelFailed(const QString &directory, const QString &message);
    // The probability of request id's first word, once it is complete and before any
    // partial() of that request: the controller decides from it whether to show it.
    void confidence(quint64 id, double firstWordConfidence);
    // Newly final text of request id, in whole characters (append to what came before).
    void partial(quint64 id, const QString &text);
    void finished(quint64 id, const QString &text, const inkling::CompletionStats &stats);
    void failed(quint64 id, const QString &message);

private:
    void run(const CompletionRequest &request, const std::function<bool()> &stale);
    // The draft model for model, loaded, when drafting is on and pays; else nullptr.
    std::unique_ptr<LanguageModel> loadDraftFor(const LanguageModel &model) const;

    std::atomic<quint64> m_latest{0};
    Precision m_precision = Precision::F32; // the reference; the app passes its setting
    bool m_prefixReuse = true;
    bool m_drafting = false;
    QString m_draftDirectory;                // empty: the embedded model
    std::atomic<quint64> m_latestCommand{0}; // 0: no command wanted
    std::atomic<quint64> m_latestLoad{0};
    // The draft (if any) before the model and the sessions after both: m_session points
    // into m_draftSession, and each session into its model, so they go first.
    std::unique_ptr<LanguageModel> m_draftModel;
    std::unique_ptr<LanguageModel> m_model;
    std::unique_ptr<Gpt2Session> m_draftSession;
    std::unique_ptr<Gpt2Session> m_session;
    // The words of the document suggested in last, updated line by line per request.
    DocumentCache m_documentCache;
};

} // namespace inkling

Q_DECLARE_METATYPE(inkling::CompletionRequest)
Q_DECLARE_METATYPE(inkling::CompletionStats)
Q_DECLARE_METATYPE(inkling::LoadedModelInfo)
