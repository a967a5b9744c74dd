// The application window: menus, file handling and the status bar around the Editor.
#include "ui/main_window.h"

#include "engine/language_model.h"
#include "ui/autosave.h"
#include "ui/recent_files.h"
#include "ui/editor.h"
#include "ui/engine_thread.h"
#include "ui/keyboard_help.h"
#include "ui/settings_dialog.h"
#include "ui/suggestion_controller.h"
#include "ui/suggestion_status.h"
#include "ui/text_file.h"

#include <KSyntaxHighlighting/Definition>

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QFileSystemWatcher>
#include <QToolBar>
#include <QSettings>
#include <QThread>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

namespace inkling {

namespace {
Q_LOGGING_CATEGORY(lcMainWindow, "inkling.ui.mainwindow", QtInfoMsg)
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_editor(new Editor(this))
    , m_definitionLabel(new QLabel(this))
    , m_engine(new EngineThread(this))
    , m_autosave(new Autosave(m_editor, this))
    , m_suggestions(new SuggestionController(m_editor, m_engine, this))
    , m_status(new SuggestionStatus(this))
{
    // The window's edges already frame the text; a second frame is just noise.
    m_editor->setFrameShape(QFrame::NoFrame);
    setCentralWidget(m_editor);
    statusBar()->addPermanentWidget(m_status);
    statusBar()->addPermanentWidget(m_definitionLabel);
    createMenus();
    createSuggestionMenu();
    connectSuggestions();
    // Saved, reloaded, or undone back to the saved text: the recovery copy is obsolete.
    connect(m_editor->document(), &QTextDocument::modificationChanged, this, [this](bool modified) {
        if (!modified)
            m_autosave->discard();
    });
    connect(m_autosave, &Autosave::failed, this, [this](const QString &message) {
        statusBar()->showMessage(message, 10000);
    });
    {
        QSettings settings;
        applySettings(SuggestionSettings::load(settings));
    }
    setMode(m_settings.proseMode); // [quality] tuned prose mode (issue #8)

    connect(m_editor->document(), &QTextDocument::modificationChanged, this,
            &QWidget::setWindowModified);
    connect(m_editor, &Editor::definitionChanged, this, &MainWindow::updateDefinitionLabel);

    resize(defaultSize());
    updateWindowTitle();
    updateDefinitionLabel();
}

MainWindow::~MainWindow() = default;

QSize MainWindow::defaultSize()
{
    // About 90 columns of the editor font beside the gutter, and fits a 1366×768 laptop.
    return {960, 640};
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));

    QAction *newAction =
        fileMenu->addAction(tr("&New"), QKeySequence::New, this, &MainWindow::newFile);
    newAction->setStatusTip(tr("Start a new, empty document"));

    QAction *openAction =
        fileMenu->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::open);
    openAction->setStatusTip(tr("Open an existing file"));

    // save() and saveAs() return bool for maybeSave(); the lambdas drop it.
    m_recentMenu = fileMenu->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);

    QAction *saveAction =
        fileMenu->addAction(tr("&Save"), QKeySequence::Save, this, [this] { save(); });
    saveAction->setStatusTip(tr("Save the document"));

    QAction *saveAsAction =
        fileMenu->addAction(tr("Save &As…"), QKeySequence::SaveAs, this, [this] { saveAs(); });
    saveAsAction->setStatusTip(tr("Save the document under a new name"));

    fileMenu->addSeparator();
    QAction *quitAction =
        fileMenu->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    quitAction->setMenuRole(QAction::QuitRole);
    quitAction->setStatusTip(tr("Quit Inkling"));

    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction *settingsAction = editMenu->addAction(tr("&Settings…"), QKeySequence::Preferences,
                                                  this, &MainWindow::showSettings);
    settingsAction->setMenuRole(QAction::PreferencesRole);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&Keyboard Shortcuts"), this, [this] {
        KeyboardHelp help(m_settings.keys, this);
        help.exec();
    });
    QAction *aboutAction = helpMenu->addAction(tr("&About Inkling"));
    aboutAction->setMenuRole(QAction::AboutRole);
    connect(aboutAction, &QAction::triggered, this, &MainWindow::about);
    QAction *aboutQtAction = helpMenu->addAction(tr("About &Qt"));
    aboutQtAction->setMenuRole(QAction::AboutQtRole);
    connect(aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
}

