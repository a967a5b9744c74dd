// MainWindow's menu bar and toolbar: one function per menu, in menu-bar order, so a new
// menu is one function and one line in createMenus(). The actions call the window's
// document and engine functions in main_window.cpp.
#include "ui/window/main_window.h"

#include "service/engine_thread.h"
#include "service/fallback_completion_source.h"
#include "ui/documents/document.h"
#include "ui/documents/recent_files.h"
#include "ui/documents/text_file.h"
#include "ui/editor/editor.h"
#include "ui/editor/find_bar.h"
#include "ui/editor/go_to_line.h"
#include "ui/editor/highlighting_menus.h"
#include "ui/models/model_manager_dialog.h"
#include "ui/suggestions/keyboard_help.h"
#include "ui/suggestions/notes_panel.h"
#include "ui/suggestions/suggestion_controller.h"
#include "ui/suggestions/suggestion_status.h"
#include "ui/writing/writing_commands.h"
#include "ui/writing/writing_panel.h"

#include <KSyntaxHighlighting/Definition>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QComboBox>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QToolBar>

#include <functional>

namespace inkling {

namespace {

const QKeySequence kGoToLineKey(Qt::CTRL | Qt::Key_G);

// The platform's keys for a standard action and fallback, but not Go to Line's: GNOME and
// macOS also bind Find Next to Ctrl+G.
QList<QKeySequence> standardKeys(QKeySequence::StandardKey key, const QKeySequence &fallback)
{
    QList<QKeySequence> keys = QKeySequence::keyBindings(key);
    keys.removeAll(kGoToLineKey);
    if (!keys.contains(fallback))
        keys.prepend(fallback);
    return keys;
}

} // namespace

void MainWindow::createMenus()
{
    createFileMenu();
    createEditMenu();
    createViewMenu();
    createSuggestionMenu();
    createToolsMenu();
    createHelpMenu();
}

void MainWindow::createFileMenu()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));

    QAction *newAction =
        fileMenu->addAction(tr("&New"), QKeySequence::New, this, [this] { newDocument(); });
    newAction->setStatusTip(tr("Start a new, empty document"));

    QAction *openAction =
        fileMenu->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::open);
    openAction->setStatusTip(tr("Open an existing file"));

    m_recentMenu = fileMenu->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);

    // save() and saveAs() return bool for maybeSave(); the lambdas drop it.
    QAction *saveAction = fileMenu->addAction(tr("&Save"), QKeySequence::Save, this,
                                              [this] { save(currentDocument()); });
    saveAction->setStatusTip(tr("Save the document"));

    QAction *saveAsAction = fileMenu->addAction(tr("Save &As…"), QKeySequence::SaveAs, this,
                                                [this] { saveAs(currentDocument()); });
    saveAsAction->setStatusTip(tr("Save the document under a new name"));

    // Encoding and line ends of the next save, checked as the current document has them.
    QMenu *encodingMenu = fileMenu->addMenu(tr("&Encoding"));
    encodingMenu->setObjectName(QStringLiteral("encodingMenu"));
    encodingMenu->setStatusTip(tr("The encoding and line ends the document is saved with"));
    // A choice is checked when applying it to the document's format changes nothing.
    const auto addChoice = [this, encodingMenu](QActionGroup *group, const QString &text,
                                                const std::function<void(TextFormat &)> &apply) {
        QAction *a = encodingMenu->addAction(text, this, [this, apply] {
            TextFormat format = currentDocument()->format();
            apply(format);
            currentDocument()->changeFormat(format);
        });
        a->setCheckable(true);
        group->addAction(a);
        connect(encodingMenu, &QMenu::aboutToShow, a, [this, a, apply] {
            TextFormat format = currentDocument()->format();
            apply(format);
            a->setChecked(format == currentDocument()->format());
        });
    };
    auto *encodings = new QActionGroup(encodingMenu);
    for (TextEncoding e :
         {TextEncoding::Utf8, TextEncoding::Utf8Bom, TextEncoding::Utf16LE, TextEncoding::Utf16BE})
        addChoice(encodings, encodingName(e), [e](TextFormat &f) { f.encoding = e; });
    encodingMenu->addSeparator();
    auto *lineEnds = new QActionGroup(encodingMenu);
    for (LineEnding l : {LineEnding::Lf, LineEnding::CrLf, LineEnding::Cr})
        addChoice(lineEnds, tr("Line Ends: %1").arg(lineEndingName(l)),
                  [l](TextFormat &f) { f.lineEnding = l; });

    fileMenu->addSeparator();
    QAction *printAction =
        fileMenu->addAction(tr("&Print…"), QKeySequence::Print, this, &MainWindow::print);
    printAction->setStatusTip(tr("Print the document with its highlighting"));
    QAction *pdfAction = fileMenu->addAction(tr("E&xport as PDF…"), this, &MainWindow::exportAsPdf);
    pdfAction->setStatusTip(tr("Save the document as a PDF file with its highlighting"));

    fileMenu->addSeparator();
    QAction *closeAction = fileMenu->addAction(tr("&Close"), QKeySequence::Close, this,
                                               [this] { closeDocument(currentDocument()); });
    closeAction->setStatusTip(tr("Close the document"));

    QAction *quitAction =
        fileMenu->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    quitAction->setMenuRole(QAction::QuitRole);
    quitAction->setStatusTip(tr("Quit Inkling"));
}

