// The suggestion's state machine (engine/generation/suggestion_session.h) on scripted events, with
// expectations worked out by hand from the rules: typing what it suggests consumes it,
// anything else dismisses it, accept keys insert word / line / all, alternatives cycle
// (sampled on demand), an unlikely first word is withheld unless asked for, and replies
// to any request but the newest are dropped.
#include "engine/generation/suggestion_session.h"

#include <QTest>

using namespace inkling;

Q_DECLARE_METATYPE(SuggestionSession::State)

class TestSuggestionSession : public QObject
{
    Q_OBJECT

private slots:
    void script_data()
    {
        // Steps, one per line: "start P" (a new suggestion at P), "ask P" (the same, asked
        // for with a key), "conf X", "text S" (the rest of the line, leading blanks kept),
        // "stale S" (text for the previous request), "finish", "type P S",
        // "word" / "line" / "all" (insert what the accept key takes at the suggestion's
        // position), "next" / "prev" (an alternative; asked for when unknown).
        // returns: one character per step, y / n for the step's result ('r': cycled, and
        // the alternative must be asked for), '.' for start and ask.
        QTest::addColumn<QStringList>("steps");
        QTest::addColumn<QString>("returns");
        QTest::addColumn<QString>("text");
        QTest::addColumn<SuggestionSession::State>("state");
        QTest::addColumn<int>("position");
        QTest::addColumn<int>("alternative");
        using S = SuggestionSession::State;
        const QStringList shown{"start 5", "conf 0.9", "text  world peace.", "finish"};

        QTest::addRow("nothing yet") << QStringList{} << "" << "" << S::Idle << -1 << 0;
        QTest::addRow("streamed and shown")
            << shown << ".yyy" << " world peace." << S::Shown << 5 << 0;
        QTest::addRow("type-through consumes") << (shown + QStringList{"type 5  w"}) << ".yyyy"
                                               << "orld peace." << S::Shown << 7 << 0;
        QTest::addRow("type-through twice")
            << (shown + QStringList{"type 5  w", "type 7 o"}) << ".yyyyy"
            << "rld peace." << S::Shown << 8 << 0;
        QTest::addRow("mismatch dismisses")
            << (shown + QStringList{"type 5  x"}) << ".yyyn" << "" << S::Idle << -1 << 0;
        QTest::addRow("typing elsewhere dismisses")
            << (shown + QStringList{"type 4  w"}) << ".yyyn" << "" << S::Idle << -1 << 0;
        QTest::addRow("typing all of it uses it up")
            << (shown + QStringList{"type 5  world peace."}) << ".yyyy"
            << "" << S::Idle << -1 << 0;
        QTest::addRow("type-through while streaming")
            << QStringList{"start 5", "conf 0.9", "text  wo", "type 5  wo", "text rld"} << ".yyyy"
            << "rld" << S::Streaming << 8 << 0;
        QTest::addRow("typed all that came, more coming")
            << QStringList{"start 5", "conf 0.9", "text  wo", "type 5  wo"} << ".yyy" << ""
            << S::Streaming << 8 << 0;
        QTest::addRow("accept word")
            << (shown + QStringList{"word"}) << ".yyyy" << " peace." << S::Shown << 11 << 0;
        QTest::addRow("accept word twice")
            << (shown + QStringList{"word", "word"}) << ".yyyyy" << "." << S::Shown << 17 << 0;
        QTest::addRow("accept line")
            << QStringList{"start 0", "conf 0.9", "text One. Two.", "finish", "line"} << ".yyyy"
            << " Two." << S::Shown << 4 << 0;
        QTest::addRow("accept line at a line break")
            << QStringList{"start 0", "conf 0.9", "text a b\nc", "finish", "line"} << ".yyyy" << "c"
            << S::Shown << 4 << 0;
        QTest::addRow("accept all")
            << (shown + QStringList{"all"}) << ".yyyy" << "" << S::Idle << -1 << 0;
        QTest::addRow("below the gate: withheld")
            << QStringList{"start 5", "conf 0.29", "text  world"} << ".nn"
            << "" << S::Idle << -1 << 0;
        QTest::addRow("at the gate: shown")
            << QStringList{"start 5", "conf 0.3", "text  world", "finish"} << ".yyy"
            << " world" << S::Shown << 5 << 0;
        QTest::addRow("asked for: never withheld")
            << QStringList{"ask 5", "conf 0.01", "text  world", "finish"} << ".yyy"
            << " world" << S::Shown << 5 << 0;
        QTest::addRow("nothing suggested: none")
            << QStringList{"start 5", "conf 0", "finish"} << ".nn" << "" << S::Idle << -1 << 0;
        QTest::addRow("asked, nothing suggested: none")
            << QStringList{"ask 5", "conf 0", "finish"} << ".yy" << "" << S::Idle << -1 << 0;
        QTest::addRow("stale replies dropped")
            << QStringList{"start 5", "start 6", "stale x", "conf 0.9", "text y", "finish"}
            << "..nyyy" << "y" << S::Shown << 6 << 0;
        QTest::addRow("next alternative is asked for")
            << (shown + QStringList{"next", "conf 0.01", "text  war", "finish"}) << ".yyyryyy"
            << " war" << S::Shown << 5 << 1;
        QTest::addRow("cycling wraps to the first, known")
            << (shown + QStringList{"next", "text b", "finish", "next", "text c", "finish", "next"})
            << ".yyyryyryyy" << " world peace." << S::Shown << 5 << 0;
        QTest::addRow("previous from the first is the last")
            << (shown + QStringList{"prev", "text c", "finish"}) << ".yyyryy" << "c" << S::Shown
            << 5 << 2;
        QTest::addRow("cycling back to a known one")
            << (shown + QStringList{"next", "text b", "finish", "prev"}) << ".yyyryyy"
            << " world peace." << S::Shown << 5 << 0;
        QTest::addRow("cycling stops a streaming request")
            << QStringList{"start 5", "conf 0.9", "text ab", "next", "stale late"} << ".yyrn" << ""
            << S::Streaming << 5 << 1;
        QTest::addRow("no cycling once typed")
            << (shown + QStringList{"type 5  w", "next"}) << ".yyyyn"
            << "orld peace." << S::Shown << 7 << 0;
        QTest::addRow("no cycling without a suggestion")
            << QStringList{"next"} << "n" << "" << S::Idle << -1 << 0;
        QTest::addRow("typing through an alternative keeps only it")
            << (shown + QStringList{"next", "text  war", "finish", "type 5  w", "prev"})
            << ".yyyryyyn"
            << "ar" << S::Shown << 7 << 0;
    }

