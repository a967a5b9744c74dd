// The server backend against a scripted OpenAI-compatible server on loopback: streamed
// pieces arrive in order, the stop rule and the confidence cut exactly as the local
// generator does on the same tokens (the oracle: the real embedded model, greedy), every
// kind of failure hands the request to the local source with a message, the API key
// goes only into the Authorization header (never into any log), and its file is private.
#include "as_ordinary_user.h"
#include "completion_listener.h"
#include "engine/generation/generator.h"
#include "engine/model/language_model.h"
#include "engine/text/utf8_stream.h"
#include "service/engine_thread.h"
#include "service/fallback_completion_source.h"
#include "ui/editor/editor.h"
#include "ui/editor/ghost_text.h"
#include "ui/settings/server_key.h"
#include "ui/suggestions/suggestion_controller.h"
#include "ui/suggestions/suggestion_status.h"
#include "ui/window/main_window.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <sys/stat.h>

#include <cmath>

using namespace inkling;
using testing::Heard;
using testing::listen;

Q_DECLARE_METATYPE(inkling::CompletionMode)

namespace {

// One answer of the scripted server.
struct Script
{
    int status = 200;
    QList<QByteArray> events; // each sent as "data: <event>\n\n", in its own write
    bool done = true;         // "data: [DONE]" at the end
    QByteArray body;          // for an error status
};

// A chunk event as the servers send it: the text and its tokens' logprobs.
QByteArray chunk(const QString &text, const QList<std::pair<QString, double>> &tokens = {},
                 const QString &finishReason = {})
{
    QJsonArray pieces, logprobs;
    for (const auto &[t, lp] : tokens) {
        pieces.append(t);
        logprobs.append(lp);
    }
    QJsonObject choice{{"text", text}, {"index", 0}};
    choice.insert("finish_reason", finishReason.isEmpty() ? QJsonValue() : finishReason);
    if (!tokens.isEmpty())
        choice.insert("logprobs", QJsonObject{{"tokens", pieces}, {"token_logprobs", logprobs}});
    return QJsonDocument(QJsonObject{{"choices", QJsonArray{choice}}})
        .toJson(QJsonDocument::Compact);
}

// A single-token event.
QByteArray token(const QString &text, double logprob)
{
    return chunk(text, {{text, logprob}});
}

// Answers each connection with the next script, recording what was asked.
class ScriptedServer : public QObject
{
public:
    ScriptedServer()
    {
        QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
        });
    }

    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }
    void add(const Script &script) { m_scripts.append(script); }
    // The answer once the added scripts are used up (every keystroke asks anew).
    void setDefault(const Script &script) { m_default = script; }

    int connections = 0;
    QList<QByteArray> heads;   // request line and headers
    QList<QJsonObject> bodies; // request bodies

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        const QByteArray head = buffer.left(headEnd);
        qsizetype length = 0;
        for (const QByteArray &line : head.split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < headEnd + 4 + length)
            return;
        ++connections;
        heads.append(head);
        bodies.append(QJsonDocument::fromJson(buffer.mid(headEnd + 4, length)).object());
        m_buffers.remove(socket);
        answer(socket, m_scripts.isEmpty() ? m_default : m_scripts.takeFirst());
    }

    static void answer(QTcpSocket *socket, const Script &script)
    {
        if (script.status != 200) {
            socket->write("HTTP/1.1 " + QByteArray::number(script.status) +
                          " Error\r\nContent-Type: application/json\r\nContent-Length: " +
                          QByteArray::number(script.body.size()) + "\r\nConnection: close\r\n\r\n" +
                          script.body);
            socket->disconnectFromHost();
            return;
        }
        // No length: the body ends when the connection closes, as a dying server's does.
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                      "Cache-Control: no-cache\r\nConnection: close\r\n\r\n");
        socket->flush();
        for (const QByteArray &event : script.events) {
            socket->write("data: " + event + "\n\n");
            socket->flush();
        }
        if (script.done)
            socket->write("data: [DONE]\n\n");
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QList<Script> m_scripts;
    Script m_default;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

