// Runs in the engine thread: loading models and generating suggestions, reporting
// through queued signals. Engine errors stop here and become failed()/modelFailed().
#include "service/completion_service.h"

#include "engine/model/model_error.h"
#include "engine/model/speculative_draft.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <omp.h>

Q_LOGGING_CATEGORY(lcEngine, "inkling.engine")

namespace inkling {

quint64 newRequestId()
{
    static std::atomic<quint64> next{1};
    return next.fetch_add(1, std::memory_order_relaxed);
}

QString contextTail(const QString &text, int nCtx)
{
    qsizetype start = qsizetype(PromptWindow::textStart(size_t(text.size()), nCtx));
    if (start < text.size() && text.at(start).isLowSurrogate())
        ++start; // never start inside a surrogate pair
    return text.mid(start);
}

CompletionRequest completionRequest(const GenerationRequest &g)
{
    CompletionRequest r;
    r.generation = g;
    r.generation.prompt.clear(); // it travels as textBefore
    r.textBefore = QString::fromStdString(g.prompt);
    return r;
}

CompletionService::CompletionService(QObject *parent)
    : QObject(parent)
{
    static const bool registered = [] {
        qRegisterMetaType<CompletionRequest>();
        qRegisterMetaType<CompletionStats>();
        qRegisterMetaType<LoadedModelInfo>();
        return true;
    }();
    Q_UNUSED(registered);
}

CompletionService::~CompletionService() = default;

void CompletionService::setThreads(int threads)
{
    if (threads > 0)
        omp_set_num_threads(threads);
}

void CompletionService::setPrecision(Precision precision)
{
    m_precision = precision;
}

void CompletionService::setPrefixReuse(bool reuse)
{
    m_prefixReuse = reuse;
}

void CompletionService::setDrafting(bool drafting, const QString &draftDirectory)
{
    m_drafting = drafting;
    m_draftDirectory = draftDirectory;
}

std::unique_ptr<LanguageModel> CompletionService::loadDraftFor(const LanguageModel &model) const
{
    if (!m_drafting)
        return nullptr;
    const std::string dir =
        m_draftDirectory.isEmpty() ? defaultModelDirectory() : m_draftDirectory.toStdString();
    if (dir.empty() || modelName(dir) == model.name())
        return nullptr; // no embedded model, or it is the model itself
    try {
        // A cheap guess is all a draft is for: the fastest precision, whatever the model's.
        auto draft = LanguageModel::load(dir, Precision::Auto);
        const DraftFit fit = draftFit(model, *draft);
        qCInfo(lcEngine) << "draft" << QString::fromStdString(dir) << "for"
                         << QString::fromStdString(model.name()) << ":" << draftFitName(fit);
        return fit == DraftFit::Helps ? std::move(draft) : nullptr;
    } catch (const std::exception &e) {
        // Suggestions work without a draft, only slower: no message for the writer.
        qCWarning(lcEngine) << "cannot load the draft model" << QString::fromStdString(dir)
                            << e.what();
        return nullptr;
    }
}

namespace {
// Thrown from a load's progress callback when the load is no longer wanted.
struct LoadCancelled
{
};
} // namespace

void CompletionService::loadModel(const QString &directory, quint64 id)
{
    const auto wanted = [this, id] {
        return m_latestLoad.load(std::memory_order_relaxed) == id;
    };
    if (!wanted())
        return; // a newer load was asked for before this one started
    emit modelLoading(directory);
    try {
        int lastPercent = -1;
        // The model in use stays alive until the new one is complete: count it.
        const double inUse = m_model ? minimumModelBytes(m_model->config()) : 0;
        auto model = LanguageModel::load(
            directory.toStdString(), m_precision,
            [&](double f) {
                if (!wanted())
                    throw LoadCancelled{};
                const int percent = int(f * 100);
                if (percent != lastPercent) {
                    lastPercent = percent;
                    emit modelLoadProgress(f);
                }
            },
            inUse);
        auto session = std::make_unique<Gpt2Session>(model->model());
        // (No draft is loaded where none could draft: see draftFit.)
        auto draft = model->model().precision() == Precision::F32 ? loadDraftFor(*model) : nullptr;
        if (!wanted())
            throw LoadCancelled{};
        auto draftSession = draft ? std::make_unique<Gpt2Session>(draft->model()) : nullptr;
        if (draftSession)
            session->setDraft(draftSession.get(), kDraftTokens);
        // Nothing below allocates: the switch cannot half happen. The old sessions go
        // before the old models they point into, the target's before its draft's.
        m_session = std::move(session);
        m_draftSession = std::move(draftSession);
        m_model = std::move(model);
        m_draftModel = std::move(draft);
        m_documentCache.clear(); // counted in the old model's tokens
        LoadedModelInfo info;
        if (m_draftModel)
            info.draft = QString::fromStdString(m_draftModel->name());
        info.info = m_model->info();
        info.implementation = QString::fromStdString(m_model->model().matmulImplementation());
        info.precision = QString::fromLatin1(precisionName(m_model->model().precision()));
        qCInfo(lcEngine) << "loaded" << QString::fromStdString(info.info.directory)
                         << info.info.parameters << "parameters," << info.implementation;
        emit modelLoaded(info);
    } catch (const LoadCancelled &) {
        qCInfo(lcEngine) << "load of" << directory << "cancelled";
    } catch (const std::exception &e) {
        qCWarning(lcEngine) << "cannot load" << directory << e.what();
        emit modelFailed(directory, QString::fromStdString(e.what()));
    }
}

void CompletionService::complete(const CompletionRequest &request)
{
    const quint64 id = request.id;
    if (request.kind == RequestKind::Command) {
        if (m_latestCommand.load(std::memory_order_relaxed) != id)
            return; // cancelled, or a newer command was asked for while this one waited
        run(request, [this, id] { return m_latestCommand.load(std::memory_order_relaxed) != id; });
        // Done: suggestions may run again, unless a newer command is already wanted.
        quint64 expected = id;
        m_latestCommand.compare_exchange_strong(expected, 0, std::memory_order_relaxed);
        return;
    }
    if (m_latest.load(std::memory_order_relaxed) != id)
        return; // a newer request was made while this one waited in the queue
    if (m_latestCommand.load(std::memory_order_relaxed) != 0) {
        // A command was asked for: its call is queued behind this one (the GUI marks a
        // command wanted before queueing it). Go behind it; if another keystroke comes
        // meanwhile, this request is dropped then as stale.
        QMetaObject::invokeMethod(
            this, [this, request] { complete(request); }, Qt::QueuedConnection);
        return;
    }
    run(request, [this, id] {
        return m_latest.load(std::memory_order_relaxed) != id ||
               m_latestCommand.load(std::memory_order_relaxed) != 0;
    });
}

void CompletionService::run(const CompletionRequest &request, const std::function<bool()> &stale)
{
    const quint64 id = request.id;
    if (!m_model) {
        // An explicit context: lupdate and the namespaced class would disagree on tr()'s.
        emit failed(
            id, QCoreApplication::translate("CompletionService", "No language model is loaded."));
        return;
    }
    try {
        const int nCtx = m_model->config().nCtx;
        GenerationRequest g = request.generation;
        // A command's prompt was cut to the window by its builder, keeping its
        // instruction at the end.
        g.prompt = request.kind == RequestKind::Command
                       ? request.textBefore.toStdString()
                       : contextTail(request.textBefore, nCtx).toStdString();
        if (!m_prefixReuse)
            m_session->reset();
        g.documentCache = nullptr; // only this service's own, below
        if (request.kind == RequestKind::Suggestion && !request.document.isEmpty()) {
            m_documentCache.update(m_model->tokenizer(), request.document.toStdString());
            g.documentCache = &m_documentCache;
        }
        std::string text;
        GenerationCallbacks callbacks;
        callbacks.isCancelled = stale;
        callbacks.onConfidence = [&](double p) {
            emit confidence(id, p);
        };
        callbacks.onText = [&](std::string_view piece) {
            text += piece;
            emit partial(id, QString::fromUtf8(piece.data(), qsizetype(piece.size())));
        };
        const GenerationResult r = generate(*m_session, m_model->tokenizer(), g, callbacks);
        const bool cancelled = r.reason == StopReason::Cancelled;
        if (cancelled && (request.kind == RequestKind::Command ||
                          m_latest.load(std::memory_order_relaxed) != id))
            return; // whoever cancelled it wants nothing more from it
        // Otherwise it is still the newest suggestion, stopped for a command: what it
        // streamed is a valid (shorter) suggestion, and its controller must hear it ended.
        CompletionStats stats;
        stats.firstTokenMs = r.firstTokenMs;
        stats.totalMs = r.totalMs;
        stats.tokens = int(r.tokens.size());
        const double decodeMs = r.totalMs - r.firstTokenMs;
        stats.tokensPerSecond =
            stats.tokens > 1 && decodeMs > 0 ? (stats.tokens - 1) * 1000.0 / decodeMs : 0;
        stats.promptTokens = r.promptTokens;
        stats.reusedTokens = r.reusedTokens;
        stats.firstWordConfidence = r.firstWordConfidence;
        stats.stopReason =
            cancelled ? QStringLiteral("preempted") : QString::fromLatin1(stopReasonName(r.reason));
        emit finished(id, QString::fromStdString(text), stats);
    } catch (const std::exception &e) {
        // The session may hold a half-evaluated chunk: the next request starts afresh.
        // reset() only forgets positions, so nothing here can throw again.
        if (m_session)
            m_session->reset();
        emit failed(id, QString::fromStdString(e.what()));
    }
}

} // namespace inkling