    void script()
    {
        QFETCH(QStringList, steps);
        QFETCH(QString, returns);
        QFETCH(QString, text);
        QFETCH(SuggestionSession::State, state);
        QFETCH(int, position);
        QFETCH(int, alternative);
        QCOMPARE(returns.size(), steps.size());

        SuggestionSession s;
        SuggestionPolicy policy;
        policy.minConfidence = 0.3;
        s.setPolicy(policy);
        std::uint64_t id = 0;
        const auto typeAt = [&](long at, std::string_view piece) {
            return s.typed(at, piece, long(piece.size()));
        };
        for (qsizetype i = 0; i < steps.size(); ++i) {
            const QString &step = steps[i];
            const qsizetype blank = step.indexOf(' ');
            const QString command = step.left(blank);
            const QString argument = blank < 0 ? QString() : step.mid(blank + 1);
            const std::string arg = argument.toStdString();
            char result = '.';
            const auto yesNo = [](bool b) {
                return b ? 'y' : 'n';
            };
            if (command == "start" || command == "ask") {
                s.start(argument.toLong(), 0, command == "ask", ++id, CompletionMode::Sentence);
            } else if (command == "conf") {
                result = yesNo(s.confidence(id, argument.toDouble()));
            } else if (command == "text") {
                result = yesNo(s.append(id, arg));
            } else if (command == "stale") {
                result = yesNo(s.append(id - 1, arg));
            } else if (command == "finish") {
                result = yesNo(s.finish(id));
            } else if (command == "type") {
                const qsizetype at = argument.indexOf(' ');
                result =
                    yesNo(typeAt(argument.left(at).toLong(), argument.mid(at + 1).toStdString()));
            } else if (command == "word" || command == "line" || command == "all") {
                const std::string piece(command == "word"   ? s.acceptWord()
                                        : command == "line" ? s.acceptLine()
                                                            : s.acceptAll());
                result = yesNo(!piece.empty() && typeAt(s.position(), piece));
            } else if (command == "next" || command == "prev") {
                const SuggestionSession::Step st =
                    command == "next" ? s.nextAlternative() : s.previousAlternative();
                result = st.request ? 'r' : yesNo(st.moved);
                if (st.request)
                    s.start(s.position(), *st.request, true, ++id, CompletionMode::Sentence);
            } else {
                QFAIL(qPrintable("unknown step " + step));
            }
            QVERIFY2(result == returns[i].toLatin1(),
                     qPrintable(QString("step %1 (%2) gave %3").arg(i).arg(step).arg(result)));
        }
        QCOMPARE(QString::fromStdString(std::string(s.text())), text);
        QCOMPARE(int(s.state()), int(state)); // by number: State is no Q_ENUM
        QCOMPARE(int(s.position()), position);
        QCOMPARE(s.alternative(), alternative);
    }

