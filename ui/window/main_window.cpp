// The application window: tabs of Documents, menus, and the status bar.
#include "ui/window/main_window.h"

#include "service/engine_thread.h"
#include "service/fallback_completion_source.h"
#include "ui/documents/autosave.h"
#include "ui/documents/crash_recovery.h"
#include "ui/documents/document.h"
#include "ui/documents/printable_document.h"
#include "ui/documents/recent_files.h"
#include "ui/documents/text_file.h"
#include "ui/editor/editor.h"
#include "ui/editor/find_bar.h"
#include "ui/editor/text_counts.h"
#include "ui/models/model_loader.h"
#include "ui/settings/interface_language.h"
#include "ui/settings/server_key.h"
#include "ui/settings/settings_dialog.h"
#include "ui/suggestions/notes_panel.h"
#include "ui/suggestions/suggestion_controller.h"
#include "ui/suggestions/suggestion_status.h"

#include <KSyntaxHighlighting/Definition>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace inkling {

namespace {
Q_LOGGING_CATEGORY(lcMainWindow, "inkling.ui.mainwindow", QtInfoMsg)

// Two names for one file ("a/../b.txt", a symlink) must find the same tab.
QString canonical(const QString &path)
{
    const QString resolved = QFileInfo(path).canonicalFilePath();
    return resolved.isEmpty() ? QFileInfo(path).absoluteFilePath() : resolved;
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_tabs(new QTabWidget(this))
    , m_findBar(new FindBar(this))
    , m_formatLabel(new QLabel(this))
    , m_definitionLabel(new QLabel(this))
    , m_countLabel(new QLabel(this))
    , m_countTimer(new QTimer(this))
    , m_engine(new EngineThread(this))
    , m_source(new FallbackCompletionSource(m_engine, this))
    , m_status(new SuggestionStatus(this))
    , m_notes(new NotesPanel(this))
{
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    // One document looks like a plain editor; tabs appear with the second.
    m_tabs->setTabBarAutoHide(true);
    // The Find bar sits under the tabs, as in Kate and Qt Creator, and follows the
    // current document.
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_tabs);
    centralLayout->addWidget(m_findBar);
    setCentralWidget(central);
    connect(this, &MainWindow::currentDocumentChanged, m_findBar,
            [this](Document *document) { m_findBar->setEditor(document->editor()); });
    // Notes follow the current document, hidden until asked for (Suggestions menu).
    addDockWidget(Qt::RightDockWidgetArea, m_notes);
    m_notes->hide();
    connect(this, &MainWindow::currentDocumentChanged, m_notes,
            [this](Document *document) { m_notes->showNotes(document->notes()); });
    connect(m_notes, &NotesPanel::notesEdited, this, [this](const QString &notes) {
        if (Document *document = currentDocument())
            document->setNotes(notes);
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::onCurrentTabChanged);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this,
            [this](int index) { closeDocument(qobject_cast<Document *>(m_tabs->widget(index))); });

    m_formatLabel->setToolTip(tr("Encoding and line ends of the file; saving keeps them"));
    m_countTimer->setSingleShot(true);
    m_countTimer->setInterval(150);
    connect(m_countTimer, &QTimer::timeout, this, &MainWindow::updateCountLabel);
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_status);
    statusBar()->addPermanentWidget(m_formatLabel);
    statusBar()->addPermanentWidget(m_definitionLabel);
    {
        QSettings settings;
        m_settings = SuggestionSettings::load(settings);
        m_themeName = settings.value(themeSettingsKey()).toString();
        m_fonts = EditorFonts::load(settings);
        m_zoom = Editor::clampZoom(settings.value(zoomSettingsKey(), 0).toInt(), m_fonts);
        m_spelling = SpellingSettings::load(settings);
    }
    createMenus(); // the suggestion menu shows the configured keys
    connect(
        m_source, &FallbackCompletionSource::answeredBy, m_status,
        [this](const QString &server) { m_status->setBackend(server, m_source->usesServer()); });
    connect(m_source, &FallbackCompletionSource::serverFailed, this,
            [this](const QString &message) {
                statusBar()->showMessage(tr("Server: %1 The built-in model answers.").arg(message),
                                         10000);
            });
    m_models = new ModelLoader(m_engine, m_status, this);
    connect(m_models, &ModelLoader::readyChanged, this, &MainWindow::updateSuggestionsEnabled);
    connect(m_models, &ModelLoader::failed, this,
            [this](const QString &message) { statusBar()->showMessage(message); });
    newDocument();
    applySettings(m_settings);
    applySpelling(m_spelling);
    resize(defaultSize());
}

