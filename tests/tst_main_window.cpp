// Document handling in the main window: tabs (open twice, close prompts, Ctrl+W),
// encodings kept through open and save, recent files, a file changed by another
// program, read-only files, and that a failed open leaves the open document alone.
#include "as_ordinary_user.h"
#include "box_answerer.h"
#include "service/engine_thread.h"
#include "ui/documents/document.h"
#include "ui/documents/recent_files.h"
#include "ui/editor/editor.h"
#include "ui/editor/syntax_repository.h"
#include "ui/suggestions/keyboard_help.h"
#include "ui/suggestions/notes_panel.h"
#include "ui/suggestions/suggestion_controller.h"
#include "ui/suggestions/suggestion_settings.h"
#include "ui/suggestions/suggestion_status.h"
#include "ui/window/main_window.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>

#include <QAbstractButton>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStringEncoder>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>

#include <algorithm>
#include <functional>

#include <unistd.h>

using namespace inkling;

namespace {
void write(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

// Presses the button of the next message box that pops up.
void answerNextMessageBox(QMessageBox::StandardButton button)
{
    QTimer::singleShot(50, qApp, [button] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->button(button)->click();
    });
}
QByteArray read(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

// The checkable entries of a menu and its submenus, after it was (about to be) shown.
QList<QAction *> choices(QMenu *menu)
{
    emit menu->aboutToShow();
    QList<QAction *> found;
    for (QAction *a : menu->actions()) {
        if (a->menu())
            found += choices(a->menu());
        else if (a->isCheckable())
            found << a;
    }
    return found;
}

QAction *choice(QMenu *menu, const QString &data)
{
    for (QAction *a : choices(menu)) {
        if (a->data().toString() == data)
            return a;
    }
    return nullptr;
}

QLabel *statusLabelContaining(MainWindow &window, const QString &text)
{
    for (QLabel *label : window.statusBar()->findChildren<QLabel *>()) {
        if (label->text().contains(text))
            return label;
    }
    return nullptr;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        RecentFiles::clear();
    }

    void recentFilesNewestFirst()
    {
        QTemporaryDir dir;
        MainWindow window;
        QString error;
        for (const char *name : {"a.txt", "b.md", "c.py"}) {
            write(dir.filePath(name), "x");
            QVERIFY2(window.loadFile(dir.filePath(name), &error), qPrintable(error));
        }
        QVERIFY(window.loadFile(dir.filePath("a.txt"), &error));
        QCOMPARE(RecentFiles::files(),
                 (QStringList{dir.filePath("a.txt"), dir.filePath("c.py"), dir.filePath("b.md")}));
        QFile::remove(dir.filePath("c.py"));
        QCOMPARE(RecentFiles::files().size(), 2); // vanished files are not offered
        for (int i = 0; i < 15; ++i) {
            write(dir.filePath(QStringLiteral("f%1.txt").arg(i)), "x");
            RecentFiles::add(dir.filePath(QStringLiteral("f%1.txt").arg(i)));
        }
        QCOMPARE(RecentFiles::files().size(), RecentFiles::kMaxFiles);
    }

    // Opening a file that is open already shows its tab instead of a second copy, also
    // when it is named another way.
    void openingAnOpenFileSwitchesToItsTab()
    {
        QTemporaryDir dir;
        write(dir.filePath("a.txt"), "alpha");
        write(dir.filePath("b.txt"), "beta");
        MainWindow window;
        QString error;
        QVERIFY(window.loadFile(dir.filePath("a.txt"), &error));
        QCOMPARE(window.documents().size(), 1); // replaced the empty new document
        QVERIFY(window.loadFile(dir.filePath("b.txt"), &error));
        QCOMPARE(window.documents().size(), 2);
        QCOMPARE(window.editor()->toPlainText(), QStringLiteral("beta"));
        window.editor()->appendPlainText(QStringLiteral("edited"));
        QVERIFY(window.loadFile(dir.path() + QStringLiteral("/./a.txt"), &error));
        QCOMPARE(window.documents().size(), 2);
        QCOMPARE(window.filePath(), dir.filePath("a.txt"));
        QCOMPARE(window.editor()->toPlainText(), QStringLiteral("alpha"));
        QVERIFY(window.loadFile(dir.filePath("b.txt"), &error));
        QCOMPARE(window.editor()->toPlainText(), QStringLiteral("beta\nedited")); // not re-read
        window.editor()->document()->setModified(false);
    }

    // Closing the window asks once per modified document, in tab order; Cancel keeps
    // everything open, Save writes the file, Discard drops the changes.
    void closingAsksAboutEveryModifiedDocument()
    {
        QTemporaryDir dir;
        write(dir.filePath("a.txt"), "alpha");
        write(dir.filePath("b.txt"), "beta");
        MainWindow window;
        window.show();
        QString error;
        QVERIFY(window.loadFile(dir.filePath("a.txt"), &error));
        window.editor()->appendPlainText(QStringLiteral("more"));
        QVERIFY(window.loadFile(dir.filePath("b.txt"), &error)); // unmodified: no question
        window.newDocument()->editor()->insertPlainText(
            QStringLiteral("new words")); // typed: modified
        QCOMPARE(window.documents().size(), 3);
        {
            BoxAnswerer answers({QMessageBox::Discard, QMessageBox::Cancel});
            QVERIFY(!window.close());
            QCOMPARE(answers.texts.size(), 2);
            QVERIFY(answers.texts[0].contains(QStringLiteral("a.txt")));
            QVERIFY(answers.texts[1].contains(QStringLiteral("Untitled")));
        }
        QVERIFY(window.isVisible());
        QCOMPARE(window.documents().size(), 3);
        QCOMPARE(read(dir.filePath("a.txt")), QByteArray("alpha"));
        {
            BoxAnswerer answers({QMessageBox::Save, QMessageBox::Discard});
            QVERIFY(window.close());
            QCOMPARE(answers.texts.size(), 2);
        }
        QCOMPARE(read(dir.filePath("a.txt")), QByteArray("alpha\nmore"));
        QCOMPARE(read(dir.filePath("b.txt")), QByteArray("beta"));
    }

    // File > Close (Ctrl+W) asks about a modified document; the last tab closed leaves
    // a new empty document, never a window without one.
    void closeTabAsksAndKeepsOneDocument()
    {
        MainWindow window;
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        Document *first = window.currentDocument();
        Document *second = window.newDocument();
        second->editor()->insertPlainText(QStringLiteral("unsaved"));
        {
            BoxAnswerer answers({QMessageBox::Cancel});
            QTest::keySequence(&window, QKeySequence::Close);
            QCOMPARE(answers.texts.size(), 1);
        }
        QCOMPARE(window.documents(), (QList<Document *>{first, second}));
        window.activateWindow(); // again, after the message box
        QVERIFY(QTest::qWaitForWindowActive(&window));
        {
            BoxAnswerer answers({QMessageBox::Discard});
            QTest::keySequence(&window, QKeySequence::Close);
            QCOMPARE(answers.texts.size(), 1);
        }
        QCOMPARE(window.documents(), QList<Document *>{first});
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keySequence(&window, QKeySequence::Close); // unmodified: no question
        QCOMPARE(window.documents().size(), 1);
        QVERIFY(window.currentDocument() != first);
        QVERIFY(window.currentDocument()->isUntouched());
    }

    // Open + Save gives back the bytes that were opened, for every supported encoding,
    // and the status bar names the encoding; typed text is saved in it too.
    void encodingSurvivesOpenAndSave_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QByteArray>("afterTyping"); // the file after typing "!" at the end
        QTest::addRow("UTF-8") << QByteArray("plain\n") << "UTF-8 · LF" << QByteArray("plain\n!");
        QTest::addRow("UTF-8 BOM CRLF")
            << QByteArray("\xef\xbb\xbfone\r\ntwo") << "UTF-8 with BOM · CRLF"
            << QByteArray("\xef\xbb\xbfone\r\ntwo!");
        QTest::addRow("non-breaking space")
            << QByteArray("10\xc2\xa0km") << "UTF-8 · LF" << QByteArray("10\xc2\xa0km!");
        QTest::addRow("UTF-16 LE") << QByteArray("\xff\xfeH\0i\0\r\0\n\0", 10) << "UTF-16 LE · CRLF"
                                   << QByteArray("\xff\xfeH\0i\0\r\0\n\0!\0", 12);
        QTest::addRow("UTF-16 BE") << QByteArray("\xfe\xff\0H\0i", 6) << "UTF-16 BE · LF"
                                   << QByteArray("\xfe\xff\0H\0i\0!", 8);
    }

