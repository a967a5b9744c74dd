// The application window: menus, file handling and the status bar around the Editor.
#include "ui/main_window.h"

#include "engine/language_model.h"
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
    {
        QSettings settings;
        applySettings(SuggestionSettings::load(settings));
    }
    setMode(CompletionMode::Sentence);

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
    qCDebug(lcMainWindow) << "opened" << path << "as" << m_editor->definition().name();
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
    if (maybeSave())
        event->accept();
    else
        event->ignore();
}

void MainWindow::newFile()
{
    if (!maybeSave())
        return;
    m_editor->clear();
    m_editor->setDefinition(Editor::defaultDefinition());
    m_editor->document()->setModified(false);
    setFilePath(QString());
    setMode(CompletionMode::Sentence);
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
    return codeSections.contains(section) ? CompletionMode::Code : CompletionMode::Sentence;
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
    QAction *autoSuggest = menu->addAction(tr("Suggest While &Typing"));
    autoSuggest->setCheckable(true);
    autoSuggest->setChecked(m_settings.autoSuggest);
    connect(autoSuggest, &QAction::toggled, this, [this](bool on) {
        SuggestionSettings s = m_settings;
        s.autoSuggest = on;
        applySettings(s);
    });
    menu->addSeparator();
    m_modeActions = new QActionGroup(this);
    for (CompletionMode mode : {CompletionMode::Word, CompletionMode::Sentence,
                                CompletionMode::Paragraph, CompletionMode::Code}) {
        QAction *a = menu->addAction(tr("%1 Mode").arg(modeTitle(mode)));
        a->setCheckable(true);
        a->setData(int(mode));
        m_modeActions->addAction(a);
        connect(a, &QAction::triggered, this, [this, mode] { setMode(mode); });
    }
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
}

void MainWindow::applySettings(const SuggestionSettings &settings)
{
    m_settings = settings;
    m_suggestions->setSettings(settings);
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

} // namespace inkling
