// The server's answer as a stream of server-sent events ("data: {json}" lines, ending
// with "data: [DONE]"), judged piece by piece with the local engine's stop rule and
// confidence, so a suggestion from the server behaves like one from the local model.
#include "service/server_completion_source.h"

#include "engine/generation/suggestion_policy.h"
#include "engine/text/utf8_stream.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <cmath>
#include <optional>

Q_LOGGING_CATEGORY(lcServer, "inkling.server")

namespace inkling {

namespace {

// The text a suggestion's prompt may hold: a bigger model has a longer context than
// GPT-2's 1024 tokens; 2048 tokens of text is what every server model takes.
constexpr int kServerContextTokens = 2048;
// A server that sends nothing for this long is taken for dead.
constexpr int kTransferTimeoutMs = 30000;

QString translated(const char *text)
{
    // An explicit context, as CompletionService's: lupdate and the namespaced class would
    // disagree on tr()'s.
    return QCoreApplication::translate("ServerCompletionSource", text);
}

std::string promptText(const CompletionRequest &request)
{
    // As the local engine: a command's prompt is used as given, a suggestion's is the
    // newest text before the cursor, and the notes go first, a blank line after them.
    const QString text = request.kind == RequestKind::Command
                             ? request.textBefore
                             : contextTail(request.textBefore, kServerContextTokens);
    std::string prompt = text.toStdString();
    if (!request.generation.notes.empty())
        prompt = request.generation.notes + "\n\n" + prompt;
    return prompt;
}

// The (token text, log probability) pairs of a choice's logprobs, in either format:
// OpenAI's {"tokens": [...], "token_logprobs": [...]} (vLLM, Ollama) or the chat-style
// {"content": [{"token", "logprob"}...]} (llama-server).
std::vector<std::pair<std::string, double>> tokenLogprobs(const QJsonValue &logprobs)
{
    std::vector<std::pair<std::string, double>> tokens;
    const QJsonObject o = logprobs.toObject();
    if (o.contains(QLatin1String("content"))) {
        for (const QJsonValue &t : o.value(QLatin1String("content")).toArray())
            tokens.emplace_back(t[QLatin1String("token")].toString().toStdString(),
                                t[QLatin1String("logprob")].toDouble());
    } else {
        const QJsonArray text = o.value(QLatin1String("tokens")).toArray();
        const QJsonArray lp = o.value(QLatin1String("token_logprobs")).toArray();
        for (qsizetype i = 0; i < text.size() && i < lp.size(); ++i)
            tokens.emplace_back(text[i].toString().toStdString(), lp[i].toDouble());
    }
    return tokens;
}

} // namespace

bool ServerConfig::isUsable() const
{
    return url.isValid() && !url.host().isEmpty() &&
           (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
}

QUrl ServerConfig::endpoint() const
{
    QUrl u = url;
    QString path = u.path();
    if (path.endsWith(QLatin1String("/completions")))
        return u;
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (!path.endsWith(QLatin1String("/v1")))
        path += QLatin1String("/v1");
    u.setPath(path + QLatin1String("/completions"));
    return u;
}

// One request's answer. Everything it emits is the last thing it does in that handler:
// a listener may make the next request at once, which deletes this stream.
class ServerCompletionSource::Stream
{
public:
    Stream(ServerCompletionSource *source, const CompletionRequest &request, QNetworkReply *reply)
        : m_source(source)
        , m_id(request.id)
        , m_rule(request.generation.mode,
                 StopRule::indentOfLastLine(request.textBefore.toStdString()),
                 request.generation.sentences)
        , m_minConfidence(request.generation.minConfidence)
        , m_reply(reply)
    {
        m_clock.start();
        QObject::connect(reply, &QNetworkReply::readyRead, source, [this] { onReadyRead(); });
        QObject::connect(reply, &QNetworkReply::finished, source, [this] { onFinished(); });
    }

    ~Stream()
    {
        *m_alive = false;
        close();
    }

private:
    void close()
    {
        if (!m_reply)
            return;
        m_reply->disconnect(m_source);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }

    bool httpError() const
    {
        return m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() >= 300;
    }

    void onReadyRead()
    {
        if (httpError())
            return; // an error page, not events: finished() reports it
        m_buffer += m_reply->readAll();
        readLines();
    }

    // Handles the complete lines in the buffer.
    void readLines()
    {
        const std::shared_ptr<bool> alive = m_alive;
        qsizetype end;
        while (m_reply && (end = m_buffer.indexOf('\n')) >= 0) {
            const QByteArray line = m_buffer.left(end).trimmed();
            m_buffer.remove(0, end + 1);
            handleLine(line);
            if (!*alive)
                return;
        }
    }

    void handleLine(const QByteArray &line)
    {
        // Blank lines end events, ':' starts a comment, and "event:" or "id:" fields
        // say nothing a completion needs.
        if (!line.startsWith("data:"))
            return;
        const QByteArray data = line.mid(5).trimmed();
        if (data == "[DONE]") {
            m_done = true;
            end();
            return;
        }
        QJsonParseError error;
        const QJsonDocument json = QJsonDocument::fromJson(data, &error);
        if (error.error != QJsonParseError::NoError || !json.isObject())
            return fail(translated("The server sent an answer Inkling cannot read."));
        const QJsonObject o = json.object();
        if (o.contains(QLatin1String("error"))) {
            const QJsonValue e = o.value(QLatin1String("error"));
            const QString message =
                e.isObject() ? e[QLatin1String("message")].toString() : e.toString();
            return fail(translated("The server reported an error: %1").arg(message.left(200)));
        }
        const QJsonArray choices = o.value(QLatin1String("choices")).toArray();
        if (choices.isEmpty())
            return; // e.g. a last event with the usage only
        const QJsonObject choice = choices.first().toObject();
        if (!choice.value(QLatin1String("text")).isString())
            return fail(translated("The server sent an answer Inkling cannot read."));
        const std::string text = choice.value(QLatin1String("text")).toString().toStdString();
        const QString reason = choice.value(QLatin1String("finish_reason")).toString();
        if (reason == QLatin1String("length"))
            m_reason = QString::fromLatin1(stopReasonName(StopReason::TokenBudget));
        else if (!reason.isEmpty())
            m_reason = QString::fromLatin1(stopReasonName(StopReason::EndOfText));
        if (text.empty())
            return;
        if (m_tokens == 0)
            m_firstTokenMs = double(m_clock.nsecsElapsed()) / 1e6;
        // The tokens' own pieces when they spell the text (the confidence counts the
        // tokens that touch the first word); else the chunk as one piece.
        const auto tokens = tokenLogprobs(choice.value(QLatin1String("logprobs")));
        std::string spelled;
        for (const auto &t : tokens)
            spelled += t.first;
        const std::shared_ptr<bool> alive = m_alive;
        bool ended = false;
        if (!tokens.empty() && spelled == text) {
            for (const auto &[piece, logprob] : tokens) {
                ++m_tokens;
                if ((ended = add(piece, std::exp(logprob))) || !*alive)
                    break;
            }
        } else {
            // Without logprobs the server cannot say how likely a word is: never withheld.
            double logprob = 0;
            for (const auto &t : tokens)
                logprob += t.second;
            m_tokens += std::max<int>(1, int(tokens.size()));
            ended = add(text, std::exp(logprob));
        }
        if (!*alive)
            return;
        if (ended) {
            m_reason = QString::fromLatin1(
                stopReasonName(m_withheld ? StopReason::Withheld : StopReason::Rule));
            end();
        }
    }

    void onFinished()
    {
        const std::shared_ptr<bool> alive = m_alive;
        if (m_reply->error() != QNetworkReply::NoError || httpError()) {
            const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status >= 300)
                return fail(translated("The server answered with error %1.").arg(status));
            return fail(translated("Cannot reach the server: %1").arg(m_reply->errorString()));
        }
        m_buffer += m_reply->readAll();
        if (!m_buffer.endsWith('\n'))
            m_buffer += '\n';
        readLines();
        if (*alive && m_reply && !m_done)
            fail(translated("The server's answer broke off."));
    }

    // Adds a piece of generated text with its probability; true when the suggestion
    // ends with it (the stop rule, or its first word withheld). As SuggestionStream in
    // the generator, without token healing (the server continues the text as typed).
    bool add(const std::string &piece, double probability)
    {
        m_raw += piece;
        m_tokenEnds.push_back(m_raw.size());
        m_probabilities.push_back(probability);
        if (!m_confidenceKnown) {
            const size_t word = nextWordLength(m_raw);
            if (word < m_raw.size() && !reportConfidence(word))
                return true; // gone: the caller checks
            if (m_withheld)
                return true;
        }
        if ((m_cut = m_rule.stopAt(m_raw)))
            return true;
        return !emitUpTo(m_rule.stableLength(m_raw));
    }

    // False when the listener went away meanwhile.
    bool reportConfidence(size_t wordEnd)
    {
        double p = 1;
        for (size_t t = 0; t < m_tokenEnds.size(); ++t) {
            const size_t begin = t ? m_tokenEnds[t - 1] : 0;
            if (begin < wordEnd)
                p *= m_probabilities[t];
        }
        m_confidence = wordEnd > 0 ? p : 0.0;
        m_confidenceKnown = true;
        m_withheld = !isConfident(m_confidence, m_minConfidence);
        const std::shared_ptr<bool> alive = m_alive;
        emit m_source->confidence(m_id, m_confidence);
        return *alive;
    }

    // False when the listener went away meanwhile.
    bool emitUpTo(size_t end)
    {
        if (!m_confidenceKnown || m_withheld || end <= m_emitted)
            return true;
        const std::string text =
            m_utf8.push(std::string_view(m_raw).substr(m_emitted, end - m_emitted));
        m_emitted = end;
        if (text.empty())
            return true;
        const std::shared_ptr<bool> alive = m_alive;
        emit m_source->partial(m_id, QString::fromStdString(text));
        return *alive;
    }

    // The suggestion is complete: the rest of it, then finished().
    void end()
    {
        close();
        const std::shared_ptr<bool> alive = m_alive;
        size_t cut =
            m_withheld ? 0 : std::max(m_cut ? *m_cut : m_rule.finalLength(m_raw), m_emitted);
        cut = std::min(cut, m_raw.size());
        if (!m_confidenceKnown && !reportConfidence(nextWordLength(m_raw.substr(0, cut))))
            return;
        if (m_withheld)
            cut = 0;
        if (!emitUpTo(cut))
            return;
        const std::string tail = m_utf8.flush();
        if (!tail.empty()) {
            emit m_source->partial(m_id, QString::fromStdString(tail));
            if (!*alive)
                return;
        }
        CompletionStats stats;
        stats.firstTokenMs = m_firstTokenMs;
        stats.totalMs = double(m_clock.nsecsElapsed()) / 1e6;
        stats.tokens = m_tokens;
        const double decodeMs = stats.totalMs - stats.firstTokenMs;
        stats.tokensPerSecond =
            m_tokens > 1 && decodeMs > 0 ? (m_tokens - 1) * 1000.0 / decodeMs : 0;
        stats.firstWordConfidence = m_confidence;
        stats.stopReason = m_reason;
        emit m_source->finished(m_id, QString::fromStdString(m_raw.substr(0, cut)), stats);
    }

    void fail(const QString &message)
    {
        close();
        qCInfo(lcServer) << "request" << m_id << "failed:" << message;
        emit m_source->failed(m_id, message);
    }

    ServerCompletionSource *const m_source;
    const quint64 m_id;
    const StopRule m_rule;
    const double m_minConfidence;
    QNetworkReply *m_reply;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
    QElapsedTimer m_clock;
    QByteArray m_buffer; // received bytes not yet handled (an unfinished line)
    bool m_done = false; // "[DONE]" came
    std::string m_raw;   // the generated text so far (UTF-8)
    std::vector<size_t> m_tokenEnds;
    std::vector<double> m_probabilities;
    size_t m_emitted = 0;
    std::optional<size_t> m_cut;
    bool m_confidenceKnown = false;
    bool m_withheld = false;
    double m_confidence = 0;
    Utf8Stream m_utf8;
    int m_tokens = 0;
    double m_firstTokenMs = 0;
    QString m_reason = QString::fromLatin1(stopReasonName(StopReason::EndOfText));
};

ServerCompletionSource::ServerCompletionSource(QObject *parent)
    : CompletionSource(parent)
{}

ServerCompletionSource::~ServerCompletionSource() = default;

void ServerCompletionSource::setConfig(const ServerConfig &config)
{
    m_config = config;
}

QNetworkAccessManager *ServerCompletionSource::network()
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    return m_network;
}