void MainWindow::createEditMenu()
{
    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction *findAction =
        editMenu->addAction(tr("&Find…"), QKeySequence::Find, m_findBar, &FindBar::openFind);
    findAction->setStatusTip(tr("Search the document"));
    QAction *replaceAction = editMenu->addAction(tr("&Replace…"), m_findBar, &FindBar::openReplace);
    // Ctrl+H on Windows and GNOME, Ctrl+R in KDE, none on macOS and plain X11: Ctrl+R then.
    const QList<QKeySequence> replaceKeys = QKeySequence::keyBindings(QKeySequence::Replace);
    replaceAction->setShortcuts(replaceKeys.isEmpty()
                                    ? QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_R)}
                                    : replaceKeys);
    replaceAction->setStatusTip(tr("Search the document and replace matches"));
    editMenu->addAction(tr("Find &Next"), m_findBar, &FindBar::findNext)
        ->setShortcuts(standardKeys(QKeySequence::FindNext, Qt::Key_F3));
    editMenu->addAction(tr("Find Pre&vious"), m_findBar, &FindBar::findPrevious)
        ->setShortcuts(standardKeys(QKeySequence::FindPrevious, Qt::SHIFT | Qt::Key_F3));
    editMenu->addSeparator();
    editMenu->addAction(tr("Go to &Line…"), kGoToLineKey, this, [this] {
        if (Editor *e = editor())
            askAndGoToLine(e);
    });
    editMenu->addSeparator();
    m_checkSpellingAction = editMenu->addAction(tr("Check S&pelling"));
    m_checkSpellingAction->setCheckable(true);
    m_checkSpellingAction->setChecked(m_spelling.enabled);
    m_checkSpellingAction->setStatusTip(
        tr("Underline misspelt words in prose, comments and strings"));
    connect(m_checkSpellingAction, &QAction::toggled, this, [this](bool on) {
        SpellingSettings s = m_spelling;
        s.enabled = on;
        applySpelling(s);
    });
    QAction *settingsAction = editMenu->addAction(tr("&Settings…"), QKeySequence::Preferences, this,
                                                  &MainWindow::showSettings);
    settingsAction->setMenuRole(QAction::PreferencesRole);
    editMenu->addAction(tr("&Models…"), this, [this] {
        ModelManagerDialog dialog(m_settings.modelDirectory, this);
        if (dialog.exec() == QDialog::Accepted) {
            SuggestionSettings s = m_settings;
            s.modelDirectory = dialog.chosenDirectory();
            applySettings(s);
        }
    });
}