MainWindow::~MainWindow() = default;

QSize MainWindow::defaultSize()
{
    // About 90 columns of the editor font beside the gutter, and fits a 1366×768 laptop.
    return {960, 640};
}

// --- documents --------------------------------------------------------------------

QList<Document *> MainWindow::documents() const
{
    QList<Document *> list;
    for (int i = 0; i < m_tabs->count(); ++i)
        list.append(qobject_cast<Document *>(m_tabs->widget(i)));
    return list;
}

Document *MainWindow::currentDocument() const
{
    return qobject_cast<Document *>(m_tabs->currentWidget());
}

void MainWindow::setCurrentDocument(Document *document)
{
    m_tabs->setCurrentWidget(document);
}

Document *MainWindow::findDocument(const QString &path) const
{
    const QString wanted = canonical(path);
    for (Document *d : documents()) {
        if (!d->filePath().isEmpty() && canonical(d->filePath()) == wanted)
            return d;
    }
    return nullptr;
}

Editor *MainWindow::editor() const
{
    return currentDocument()->editor();
}

SuggestionController *MainWindow::suggestions() const
{
    return currentDocument()->suggestions();
}

Autosave *MainWindow::autosave() const
{
    return currentDocument()->autosave();
}

QString MainWindow::filePath() const
{
    return currentDocument()->filePath();
}

Document *MainWindow::addDocument()
{
    auto *document = new Document(m_source, m_settings, m_tabs);
    document->editor()->setThemeName(m_themeName);
    document->editor()->setFonts(m_fonts);
    document->editor()->setZoom(m_zoom);
    document->editor()->setSpelling(m_spelling);
    connectDocument(document);
    m_tabs->addTab(document, document->displayName());
    updateTab(document);
    updateSuggestionsEnabled();
    return document;
}

Document *MainWindow::newDocument()
{
    Document *document = addDocument();
    setCurrentDocument(document);
    document->setFocus();
    return document;
}

void MainWindow::connectDocument(Document *document)
{
    const auto ifCurrent = [this, document](auto update) {
        return [this, document, update] {
            if (document == currentDocument())
                update();
        };
    };
    connect(document, &Document::filePathChanged, this, [this, document] {
        updateTab(document);
        if (document == currentDocument()) {
            updateWindowTitle();
            updateDocumentLabels();
            m_notes->showNotes(document->notes()); // a file opened brings its notes
        }
    });
    connect(document, &Document::modificationChanged, this, [this, document] {
        updateTab(document);
        if (document == currentDocument())
            setWindowModified(document->isModified());
    });
    connect(document, &Document::formatChanged, this,
            ifCurrent([this] { updateDocumentLabels(); }));
    connect(document->editor(), &Editor::zoomRequested, this, &MainWindow::setZoom);
    connect(document->editor(), &Editor::wordAddedToDictionary, this, [this, document] {
        for (Document *other : documents()) {
            if (other != document)
                other->editor()->recheckSpelling();
        }
    });
    const auto recount = ifCurrent([this] { m_countTimer->start(); });
    connect(document->editor()->counter(), &TextCounter::changed, this, recount);
    connect(document->editor(), &QPlainTextEdit::selectionChanged, this, recount);
    connect(document->editor(), &Editor::definitionChanged, this,
            ifCurrent([this] { updateDocumentLabels(); }));
    connect(document, &Document::modeChanged, this,
            ifCurrent([this, document] { showMode(document->mode()); }));
    // The status bar shows the mode at the cursor: moving into or out of a Markdown code
    // fence (or typing one) changes it without changing the document's mode.
    connect(document->editor(), &QPlainTextEdit::cursorPositionChanged, this,
            ifCurrent(
                [this, document] { m_status->setMode(document->suggestions()->modeAtCursor()); }));
    connect(document, &Document::message, this, [this](const QString &text, int timeoutMs) {
        statusBar()->showMessage(text, timeoutMs);
    });

    // Only the current document's controller is enabled, so these come from it.
    SuggestionController *controller = document->suggestions();
    connect(controller, &SuggestionController::busyChanged, m_status, &SuggestionStatus::setBusy);
    connect(controller, &SuggestionController::latencyMeasured, m_status,
            &SuggestionStatus::setLatency);
    // The keystrokes-saved meter counts every tab's accepted suggestions.
    connect(controller, &SuggestionController::accepted, m_status, &SuggestionStatus::addAccepted);
    connect(controller, &SuggestionController::shown, m_status, &SuggestionStatus::addShown);
    connect(controller, &SuggestionController::keptMeasured, m_status, &SuggestionStatus::addKept);
    connect(controller, &SuggestionController::finished, this,
            [this](const CompletionStats &stats) { m_status->setSpeed(stats.tokensPerSecond); });
    connect(controller, &SuggestionController::failed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("No suggestion: %1").arg(message), 5000);
    });
}

