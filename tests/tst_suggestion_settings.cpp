// Settings survive QSettings and the Settings dialog unchanged, and values edited by hand
// into the configuration file (out of range, unknown names) fall back to something sane.
#include "ui/settings/settings_dialog.h"
#include "ui/suggestions/suggestion_settings.h"

#include <QLineEdit>
#include <QListWidget>
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
    s.trigger = s.trigger == TriggerRule::EveryKeystroke ? TriggerRule::InsideWord
                                                         : TriggerRule::EveryKeystroke;
    s.fadeByConfidence = !s.fadeByConfidence;
    s.suggestAhead = !s.suggestAhead;
    s.quietFileTypes = QStringList{QStringLiteral("Markdown"), QStringLiteral("Python")};
    s.threads = 3;
    s.precision = Precision::S8;
    s.modelDirectory = QStringLiteral("/models/gpt2-medium");
    s.drafting = !s.drafting;
    s.serverEnabled = !s.serverEnabled;
    s.serverUrl = QStringLiteral("http://127.0.0.1:8080");
    s.serverModel = QStringLiteral("qwen2.5-7b");
    s.keys.acceptAll = QKeySequence(Qt::CTRL | Qt::Key_Return);
    s.keys.acceptWord = QKeySequence(Qt::ALT | Qt::Key_W);
    s.keys.dismiss = QKeySequence(Qt::Key_F9);
    return s;
}

// Field by field, through the list every persisted field is on.
void compareAll(const SuggestionSettings &a, const SuggestionSettings &b)
{
    const QVariantMap x = a.values(), y = b.values();
    QCOMPARE(x.keys(), y.keys());
    for (auto it = x.cbegin(); it != x.cend(); ++it)
        QVERIFY2(
            it.value() == y.value(it.key()),
            qPrintable(QStringLiteral("%1: %2 vs %3")
                           .arg(it.key(), it.value().toString(), y.value(it.key()).toString())));
}

} // namespace

class TestSuggestionSettings : public QObject
{
    Q_OBJECT

private slots:
    // The list of persisted fields (SuggestionSettings::values(), which the other tests
    // compare through) holds every field unusual() changes, under its key.
    void everyFieldIsPersisted()
    {
        const QVariantMap changed = unusual().values(), defaults = SuggestionSettings().values();
        QStringList differing;
        for (auto it = changed.cbegin(); it != changed.cend(); ++it)
            if (it.value() != defaults.value(it.key()))
                differing << it.key();
        QStringList expected{"suggestions/auto",
                             "suggestions/debounceMs",
                             "suggestions/timeBudgetMs",
                             "suggestions/maxTokensWord",
                             "suggestions/maxTokensSentence",
                             "suggestions/maxTokensParagraph",
                             "suggestions/maxTokensCode",
                             "sampling/temperature",
                             "sampling/topK",
                             "sampling/topP",
                             "sampling/repetitionPenalty",
                             "sampling/greedy",
                             "suggestions/minConfidence",
                             "suggestions/trigger",
                             "suggestions/fadeByConfidence",
                             "suggestions/ahead",
                             "suggestions/quietFileTypes",
                             "engine/threads",
                             "engine/precision",
                             "engine/modelDirectory",
                             "engine/drafting",
                             "server/enabled",
                             "server/url",
                             "server/model",
                             "keys/acceptAll",
                             "keys/acceptWord",
                             "keys/dismiss"};
        differing.sort();
        expected.sort();
        QCOMPARE(differing, expected);
    }

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

    // The quiet file types in the dialog: a checked type is quiet, unchecking one makes it
    // suggest again, the filter hides the others, and a name the list does not know (a
    // definition of another KSyntaxHighlighting version) is kept.
    void quietFileTypesInTheDialog()
    {
        SuggestionSettings original;
        original.quietFileTypes = {QStringLiteral("Markdown"), QStringLiteral("Klingon Poetry"),
                                   QString()}; // "" is plain text
        SettingsDialog dialog(original);
        auto *list = dialog.findChild<QListWidget *>(QStringLiteral("quietFileTypes"));
        auto *filter = dialog.findChild<QLineEdit *>(QStringLiteral("quietFileTypesFilter"));
        QVERIFY(list && filter);
        QCOMPARE(list->item(0)->data(Qt::UserRole).toString(), QString());
        const auto item = [list](const QString &name) -> QListWidgetItem * {
            for (int i = 0; i < list->count(); ++i) {
                if (list->item(i)->data(Qt::UserRole).toString() == name)
                    return list->item(i);
            }
            return nullptr;
        };
        QVERIFY(item(QStringLiteral("Python")) && item(QStringLiteral("Markdown")));
        QVERIFY(!item(QStringLiteral("Klingon Poetry")));
        QCOMPARE(item(QStringLiteral("Markdown"))->checkState(), Qt::Checked);
        QCOMPARE(item(QString())->checkState(), Qt::Checked);
        QCOMPARE(item(QStringLiteral("Python"))->checkState(), Qt::Unchecked);

        filter->setText(QStringLiteral("pyth"));
        QVERIFY(!item(QStringLiteral("Python"))->isHidden());
        QVERIFY(item(QStringLiteral("Markdown"))->isHidden());
        filter->clear();
        QVERIFY(!item(QStringLiteral("Markdown"))->isHidden());

        item(QStringLiteral("Markdown"))->setCheckState(Qt::Unchecked);
        item(QStringLiteral("Python"))->setCheckState(Qt::Checked);
        QCOMPARE(
            dialog.settings().quietFileTypes,
            (QStringList{QStringLiteral("Klingon Poetry"), QString(), QStringLiteral("Python")}));
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
