// The server backend against a real llama.cpp llama-server serving the embedded model
// (converted to GGUF): run by `./inkling.sh test --llama`, which starts the server in
// the benchmark's Debian unstable root (tests/bench/serve_llama.py) and passes its URL as
// INKLING_LLAMA_URL. Not in ctest: that root is made only on request.
//
// The oracle is llama-server itself: a streamed suggestion through ServerCompletionSource
// equals its greedy /completion of the same prompt, and the stop rule cuts that text.
// A proxy between the two then breaks the stream (the connection dies mid-answer, or a
// chunk arrives damaged) and the local engine, with the same embedded model, takes over.
// And in the real window: typing the prompt shows llama-server's greedy text as ghost text.
#include "completion_listener.h"
#include "engine/generation/stop_rule.h"
#include "service/engine_thread.h"
#include "service/fallback_completion_source.h"
#include "ui/editor/editor.h"
#include "ui/editor/ghost_text.h"
#include "ui/suggestions/suggestion_controller.h"
#include "ui/suggestions/suggestion_status.h"
#include "ui/window/main_window.h"

#include <QApplication>
#include <QStandardPaths>

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace inkling;
using testing::Heard;
using testing::listen;

Q_DECLARE_METATYPE(inkling::CompletionMode)

namespace {

const QString kPrompt = QStringLiteral("The old man looked out of the window and");
constexpr int kTokens = 24;

QUrl serverUrl()
{
    return QUrl(qEnvironmentVariable("INKLING_LLAMA_URL"));
}

// llama-server's own greedy continuation (its native endpoint, not streamed).
QString greedyFromServer(const QString &prompt, int tokens)
{
    QNetworkAccessManager network;
    QUrl url = serverUrl();
    url.setPath(QStringLiteral("/completion"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const QJsonObject body{{"prompt", prompt},
                           {"n_predict", tokens},
                           {"temperature", 0},
                           {"top_k", 1},
                           {"cache_prompt", false}};
    QNetworkReply *reply = network.post(request, QJsonDocument(body).toJson());
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll()).object().value("content").toString();
}

// The stop rule's cut of llama-server's own text: what a suggestion in mode shows of it.
QString cutByStopRule(const QString &text, CompletionMode mode)
{
    const std::string t = text.toStdString();
    const StopRule rule(mode);
    const std::optional<size_t> stop = rule.stopAt(t);
    return QString::fromStdString(t.substr(0, stop ? *stop : rule.finalLength(t)));
}

CompletionRequest greedyRequest(CompletionMode mode, const QString &prompt = kPrompt)
{
    return testing::greedyRequest(prompt, mode, kTokens);
}

// Between Inkling and llama-server: passes everything on, but breaks the answer after
// its first two events, by closing the connection or by damaging the third.
class BreakingProxy : public QObject
{
public:
    enum class Break { Close, Damage };

    explicit BreakingProxy(Break how)
        : m_how(how)
    {
        QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = m_server.nextPendingConnection())
                relay(client);
        });
    }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }
    bool broke = false;

private:
    void relay(QTcpSocket *client)
    {
        auto *upstream = new QTcpSocket(client);
        upstream->connectToHost(QHostAddress::LocalHost, quint16(serverUrl().port()));
        connect(client, &QTcpSocket::readyRead, upstream,
                [client, upstream] { upstream->write(client->readAll()); });
        connect(upstream, &QTcpSocket::connected, client,
                [client, upstream] { upstream->write(client->readAll()); });
        auto *seen = new QByteArray;
        connect(client, &QObject::destroyed, [seen] { delete seen; });
        connect(upstream, &QTcpSocket::readyRead, client, [this, client, upstream, seen] {
            if (broke)
                return;
            QByteArray bytes = upstream->readAll();
            *seen += bytes;
            if (seen->count("data: ") < 3) {
                client->write(bytes);
                return;
            }
            // Up to the third event's start, then the break.
            qsizetype third = -1;
            for (int n = 0; n < 3; ++n)
                third = seen->indexOf("data: ", third + 1);
            const qsizetype keep = third - (seen->size() - bytes.size());
            client->write(bytes.left(qMax<qsizetype>(0, keep)));
            broke = true;
            if (m_how == Break::Damage) {
                client->write("data: {\"choices\": [{\"text\": \n\n");
                client->flush();
            } else {
                client->flush();
                client->abort();
            }
            upstream->abort();
        });
    }

    Break m_how;
    QTcpServer m_server;
};

} // namespace