void MainWindow::onCurrentTabChanged()
{
    Document *document = currentDocument();
    if (!document)
        return; // the last tab is being replaced
    updateSuggestionsEnabled();
    showMode(document->mode());
    updateWindowTitle();
    updateDocumentLabels();
    updateCountLabel();
    document->editor()->setDistractionFree(m_distractionFree);
    emit currentDocumentChanged(document);
}

void MainWindow::updateTab(Document *document)
{
    const int index = m_tabs->indexOf(document);
    if (index < 0)
        return;
    m_tabs->setTabText(index, document->displayName() +
                                  (document->isModified() ? QStringLiteral("*") : QString()));
    m_tabs->setTabToolTip(index, QDir::toNativeSeparators(document->filePath()));
}

bool MainWindow::loadFile(const QString &path, QString *errorMessage)
{
    if (Document *open = findDocument(path)) {
        setCurrentDocument(open);
        RecentFiles::add(open->filePath());
        return true;
    }
    Document *current = currentDocument();
    if (current && current->isUntouched())
        return current->load(path, errorMessage);
    Document *document = addDocument();
    if (!document->load(path, errorMessage)) {
        delete document; // its tab goes with it; the current one stays
        return false;
    }
    setCurrentDocument(document);
    return true;
}

bool MainWindow::openFile(const QString &path)
{
    QString errorMessage;
    if (loadFile(path, &errorMessage)) {
        statusBar()->showMessage(tr("Opened “%1”").arg(QFileInfo(path).fileName()), 3000);
        return true;
    }
    showError(tr("Cannot Open File"), errorMessage);
    return false;
}

bool MainWindow::closeDocument(Document *document)
{
    if (!document || !maybeSave(document))
        return false;
    if (m_tabs->count() == 1)
        newDocument(); // the window always has a document to type into
    // Deleted from the event loop: the close may come from inside one of its own
    // widgets' event handlers. Until then it must not ask the engine for anything.
    document->suggestions()->setEnabled(false);
    m_tabs->removeTab(m_tabs->indexOf(document));
    document->deleteLater(); // and with it the recovery copy: saved or deliberately discarded
    return true;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    for (Document *document : documents()) {
        if (!maybeSave(document)) {
            event->ignore();
            return;
        }
    }
    // Saved or deliberately discarded: no copies to recover.
    for (Document *document : documents())
        document->autosave()->discard();
    event->accept();
}

void MainWindow::open()
{
    const QString start = QFileInfo(filePath()).absolutePath();
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Open File"), start);
    for (const QString &path : paths)
        openFile(path);
}

bool MainWindow::saveDocument()
{
    return save(currentDocument());
}

bool MainWindow::save(Document *document)
{
    if (document->filePath().isEmpty())
        return saveAs(document);
    // Checked now, not only by the file watcher: network file systems send no
    // notifications, and a recovered document may be older than the file.
    if (document->changedOnDisk()) {
        switch (askOverwrite(document)) {
        case OverwriteChoice::Overwrite:
            break;
        case OverwriteChoice::SaveAs:
            return saveAs(document);
        case OverwriteChoice::Cancel:
            return false;
        }
    }
    QString errorMessage;
    if (!document->saveAs(document->filePath(), &errorMessage)) {
        showError(tr("Cannot Save File"), errorMessage);
        return false;
    }
    statusBar()->showMessage(tr("Saved “%1”").arg(document->displayName()), 3000);
    return true;
}

