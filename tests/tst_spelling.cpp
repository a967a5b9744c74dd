// Spell checking: rows whose expected misspellings are marked in the text itself
// ("[recieve]"), read back from the formats the highlighter drew; prose is checked, code
// identifiers are not but their comments and strings are; German with the German
// dictionary; switching off, the context menu's suggestions, "Add to Dictionary" (into a
// temporary home), a language without a dictionary, and ghost text never underlined.
// The dictionaries are the build root's hunspell-en-us and hunspell-de-de.
#include "ui/documents/document.h"
#include "ui/editor/editor.h"
#include "ui/editor/ghost_text.h"
#include "ui/spelling/spell_checker.h"
#include "ui/spelling/spelling_settings.h"
#include "ui/spelling/spelling_underlines.h"
#include "ui/window/main_window.h"

#include <QAction>
#include <QFile>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

#include <memory>

using namespace inkling;

namespace {

// "I [recieve] it": the text "I recieve it" and the expected range [2, 9).
struct MarkedText
{
    QString text;
    QList<TextRange> ranges;
};

MarkedText parseMarks(const QString &marked)
{
    MarkedText m;
    for (const QChar c : marked) {
        if (c == u'[')
            m.ranges.append({int(m.text.size()), 0});
        else if (c == u']')
            m.ranges.last().length = int(m.text.size()) - m.ranges.last().start;
        else
            m.text += c;
    }
    return m;
}

// Every underlined range of the document, in document positions.
QList<TextRange> underlined(const Editor &editor)
{
    QList<TextRange> all;
    for (QTextBlock b = editor.document()->begin(); b.isValid(); b = b.next()) {
        for (const TextRange &r : SpellingHighlighter::misspelledRanges(b))
            all.append({b.position() + r.start, r.length});
    }
    return all;
}

QString text(const Editor &editor, const TextRange &r)
{
    return editor.toPlainText().mid(r.start, r.length);
}

QStringList actionTexts(const QMenu &menu)
{
    QStringList texts;
    for (const QAction *a : menu.actions())
        texts.append(a->text());
    return texts;
}

QAction *findAction(const QMenu &menu, const QString &text)
{
    for (QAction *a : menu.actions()) {
        if (a->text() == text)
            return a;
    }
    return nullptr;
}

const SpellingSettings kEnglish{true, QStringLiteral("en_US")};

} // namespace

