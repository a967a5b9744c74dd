// The engine's face to the GUI: a QObject that lives in its own QThread, owns the model
// and its KV cache, and answers completion requests with streamed text. Only the newest
// request matters; older ones stop between two tokens or two prompt chunks.
#pragma once

#include "engine/generator.h"
#include "engine/language_model.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace inkling {

struct CompletionRequest
{
    quint64 id = 0;
    QString textBefore; // text before the cursor (any length: only its tail is used)
    QString textAfter;  // text after the cursor (reserved for fill-in-the-middle models)
    CompletionMode mode = CompletionMode::Sentence;
    SamplingParams sampling;
    int maxTokens = 32;
    int timeBudgetMs = 3000;
    bool tokenHealing = true; // the cursor is often inside a word while typing
};

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

struct ModelInfo
{
    QString name;
    QString directory;
    qint64 parameters = 0;
    qint64 fileBytes = 0;
    QString fileDType;
    int contextLength = 0;
    int layers = 0;
    int width = 0;
    QString implementation; // oneDNN kernel of the matrix products
};

// Characters of text before the cursor handed to the tokenizer: the tail of `text`,
// starting at a multiple of `quantum` characters so that the start stays put while the
// user types (which keeps the KV cache's prefix valid).
QString contextTail(const QString &text, int maxChars, int quantum = 4096);

class CompletionService : public QObject
{
    Q_OBJECT

public:
    explicit CompletionService(QObject *parent = nullptr);
    ~CompletionService() override;

    // Thread-safe, called from the GUI thread: from now on only request `id` is wanted;
    // any other running or queued request stops at its next check.
    void supersede(quint64 id) { m_latest.store(id, std::memory_order_relaxed); }

public slots:
    void loadModel(const QString &directory);
    void complete(const inkling::CompletionRequest &request);
    void setThreads(int threads);

signals:
    void modelLoading(const QString &directory);
    void modelLoaded(const inkling::ModelInfo &info);
    void modelFailed(const QString &directory, const QString &message);
    // The probability of request id's first word, once it is complete and before any
    // partial() of that request: the controller decides from it whether to show it.
    void confidence(quint64 id, double firstWordConfidence);
    // Newly final text of request id, in whole characters (append to what came before).
    void partial(quint64 id, const QString &text);
    void finished(quint64 id, const QString &text, const inkling::CompletionStats &stats);
    void failed(quint64 id, const QString &message);

private:
    std::atomic<quint64> m_latest{0};
    std::unique_ptr<LanguageModel> m_model;
    std::unique_ptr<Gpt2Session> m_session;
};

} // namespace inkling

Q_DECLARE_METATYPE(inkling::CompletionRequest)
Q_DECLARE_METATYPE(inkling::CompletionStats)
Q_DECLARE_METATYPE(inkling::ModelInfo)
