// SuggestionCache: remembered suggestions by context, found again at the context or after
// typing part of them, bounded, least recently used out first.
#include "engine/generation/suggestion_cache.h"

#include <QTest>

using namespace inkling;

namespace {
std::string str(const QString &s)
{
    return s.toStdString();
}
} // namespace

class TestSuggestionCache : public QObject
{
    Q_OBJECT

private slots:
    // Remembered: "The old man looked" → " out of the window" (sentence mode).
    void find_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("found");
        QTest::addColumn<QString>("rest");
        const int sentence = int(CompletionMode::Sentence), code = int(CompletionMode::Code);
        QTest::addRow("the context")
            << "The old man looked" << sentence << true << " out of the window";
        QTest::addRow("another mode") << "The old man looked" << code << false << "";
        QTest::addRow("typed into it")
            << "The old man looked out o" << sentence << true << "f the window";
        QTest::addRow("typed something else") << "The old man looked up" << sentence << false << "";
        QTest::addRow("typed all of it")
            << "The old man looked out of the window" << sentence << false << "";
        QTest::addRow("another context") << "The young man looked" << sentence << false << "";
        QTest::addRow("more text before it: another context")
            << QString(400, QLatin1Char('x')) + "The old man looked" << sentence << false << "";
    }
    void find()
    {
        QFETCH(QString, before);
        QFETCH(int, mode);
        QFETCH(bool, found);
        QFETCH(QString, rest);
        SuggestionCache cache;
        cache.remember("The old man looked", CompletionMode::Sentence, " out of the window", 0.7);
        const std::optional<SuggestionCache::Hit> hit =
            cache.find(str(before), CompletionMode(mode));
        QCOMPARE(bool(hit), found);
        if (hit) {
            QCOMPARE(QString::fromStdString(hit->text), rest);
            QCOMPARE(hit->confidence, 0.7);
        }
    }

    // The context is the last kContextBytes: what came long before does not matter.
    void contextIsTheEnd()
    {
        SuggestionCache cache;
        const std::string end(SuggestionCache::kContextBytes, 'y');
        cache.remember("A" + end, CompletionMode::Sentence, " z", 1);
        QVERIFY(cache.find("B" + end, CompletionMode::Sentence));
        QVERIFY(SuggestionCache::sameContext("A" + end, "BB" + end));
        QVERIFY(!SuggestionCache::sameContext("A" + end, end + "A"));
    }

    // Typing into a suggestion is found up to kScanBackBytes back, never inside a
    // UTF-8 character.
    void scanBackLimit()
    {
        SuggestionCache cache;
        const std::string long_(SuggestionCache::kScanBackBytes + 10, 'a');
        cache.remember("x", CompletionMode::Code, long_, 1);
        QVERIFY(cache.find("x" + long_.substr(0, SuggestionCache::kScanBackBytes),
                           CompletionMode::Code));
        QVERIFY(!cache.find("x" + long_.substr(0, SuggestionCache::kScanBackBytes + 1),
                            CompletionMode::Code));
        cache.remember("caf", CompletionMode::Sentence, "\xC3\xA9 au lait", 1);
        const auto hit = cache.find("caf\xC3\xA9", CompletionMode::Sentence);
        QVERIFY(hit);
        QCOMPARE(hit->text, std::string(" au lait"));
    }

    void boundedLeastRecentlyUsedOut()
    {
        SuggestionCache cache;
        for (size_t i = 0; i < SuggestionCache::kEntries + 5; ++i)
            cache.remember("context " + std::to_string(i), CompletionMode::Sentence, " s", 1);
        QCOMPARE(cache.size(), SuggestionCache::kEntries);
        QVERIFY(!cache.find("context 4", CompletionMode::Sentence)); // the oldest went
        QVERIFY(cache.find("context 5", CompletionMode::Sentence));
        // Remembering a context again replaces its suggestion, and keeps one entry.
        cache.remember("context 5", CompletionMode::Sentence, " t", 1);
        QCOMPARE(cache.size(), SuggestionCache::kEntries);
        QCOMPARE(cache.find("context 5", CompletionMode::Sentence)->text, std::string(" t"));
        cache.remember("context 6", CompletionMode::Sentence, "", 1); // nothing to remember
        QCOMPARE(cache.find("context 6", CompletionMode::Sentence)->text, std::string(" s"));
    }
};

QTEST_APPLESS_MAIN(TestSuggestionCache)
#include "tst_suggestion_cache.moc"