    void encodingSurvivesOpenAndSave()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, label);
        QFETCH(QByteArray, afterTyping);
        QTemporaryDir dir;
        const QString path = dir.filePath("doc.txt");
        write(path, file);
        MainWindow window;
        window.show();
        QString error;
        QVERIFY2(window.loadFile(path, &error), qPrintable(error));
        QVERIFY(statusLabelContaining(window, label));
        window.editor()->document()->setModified(true);
        QVERIFY(window.saveDocument());
        QCOMPARE(read(path), file);
        window.editor()->moveCursor(QTextCursor::End);
        QTest::keyClicks(window.editor(), "!");
        QVERIFY(window.saveDocument());
        QCOMPARE(read(path), afterTyping);
    }

    // File › Encoding converts on the next save: the document becomes modified, the
    // status bar and the menu's checks follow, and the file is written in the new format
    // (oracle: QStringEncoder and the expected line ends), reading back to the same text.
    void encodingMenuConvertsOnSave()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("doc.txt");
        write(path, QByteArray("caf\xc3\xa9\nline two\n"));
        MainWindow window;
        window.show();
        QString error;
        QVERIFY2(window.loadFile(path, &error), qPrintable(error));
        auto *menu = window.findChild<QMenu *>(QStringLiteral("encodingMenu"));
        QVERIFY(menu);
        const auto action = [&](const QString &text) -> QAction * {
            emit menu->aboutToShow();
            for (QAction *a : menu->actions()) {
                if (a->text().endsWith(text))
                    return a;
            }
            return nullptr;
        };
        QVERIFY(action("UTF-8") && action("UTF-8")->isChecked());
        QVERIFY(action("LF") && action("LF")->isChecked());
        QVERIFY(!window.editor()->document()->isModified());
        action("UTF-16 BE")->trigger();
        action("CRLF")->trigger();
        QVERIFY(window.editor()->document()->isModified());
        QVERIFY(action("UTF-16 BE")->isChecked());
        QVERIFY(action("CRLF")->isChecked());
        QVERIFY(statusLabelContaining(window, "UTF-16 BE · CRLF"));
        QVERIFY(window.saveDocument());
        QStringEncoder utf16be(QStringEncoder::Utf16BE, QStringEncoder::Flag::WriteBom);
        const QByteArray expected = utf16be.encode(QStringLiteral("caf\u00e9\r\nline two\r\n"));
        QCOMPARE(read(path), expected);
        QVERIFY(window.loadFile(path, &error));
        QCOMPARE(window.editor()->toPlainText(), QStringLiteral("caf\u00e9\nline two\n"));
    }

    // Rebinding a key in Settings › Keys changes what the Suggestions menu shows (and so
    // what Help › Keyboard Shortcuts lists), not only what the editor does.
    void suggestionsMenuFollowsReboundKeys()
    {
        MainWindow window;
        const auto shortcutOf = [&](const QString &text) {
            for (QAction *top : window.menuBar()->actions()) {
                if (!top->menu())
                    continue;
                for (QAction *a : top->menu()->actions())
                    if (a->text() == text)
                        return a->shortcut();
            }
            return QKeySequence(QStringLiteral("<missing>"));
        };
        QCOMPARE(shortcutOf(MainWindow::tr("&Accept Suggestion")), QKeySequence(Qt::Key_Tab));
        SuggestionSettings s = window.settings();
        s.keys.acceptAll = QKeySequence(Qt::CTRL | Qt::Key_J);
        s.keys.dismiss = QKeySequence(Qt::ALT | Qt::Key_D);
        window.applySettings(s);
        QCOMPARE(shortcutOf(MainWindow::tr("&Accept Suggestion")),
                 QKeySequence(Qt::CTRL | Qt::Key_J));
        QCOMPARE(shortcutOf(MainWindow::tr("&Dismiss")), QKeySequence(Qt::ALT | Qt::Key_D));
        QCOMPARE(shortcutOf(MainWindow::tr("Accept Next &Word")),
                 QKeySequence(Qt::CTRL | Qt::Key_Right));
        window.applySettings(SuggestionSettings()); // the defaults again, for the next tests
    }

    // Suggestions › Suggest While Typing in This Document / in <type> Files: off for one
    // file (remembered when it is opened again) or one file type (a setting).
    void suggestionSwitchesPerDocumentAndFileType()
    {
        QTemporaryDir dir;
        for (const char *name : {"a.md", "b.md", "c.py"})
            write(dir.filePath(name), "x\n");
        const auto action = [](MainWindow &w, const QString &prefix) -> QAction * {
            for (QAction *top : w.menuBar()->actions())
                for (QAction *a : top->menu() ? top->menu()->actions() : QList<QAction *>())
                    if (a->isCheckable() && a->text().startsWith(prefix))
                        return a;
            return nullptr;
        };
        const QString thisDocument = MainWindow::tr("Suggest While Typing in This &Document");
        const QString fileType = QStringLiteral("Suggest While Typing in ");
        QString error;
        {
            MainWindow window;
            QVERIFY(window.loadFile(dir.filePath("a.md"), &error));
            QAction *documentSwitch = action(window, thisDocument);
            QVERIFY(documentSwitch && documentSwitch->isChecked());
            QVERIFY(window.suggestions()->suggestsWhileTyping());
            documentSwitch->trigger();
            QVERIFY(!window.suggestions()->suggestsWhileTyping());
        }
        MainWindow window;
        QVERIFY(window.loadFile(dir.filePath("a.md"), &error));
        QAction *documentSwitch = action(window, thisDocument);
        QVERIFY(!documentSwitch->isChecked()); // remembered for the file
        QVERIFY(!window.suggestions()->suggestsWhileTyping());
        QVERIFY(window.loadFile(dir.filePath("b.md"), &error));
        QVERIFY(documentSwitch->isChecked());
        QVERIFY(window.suggestions()->suggestsWhileTyping());

        QAction *typeSwitch = action(window, fileType + QStringLiteral("Markdown"));
        QVERIFY(typeSwitch && typeSwitch->isChecked());
        typeSwitch->trigger();
        QVERIFY(!window.suggestions()->suggestsWhileTyping());
        QVERIFY(window.settings().quietFileTypes.contains(QStringLiteral("Markdown")));
        QVERIFY(window.loadFile(dir.filePath("c.py"), &error));
        QVERIFY(typeSwitch->text().contains(QStringLiteral("Python")));
        QVERIFY(typeSwitch->isChecked());
        QVERIFY(window.suggestions()->suggestsWhileTyping());
        window.applySettings(SuggestionSettings()); // the defaults again, for the next tests
        QSettings().remove(QStringLiteral("suggestions/quietDocuments"));
    }

    // Suggestions › Document Notes: the panel shows the current document's notes, edits go
    // to it, and a saved document finds them again when opened, never in its file.
    void documentNotesFollowTheDocument()
    {
        QTemporaryDir dir;
        write(dir.filePath("story.md"), "Chapter one\n");
        write(dir.filePath("other.md"), "x\n");
        QString error;
        {
            MainWindow window;
            QVERIFY(window.loadFile(dir.filePath("story.md"), &error));
            auto *panel = window.findChild<NotesPanel *>();
            QVERIFY(panel && !panel->isVisible());
            window.show();
            window.activateWindow(); // window shortcuts go to the active window
            QVERIFY(QTest::qWaitForWindowActive(&window));
            QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
            QVERIFY(panel->isVisible());
            QTest::keyClicks(panel->editor(), "Narrator: Ishmael");
            QCOMPARE(window.currentDocument()->notes(), QStringLiteral("Narrator: Ishmael"));
            QVERIFY(window.loadFile(dir.filePath("other.md"), &error));
            QCOMPARE(panel->notes(), QString()); // the other document has none
            QCOMPARE(window.currentDocument()->notes(), QString());
        } // closing writes the notes at once
        QCOMPARE(read(dir.filePath("story.md")), QByteArray("Chapter one\n"));
        MainWindow window;
        QVERIFY(window.loadFile(dir.filePath("story.md"), &error));
        QCOMPARE(window.currentDocument()->notes(), QStringLiteral("Narrator: Ishmael"));
        QCOMPARE(window.findChild<NotesPanel *>()->notes(), QStringLiteral("Narrator: Ishmael"));
        window.currentDocument()->setNotes(QString()); // leave nothing behind
    }

    // Help › Keyboard Shortcuts lists every menu command with a shortcut, from the menus
    // themselves, after the suggestion keys.
    void keyboardHelpListsEveryMenuShortcut()
    {
        MainWindow window;
        QList<QMenu *> menus;
        for (QAction *a : window.menuBar()->actions()) {
            if (a->menu())
                menus << a->menu();
        }
        const KeyBindings keys = SuggestionSettings().keys;
        const auto rows = KeyboardHelp::rows(keys, menus);
        const QList<QKeySequence> suggestionKeys = {
            keys.acceptAll,       keys.acceptWord,          keys.acceptLine, keys.dismiss,
            keys.nextAlternative, keys.previousAlternative, keys.requestNow};
        // Oracle: walk the menus independently; every item with a shortcut is a row
        // "… › item" with that key, unless the key is a suggestion key (listed first).
        int withShortcut = 0;
        std::function<void(QMenu *)> walk = [&](QMenu *menu) {
            for (QAction *a : menu->actions()) {
                if (a->menu()) {
                    walk(a->menu());
                    continue;
                }
                if (a->shortcut().isEmpty())
                    continue;
                ++withShortcut;
                const QString item = QString(a->text())
                                         .remove(QLatin1Char('&'))
                                         .remove(QStringLiteral("…"))
                                         .trimmed();
                const bool listed = std::any_of(rows.begin(), rows.end(), [&](const auto &row) {
                    return row.first == a->shortcut() &&
                           (suggestionKeys.contains(a->shortcut()) ||
                            row.second.endsWith(QStringLiteral(" › ") + item));
                });
                QVERIFY2(listed, qPrintable(a->shortcut().toString() + QLatin1Char(' ') + item));
            }
        };
        for (QMenu *menu : menus)
            walk(menu);
        QVERIFY(withShortcut >= 10); // File, Edit and Tools have shortcuts
        const auto has = [&](const QKeySequence &key, const QString &text) {
            return std::any_of(rows.begin(), rows.end(), [&](const auto &row) {
                return row.first == key && row.second == text;
            });
        };
        QVERIFY(has(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return),
                    QStringLiteral("Tools › Continue Paragraph")));
        QVERIFY(has(QKeySequence(QKeySequence::Save), QStringLiteral("File › Save")));
    }

    // View › Full Screen: F11 hides menus, toolbars, tabs and status bar and centres the
    // text; F11 again, or Esc with no suggestion, brings all of it back as it was.
    void fullScreenTogglesAndRestores_data()
    {
        QTest::addColumn<int>("leaveKey");
        QTest::addRow("F11") << int(Qt::Key_F11);
        QTest::addRow("Esc") << int(Qt::Key_Escape);
    }
    void fullScreenTogglesAndRestores()
    {
        QFETCH(int, leaveKey);
        MainWindow window;
        window.newDocument(); // two tabs: the tab bar shows
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto *toolBar = window.findChild<QToolBar *>(QStringLiteral("suggestionsToolBar"));
        QVERIFY(toolBar && toolBar->isVisible());
        QVERIFY(window.menuBar()->isVisible() && window.statusBar()->isVisible());
        QVERIFY(window.tabs()->tabBar()->isVisible());
        const int margin = window.editor()->viewport()->x();

        window.editor()->setFocus();
        QTest::keyClick(window.editor(), Qt::Key_F11);
        QVERIFY(window.isDistractionFree());
        QVERIFY(window.windowState() & Qt::WindowFullScreen);
        QVERIFY(window.fullScreenAction()->isChecked());
        QVERIFY(!window.menuBar()->isVisible());
        QVERIFY(!window.statusBar()->isVisible());
        QVERIFY(!toolBar->isVisible());
        QVERIFY(!window.tabs()->tabBar()->isVisible());
        QVERIFY(window.editor()->isDistractionFree());

        QTest::keyClick(window.editor(), Qt::Key(leaveKey));
        QVERIFY(!window.isDistractionFree());
        QVERIFY(!(window.windowState() & Qt::WindowFullScreen));
        QVERIFY(!window.fullScreenAction()->isChecked());
        QVERIFY(window.menuBar()->isVisible());
        QVERIFY(window.statusBar()->isVisible());
        QVERIFY(toolBar->isVisible());
        QVERIFY(window.tabs()->tabBar()->isVisible());
        QCOMPARE(window.editor()->viewport()->x(), margin); // the gutter is back
    }

    // View > Highlighting lists every definition once (plus plain text), checks the
    // current one, and choosing one switches the document and its suggestion mode.
    void highlightingMenuSwitchesDefinitionAndMode()
    {
        MainWindow window;
        auto *menu = window.findChild<QMenu *>(QStringLiteral("highlightingMenu"));
        QVERIFY(menu);
        QStringList expected{QString()};
        for (const KSyntaxHighlighting::Definition &d : syntaxRepository().definitions()) {
            if (!d.isHidden())
                expected << d.name();
        }
        QStringList listed;
        for (QAction *a : choices(menu))
            listed << a->data().toString();
        expected.sort();
        listed.sort();
        QCOMPARE(listed, expected);
        QVERIFY(choice(menu, QStringLiteral("Markdown"))->isChecked()); // a new document's

        choice(menu, QStringLiteral("Python"))->trigger();
        QCOMPARE(window.editor()->definition().name(), QStringLiteral("Python"));
        QCOMPARE(window.suggestions()->mode(), CompletionMode::Code);
        QVERIFY(statusLabelContaining(window, QStringLiteral("Python")));
        QVERIFY(choice(menu, QStringLiteral("Python"))->isChecked());

        choice(menu, QString())->trigger();
        QVERIFY(!window.editor()->definition().isValid());
        QCOMPARE(window.suggestions()->mode(), CompletionMode::Sentence);
        QVERIFY(choice(menu, QString())->isChecked());
    }

    // View > Theme: a chosen theme applies to every open and every new document and is
    // remembered; "follow the desktop" goes back to the palette's light or dark theme.
    void themeMenuAppliesEverywhereAndPersists()
    {
        QSettings().remove(MainWindow::themeSettingsKey());
        const QString light =
            syntaxRepository().defaultTheme(KSyntaxHighlighting::Repository::LightTheme).name();
        const QString dark =
            syntaxRepository().defaultTheme(KSyntaxHighlighting::Repository::DarkTheme).name();
        QString picked;
        for (const KSyntaxHighlighting::Theme &t : syntaxRepository().themes()) {
            if (t.name() != light && t.name() != dark)
                picked = t.name();
        }
        QVERIFY(!picked.isEmpty());
        MainWindow window;
        Document *first = window.currentDocument();
        window.newDocument();
        auto *menu = window.findChild<QMenu *>(QStringLiteral("themeMenu"));
        QVERIFY(menu);
        QCOMPARE(choices(menu).size(), syntaxRepository().themes().size() + 1);
        QVERIFY(choice(menu, QString())->isChecked());
        const QString palettes = Editor::themeForPalette(window.palette()).name();

        choice(menu, picked)->trigger();
        for (Document *d : window.documents())
            QCOMPARE(d->editor()->theme().name(), picked);
        QCOMPARE(window.newDocument()->editor()->theme().name(), picked);
        QCOMPARE(QSettings().value(MainWindow::themeSettingsKey()).toString(), picked);
        {
            MainWindow next; // as at the next start
            QCOMPARE(next.editor()->theme().name(), picked);
        }
        QVERIFY(choice(menu, picked)->isChecked());

        choice(menu, QString())->trigger();
        QCOMPARE(first->editor()->theme().name(), palettes);
        QCOMPARE(QSettings().value(MainWindow::themeSettingsKey()).toString(), QString());
    }

    // In a Markdown document, suggestions inside a fenced code block are code; outside,
    // the document's mode. Other documents are not affected by fences.
    void markdownFencesSwitchToCode()
    {
        QTemporaryDir dir;
        write(dir.filePath("notes.md"),
              "# Notes\n\nSome prose.\n\n```python\ndef f():\n    return 1\n```\n\nMore prose.\n");
        MainWindow window;
        QString error;
        QVERIFY(window.loadFile(dir.filePath("notes.md"), &error));
        QCOMPARE(window.suggestions()->mode(), CompletionMode::Sentence);
        const QString text = window.editor()->toPlainText();
        QTextCursor c = window.editor()->textCursor();
        const auto modeAt = [&](int position) {
            c.setPosition(position);
            window.editor()->setTextCursor(c);
            return window.suggestions()->modeAtCursor();
        };
        SuggestionStatus *status = window.suggestionStatus();
        QCOMPARE(modeAt(text.indexOf("prose.")), CompletionMode::Sentence);
        QCOMPARE(status->modeText(), modeTitle(CompletionMode::Sentence));
        QCOMPARE(modeAt(text.indexOf("return") + 6), CompletionMode::Code);
        QCOMPARE(status->modeText(), modeTitle(CompletionMode::Code)); // the status bar follows
        QCOMPARE(modeAt(text.indexOf("More")), CompletionMode::Sentence);
        QCOMPARE(status->modeText(), modeTitle(CompletionMode::Sentence));
        QCOMPARE(modeAt(text.size()), CompletionMode::Sentence);

        write(dir.filePath("notes.txt"), "```\ninside?\n");
        QVERIFY(window.loadFile(dir.filePath("notes.txt"), &error));
        QVERIFY(window.editor()->definition().name() != QStringLiteral("Markdown"));
        window.editor()->moveCursor(QTextCursor::End);
        QCOMPARE(window.suggestions()->modeAtCursor(), window.suggestions()->mode());
    }

    // A file changed on disk while its tab is in the background is asked about when the
    // user switches to it, not while they are looking at another document.
    void backgroundTabAsksWhenShown()
    {
        QTemporaryDir dir;
        write(dir.filePath("back.txt"), "old\n");
        write(dir.filePath("front.txt"), "front\n");
        MainWindow window;
        window.show();
        QString error;
        QVERIFY(window.loadFile(dir.filePath("back.txt"), &error));
        Document *back = window.currentDocument();
        QVERIFY(window.loadFile(dir.filePath("front.txt"), &error));
        QTest::qWait(1100); // file times have one-second resolution on some systems
        BoxAnswerer answers({QMessageBox::Yes});
        write(dir.filePath("back.txt"), "new\n");
        QTest::qWait(1000);
        QVERIFY(answers.texts.isEmpty());
        QCOMPARE(back->text(), QStringLiteral("old\n"));
        window.setCurrentDocument(back);
        QTRY_COMPARE_WITH_TIMEOUT(back->text(), QStringLiteral("new\n"), 5000);
        QCOMPARE(answers.texts.size(), 1);
        QVERIFY(answers.texts[0].contains(QStringLiteral("back.txt")));
    }

    // One engine serves every tab: only the current document's controller may ask it,
    // and a document left behind drops its ghost text.
    void onlyTheCurrentTabSuggests()
    {
        MainWindow window;
        QSignalSpy loaded(window.engine(), &EngineThread::modelLoaded);
        SuggestionSettings settings;
        settings.threads = 1;
        settings.sampling.greedy = true;
        settings.autoSuggest = false;
        window.applySettings(settings);
        window.show();
        QVERIFY(window.engine()->isModelLoaded() || loaded.wait(60000));
        Document *first = window.currentDocument();
        first->editor()->insertPlainText(
            QStringLiteral("The old man looked out of the window and"));
        QSignalSpy finished(first->suggestions(), &SuggestionController::finished);
        QVERIFY(first->suggestions()->requestNow());
        QVERIFY(finished.wait(60000));
        QVERIFY(first->suggestions()->hasSuggestion());

        Document *second = window.newDocument();
        QVERIFY(second->suggestions()->isEnabled());
        QVERIFY(!first->suggestions()->isEnabled());
        QVERIFY(!first->suggestions()->hasSuggestion());
        QVERIFY(!first->suggestions()->requestNow());
        QVERIFY(window.suggestions() == second->suggestions());

        window.setCurrentDocument(first);
        QVERIFY(first->suggestions()->isEnabled());
        QVERIFY(!second->suggestions()->isEnabled());
        QVERIFY(first->suggestions()->requestNow());
        QVERIFY(finished.wait(60000));
        QVERIFY(first->suggestions()->hasSuggestion());
        first->editor()->document()->setModified(false);
    }

    void externalChangeIsOfferedForReload()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("notes.txt");
        write(path, "first version\n");
        MainWindow window;
        window.show();
        QString error;
        QVERIFY(window.loadFile(path, &error));
        QTest::qWait(1100); // file times have one-second resolution on some systems
        answerNextMessageBox(QMessageBox::Yes);
        write(path, "changed by another program\n");
        QTRY_COMPARE_WITH_TIMEOUT(window.editor()->toPlainText(),
                                  QStringLiteral("changed by another program\n"), 5000);
        QVERIFY(!window.editor()->document()->isModified());
        // Our own save is not "another program": no question, the text stays.
        window.editor()->appendPlainText(QStringLiteral("mine"));
        QVERIFY(window.saveDocument());
        QTest::qWait(500);
        QVERIFY(!QApplication::activeModalWidget());
        QVERIFY(window.editor()->toPlainText().endsWith(QStringLiteral("mine")));
    }

    void declinedReloadKeepsTheText()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("draft.md");
        write(path, "original\n");
        MainWindow window;
        window.show();
        QString error;
        QVERIFY(window.loadFile(path, &error));
        window.editor()->moveCursor(QTextCursor::End);
        QTest::keyClicks(window.editor(), "my unsaved edit");
        QTest::qWait(1100);
        answerNextMessageBox(QMessageBox::No);
        write(path, "theirs\n");
        QTest::qWait(1000);
        QCOMPARE(window.editor()->toPlainText(), QStringLiteral("original\nmy unsaved edit"));
        QVERIFY(window.editor()->document()->isModified());
        window.editor()->document()->setModified(false);
    }

    void failedOpenLeavesTheDocumentAlone()
    {
        QTemporaryDir dir;
        write(dir.filePath("binary.bin"), QByteArray("\x00\xff\xfe\x80 not text", 14));
        MainWindow window;
        window.editor()->setPlainText(QStringLiteral("precious"));
        QString error;
        QVERIFY(!window.loadFile(dir.filePath("binary.bin"), &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(window.editor()->toPlainText(), QStringLiteral("precious"));
        QVERIFY(!window.loadFile(dir.filePath("missing.txt"), &error));
        QCOMPARE(window.editor()->toPlainText(), QStringLiteral("precious"));
        window.editor()->document()->setModified(false);
    }

    void readOnlyFilesOpenReadOnly()
    {
        AS_ORDINARY_USER(); // root may write any file, so no file is read-only to root
        QTemporaryDir dir;
        const QString path = dir.filePath("locked.txt");
        write(path, "look, don't touch");
        QFile::setPermissions(path, QFileDevice::ReadOwner);
        MainWindow window;
        QString error;
        QVERIFY(window.loadFile(path, &error));
        QVERIFY(window.editor()->isReadOnly());
    }

    // Another program (or another machine, over NFS or SMB, which send no change
    // notifications) rewrote the file: Save asks before replacing that version. No event
    // is processed between the change and the save, so the file watcher cannot help.
    void saveAsksWhenTheFileChangedOnDisk()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("shared.txt");
        write(path, "as opened\n");
        MainWindow window;
        QString error;
        QVERIFY(window.loadFile(path, &error));
        window.editor()->moveCursor(QTextCursor::End);
        window.editor()->insertPlainText("my words\n");
        write(path, "rewritten elsewhere, and longer\n");
        {
            BoxAnswerer answers({QMessageBox::Cancel});
            QVERIFY(!window.saveDocument());
            QCOMPARE(answers.texts.size(), 1);
            QVERIFY2(answers.texts.first().contains("changed by another program"),
                     qPrintable(answers.texts.first()));
        }
        QCOMPARE(read(path), QByteArray("rewritten elsewhere, and longer\n"));
        QVERIFY(window.editor()->document()->isModified());
        {
            BoxAnswerer answers({MainWindow::tr("&Overwrite")});
            QVERIFY(window.saveDocument());
            QCOMPARE(answers.texts.size(), 1);
        }
        QCOMPARE(read(path), QByteArray("as opened\nmy words\n"));
        // Saved: the next save has nothing to ask.
        window.editor()->insertPlainText("more\n");
        BoxAnswerer none({});
        QVERIFY(window.saveDocument());
        QVERIFY(none.texts.isEmpty());
    }

    // A file the user may write, in a folder they may not: QSaveFile cannot make its
    // temporary file beside it, so the save writes the file in place (the recovery copy
    // holds the text meanwhile). Before, it opened editable and could never be saved.
    void writableFileInReadOnlyFolderSaves()
    {
        AS_ORDINARY_USER(); // root may write into any folder
        QTemporaryDir dir;
        const QString folder = dir.filePath("shared");
        QVERIFY(QDir().mkpath(folder));
        const QString path = folder + "/notes.txt";
        write(path, "first words\n");
        QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        MainWindow window;
        QString error;
        QVERIFY(window.loadFile(path, &error));
        QVERIFY(!window.editor()->isReadOnly());
        window.editor()->moveCursor(QTextCursor::End);
        window.editor()->insertPlainText("and more\n");
        const bool saved = window.saveDocument();
        QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ExeOwner);
        QVERIFY(saved);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("first words\nand more\n"));
        QVERIFY(!window.editor()->document()->isModified());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