class TestSpelling : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Sonnet's Hunspell plugin keeps the personal word list in $HOME/.hunspell_LANG and
        // its own settings under XDG_CONFIG_HOME: both in a folder of ours, before the
        // first dictionary is loaded.
        QVERIFY(m_home.isValid());
        qputenv("HOME", m_home.path().toUtf8());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
        QStandardPaths::setTestModeEnabled(true);
        QStringList codes;
        for (const auto &[name, code] : SpellChecker::dictionaries())
            codes.append(code);
        QVERIFY2(codes.contains(QStringLiteral("en_US")) && codes.contains(QStringLiteral("de_DE")),
                 qPrintable(codes.join(u' ')));
    }

    void underlines_data()
    {
        QTest::addColumn<QString>("fileName"); // chooses the syntax definition
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("marked");

        QTest::newRow("prose misspelling") << "notes.md" << "en_US" << "I will [recieve] it soon.";
        QTest::newRow("two in prose")
            << "notes.md" << "en_US" << "We [recieve] the [mesage] today.\nAnd a second line.";
        QTest::newRow("correct sentence")
            << "notes.md" << "en_US" << "This sentence is spelled correctly, isn't it?";
        QTest::newRow("plain text") << "notes.txt" << "en_US" << "Plain [recieve] text.";
        QTest::newRow("acronyms and names skipped")
            << "notes.md" << "en_US" << "The HTTPX and fooBar and abc123 stay.";
        QTest::newRow("C++ identifier, comment")
            << "main.cpp" << "en_US" << "int recieve = 0; // we [recieve] it\n";
        QTest::newRow("C++ identifier, string")
            << "main.cpp" << "en_US" << "void recieve(const char *s = \"[recieve] this\");\n";
        QTest::newRow("C++ block comment")
            << "main.cpp" << "en_US" << "/* the [mesage] */\nint mesage;\n";
        QTest::newRow("Python identifier, comment")
            << "tool.py" << "en_US" << "def recieve():  # [recieve] data\n    pass\n";
        QTest::newRow("Python identifier, string")
            << "tool.py" << "en_US" << "recieve = \"[recieve] it\"\n";
        QTest::newRow("C++ fenced in Markdown")
            << "notes.md" << "en_US"
            << "We [recieve] it.\n```cpp\nint recieve = 0; // [recieve]\n```\n";
        QTest::newRow("German") << "notes.md" << "de_DE"
                                << "Wir haben [gestren] einen Brief an die Nachbarn geschrieben.";
        QTest::newRow("German correct")
            << "notes.md" << "de_DE" << "Die Straße ist heute sehr ruhig und schön.";
        QTest::newRow("English word in German dictionary")
            << "notes.md" << "de_DE" << "Das ist ein [beautiful] Anfang.";
    }

    void underlines()
    {
        QFETCH(QString, fileName);
        QFETCH(QString, language);
        QFETCH(QString, marked);
        const MarkedText m = parseMarks(marked);
        Editor editor;
        editor.setDefinitionForFileName(fileName);
        editor.setPlainText(m.text);
        editor.setSpelling({true, language});
        QVERIFY(editor.spellChecker());
        QCOMPARE(editor.spellChecker()->effectiveLanguage(), language);
        const QList<TextRange> found = underlined(editor);
        QStringList words;
        for (const TextRange &r : found)
            words.append(text(editor, r));
        QVERIFY2(found == m.ranges, qPrintable(words.join(u',')));
    }

    void underlineIsDrawnWavy()
    {
        Editor editor;
        editor.setPlainText(QStringLiteral("I recieve it."));
        editor.setSpelling(kEnglish);
        const QTextBlock block = editor.document()->firstBlock();
        bool wavy = false;
        for (const QTextLayout::FormatRange &f : block.layout()->formats()) {
            if (f.start <= 2 && 9 <= f.start + f.length)
                wavy = f.format.underlineStyle() == QTextCharFormat::SpellCheckUnderline;
        }
        QVERIFY(wavy);
    }

    void typingChecksTheChangedBlock()
    {
        Editor editor;
        editor.setSpelling(kEnglish);
        editor.setPlainText(QStringLiteral("First line.\nSecond line."));
        QVERIFY(underlined(editor).isEmpty());
        QTextCursor c(editor.document()->lastBlock());
        c.movePosition(QTextCursor::EndOfBlock);
        editor.setTextCursor(c);
        QTest::keyClicks(&editor, QStringLiteral(" Wierd"));
        const QList<TextRange> found = underlined(editor);
        QCOMPARE(found.size(), 1);
        QCOMPARE(text(editor, found.first()), QStringLiteral("Wierd"));
    }

    void switchingOffRemovesUnderlines()
    {
        Editor editor;
        editor.setPlainText(QStringLiteral("I recieve it."));
        editor.setSpelling(kEnglish);
        QCOMPARE(underlined(editor).size(), 1);
        editor.setSpelling({false, QStringLiteral("en_US")});
        QVERIFY(underlined(editor).isEmpty());
        QVERIFY(!editor.spellChecker());
        editor.setSpelling(kEnglish);
        QCOMPARE(underlined(editor).size(), 1);
    }

    void contextMenuSuggests()
    {
        Editor editor;
        editor.setPlainText(QStringLiteral("I will recieve it."));
        editor.setSpelling(kEnglish);
        const std::unique_ptr<QMenu> menu(editor.createContextMenu(9)); // inside the word
        QVERIFY2(actionTexts(*menu).contains(QStringLiteral("receive")),
                 qPrintable(actionTexts(*menu).join(u',')));
        QVERIFY(findAction(*menu, Editor::tr("Add to Dictionary")));
        findAction(*menu, QStringLiteral("receive"))->trigger();
        QCOMPARE(editor.toPlainText(), QStringLiteral("I will receive it."));
        QVERIFY(underlined(editor).isEmpty());
        editor.undo(); // a replacement is one undo step
        QCOMPARE(editor.toPlainText(), QStringLiteral("I will recieve it."));

        // On a correct word the menu has no spelling actions.
        const std::unique_ptr<QMenu> plain(editor.createContextMenu(3));
        QVERIFY(!findAction(*plain, Editor::tr("Add to Dictionary")));
    }

    void addToDictionaryPersists()
    {
        const QString word = QStringLiteral("zorblatic");
        Editor editor;
        editor.setPlainText(QStringLiteral("A ") + word + QStringLiteral(" idea."));
        editor.setSpelling(kEnglish);
        QCOMPARE(underlined(editor).size(), 1);
        Editor other; // another document with the same word
        other.setPlainText(word);
        other.setSpelling(kEnglish);
        QCOMPARE(underlined(other).size(), 1);

        QSignalSpy added(&editor, &Editor::wordAddedToDictionary);
        const std::unique_ptr<QMenu> menu(editor.createContextMenu(4));
        QAction *add = findAction(*menu, Editor::tr("Add to Dictionary"));
        QVERIFY(add);
        add->trigger();
        QCOMPARE(added.size(), 1);
        QVERIFY(underlined(editor).isEmpty());
        other.recheckSpelling(); // what the window does for its other documents
        QVERIFY(underlined(other).isEmpty());

        // Sonnet's Hunspell plugin wrote it to the personal word list in our home.
        QFile list(m_home.filePath(QStringLiteral(".hunspell_en_US")));
        QVERIFY(list.open(QIODevice::ReadOnly | QIODevice::Text));
        QVERIFY(QString::fromUtf8(list.readAll()).split(u'\n').contains(word));
    }

    void automaticLanguage_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("German")
            << "Gestern Abend sind wir mit dem Fahrrad in die Stadt gefahren. Dort haben wir "
               "Freunde getroffen und zusammen gegessen. Es war ein schöner Abend."
            << "de_DE";
        QTest::newRow("English")
            << "Yesterday evening we rode our bicycles into town. There we met friends and "
               "had dinner together. It was a lovely evening."
            << "en_US";
    }

    void automaticLanguage()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        Editor editor;
        editor.setPlainText(text);
        editor.setSpelling({true, QString()});
        QVERIFY(editor.spellChecker());
        QCOMPARE(editor.spellChecker()->effectiveLanguage(), expected);
        QVERIFY(underlined(editor).isEmpty()); // correct text in its own language
    }

    void loadedTextIsGuessedAtOnce()
    {
        // setPlainText is how a file is read: no pause in typing needed for its language.
        Editor editor;
        editor.setSpelling({true, QString()});
        editor.setPlainText(QStringLiteral(
            "Gestern Abend sind wir mit dem Fahrrad in die Stadt gefahren. Dort haben wir "
            "Freunde getroffen und zusammen gegessen. Es war ein schöner Abend. Danach sind wir "
            "langsam durch den Park nach Hause gegangen, und der Mond stand schon hoch am "
            "Himmel über den alten Häusern der Stadt."));
        QVERIFY(editor.spellChecker());
        QCOMPARE(editor.spellChecker()->effectiveLanguage(), QStringLiteral("de_DE"));
        QVERIFY(underlined(editor).isEmpty());
    }

    void windowSwitchesEveryDocument()
    {
        QSettings().remove(QStringLiteral("spelling"));
        MainWindow window;
        QVERIFY(window.spelling().enabled); // on by default
        QVERIFY(window.checkSpellingAction()->isChecked());
        window.newDocument();
        QCOMPARE(window.documents().size(), 2);
        for (Document *d : window.documents())
            QVERIFY(d->editor()->spellChecker());

        window.checkSpellingAction()->trigger();
        for (Document *d : window.documents())
            QVERIFY(!d->editor()->spellChecker());
        QSettings settings;
        QVERIFY(!SpellingSettings::load(settings).enabled); // remembered
        {
            MainWindow next;
            QVERIFY(!next.checkSpellingAction()->isChecked());
            QVERIFY(!next.editor()->spellChecker());
        }

        // A dictionary Sonnet does not have: spelling stays off, the status bar says why.
        window.applySpelling({true, QStringLiteral("xx_XX")});
        QVERIFY(window.checkSpellingAction()->isChecked());
        QVERIFY(!window.editor()->spellChecker());
        QCOMPARE(window.statusBar()->currentMessage(), window.editor()->spellingProblem());
        QVERIFY(!window.statusBar()->currentMessage().isEmpty());
        window.applySpelling(SpellingSettings{});
    }

    void noDictionaryKeepsWorking()
    {
        // A real language Sonnet has no dictionary for here: spelling is off, with a note.
        Editor editor;
        editor.setPlainText(QStringLiteral("I recieve it."));
        editor.setSpelling({true, QStringLiteral("xx_XX")});
        QVERIFY(!editor.spellChecker());
        QVERIFY(!editor.spellingProblem().isEmpty());
        QVERIFY(underlined(editor).isEmpty());
        QTest::keyClicks(&editor, QStringLiteral("More text "));
        QVERIFY(editor.toPlainText().startsWith(QStringLiteral("More text ")));
        const std::unique_ptr<QMenu> menu(editor.createContextMenu(4));
        QVERIFY(!findAction(*menu, Editor::tr("Add to Dictionary")));
    }

    void ghostTextIsNeverChecked_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("ghostAt");
        QTest::addColumn<QString>("ghost");
        QTest::addColumn<QStringList>("underlinedWords");
        // A misspelt suggestion after correct text.
        QTest::newRow("after a space") << "I will " << 7 << "recieve it" << QStringList{};
        // The word being typed touches the ghost: Qt would stretch its underline over the
        // suggestion, so it waits until the ghost goes.
        QTest::newRow("completing a misspelt word") << "I recie" << 7 << "ve it" << QStringList{};
        // Misspellings before and after the ghost keep their places in document terms.
        QTest::newRow("mid-line") << "Teh cat and teh dog" << 8 << "recieve "
                                  << QStringList{"Teh", "teh"};
    }

    void ghostTextIsNeverChecked()
    {
        QFETCH(QString, text);
        QFETCH(int, ghostAt);
        QFETCH(QString, ghost);
        QFETCH(QStringList, underlinedWords);
        Editor editor;
        editor.setPlainText(text);
        editor.setSpelling(kEnglish);
        GhostText ghostText(&editor);
        ghostText.show(ghostAt, ghost);
        editor.recheckSpelling(); // a highlighting pass while the ghost is shown
        QCOMPARE(editor.toPlainText(), text);
        QStringList words;
        for (const TextRange &r : underlined(editor))
            words.append(editor.toPlainText().mid(r.start, r.length));
        QCOMPARE(words, underlinedWords);
        // Nothing drawn in the pre-edit area carries the underline.
        const QTextLayout *layout = editor.document()->firstBlock().layout();
        QCOMPARE(layout->preeditAreaText(), ghost);
        for (const QTextLayout::FormatRange &f : layout->formats()) {
            const bool overlapsGhost =
                f.start < ghostAt + ghost.size() && ghostAt < f.start + f.length;
            if (overlapsGhost)
                QVERIFY(f.format.underlineStyle() != QTextCharFormat::SpellCheckUnderline);
        }
    }

    void settingsRoundTrip()
    {
        QSettings settings(m_home.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        const SpellingSettings chosen{false, QStringLiteral("de_DE")};
        chosen.save(settings);
        QCOMPARE(SpellingSettings::load(settings), chosen);
        QSettings empty(m_home.filePath(QStringLiteral("empty.ini")), QSettings::IniFormat);
        QCOMPARE(SpellingSettings::load(empty), SpellingSettings{});
        QVERIFY(SpellingSettings{}.enabled); // on unless switched off
    }

private:
    QTemporaryDir m_home;
};

QTEST_MAIN(TestSpelling)
#include "tst_spelling.moc"