CompletionRequest suggestion(const QString &textBefore, CompletionMode mode, int maxTokens = 32)
{
    return testing::greedyRequest(textBefore, mode, maxTokens);
}

// The local engine as the fallback sees it: answers every request with "local" text.
class ScriptedLocal : public CompletionSource
{
public:
    using CompletionSource::CompletionSource;
    QList<CompletionRequest> requests;
    void request(const CompletionRequest &r) override
    {
        requests.append(r);
        QMetaObject::invokeMethod(
            this,
            [this, id = r.id] {
                emit confidence(id, 0.5);
                emit partial(id, QStringLiteral(" local"));
                emit finished(id, QStringLiteral(" local"), CompletionStats{});
            },
            Qt::QueuedConnection);
    }
    void cancel() override {}
    void cancelCommand() override {}
};

// Every message Qt or Inkling logs while it is installed.
QString g_logged;
void record(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    g_logged += QString::fromLatin1(context.category ? context.category : "") + QLatin1Char(' ') +
                message + QLatin1Char('\n');
}

} // namespace

class TestServerSource : public QObject
{
    Q_OBJECT

private slots:
    void endpoint_data();
    void endpoint();
    void streamsPiecesInOrder();
    void cutsAsTheLocalEngine_data();
    void cutsAsTheLocalEngine();
    void withholdsAnUnlikelyFirstWord();
    void failureHandsOverToLocal_data();
    void failureHandsOverToLocal();
    void offByDefaultTouchesNoNetwork();
    void ghostTextFromTheServer_data();
    void ghostTextFromTheServer();
    void keyOnlyInTheAuthorizationHeader();
    void keyFileIsPrivate();
};

void TestServerSource::endpoint_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("endpoint");
    QTest::newRow("base") << "http://127.0.0.1:8080"
                          << "http://127.0.0.1:8080/v1/completions";
    QTest::newRow("slash") << "http://host:8080/"
                           << "http://host:8080/v1/completions";
    QTest::newRow("v1") << "https://host/v1"
                        << "https://host/v1/completions";
    QTest::newRow("prefix") << "http://host/llm/"
                            << "http://host/llm/v1/completions";
    QTest::newRow("endpoint") << "http://host/v1/completions"
                              << "http://host/v1/completions";
}

void TestServerSource::endpoint()
{
    QFETCH(QString, url);
    QFETCH(QString, endpoint);
    ServerConfig c;
    c.url = QUrl(url);
    QVERIFY(c.isUsable());
    QCOMPARE(c.endpoint().toString(), endpoint);
    c.url = QUrl(QStringLiteral("file:///etc/passwd"));
    QVERIFY(!c.isUsable());
}