QByteArray ServerCompletionSource::body(const CompletionRequest &request, const QString &model)
{
    const GenerationRequest &g = request.generation;
    QJsonObject o{{QStringLiteral("prompt"), QString::fromStdString(promptText(request))},
                  {QStringLiteral("max_tokens"), g.maxTokens},
                  {QStringLiteral("stream"), true},
                  {QStringLiteral("logprobs"), 1}};
    if (!model.isEmpty())
        o.insert(QStringLiteral("model"), model);
    if (g.sampling.greedy) {
        o.insert(QStringLiteral("temperature"), 0);
    } else {
        o.insert(QStringLiteral("temperature"), double(g.sampling.temperature));
        o.insert(QStringLiteral("top_p"), double(g.sampling.topP));
        if (g.sampling.topK > 0)
            o.insert(QStringLiteral("top_k"), g.sampling.topK);
        o.insert(QStringLiteral("seed"), qint64(g.sampling.seed & 0x7fffffff));
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

void ServerCompletionSource::request(const CompletionRequest &request)
{
    std::unique_ptr<Stream> &slot = request.kind == RequestKind::Command ? m_command : m_suggestion;
    slot.reset(); // the earlier one of this kind is no longer wanted
    if (!m_config.isUsable()) {
        emit failed(request.id, translated("No server is set up."));
        return;
    }
    QNetworkRequest r(m_config.endpoint());
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    r.setRawHeader("Accept", "text/event-stream");
    if (!m_config.apiKey.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + m_config.apiKey.toUtf8());
    r.setTransferTimeout(kTransferTimeoutMs);
    QNetworkReply *reply = network()->post(r, body(request, m_config.model));
    slot = std::make_unique<Stream>(this, request, reply);
}

void ServerCompletionSource::cancel()
{
    m_suggestion.reset();
}

void ServerCompletionSource::cancelCommand()
{
    m_command.reset();
}

} // namespace inkling