class TestServerLlama : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(serverUrl().isValid() && serverUrl().port() > 0,
                 "run through ./inkling.sh test --llama, which starts llama-server and sets "
                 "INKLING_LLAMA_URL");
    }

    void streamsTheServersGreedyText_data()
    {
        QTest::addColumn<CompletionMode>("mode");
        QTest::newRow("free") << CompletionMode::Raw;
        QTest::newRow("sentence") << CompletionMode::Sentence;
        QTest::newRow("word") << CompletionMode::Word;
    }

    void streamsTheServersGreedyText()
    {
        QFETCH(CompletionMode, mode);
        const QString greedy = greedyFromServer(kPrompt, kTokens);
        QVERIFY2(!greedy.isEmpty(), "llama-server gave no greedy text");
        // When the budget ends inside a character, /completion shows its start as U+FFFD,
        // while the stream holds the unfinished character back, with the rest of its
        // token (a space before it): compare what both have.
        QString whole = greedy;
        bool unfinished = false;
        if (whole.endsWith(QChar(0xFFFD))) {
            unfinished = true;
            whole.chop(1);
            while (!whole.isEmpty() && whole.back().isSpace())
                whole.chop(1);
        }
        const QString expected = cutByStopRule(whole, mode);

        ServerCompletionSource source;
        source.setConfig({serverUrl(), {}, {}});
        const CompletionRequest r = greedyRequest(mode);
        Heard heard;
        listen(&source, r.id, &heard);
        source.request(r);
        QTRY_VERIFY_WITH_TIMEOUT(heard.ended(), 60000);
        QCOMPARE(heard.failure, QString());
        QString text = heard.text;
        if (unfinished && mode == CompletionMode::Raw) {
            while (!text.isEmpty() && text.back().isSpace())
                text.chop(1);
        }
        QCOMPARE(text, expected);
        QCOMPARE(heard.streamed, heard.text);
        QCOMPARE(heard.confidences.size(), 1);
        QVERIFY2(heard.confidences[0] > 0 && heard.confidences[0] <= 1,
                 qPrintable(QString::number(heard.confidences[0])));
        if (mode == CompletionMode::Raw)
            QVERIFY2(heard.partials > 1, "not streamed");
    }

    // The whole path a writer uses: the server switched on in the settings, the prompt
    // typed into the editor of a real window, the suggestion streamed into its ghost
    // text, equal to llama-server's own greedy text cut at the sentence's end.
    void ghostTextInTheEditor()
    {
        const QString greedy = greedyFromServer(kPrompt, kTokens);
        QVERIFY2(!greedy.isEmpty(), "llama-server gave no greedy text");
        const QString expected = cutByStopRule(greedy, CompletionMode::Sentence);

        QStandardPaths::setTestModeEnabled(true);
        MainWindow window;
        QSignalSpy loaded(window.engine(), &EngineThread::modelLoaded);
        SuggestionSettings settings;
        settings.debounceMs = 60;
        settings.sampling.greedy = true;
        settings.minConfidence = 0;
        settings.trigger = TriggerRule::EveryKeystroke;
        settings.proseMode = CompletionMode::Sentence;
        settings.maxTokensSentence = kTokens;
        settings.tokenHealing = false; // the server gets the text as it is
        settings.serverEnabled = true;
        settings.serverUrl = serverUrl().toString();
        window.applySettings(settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Suggestions start once the built-in model (the fallback) is there.
        QVERIFY(window.engine()->isModelLoaded() || loaded.wait(30000));
        Editor *editor = window.editor();
        editor->setFocus();
        QTest::keyClicks(editor, kPrompt);
        QTRY_VERIFY_WITH_TIMEOUT(!window.suggestions()->isPending() &&
                                     !window.suggestions()->suggestion().isEmpty(),
                                 60000);
        QCOMPARE(window.suggestions()->suggestion(), expected);
        QTRY_COMPARE(window.suggestions()->ghost()->text(), expected);
        QCOMPARE(window.suggestionStatus()->backendText(), QStringLiteral("Server: 127.0.0.1"));
        QCOMPARE(editor->toPlainText(), kPrompt); // ghost text is not the document's
    }

    void brokenStreamFallsBackToTheLocalEngine_data()
    {
        QTest::addColumn<int>("how");
        QTest::newRow("dies mid-stream") << int(BreakingProxy::Break::Close);
        QTest::newRow("malformed JSON") << int(BreakingProxy::Break::Damage);
    }

    void brokenStreamFallsBackToTheLocalEngine()
    {
        QFETCH(int, how);
        EngineThread engine;
        engine.loadModel(QStringLiteral(INKLING_TINY_MODEL_DIR));
        QTRY_VERIFY_WITH_TIMEOUT(engine.isModelLoaded(), 60000);

        BreakingProxy proxy{BreakingProxy::Break(how)};
        FallbackCompletionSource source(&engine);
        source.setServer({proxy.url(), {}, {}});
        QSignalSpy messages(&source, &FallbackCompletionSource::serverFailed);
        const CompletionRequest r = greedyRequest(CompletionMode::Raw);
        Heard heard;
        listen(&source, r.id, &heard);
        QString shownAtFailure; // the server's part of the suggestion
        connect(&source, &FallbackCompletionSource::serverFailed, this,
                [&] { shownAtFailure = heard.streamed; });
        source.request(r);
        QTRY_VERIFY_WITH_TIMEOUT(heard.ended(), 60000);
        QVERIFY(proxy.broke);
        QCOMPARE(heard.failure, QString());
        QCOMPARE(messages.size(), 1);
        qInfo("message: %s", qPrintable(messages.first().first().toString()));
        QCOMPARE(heard.streamed, heard.text);
        // What showed from the server is the start of llama-server's greedy text; the
        // local engine went on after it.
        const QString greedy = greedyFromServer(kPrompt, kTokens);
        qInfo("server's part: \"%s\", whole: \"%s\"", qPrintable(shownAtFailure),
              qPrintable(heard.text));
        QVERIFY2(greedy.startsWith(shownAtFailure), qPrintable(greedy));
        QVERIFY(heard.text.startsWith(shownAtFailure));
        QVERIFY(heard.text.size() > shownAtFailure.size());
    }

    // llama-server refuses a prompt longer than its context (1024 tokens here) with an
    // HTTP error: the local engine answers.
    void serverErrorFallsBackToTheLocalEngine()
    {
        EngineThread engine;
        engine.loadModel(QStringLiteral(INKLING_TINY_MODEL_DIR));
        QTRY_VERIFY_WITH_TIMEOUT(engine.isModelLoaded(), 60000);
        FallbackCompletionSource source(&engine);
        source.setServer({serverUrl(), {}, {}});
        QSignalSpy messages(&source, &FallbackCompletionSource::serverFailed);
        QString longText;
        while (longText.size() < 12000)
            longText += QStringLiteral("word%1 ").arg(longText.size());
        const CompletionRequest r = greedyRequest(CompletionMode::Raw, longText);
        Heard heard;
        listen(&source, r.id, &heard);
        source.request(r);
        QTRY_VERIFY_WITH_TIMEOUT(heard.ended(), 60000);
        QCOMPARE(heard.failure, QString());
        QCOMPARE(messages.size(), 1);
        qInfo("message: %s", qPrintable(messages.first().first().toString()));
        QVERIFY(heard.finished);
    }
};

int main(int argc, char **argv)
{
    // A window without a screen unless one is there (inkling.sh runs this test directly).
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TestServerLlama test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_server_llama.moc"