MainWindow::OverwriteChoice MainWindow::askOverwrite(Document *document)
{
    const QFileInfo info(document->filePath());
    QMessageBox box(
        QMessageBox::Warning, tr("File Changed on Disk"),
        tr("“%1” was changed by another program after you opened it (last changed "
           "%2). Saving replaces that version with your text.")
            .arg(info.fileName(), QLocale().toString(info.lastModified(), QLocale::ShortFormat)),
        QMessageBox::NoButton, this);
    QPushButton *overwrite = box.addButton(tr("&Overwrite"), QMessageBox::DestructiveRole);
    QPushButton *saveAs = box.addButton(tr("Save &As…"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(saveAs);
    box.exec();
    if (box.clickedButton() == overwrite)
        return OverwriteChoice::Overwrite;
    if (box.clickedButton() == saveAs)
        return OverwriteChoice::SaveAs;
    return OverwriteChoice::Cancel;
}

bool MainWindow::saveAs(Document *document)
{
    const QString suggested =
        document->filePath().isEmpty() ? tr("Untitled.md") : document->filePath();
    const QString path = QFileDialog::getSaveFileName(this, tr("Save As"), suggested);
    if (path.isEmpty())
        return false;
    // Two tabs for one file would overwrite each other's saves.
    Document *other = findDocument(path);
    if (other && other != document) {
        showError(tr("Cannot Save File"), tr("“%1” is open in another tab. Close that tab first.")
                                              .arg(QDir::toNativeSeparators(path)));
        return false;
    }
    QString errorMessage;
    if (!document->saveAs(path, &errorMessage)) {
        showError(tr("Cannot Save File"), errorMessage);
        return false;
    }
    statusBar()->showMessage(tr("Saved “%1”").arg(document->displayName()), 3000);
    return true;
}

void MainWindow::print()
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(currentDocument()->displayName());
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print “%1”").arg(currentDocument()->displayName()));
    if (dialog.exec() == QDialog::Accepted)
        printDocument(editor(), &printer);
}

void MainWindow::exportAsPdf()
{
    Document *document = currentDocument();
    // Beside the document, under its name: notes.md becomes notes.pdf.
    const QFileInfo named(document->filePath().isEmpty() ? document->displayName()
                                                         : document->filePath());
    const QString suggested =
        named.dir().filePath(named.completeBaseName() + QStringLiteral(".pdf"));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export as PDF"), suggested, tr("PDF files (*.pdf)"));
    if (!path.isEmpty())
        exportPdfTo(path);
}

bool MainWindow::exportPdfTo(const QString &path)
{
    QString errorMessage;
    if (!exportPdf(editor(), path, currentDocument()->displayName(), &errorMessage)) {
        showError(tr("Cannot Export as PDF"), errorMessage);
        return false;
    }
    statusBar()->showMessage(tr("Exported “%1”").arg(QFileInfo(path).fileName()), 3000);
    return true;
}

bool MainWindow::reloadFromDisk()
{
    return currentDocument()->reloadFromDisk();
}

bool MainWindow::maybeSave(Document *document)
{
    if (!document->isModified())
        return true;
    setCurrentDocument(document); // the user should see what the question is about
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved Changes"),
        tr("The document “%1” has unsaved changes.\nDo you want to save them?")
            .arg(document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    switch (answer) {
    case QMessageBox::Save:
        return save(document);
    case QMessageBox::Discard:
        return true;
    default:
        return false;
    }
}

void MainWindow::updateWindowTitle()
{
    // "[*]" is where Qt shows the modified marker; the platform appends the
    // application's display name.
    Document *document = currentDocument();
    setWindowTitle(document->displayName() + QStringLiteral("[*]"));
    setWindowModified(document->isModified());
}

void MainWindow::updateDocumentLabels()
{
    Document *document = currentDocument();
    const KSyntaxHighlighting::Definition definition = document->editor()->definition();
    m_definitionLabel->setText(definition.isValid() ? definition.translatedName()
                                                    : tr("Plain Text"));
    const TextFormat format = document->format();
    m_formatLabel->setText(
        tr("%1 · %2").arg(encodingName(format.encoding), lineEndingName(format.lineEnding)));
    updateSuggestionSwitches();
}

void MainWindow::updateSuggestionSwitches()
{
    Document *document = currentDocument();
    if (!document || !m_documentSuggestsAction)
        return;
    const QSignalBlocker blockDocument(m_documentSuggestsAction);
    const QSignalBlocker blockType(m_fileTypeSuggestsAction);
    m_documentSuggestsAction->setChecked(document->suggestsWhileTyping());
    const KSyntaxHighlighting::Definition definition = document->editor()->definition();
    m_fileTypeSuggestsAction->setText(
        tr("Suggest While Typing in %1 Files")
            .arg(definition.isValid() ? definition.translatedName() : tr("Plain Text")));
    m_fileTypeSuggestsAction->setChecked(!m_settings.quietFileTypes.contains(definition.name()));
}

void MainWindow::showError(const QString &title, const QString &message)
{
    qCWarning(lcMainWindow).noquote() << message;
    QMessageBox::warning(this, title, message);
}

CompletionMode MainWindow::modeForDefinition(const QString &section)
{
    return inkling::modeForDefinition(section);
}

// --- what the View menu chooses -------------------------------------------------

void MainWindow::setDefinition(const KSyntaxHighlighting::Definition &definition)
{
    // The user says what the document is, so suggestions follow: code or prose.
    editor()->setDefinition(definition);
    setMode(modeForDefinition(definition.isValid() ? definition.section() : QString()));
}

QString MainWindow::themeSettingsKey()
{
    return QStringLiteral("view/theme");
}

void MainWindow::setThemeName(const QString &name)
{
    m_themeName = name;
    for (Document *document : documents())
        document->editor()->setThemeName(name);
    QSettings().setValue(themeSettingsKey(), name);
}

QString MainWindow::zoomSettingsKey()
{
    return QStringLiteral("view/zoom");
}

void MainWindow::setZoom(int points)
{
    m_zoom = Editor::clampZoom(points, m_fonts);
    for (Document *document : documents())
        document->editor()->setZoom(m_zoom);
    QSettings().setValue(zoomSettingsKey(), m_zoom);
}

void MainWindow::applyFonts(const EditorFonts &fonts)
{
    m_fonts = fonts;
    for (Document *document : documents())
        document->editor()->setFonts(fonts);
    QSettings persisted;
    fonts.save(persisted);
    setZoom(m_zoom); // the zoom's range follows the fonts' sizes
}

// --- counts and full screen --------------------------------------------------------

QString MainWindow::countsText(const TextCounts &document, const TextCounts *selection)
{
    const QLocale locale;
    const auto n = [&locale](qint64 value) {
        return locale.toString(value);
    };
    QString words;
    QString characters;
    if (selection) {
        words = tr("%1 of %2 words").arg(n(selection->words), n(document.words));
        characters =
            tr("%1 of %2 characters").arg(n(selection->characters), n(document.characters));
    } else {
        words = document.words == 1 ? tr("1 word") : tr("%1 words").arg(n(document.words));
        characters = document.characters == 1 ? tr("1 character")
                                              : tr("%1 characters").arg(n(document.characters));
    }
    return words + QStringLiteral(" · ") + characters;
}

void MainWindow::updateCountLabel()
{
    m_countTimer->stop();
    if (!currentDocument())
        return; // the last tab is being replaced
    Editor *e = editor();
    const TextCounts total = e->counter()->total();
    const QTextCursor cursor = e->textCursor();
    if (!cursor.hasSelection()) {
        m_countLabel->setText(countsText(total, nullptr));
        return;
    }
    const TextCounts selected = countText(cursor.selectedText());
    m_countLabel->setText(countsText(total, &selected));
}

void MainWindow::setDistractionFree(bool on)
{
    if (on == m_distractionFree)
        return;
    m_distractionFree = on;
    if (on) {
        m_stateBeforeFullScreen = windowState();
        m_hiddenToolBars.clear();
        for (QToolBar *bar : findChildren<QToolBar *>()) {
            if (bar->isVisible()) {
                bar->hide();
                m_hiddenToolBars.append(bar);
            }
        }
    }
    menuBar()->setVisible(!on);
    statusBar()->setVisible(!on);
    for (QToolBar *bar : std::as_const(m_hiddenToolBars))
        bar->setVisible(!on);
    // Auto-hide shows the tab bar whenever there are two tabs; off while hidden.
    m_tabs->setTabBarAutoHide(!on);
    m_tabs->tabBar()->setVisible(!on && m_tabs->count() > 1);
    for (Document *document : documents())
        document->editor()->setDistractionFree(on);
    if (on)
        setWindowState(m_stateBeforeFullScreen | Qt::WindowFullScreen);
    else
        setWindowState(m_stateBeforeFullScreen);
    const QSignalBlocker block(m_fullScreenAction);
    m_fullScreenAction->setChecked(on);
}

void MainWindow::keyPressEvent(QKeyEvent *event)
{
    // Esc reaches the window only when nothing took it: no suggestion was dismissed and
    // the Find bar was not open.
    if (event->key() == Qt::Key_Escape && m_distractionFree) {
        setDistractionFree(false);
        event->accept();
        return;
    }
    QMainWindow::keyPressEvent(event);
}

// --- suggestions and the engine -----------------------------------------------------

void MainWindow::updateSuggestionsEnabled()
{
    // One engine serves all tabs: only the document being edited may ask it, and a
    // document left behind drops its ghost text and cancels its request.
    Document *current = currentDocument();
    for (Document *document : documents())
        document->suggestions()->setEnabled(m_models->isReady() && document == current);
}

void MainWindow::setMode(CompletionMode mode)
{
    currentDocument()->setMode(mode);
    showMode(mode);
}

void MainWindow::showMode(CompletionMode mode)
{
    Document *document = currentDocument();
    m_status->setMode(document ? document->suggestions()->modeAtCursor() : mode);
    if (m_modeActions) {
        for (QAction *a : m_modeActions->actions())
            a->setChecked(a->data().toInt() == int(mode));
    }
    if (m_modeBox)
        m_modeBox->setCurrentIndex(m_modeBox->findData(int(mode)));
}

void MainWindow::applySettings(const SuggestionSettings &settings)
{
    m_settings = settings;
    for (Document *document : documents())
        document->suggestions()->setSettings(settings);
    if (m_autoSuggestAction) {
        const QSignalBlocker blocker(m_autoSuggestAction);
        m_autoSuggestAction->setChecked(settings.autoSuggest);
    }
    updateSuggestionSwitches();
    for (const auto &[action, key] : std::as_const(m_keyActions))
        action->setShortcut(settings.keys.*key);
    QSettings persisted;
    settings.save(persisted);
    m_models->apply(settings);
    // The server is asked only when the writer turned it on; otherwise nothing of
    // Inkling touches the network.
    ServerConfig server;
    if (settings.serverEnabled) {
        server.url = QUrl::fromUserInput(settings.serverUrl);
        server.model = settings.serverModel;
        server.apiKey = loadServerKey();
    }
    m_source->setServer(server);
    m_status->setBackend(server.url.host(), m_source->usesServer());
}

void MainWindow::applySpelling(const SpellingSettings &spelling)
{
    m_spelling = spelling;
    QString problem;
    for (Document *document : documents()) {
        document->editor()->setSpelling(spelling);
        if (problem.isEmpty())
            problem = document->editor()->spellingProblem();
    }
    if (m_checkSpellingAction) {
        const QSignalBlocker blocker(m_checkSpellingAction);
        m_checkSpellingAction->setChecked(spelling.enabled);
    }
    QSettings persisted;
    spelling.save(persisted);
    if (!problem.isEmpty())
        statusBar()->showMessage(problem, 10000);
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(m_settings, this);
    QSettings persisted;
    const QString language = loadUiLanguage(persisted);
    dialog.setUiLanguage(language);
    dialog.setSpelling(m_spelling);
    dialog.setFonts(m_fonts);
    const QString key = loadServerKey();
    dialog.setServerKey(key);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.serverKey() != key && !saveServerKey(dialog.serverKey()))
        statusBar()->showMessage(tr("Cannot store the server's API key in %1.")
                                     .arg(QDir::toNativeSeparators(serverKeyPath())),
                                 10000);
    applySettings(dialog.settings());
    applyFonts(dialog.fonts());
    if (dialog.spelling() != m_spelling)
        applySpelling(dialog.spelling());
    if (dialog.uiLanguage() != language) {
        saveUiLanguage(persisted, dialog.uiLanguage());
        statusBar()->showMessage(tr("The new language is used from the next start."), 10000);
    }
}

// --- recovery -----------------------------------------------------------------------

bool MainWindow::restore(const RecoverableDocument &document)
{
    Document *target = currentDocument();
    if (!target->isUntouched())
        target = newDocument();
    const bool copied = target->restore(document);
    setCurrentDocument(target);
    return copied;
}

int MainWindow::offerRecovery()
{
    CrashRecovery recovery(Autosave::defaultDirectory(), this);
    return recovery.offer([this](const RecoverableDocument &d) {
        // A recovered file that is also open unchanged: its tab shows the recovered text.
        Document *open = d.originalPath.isEmpty() ? nullptr : findDocument(d.originalPath);
        const bool replaceOpen = open && !open->isModified();
        if (!restore(d))
            return false;
        if (replaceOpen)
            delete open;
        return true;
    });
}

} // namespace inkling
