// Suggestions from a bigger model on a server: the same requests as the local engine,
// sent to an OpenAI-compatible completions endpoint (POST /v1/completions with
// "stream": true; llama.cpp's llama-server, vLLM, Ollama) and streamed back as
// server-sent events. The local engine's rules stay on this side: the mode's stop rule
// cuts the streamed text, the first word's confidence comes from the tokens' logprobs
// and withholds unlikely suggestions. Nothing touches the network until the first
// request, and requests are only made when the writer configured a server (see
// FallbackCompletionSource).
#pragma once

#include "service/completion_source.h"

#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace inkling {

struct ServerConfig
{
    // Where the server is: its base ("http://127.0.0.1:8080", "/v1/completions" is
    // added) or the endpoint itself (a path ending in "/completions").
    QUrl url;
    QString model;  // sent as "model" when not empty (vLLM and Ollama want it)
    QString apiKey; // sent as "Authorization: Bearer"; never logged or shown

    // http or https with a host.
    bool isUsable() const;
    // The URL requests are POSTed to.
    QUrl endpoint() const;
};

class ServerCompletionSource : public CompletionSource
{
    Q_OBJECT

public:
    explicit ServerCompletionSource(QObject *parent = nullptr);
    ~ServerCompletionSource() override;

    void setConfig(const ServerConfig &config);
    const ServerConfig &config() const { return m_config; }

    // Each request runs until the stop rule ends it, the server finishes, or a newer
    // request of its kind (or a cancel) aborts it. Suggestions and commands run side by
    // side: the server schedules them.
    void request(const CompletionRequest &request) override;
    void cancel() override;
    void cancelCommand() override;

    // The JSON body of a request (exposed for tests).
    static QByteArray body(const CompletionRequest &request, const QString &model);

    class Stream; // one streamed answer (server_completion_source.cpp)

private:
    QNetworkAccessManager *network();

    ServerConfig m_config;
    QNetworkAccessManager *m_network = nullptr; // made at the first request
    std::unique_ptr<Stream> m_suggestion;
    std::unique_ptr<Stream> m_command;
};

} // namespace inkling