void TestServerSource::streamsPiecesInOrder()
{
    ScriptedServer server;
    const QList<QString> pieces{" The", " cat", " sat", " on", " the", " mat"};
    Script script;
    for (qsizetype i = 0; i < pieces.size(); ++i)
        script.events.append(token(pieces[i], -0.1 * double(i + 1)));
    script.events.append(chunk(QString(), {}, QStringLiteral("length")));
    server.add(script);

    ServerCompletionSource source;
    source.setConfig({server.url(), QStringLiteral("big-model"), {}});
    CompletionRequest r = suggestion(QStringLiteral("Once upon a time"), CompletionMode::Raw);
    r.generation.notes = "Cats only.";
    Heard heard;
    listen(&source, r.id, &heard);
    source.request(r);
    QTRY_VERIFY(heard.ended());
    QCOMPARE(heard.failure, QString());
    QCOMPARE(heard.text, pieces.join(QString()));
    QCOMPARE(heard.streamed, heard.text);
    QVERIFY2(heard.partials > 1, "the answer came as one piece, not streamed");
    QVERIFY(!heard.partialBeforeConfidence);
    // The first word, " The", is complete once " cat" follows it.
    QCOMPARE(heard.confidences.size(), 1);
    QCOMPARE(heard.confidences.first(), std::exp(-0.1));
    QCOMPARE(heard.stats.stopReason, QStringLiteral("token budget"));
    QCOMPARE(heard.stats.tokens, int(pieces.size()));

    // What went to the server: the prompt as the local engine sees it (notes first),
    // greedy settings, streaming with logprobs.
    QCOMPARE(server.connections, 1);
    QVERIFY(server.heads.first().startsWith("POST /v1/completions HTTP/1.1"));
    const QJsonObject body = server.bodies.first();
    QCOMPARE(body.value("prompt").toString(), QStringLiteral("Cats only.\n\nOnce upon a time"));
    QCOMPARE(body.value("model").toString(), QStringLiteral("big-model"));
    QCOMPARE(body.value("stream").toBool(), true);
    QCOMPARE(body.value("temperature").toDouble(-1), 0.0);
    QCOMPARE(body.value("max_tokens").toInt(), 32);
    QVERIFY(body.value("logprobs").toInt() >= 1);
    QVERIFY(!server.heads.first().toLower().contains("authorization"));
}

void TestServerSource::cutsAsTheLocalEngine_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<CompletionMode>("mode");
    const QString prose =
        QStringLiteral("The history of the city begins in the twelfth century, when");
    const QString code = QStringLiteral("def area(width, height):\n    ");
    for (CompletionMode mode :
         {CompletionMode::Word, CompletionMode::Sentence, CompletionMode::Paragraph,
          CompletionMode::Line, CompletionMode::Raw}) {
        QTest::addRow("prose %s", modeName(mode)) << prose << mode;
    }
    QTest::addRow("code") << code << CompletionMode::Code;
}

// The oracle: the local generator on the embedded model, greedy. Its raw tokens (with
// their probabilities) are what the scripted server streams; the server source must cut
// them where the local engine cut its own suggestion, with the same confidence.
void TestServerSource::cutsAsTheLocalEngine()
{
    QFETCH(QString, prompt);
    QFETCH(CompletionMode, mode);
    static const std::unique_ptr<LanguageModel> model = LanguageModel::load(INKLING_TINY_MODEL_DIR);
    const auto run = [&](CompletionMode m) {
        Gpt2Session session(model->model());
        GenerationRequest g;
        g.prompt = prompt.toStdString();
        g.mode = m;
        g.maxTokens = 48;
        g.sampling.greedy = true;
        return generate(session, model->tokenizer(), g);
    };
    const GenerationResult raw = run(CompletionMode::Raw);
    const GenerationResult local = run(mode);

    // One event per token; bytes of a character split over tokens travel together (JSON
    // carries text), with the product of their probabilities.
    Script script;
    std::string pending;
    double logprob = 0;
    for (size_t t = 0; t < raw.tokens.size() && t < raw.tokenProbabilities.size(); ++t) {
        if (raw.tokens[t] == model->tokenizer().endOfText())
            break;
        pending += model->tokenizer().tokenBytes(raw.tokens[t]);
        logprob += std::log(double(raw.tokenProbabilities[t]));
        Utf8Stream check;
        if (check.push(pending).size() != pending.size())
            continue; // an unfinished character
        script.events.append(token(QString::fromStdString(pending), logprob));
        pending.clear();
        logprob = 0;
    }
    script.events.append(chunk(QString(), {},
                               raw.reason == StopReason::EndOfText ? QStringLiteral("stop")
                                                                   : QStringLiteral("length")));
    ScriptedServer server;
    server.add(script);
    ServerCompletionSource source;
    source.setConfig({server.url(), {}, {}});
    const CompletionRequest r = suggestion(prompt, mode, 48);
    Heard heard;
    listen(&source, r.id, &heard);
    source.request(r);
    QTRY_VERIFY(heard.ended());
    QCOMPARE(heard.failure, QString());
    QCOMPARE(heard.text, QString::fromStdString(local.text));
    QCOMPARE(heard.streamed, heard.text);
    QCOMPARE(heard.confidences.size(), 1);
    QVERIFY2(std::abs(heard.confidences.first() - local.firstWordConfidence) <=
                 1e-5 * std::max(1.0, local.firstWordConfidence),
             qPrintable(QStringLiteral("%1 vs %2")
                            .arg(heard.confidences.first())
                            .arg(local.firstWordConfidence)));
}

