// The application window: menus, file handling and the status bar around the Editor.
#include "ui/main_window.h"

#include "ui/editor.h"
#include "ui/text_file.h"

#include <KSyntaxHighlighting/Definition>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
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
{
    // The window's edges already frame the text; a second frame is just noise.
    m_editor->setFrameShape(QFrame::NoFrame);
    setCentralWidget(m_editor);
    statusBar()->addPermanentWidget(m_definitionLabel);
    createMenus();

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

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
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

} // namespace inkling