bool MainWindow::loadFile(const QString &path, QString *errorMessage)
{
    QString text;
    if (!readTextFile(path, &text, errorMessage))
        return false;
    // Changing the definition re-highlights the whole document, so do it while the
    // editor is empty: the new text is then highlighted once, with the right rules.
    m_editor->clear();
    m_editor->setDefinitionForFileName(path);
    m_editor->setPlainText(text);
    m_editor->document()->setModified(false);
    setFilePath(path);
    setMode(modeForDefinition(m_editor->definition().section()));
    // A file this user may not write opens read-only, so no edit is lost at save time.
    const bool readOnly = !QFileInfo(path).isWritable();
    m_editor->setReadOnly(readOnly);
    RecentFiles::add(path);
    watchFile();
    qCDebug(lcMainWindow) << "opened" << path << "as" << m_editor->definition().name()
                          << (readOnly ? "read-only" : "");
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

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (maybeSave()) {
        m_autosave->discard(); // saved or deliberately discarded: no copy to recover
        event->accept();
    } else {
        event->ignore();
    }
}

void MainWindow::newFile()
{
    if (!maybeSave())
        return;
    m_editor->clear();
    m_editor->setDefinition(Editor::defaultDefinition());
    m_editor->document()->setModified(false);
    setFilePath(QString());
    m_editor->setReadOnly(false);
    watchFile();
    setMode(m_settings.proseMode); // [quality] tuned prose mode (issue #8)
}

void MainWindow::open()
{
    if (!maybeSave())
        return;
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open File"), QFileInfo(m_filePath).absolutePath());
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::save()
{
    return m_filePath.isEmpty() ? saveAs() : saveFile(m_filePath);
}

bool MainWindow::saveAs()
{
    const QString suggested = m_filePath.isEmpty() ? tr("Untitled.md") : m_filePath;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save As"), suggested);
    return !path.isEmpty() && saveFile(path);
}

bool MainWindow::saveFile(const QString &path)
{
    QString errorMessage;
    if (!writeTextFile(path, m_editor->toPlainText(), &errorMessage)) {
        showError(tr("Cannot Save File"), errorMessage);
        return false;
    }
    m_editor->document()->setModified(false);
    // A new name may mean a new language ("notes" saved as "notes.py").
    if (path != m_filePath)
        m_editor->setDefinitionForFileName(path);
    setFilePath(path);
    RecentFiles::add(path);
    watchFile();
    statusBar()->showMessage(tr("Saved “%1”").arg(QFileInfo(path).fileName()), 3000);
    return true;
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About Inkling"),
                       tr("<h3>Inkling %1</h3>"
                          "<p>A text editor that suggests how your sentence goes on, using a GPT-2 "
                          "language model that runs entirely on this computer.</p>")
                           .arg(QApplication::applicationVersion()));
}

bool MainWindow::maybeSave()
{
    if (!m_editor->document()->isModified())
        return true;
    const QString name = m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved Changes"),
        tr("The document “%1” has unsaved changes.\nDo you want to save them?").arg(name),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    switch (answer) {
    case QMessageBox::Save:
        return save();
    case QMessageBox::Discard:
        return true;
    default:
        return false;
    }
}

void MainWindow::setFilePath(const QString &path)
{
    m_filePath = path;
    m_autosave->setOriginalPath(path);
    updateWindowTitle();
}

void MainWindow::updateWindowTitle()
{
    // "[*]" is where Qt shows the modified marker; the platform appends the
    // application's display name.
    const QString name = m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
    setWindowTitle(name + QStringLiteral("[*]"));
    setWindowModified(m_editor->document()->isModified());
}

void MainWindow::updateDefinitionLabel()
{
    const KSyntaxHighlighting::Definition definition = m_editor->definition();
    m_definitionLabel->setText(definition.isValid() ? definition.translatedName()
                                                    : tr("Plain Text"));
}

void MainWindow::showError(const QString &title, const QString &message)
{
    qCWarning(lcMainWindow).noquote() << message;
    QMessageBox::warning(this, title, message);
}

CompletionMode MainWindow::modeForDefinition(const QString &section)
{
    // KSyntaxHighlighting's sections for programming languages; markup, prose and
    // configuration files are written in sentences.
    static const QStringList codeSections = {QStringLiteral("Sources"), QStringLiteral("Scripts"),
                                             QStringLiteral("Scientific"),
                                             QStringLiteral("Hardware"), QStringLiteral("Database")};
    // [quality] tuned prose mode (issue #8)
    return codeSections.contains(section) ? CompletionMode::Code : SuggestionSettings{}.proseMode;
}