void MainWindow::createViewMenu()
{
    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    auto *highlighting = new HighlightingMenu([this] { return editor()->definition(); }, viewMenu);
    viewMenu->addMenu(highlighting);
    connect(highlighting, &HighlightingMenu::definitionChosen, this, &MainWindow::setDefinition);
    auto *themes = new ThemeMenu([this] { return m_themeName; }, viewMenu);
    viewMenu->addMenu(themes);
    connect(themes, &ThemeMenu::themeChosen, this, &MainWindow::setThemeName);
    viewMenu->addSeparator();
    // Ctrl+= as well: on most layouts "+" needs Shift, and Ctrl+Shift+= is not Ctrl++.
    viewMenu->addAction(tr("Zoom &In"), this, [this] { setZoom(m_zoom + 1); })
        ->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    viewMenu->addAction(tr("Zoom &Out"), QKeySequence::ZoomOut, this,
                        [this] { setZoom(m_zoom - 1); });
    viewMenu->addAction(tr("&Reset Zoom"), QKeySequence(Qt::CTRL | Qt::Key_0), this,
                        [this] { setZoom(0); });
    viewMenu->addSeparator();
    m_fullScreenAction = viewMenu->addAction(tr("&Full Screen"));
    m_fullScreenAction->setCheckable(true);
    m_fullScreenAction->setShortcuts(standardKeys(QKeySequence::FullScreen, Qt::Key_F11));
    connect(m_fullScreenAction, &QAction::toggled, this, &MainWindow::setDistractionFree);
    // The menu bar is hidden in full screen, and its actions' keys with it; the window's
    // own copy keeps F11 working.
    addAction(m_fullScreenAction);
}

void MainWindow::createSuggestionMenu()
{
    auto *menu = menuBar()->addMenu(tr("S&uggestions"));
    // The keys are handled by the current document's controller in its editor (so Tab
    // and Ctrl+Right keep their meaning without a suggestion); the menu shows them and
    // offers the actions.
    // Each action remembers which binding it shows, so applySettings() can follow a
    // rebinding in Settings › Keys.
    const auto add = [&](const QString &text, QKeySequence KeyBindings::*key,
                         bool (SuggestionController::*action)()) {
        QAction *a = menu->addAction(text, this, [this, action] { (suggestions()->*action)(); });
        a->setShortcut(m_settings.keys.*key);
        a->setShortcutContext(Qt::WidgetShortcut); // shown, but the editor's filter acts
        m_keyActions.append({a, key});
        return a;
    };
    add(tr("Suggest &Now"), &KeyBindings::requestNow, &SuggestionController::requestNow);
    add(tr("&Accept Suggestion"), &KeyBindings::acceptAll, &SuggestionController::acceptAll);
    add(tr("Accept Next &Word"), &KeyBindings::acceptWord, &SuggestionController::acceptWord);
    add(tr("Accept Next &Line"), &KeyBindings::acceptLine, &SuggestionController::acceptLine);
    add(tr("&Dismiss"), &KeyBindings::dismiss, &SuggestionController::dismiss);
    add(tr("Ne&xt Alternative"), &KeyBindings::nextAlternative,
        &SuggestionController::nextAlternative);
    add(tr("&Previous Alternative"), &KeyBindings::previousAlternative,
        &SuggestionController::previousAlternative);
    menu->addSeparator();
    QAction *autoSuggest = m_autoSuggestAction = menu->addAction(tr("Suggest While &Typing"));
    autoSuggest->setCheckable(true);
    autoSuggest->setChecked(m_settings.autoSuggest);
    connect(autoSuggest, &QAction::toggled, this, [this](bool on) {
        SuggestionSettings s = m_settings;
        s.autoSuggest = on;
        applySettings(s);
    });
    QAction *notes = m_notes->toggleViewAction();
    notes->setText(tr("Document &Notes"));
    notes->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    menu->addAction(notes);
    // Where suggesting while typing is unwanted (a diary, a file type): off for it alone.
    m_documentSuggestsAction = menu->addAction(tr("Suggest While Typing in This &Document"));
    m_documentSuggestsAction->setCheckable(true);
    connect(m_documentSuggestsAction, &QAction::toggled, this,
            [this](bool on) { currentDocument()->setSuggestsWhileTyping(on); });
    m_fileTypeSuggestsAction = menu->addAction(QString());
    m_fileTypeSuggestsAction->setCheckable(true);
    connect(m_fileTypeSuggestsAction, &QAction::toggled, this, [this](bool on) {
        SuggestionSettings s = m_settings;
        const QString type = editor()->definition().name();
        s.quietFileTypes.removeAll(type);
        if (!on)
            s.quietFileTypes.append(type);
        applySettings(s);
    });
    menu->addSeparator();
    // The mode is offered twice: as radio items in the menu and as a combo box in the
    // toolbar, next to the switch for suggesting while typing.
    QToolBar *toolBar = addToolBar(tr("Suggestions"));
    toolBar->setObjectName(QStringLiteral("suggestionsToolBar"));
    toolBar->setMovable(false);
    toolBar->addAction(autoSuggest);
    m_modeBox = new QComboBox(toolBar);
    m_modeBox->setToolTip(tr("How far suggestions reach"));
    toolBar->addWidget(m_modeBox);
    m_modeActions = new QActionGroup(this);
    for (CompletionMode mode : {CompletionMode::Word, CompletionMode::Sentence,
                                CompletionMode::Paragraph, CompletionMode::Code}) {
        QAction *a = menu->addAction(tr("%1 Mode").arg(modeTitle(mode)));
        a->setCheckable(true);
        a->setData(int(mode));
        m_modeActions->addAction(a);
        connect(a, &QAction::triggered, this, [this, mode] { setMode(mode); });
        m_modeBox->addItem(modeTitle(mode), int(mode));
    }
    connect(m_modeBox, &QComboBox::activated, this, [this](int index) {
        setMode(CompletionMode(m_modeBox->itemData(index).toInt()));
        editor()->setFocus();
    });
}