    // A suggestion that would only repeat the text after the cursor is held back while it
    // streams and dropped when it ends so; asked for, it shows.
    void repeatOfTheTextAfter_data()
    {
        QTest::addColumn<QByteArray>("after");
        QTest::addColumn<bool>("asked");
        QTest::addColumn<QStringList>("pieces");
        QTest::addColumn<QStringList>("shownWhileStreaming"); // after each piece
        QTest::addColumn<QString>("shownAtTheEnd");
        QTest::addRow("only the bracket that is there")
            << QByteArray(")") << false << QStringList{")"} << QStringList{""} << "";
        QTest::addRow("the bracket, then more")
            << QByteArray(")") << false << QStringList{")", " + 1"} << QStringList{"", ") + 1"}
            << ") + 1";
        QTest::addRow("asked for")
            << QByteArray(")") << true << QStringList{")"} << QStringList{")"} << ")";
        QTest::addRow("nothing after")
            << QByteArray() << false << QStringList{")"} << QStringList{")"} << ")";
    }
    void repeatOfTheTextAfter()
    {
        QFETCH(QByteArray, after);
        QFETCH(bool, asked);
        QFETCH(QStringList, pieces);
        QFETCH(QStringList, shownWhileStreaming);
        QFETCH(QString, shownAtTheEnd);
        SuggestionSession s;
        s.start(3, 0, asked, 1, CompletionMode::Code, std::string_view(after.data(), after.size()));
        for (qsizetype i = 0; i < pieces.size(); ++i) {
            QVERIFY(s.append(1, pieces[i].toStdString()));
            QCOMPARE(QString::fromStdString(std::string(s.text())), shownWhileStreaming[i]);
        }
        QVERIFY(s.finish(1));
        QCOMPARE(QString::fromStdString(std::string(s.text())), shownAtTheEnd);
        QCOMPARE(s.isActive(), !shownAtTheEnd.isEmpty());
    }

    // The request is the policy's for the mode and the alternative.
    void requestFollowsThePolicy_data()
    {
        QTest::addColumn<int>("alternative");
        QTest::addColumn<bool>("greedy");
        QTest::addRow("the suggestion: greedy, as the policy") << 0 << true;
        QTest::addRow("an alternative: sampled, to differ") << 1 << false;
    }

    void requestFollowsThePolicy()
    {
        QFETCH(int, alternative);
        QFETCH(bool, greedy);
        SuggestionSession s;
        const SuggestionPolicy policy; // greedy by default
        s.setPolicy(policy);
        s.start(0, 0, false, 1, CompletionMode::Sentence);
        const GenerationRequest r = s.start(0, alternative, false, 2, CompletionMode::Word);
        QCOMPARE(r.mode, CompletionMode::Word);
        QCOMPARE(r.maxTokens, policy.maxTokensWord);
        QCOMPARE(r.sampling.greedy, greedy);
        QCOMPARE(r.sampling.seed, policy.sampling.seed + uint64_t(alternative));
    }

    // The request carries the gate, so that the engine withholds an unlikely suggestion
    // itself; asked-for ones and alternatives carry none.
    void requestCarriesTheGate_data()
    {
        QTest::addColumn<int>("alternative");
        QTest::addColumn<bool>("asked");
        QTest::addColumn<double>("expected");
        QTest::addRow("typing") << 0 << false << 0.3;
        QTest::addRow("asked") << 0 << true << 0.0;
        QTest::addRow("alternative") << 1 << false << 0.0;
    }

    void requestCarriesTheGate()
    {
        QFETCH(int, alternative);
        QFETCH(bool, asked);
        QFETCH(double, expected);
        SuggestionSession s;
        SuggestionPolicy policy;
        policy.minConfidence = 0.3;
        s.setPolicy(policy);
        s.start(0, 0, false, 1, CompletionMode::Sentence);
        QCOMPARE(s.start(0, alternative, asked, 2, CompletionMode::Word).minConfidence, expected);
    }
};

QTEST_GUILESS_MAIN(TestSuggestionSession)
#include "tst_suggestion_session.moc"
