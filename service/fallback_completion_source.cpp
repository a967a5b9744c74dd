// Routing between the server and the local engine, and the take-over when the server
// fails. Listeners see one stream per request id whichever backend produced it.
#include "service/fallback_completion_source.h"

namespace inkling {

FallbackCompletionSource::FallbackCompletionSource(CompletionSource *local, QObject *parent)
    : CompletionSource(parent)
    , m_local(local)
    , m_server(new ServerCompletionSource(this))
{
    connect(m_server, &CompletionSource::confidence, this, [this](quint64 id, double p) {
        if (Running *r = running(id); r && !r->local) {
            r->confidence = true;
            emit confidence(id, p);
        }
    });
    connect(m_server, &CompletionSource::partial, this, [this](quint64 id, const QString &text) {
        if (Running *r = running(id); r && !r->local) {
            r->shown += text;
            emit partial(id, text);
        }
    });
    connect(m_server, &CompletionSource::finished, this,
            [this](quint64 id, const QString &text, const CompletionStats &stats) {
                Running *r = running(id);
                if (!r || r->local)
                    return;
                m_running.remove(int(r->request.kind));
                emit answeredBy(m_server->config().url.host());
                emit finished(id, text, stats);
            });
    connect(m_server, &CompletionSource::failed, this, &FallbackCompletionSource::onServerFailed);

    // The local engine's answers: as they are, or, for a request it took over after part
    // of the server's answer showed, as the rest of that answer.
    connect(m_local, &CompletionSource::confidence, this, [this](quint64 id, double p) {
        Running *r = running(id);
        if (!r || !r->confidence)
            emit confidence(id, p);
    });
    connect(m_local, &CompletionSource::partial, this, &CompletionSource::partial);
    connect(m_local, &CompletionSource::finished, this,
            [this](quint64 id, const QString &text, const CompletionStats &stats) {
                QString whole = text;
                if (Running *r = running(id)) {
                    whole = r->shown + text;
                    m_running.remove(int(r->request.kind));
                }
                emit answeredBy(QString());
                emit finished(id, whole, stats);
            });
    connect(m_local, &CompletionSource::failed, this, [this](quint64 id, const QString &message) {
        if (Running *r = running(id))
            m_running.remove(int(r->request.kind));
        emit failed(id, message);
    });
}

void FallbackCompletionSource::setServer(const ServerConfig &config)
{
    m_server->cancel();
    m_server->cancelCommand();
    m_running.clear();
    m_server->setConfig(config);
    retryServer();
}

FallbackCompletionSource::Running *FallbackCompletionSource::running(quint64 id)
{
    for (Running &r : m_running) {
        if (r.request.id == id)
            return &r;
    }
    return nullptr;
}

void FallbackCompletionSource::request(const CompletionRequest &request)
{
    m_running.remove(int(request.kind));
    if (!usesServer() || !m_pause.hasExpired()) {
        m_local->request(request);
        return;
    }
    m_running.insert(int(request.kind), Running{request, {}, false, false});
    m_server->request(request);
}

void FallbackCompletionSource::cancel()
{
    m_running.remove(int(RequestKind::Suggestion));
    m_server->cancel();
    m_local->cancel();
}

void FallbackCompletionSource::cancelCommand()
{
    m_running.remove(int(RequestKind::Command));
    m_server->cancelCommand();
    m_local->cancelCommand();
}

void FallbackCompletionSource::onServerFailed(quint64 id, const QString &message)
{
    Running *r = running(id);
    if (!r || r->local)
        return; // no longer wanted
    m_pause.setRemainingTime(kPauseAfterFailureMs);
    r->local = true;
    CompletionRequest next = r->request;
    // What already showed stays: the local engine continues after it.
    next.textBefore += r->shown;
    emit serverFailed(message);
    m_local->request(next);
}

} // namespace inkling
