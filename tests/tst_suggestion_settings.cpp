// Settings survive QSettings and the Settings dialog unchanged, and values edited by hand
// into the configuration file (out of range, unknown names) fall back to something sane.
#include "ui/settings_dialog.h"
#include "ui/suggestion_settings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace inkling;

namespace {

// Every field away from its default, so a field that is not saved or not shown shows up.
SuggestionSettings unusual()
{
    SuggestionSettings s;
    s.autoSuggest = !s.autoSuggest;
    s.debounceMs = 321;
    s.timeBudgetMs = 1234;
    s.maxTokensWord = 3;
    s.maxTokensSentence = 17;
    s.maxTokensParagraph = 99;
    s.maxTokensCode = 55;
    s.sampling.temperature = 1.25f;
    s.sampling.topK = 7;
    s.sampling.topP = 0.5f;
    s.sampling.repetitionPenalty = 1.5f;
    s.sampling.greedy = !s.sampling.greedy;
    s.minConfidence = 0.42;
    s.trigger = s.trigger == TriggerRule::EveryKeystroke ? TriggerRule::InsideWord : TriggerRule::EveryKeystroke;
    s.fadeByConfidence = !s.fadeByConfidence;
    s.threads = 3;
    s.precision = Precision::S8;
    s.modelDirectory = QStringLiteral("/models/gpt2-medium");
    s.keys.acceptAll = QKeySequence(Qt::CTRL | Qt::Key_Return);
    s.keys.acceptWord = QKeySequence(Qt::ALT | Qt::Key_W);
    s.keys.dismiss = QKeySequence(Qt::Key_F9);
    return s;
}

void compareAll(const SuggestionSettings &a, const SuggestionSettings &b)
{
    QCOMPARE(a.autoSuggest, b.autoSuggest);
    QCOMPARE(a.debounceMs, b.debounceMs);
    QCOMPARE(a.timeBudgetMs, b.timeBudgetMs);
    QCOMPARE(a.maxTokensWord, b.maxTokensWord);
    QCOMPARE(a.maxTokensSentence, b.maxTokensSentence);
    QCOMPARE(a.maxTokensParagraph, b.maxTokensParagraph);
    QCOMPARE(a.maxTokensCode, b.maxTokensCode);
    QCOMPARE(a.sampling.temperature, b.sampling.temperature);
    QCOMPARE(a.sampling.topK, b.sampling.topK);
    QCOMPARE(a.sampling.topP, b.sampling.topP);
    QCOMPARE(a.sampling.repetitionPenalty, b.sampling.repetitionPenalty);
    QCOMPARE(a.sampling.greedy, b.sampling.greedy);
    QCOMPARE(a.minConfidence, b.minConfidence);
    QCOMPARE(a.trigger, b.trigger);
    QCOMPARE(a.fadeByConfidence, b.fadeByConfidence);
    QCOMPARE(a.threads, b.threads);
    QCOMPARE(a.precision, b.precision);
    QCOMPARE(a.modelDirectory, b.modelDirectory);
    QCOMPARE(a.keys.acceptAll, b.keys.acceptAll);
    QCOMPARE(a.keys.acceptWord, b.keys.acceptWord);
    QCOMPARE(a.keys.acceptLine, b.keys.acceptLine);
    QCOMPARE(a.keys.dismiss, b.keys.dismiss);
    QCOMPARE(a.keys.nextAlternative, b.keys.nextAlternative);
    QCOMPARE(a.keys.previousAlternative, b.keys.previousAlternative);
    QCOMPARE(a.keys.requestNow, b.keys.requestNow);
}

} // namespace

class TestSuggestionSettings : public QObject
{
    Q_OBJECT

private slots:
    void roundTripThroughQSettings()
    {
        QTemporaryDir dir;
        QSettings file(dir.filePath("inkling.conf"), QSettings::IniFormat);
        const SuggestionSettings original = unusual();
        original.save(file);
        file.sync();
        QSettings reread(dir.filePath("inkling.conf"), QSettings::IniFormat);
        compareAll(SuggestionSettings::load(reread), original);
    }

    void roundTripThroughTheDialog()
    {
        const SuggestionSettings original = unusual();
        SettingsDialog dialog(original);
        compareAll(dialog.settings(), original);
    }

    void emptyConfigurationGivesDefaults()
    {
        QTemporaryDir dir;
        QSettings file(dir.filePath("empty.conf"), QSettings::IniFormat);
        compareAll(SuggestionSettings::load(file), SuggestionSettings());
    }

    // A hand-edited configuration: numbers are clamped, unknown names give the default.
    void badValues_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addRow("unknown precision") << "engine/precision" << "fp64";
        QTest::addRow("unknown trigger") << "suggestions/trigger" << "sometimes";
        QTest::addRow("negative threads") << "engine/threads" << "-4";
        QTest::addRow("huge debounce") << "suggestions/debounceMs" << "999999";
        QTest::addRow("confidence above one") << "suggestions/minConfidence" << "7";
        QTest::addRow("not a number") << "sampling/topK" << "many";
        QTest::addRow("empty key sequence") << "keys/acceptAll" << "";
    }
    void badValues()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QTemporaryDir dir;
        QSettings file(dir.filePath("bad.conf"), QSettings::IniFormat);
        file.setValue(key, value);
        const SuggestionSettings s = SuggestionSettings::load(file);
        const SuggestionSettings d;
        QCOMPARE(s.precision, d.precision);
        QCOMPARE(s.trigger, d.trigger);
        QVERIFY(s.threads >= 0 && s.threads <= 256);
        QVERIFY(s.debounceMs >= 0 && s.debounceMs <= 5000);
        QVERIFY(s.minConfidence >= 0 && s.minConfidence <= 1);
        QVERIFY(s.sampling.topK >= 0);
        QVERIFY(!s.keys.acceptAll.isEmpty());
    }
};

QTEST_MAIN(TestSuggestionSettings)
#include "tst_suggestion_settings.moc"