void TestServerSource::withholdsAnUnlikelyFirstWord()
{
    ScriptedServer server;
    Script script;
    script.events = {token(" Perhaps", std::log(0.05)), token(" not", -0.1), token(".", -0.1)};
    server.add(script);
    ServerCompletionSource source;
    source.setConfig({server.url(), {}, {}});
    CompletionRequest r = suggestion(QStringLiteral("Well,"), CompletionMode::Sentence);
    r.generation.minConfidence = 0.2;
    Heard heard;
    listen(&source, r.id, &heard);
    source.request(r);
    QTRY_VERIFY(heard.ended());
    QCOMPARE(heard.text, QString());
    QCOMPARE(heard.streamed, QString());
    QCOMPARE(heard.stats.stopReason, QStringLiteral("withheld"));
    QCOMPARE(heard.confidences.size(), 1);
    QCOMPARE(heard.confidences.first(), 0.05);
}

void TestServerSource::failureHandsOverToLocal_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QList<QByteArray>>("events");
    QTest::addColumn<bool>("done");
    QTest::addColumn<bool>("refused");
    QTest::addColumn<QString>("shown"); // what of the server's answer showed before

    const QList<QByteArray> none;
    QTest::newRow("500") << 500 << none << false << false << QString();
    QTest::newRow("malformed JSON") << 200 << QList<QByteArray>{"{\"choices\": [{\"text\": \" The"}
                                    << true << false << QString();
    QTest::newRow("not a completion")
        << 200 << QList<QByteArray>{"{\"choices\": [{\"message\": {}}]}"} << true << false
        << QString();
    QTest::newRow("error event")
        << 200 << QList<QByteArray>{"{\"error\": {\"message\": \"out of memory\"}}"} << true
        << false << QString();
    QTest::newRow("dies mid-stream")
        << 200 << QList<QByteArray>{token(" The", -0.1), token(" cat", -0.1)} << false << false
        << QStringLiteral(" The cat");
    QTest::newRow("refused") << 200 << none << false << true << QString();
}

void TestServerSource::failureHandsOverToLocal()
{
    QFETCH(int, status);
    QFETCH(QList<QByteArray>, events);
    QFETCH(bool, done);
    QFETCH(bool, refused);
    QFETCH(QString, shown);

    ScriptedServer server;
    server.add(Script{status, events, done, "{\"error\": \"boom\"}"});
    QUrl url = server.url();
    if (refused) {
        QTcpServer closed; // a port that was free a moment ago and is closed now
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        url.setPort(closed.serverPort());
    }

    ScriptedLocal local;
    FallbackCompletionSource source(&local);
    source.setServer({url, {}, {}});
    QVERIFY(source.usesServer());
    QSignalSpy messages(&source, &FallbackCompletionSource::serverFailed);
    QSignalSpy answered(&source, &FallbackCompletionSource::answeredBy);
    const CompletionRequest r = suggestion(QStringLiteral("Once upon a time"), CompletionMode::Raw);
    Heard heard;
    listen(&source, r.id, &heard);
    source.request(r);
    QTRY_VERIFY(heard.ended());

    QCOMPARE(heard.failure, QString()); // the listener never hears of the failure ...
    QCOMPARE(messages.size(), 1);       // ... the status bar does
    QVERIFY(!messages.first().first().toString().isEmpty());
    QCOMPARE(local.requests.size(), 1);
    QCOMPARE(local.requests.first().id, r.id);
    // The local engine continues after what already showed.
    QCOMPARE(local.requests.first().textBefore, r.textBefore + shown);
    QCOMPARE(heard.text, shown + QStringLiteral(" local"));
    QCOMPARE(heard.streamed, heard.text);
    QCOMPARE(heard.confidences.size(), 1);
    QCOMPARE(answered.size(), 1);
    QCOMPARE(answered.first().first().toString(), QString()); // the built-in model

    // For a while after, the local engine answers alone: no second connection.
    const int connections = server.connections;
    const CompletionRequest next = suggestion(QStringLiteral("Twice"), CompletionMode::Raw);
    Heard second;
    listen(&source, next.id, &second);
    source.request(next);
    QTRY_VERIFY(second.ended());
    QCOMPARE(second.text, QStringLiteral(" local"));
    QCOMPARE(server.connections, connections);
    QCOMPARE(messages.size(), 1);
}