void MainWindow::createSuggestionMenu()
{
    // Between Edit and Help, where people look for it.
    auto *menu = new QMenu(tr("S&uggestions"), this);
    menuBar()->insertMenu(menuBar()->actions().constLast(), menu);
    // The keys are handled by the controller in the editor (so Tab and Ctrl+Right keep
    // their meaning without a suggestion); the menu shows them and offers the actions.
    const auto add = [&](const QString &text, const QKeySequence &key, auto slot) {
        QAction *a = menu->addAction(text, m_suggestions, slot);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetShortcut); // shown, but the editor's filter acts
        return a;
    };
    add(tr("Suggest &Now"), m_settings.keys.requestNow, &SuggestionController::requestNow);
    add(tr("&Accept Suggestion"), m_settings.keys.acceptAll, &SuggestionController::acceptAll);
    add(tr("Accept Next &Word"), m_settings.keys.acceptWord, &SuggestionController::acceptWord);
    add(tr("Accept Next &Line"), m_settings.keys.acceptLine, &SuggestionController::acceptLine);
    add(tr("&Dismiss"), m_settings.keys.dismiss, &SuggestionController::dismiss);
    add(tr("Ne&xt Alternative"), m_settings.keys.nextAlternative, &SuggestionController::nextAlternative);
    add(tr("&Previous Alternative"), m_settings.keys.previousAlternative,
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
        m_editor->setFocus();
    });
}

void MainWindow::connectSuggestions()
{
    connect(m_engine, &EngineThread::modelLoading, m_status, &SuggestionStatus::setModelLoading);
    connect(m_engine, &EngineThread::modelLoaded, this, [this](const ModelInfo &info) {
        const QString details =
            tr("%1\n%2 M parameters, %3 layers × %4, context %5 tokens, %6 weights, %7")
                .arg(info.directory)
                .arg(QLocale().toString(double(info.parameters) / 1e6, 'f', 1))
                .arg(info.layers)
                .arg(info.width)
                .arg(info.contextLength)
                .arg(info.fileDType, info.implementation);
        m_status->setModel(info.name, details);
        m_suggestions->setEnabled(true);
    });
    connect(m_engine, &EngineThread::modelFailed, this, [this](const QString &, const QString &message) {
        m_status->setModelError(message);
        m_suggestions->setEnabled(false);
        statusBar()->showMessage(tr("The language model could not be loaded: %1").arg(message));
    });
    connect(m_suggestions, &SuggestionController::busyChanged, m_status, &SuggestionStatus::setBusy);
    connect(m_suggestions, &SuggestionController::latencyMeasured, m_status, &SuggestionStatus::setLatency);
    // [quality] keystrokes-saved meter (issue #8)
    connect(m_suggestions, &SuggestionController::accepted, m_status, &SuggestionStatus::addAccepted);
    connect(m_suggestions, &SuggestionController::finished, this, [this](const CompletionStats &stats) {
        m_status->setSpeed(stats.tokensPerSecond);
    });
    connect(m_suggestions, &SuggestionController::failed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("No suggestion: %1").arg(message), 5000);
    });
}

void MainWindow::setMode(CompletionMode mode)
{
    m_suggestions->setMode(mode);
    m_status->setMode(mode);
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
    m_suggestions->setSettings(settings);
    if (m_autoSuggestAction) {
        const QSignalBlocker blocker(m_autoSuggestAction);
        m_autoSuggestAction->setChecked(settings.autoSuggest);
    }
    m_engine->setThreads(settings.threads > 0 ? settings.threads
                                              : qMax(1, QThread::idealThreadCount()));
    QSettings persisted;
    settings.save(persisted);
    loadModel();
}

void MainWindow::loadModel()
{
    QString directory = m_settings.modelDirectory;
    if (directory.isEmpty())
        directory = QString::fromStdString(defaultModelDirectory());
    if (directory == m_loadedModelDirectory)
        return;
    m_loadedModelDirectory = directory;
    m_suggestions->setEnabled(false); // until the model is there
    if (directory.isEmpty()) {
        m_status->setModelError(tr("No model directory is set and the embedded model is missing."));
        return;
    }
    m_engine->loadModel(directory);
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(m_settings, this);
    if (dialog.exec() == QDialog::Accepted)
        applySettings(dialog.settings());
}