void MainWindow::createToolsMenu()
{
    auto *panel = new WritingPanel(this);
    addDockWidget(Qt::RightDockWidgetArea, panel);
    panel->hide(); // the first command shows it
    // The commands work on the current tab; no document exists yet while menus are made.
    m_writing = new WritingCommands(nullptr, m_source, panel, this);
    connect(this, &MainWindow::currentDocumentChanged, m_writing, [this](Document *document) {
        m_writing->setEditor(document ? document->editor() : nullptr);
    });
    connect(m_engine, &EngineThread::modelLoaded, m_writing, [this](const LoadedModelInfo &loaded) {
        m_writing->setContextLength(loaded.info.contextLength);
    });
    m_writing->addActionsTo(menuBar()->addMenu(tr("&Tools")));
}

void MainWindow::createHelpMenu()
{
    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&Keyboard Shortcuts"), this, [this, helpMenu] {
        QList<QMenu *> menus;
        for (QAction *action : menuBar()->actions()) {
            if (action->menu() && action->menu() != helpMenu)
                menus.append(action->menu());
        }
        KeyboardHelp help(m_settings.keys, menus, this);
        help.exec();
    });
    QAction *aboutAction = helpMenu->addAction(tr("&About Inkling"));
    aboutAction->setMenuRole(QAction::AboutRole);
    connect(aboutAction, &QAction::triggered, this, &MainWindow::about);
    QAction *aboutQtAction = helpMenu->addAction(tr("About &Qt"));
    aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About Inkling"),
                       tr("<h3>Inkling %1</h3>"
                          "<p>A text editor that suggests how your sentence goes on, using a GPT-2 "
                          "language model that runs entirely on this computer.</p>")
                           .arg(QApplication::applicationVersion()));
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = RecentFiles::files();
    for (const QString &path : files) {
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { openFile(path); })
            ->setToolTip(path);
    }
    if (files.isEmpty())
        m_recentMenu->addAction(tr("No recent files"))->setEnabled(false);
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear List"), this, [] { RecentFiles::clear(); })
        ->setEnabled(!files.isEmpty());
}

} // namespace inkling
