// The source the editor talks to: the local engine, or, when the writer set up a server,
// the server with the local engine behind it. A server that cannot answer (refused,
// an HTTP error, an answer that cannot be read or breaks off) is reported once in a
// line for the status bar and the local engine takes the request over: from the start,
// or, when part of the answer already showed, continuing after it. After a failure the
// local engine answers alone for a while, so a dead server does not cost every
// keystroke a failed connection.
#pragma once

#include "service/server_completion_source.h"

#include <QDeadlineTimer>
#include <QHash>

namespace inkling {

class FallbackCompletionSource : public CompletionSource
{
    Q_OBJECT

public:
    // local stays owned by the caller and must outlive this; the server source is ours.
    explicit FallbackCompletionSource(CompletionSource *local, QObject *parent = nullptr);

    // No server (an unusable config, the default): every request goes to local.
    void setServer(const ServerConfig &config);
    bool usesServer() const { return m_server->config().isUsable(); }
    ServerCompletionSource *server() const { return m_server; }

    void request(const CompletionRequest &request) override;
    void cancel() override;
    void cancelCommand() override;

    // Asks the server again at the next request, even within the pause after a failure.
    void retryServer() { m_pause = QDeadlineTimer(); }

    // How long the local engine answers alone after the server failed.
    static constexpr int kPauseAfterFailureMs = 30000;

signals:
    // Which backend answered the request that just finished: the server's host, or
    // empty for the local engine.
    void answeredBy(const QString &server);
    // The server failed: a line for the status bar (the local engine answers instead).
    void serverFailed(const QString &message);

private:
    struct Running
    {
        CompletionRequest request;
        QString shown;           // the server's text that already went out as partial()
        bool confidence = false; // the server already reported the confidence
        bool local = false;      // taken over by the local engine
    };

    void onServerFailed(quint64 id, const QString &message);
    Running *running(quint64 id);

    CompletionSource *m_local;
    ServerCompletionSource *m_server;
    QHash<int, Running> m_running; // by RequestKind: the newest request of each kind
    QDeadlineTimer m_pause;        // until then, the local engine answers alone
};

} // namespace inkling