void MainWindow::restore(const RecoverableDocument &document)
{
    m_editor->clear();
    if (!document.originalPath.isEmpty())
        m_editor->setDefinitionForFileName(document.originalPath);
    m_editor->setPlainText(document.text);
    setFilePath(document.originalPath);
    setMode(modeForDefinition(m_editor->definition().section()));
    // Not saved anywhere yet: the user decides whether the recovered text replaces the file.
    m_editor->document()->setModified(true);
    m_autosave->saveNow(); // this window's own copy, before the old one is deleted
}

int MainWindow::offerRecovery()
{
    const QList<RecoverableDocument> found = Autosave::findRecoverable(Autosave::defaultDirectory());
    if (found.isEmpty())
        return 0;
    QStringList names;
    for (const RecoverableDocument &d : found)
        names << (d.originalPath.isEmpty() ? tr("an untitled document")
                                           : QFileInfo(d.originalPath).fileName());
    QMessageBox box(QMessageBox::Question, tr("Recover Unsaved Work"),
                    tr("Inkling was not closed properly. Unsaved changes to %n document(s) can "
                       "be recovered: %1.", nullptr, int(found.size()))
                        .arg(names.join(QStringLiteral(", "))),
                    QMessageBox::NoButton, this);
    QPushButton *recover = box.addButton(tr("&Recover"), QMessageBox::AcceptRole);
    QPushButton *discard = box.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    box.addButton(tr("Ask &Later"), QMessageBox::RejectRole);
    box.setDefaultButton(recover);
    box.exec();
    if (box.clickedButton() == discard) {
        for (const RecoverableDocument &d : found)
            Autosave::remove(d);
        return 0;
    }
    if (box.clickedButton() != recover)
        return 0;
    for (int i = 0; i < found.size(); ++i) {
        MainWindow *window = this;
        if (i > 0) {
            window = new MainWindow;
            window->setAttribute(Qt::WA_DeleteOnClose);
            window->show();
        }
        window->restore(found[i]);
        Autosave::remove(found[i]);
    }
    return int(found.size());
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = RecentFiles::files();
    for (const QString &path : files) {
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] {
            if (maybeSave())
                openFile(path);
        })->setToolTip(path);
    }
    if (files.isEmpty())
        m_recentMenu->addAction(tr("No recent files"))->setEnabled(false);
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear List"), this, [] { RecentFiles::clear(); })
        ->setEnabled(!files.isEmpty());
}

void MainWindow::watchFile()
{
    if (!m_watcher) {
        m_watcher = new QFileSystemWatcher(this);
        connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &MainWindow::onFileChangedOnDisk);
    }
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (m_filePath.isEmpty())
        return;
    const QFileInfo info(m_filePath);
    m_diskTime = info.lastModified();
    m_diskSize = info.size();
    m_watcher->addPath(m_filePath);
}

void MainWindow::onFileChangedOnDisk()
{
    const QFileInfo info(m_filePath);
    // Editors that save by rename make the watcher drop the path: watch it again.
    if (info.exists() && !m_watcher->files().contains(m_filePath))
        m_watcher->addPath(m_filePath);
    if (m_askingAboutDisk || (info.exists() && info.lastModified() == m_diskTime && info.size() == m_diskSize))
        return; // our own save, or nothing changed
    m_askingAboutDisk = true;
    const QString name = info.fileName();
    QString question;
    if (!info.exists())
        question = tr("“%1” was deleted or renamed by another program. Your text is still here; "
                      "save it to keep it.").arg(name);
    else if (m_editor->document()->isModified())
        question = tr("“%1” was changed by another program. Reload it and lose your unsaved "
                      "changes?").arg(name);
    else
        question = tr("“%1” was changed by another program. Reload it?").arg(name);
    if (!info.exists()) {
        QMessageBox::warning(this, tr("File Changed on Disk"), question);
        m_editor->document()->setModified(true);
    } else if (QMessageBox::question(this, tr("File Changed on Disk"), question,
                                     QMessageBox::Yes | QMessageBox::No) == QMessageBox::Yes) {
        reloadFromDisk();
    } else {
        m_diskTime = info.lastModified(); // asked once for this change
        m_diskSize = info.size();
    }
    m_askingAboutDisk = false;
}

bool MainWindow::reloadFromDisk()
{
    QString errorMessage;
    if (!loadFile(m_filePath, &errorMessage)) {
        showError(tr("Cannot Reload File"), errorMessage);
        return false;
    }
    statusBar()->showMessage(tr("Reloaded “%1”").arg(QFileInfo(m_filePath).fileName()), 3000);
    return true;
}

} // namespace inkling