void TestServerSource::offByDefaultTouchesNoNetwork()
{
    ScriptedLocal local;
    FallbackCompletionSource source(&local);
    QVERIFY(!source.usesServer());
    const CompletionRequest r = suggestion(QStringLiteral("Hello"), CompletionMode::Word);
    Heard heard;
    listen(&source, r.id, &heard);
    source.request(r);
    QTRY_VERIFY(heard.ended());
    QCOMPARE(heard.text, QStringLiteral(" local"));
    QCOMPARE(local.requests.size(), 1);
    // Not even a network access manager exists.
    QCOMPARE(source.findChildren<QNetworkAccessManager *>().size(), 0);
}

void TestServerSource::ghostTextFromTheServer_data()
{
    QTest::addColumn<bool>("serverDies");
    QTest::newRow("server answers") << false;
    QTest::newRow("server dies") << true;
}

// The whole path in the real window: settings → fallback source → controller → ghost
// text, and the status bar naming who answered.
void TestServerSource::ghostTextFromTheServer()
{
    QFETCH(bool, serverDies);
    QStandardPaths::setTestModeEnabled(true);
    ScriptedServer server;
    Script script;
    script.events = {token(" the", -0.1), token(" cat", -0.1), token(" sat", -0.1),
                     token(".", -0.1), token(" And", -0.1)};
    if (serverDies) {
        script.events = script.events.mid(0, 2); // " the cat", then the connection drops
        script.done = false;
    }
    server.setDefault(script);

    MainWindow window;
    QSignalSpy loaded(window.engine(), &EngineThread::modelLoaded);
    SuggestionSettings settings;
    settings.debounceMs = 60;
    settings.sampling.greedy = true;
    settings.minConfidence = 0;
    settings.trigger = TriggerRule::EveryKeystroke;
    settings.serverEnabled = true;
    settings.serverUrl = server.url().toString();
    window.applySettings(settings);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.engine()->isModelLoaded() || loaded.wait(30000));

    Editor *editor = window.editor();
    editor->setFocus();
    QSignalSpy finished(window.suggestions(), &SuggestionController::finished);
    QSignalSpy messages(window.statusBar(), &QStatusBar::messageChanged);
    QTest::keyClicks(editor, QStringLiteral("Once upon a time"));
    QVERIFY(finished.wait(30000));
    QTRY_VERIFY(!window.suggestions()->isPending());
    QVERIFY(server.connections >= 1);
    if (!serverDies) {
        QCOMPARE(window.suggestions()->suggestion(), QStringLiteral(" the cat sat."));
        QTRY_COMPARE(window.suggestions()->ghost()->text(), QStringLiteral(" the cat sat."));
        QCOMPARE(window.suggestionStatus()->backendText(), QStringLiteral("Server: 127.0.0.1"));
    } else {
        // The built-in model answered (continuing after " the cat" when that showed),
        // and the status bar said why.
        QTRY_COMPARE(window.suggestionStatus()->backendText(), QStringLiteral("Built-in model"));
        QVERIFY(!window.suggestions()->suggestion().isEmpty());
        QTRY_COMPARE(window.suggestions()->ghost()->text(), window.suggestions()->suggestion());
        bool said = false;
        for (const QList<QVariant> &message : std::as_const(messages))
            said |= message.first().toString().contains(QLatin1String("built-in model answers"));
        QVERIFY(said);
    }
    QCOMPARE(editor->toPlainText(), QStringLiteral("Once upon a time"));
}

void TestServerSource::keyOnlyInTheAuthorizationHeader()
{
    const QString key = QStringLiteral("sk-secret-4711-do-not-print");
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true\nqt.*=true"));
    g_logged.clear();
    const QtMessageHandler previous = qInstallMessageHandler(record);

    ScriptedServer server;
    Script ok;
    ok.events = {token(" yes", -0.1), token(".", -0.1)};
    server.add(ok);
    server.add(Script{401, {}, false, "{\"error\": \"bad key\"}"});
    server.add(Script{200, {"{not json"}, false, {}});
    ScriptedLocal local;
    FallbackCompletionSource source(&local);
    source.setServer({server.url(), {}, key});
    for (int i = 0; i < 3; ++i) {
        source.retryServer();
        const CompletionRequest r = suggestion(QStringLiteral("Key?"), CompletionMode::Sentence);
        Heard heard;
        listen(&source, r.id, &heard);
        source.request(r);
        QTRY_VERIFY(heard.ended());
    }
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());

    QCOMPARE(server.connections, 3);
    for (const QByteArray &head : std::as_const(server.heads)) {
        QByteArrayList authorization; // header names are case-insensitive, values not
        for (const QByteArray &line : head.split('\n')) {
            if (line.toLower().startsWith("authorization:"))
                authorization.append(line.mid(14).trimmed());
        }
        QCOMPARE(authorization, QByteArrayList{"Bearer " + key.toUtf8()});
    }
    for (const QJsonObject &body : std::as_const(server.bodies))
        QVERIFY(!QJsonDocument(body).toJson().contains(key.toUtf8()));
    QVERIFY2(g_logged.contains(QLatin1String("inkling.server")), qPrintable(g_logged));
    QVERIFY2(!g_logged.contains(key), qPrintable(g_logged));
    QVERIFY(!g_logged.contains(QLatin1String("4711")));
}

void TestServerSource::keyFileIsPrivate()
{
    AS_ORDINARY_USER();
    QStandardPaths::setTestModeEnabled(true);
    const QString path = serverKeyPath();
    QFile::remove(path);
    const mode_t umaskBefore = ::umask(0); // the most permissive umask: still private
    QVERIFY(saveServerKey(QStringLiteral("  sk-private  ")));
    ::umask(umaskBefore);
    QCOMPARE(loadServerKey(), QStringLiteral("sk-private"));
    struct stat file = {}, folder = {};
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &file), 0);
    QCOMPARE(::stat(QFile::encodeName(QFileInfo(path).path()).constData(), &folder), 0);
    QCOMPARE(file.st_mode & 07777, mode_t(0600));
    QCOMPARE(folder.st_mode & 07777, mode_t(0700));
    // An older file others could read is made private before the new key goes in.
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
    QVERIFY(saveServerKey(QStringLiteral("sk-new")));
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &file), 0);
    QCOMPARE(file.st_mode & 07777, mode_t(0600));
    QCOMPARE(loadServerKey(), QStringLiteral("sk-new"));
    // No key: no file.
    QVERIFY(saveServerKey(QString()));
    QVERIFY(!QFile::exists(path));
    QCOMPARE(loadServerKey(), QString());
}

QTEST_MAIN(TestServerSource)
#include "tst_server_source.moc"
