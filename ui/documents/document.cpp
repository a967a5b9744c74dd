// One open document: loading, saving, recovery and watching its file on disk.
#include "ui/documents/document.h"
#include "ui/suggestions/suggestion_settings.h"

#include "ui/documents/autosave.h"
#include "ui/documents/notes_store.h"
#include "ui/documents/recent_files.h"
#include "ui/editor/auto_indent.h"
#include "ui/editor/editor.h"
#include "ui/editor/markdown_fence.h"
#include "ui/editor/plain_text.h"
#include "ui/suggestions/suggestion_controller.h"

#include <KSyntaxHighlighting/Definition>

#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QSettings>
#include <QTextBlock>
#include <QVBoxLayout>

namespace inkling {

namespace {
Q_LOGGING_CATEGORY(lcDocument, "inkling.ui.document", QtInfoMsg)
} // namespace

CompletionMode modeForDefinition(const QString &section)
{
    // Prose gets the mode tuned on the development set (README, Suggestion quality).
    return isCodeSection(section) ? CompletionMode::Code : SuggestionSettings{}.proseMode;
}

Document::Document(CompletionSource *source, const SuggestionSettings &settings, QWidget *parent)
    : QWidget(parent)
    , m_editor(new Editor(this))
    , m_autosave(new Autosave(m_editor, this))
    , m_suggestions(new SuggestionController(m_editor, source, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // The tab page already frames the text; a second frame is just noise.
    m_editor->setFrameShape(QFrame::NoFrame);
    layout->addWidget(m_editor);
    setFocusProxy(m_editor);
    m_suggestions->setSettings(settings);
    m_suggestions->setMode(m_mode);
    m_notesSave = new QTimer(this);
    m_notesSave->setSingleShot(true);
    m_notesSave->setInterval(1000);
    connect(m_notesSave, &QTimer::timeout, this, &Document::saveNotes);
    connect(m_editor, &Editor::definitionChanged, this,
            [this] { m_suggestions->setFileType(m_editor->definition().name()); });
    m_suggestions->setFileType(m_editor->definition().name());
    m_suggestions->setModeAt([this](int position, CompletionMode mode) {
        return insideMarkdownCode(position) ? CompletionMode::Code : mode;
    });

    connect(m_editor->document(), &QTextDocument::modificationChanged, this, [this](bool modified) {
        // Saved, reloaded, or undone back to the saved text: the recovery copy is obsolete.
        if (!modified)
            m_autosave->discard();
        emit modificationChanged(modified);
    });
    connect(m_autosave, &Autosave::failed, this,
            [this](const QString &text) { emit message(text, 10000); });
}

Document::~Document()
{
    if (m_notesSave->isActive()) // changed just before closing: written now
        saveNotes();
}

void Document::saveNotes()
{
    m_notesSave->stop();
    QString error;
    if (!m_filePath.isEmpty() && !NotesStore().save(m_filePath, m_notes, &error))
        emit message(tr("Cannot save the document's notes: %1").arg(error), 5000);
}

QString Document::displayName() const
{
    return m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
}

bool Document::isModified() const
{
    return m_editor->document()->isModified();
}

bool Document::isUntouched() const
{
    return m_filePath.isEmpty() && !isModified() && m_editor->document()->isEmpty();
}

void Document::setMode(CompletionMode mode)
{
    m_suggestions->setMode(mode);
    if (mode == m_mode)
        return;
    m_mode = mode;
    emit modeChanged(mode);
}

bool Document::insideMarkdownCode(int position) const
{
    // "Markdown", "MultiMarkdown", "R Markdown": all use CommonMark's fences.
    if (!m_editor->definition().name().contains(QLatin1String("Markdown")))
        return false;
    // Block by block from the top: no copy of a long document per request.
    MarkdownFenceTracker tracker;
    const QTextBlock cursorBlock = m_editor->document()->findBlock(position);
    for (QTextBlock b = m_editor->document()->begin(); b.isValid() && b != cursorBlock;
         b = b.next())
        tracker.addLine(b.text());
    return tracker.insideFence();
}

QString Document::text() const
{
    return savedText(m_editor->document());
}

bool Document::load(const QString &path, QString *errorMessage)
{
    QString text;
    TextFormat format;
    if (!readTextFile(path, &text, errorMessage, &format))
        return false;
    // Changing the definition re-highlights the whole document, so do it while the
    // editor is empty: the new text is then highlighted once, with the right rules.
    m_editor->clear();
    m_editor->setDefinitionForFileName(path);
    m_editor->setPlainText(text);
    m_editor->document()->setModified(false);
    setFormat(format);
    setFilePath(path);
    setMode(modeForDefinition(m_editor->definition().section()));
    // A file this user may not write opens read-only, so no edit is lost at save time.
    const bool readOnly = !QFileInfo(path).isWritable();
    m_editor->setReadOnly(readOnly);
    RecentFiles::add(path);
    watchFile();
    qCDebug(lcDocument) << "opened" << path << "as" << m_editor->definition().name()
                        << encodingKey(format.encoding) << (readOnly ? "read-only" : "");
    return true;
}

bool Document::saveAs(const QString &path, QString *errorMessage)
{
    // The recovery copy first: a save that must write in place (a read-only folder) and
    // is interrupted leaves the text there.
    if (isModified())
        m_autosave->saveNow();
    if (!writeTextFile(path, text(), errorMessage, m_format))
        return false;
    m_editor->document()->setModified(false);
    // A new name may mean a new language ("notes" saved as "notes.py").
    if (path != m_filePath) {
        m_editor->setDefinitionForFileName(path);
        m_editor->setReadOnly(false);
    }
    setFilePath(path);
    RecentFiles::add(path);
    watchFile();
    return true;
}

bool Document::restore(const RecoverableDocument &recovered)
{
    m_editor->clear();
    if (!recovered.originalPath.isEmpty())
        m_editor->setDefinitionForFileName(recovered.originalPath);
    m_editor->setPlainText(recovered.text);
    setNotes(recovered.notes);
    setFormat(recovered.format);
    setFilePath(recovered.originalPath);
    setMode(modeForDefinition(m_editor->definition().section()));
    // Not saved anywhere yet: the user decides whether the recovered text replaces the file.
    m_editor->document()->setModified(true);
    watchFile();
    // The file as the copy knew it, not as it is now: if it changed since, saving asks.
    // A copy without that knowledge (older versions) counts the file as changed when it
    // is newer than the copy.
    if (recovered.diskSize >= 0)
        setDiskState(recovered.diskTime, recovered.diskSize);
    else if (secondsFileIsNewer(recovered))
        setDiskState(QDateTime(), -2);
    return m_autosave->saveNow(); // this document's own copy, before the old one is deleted
}

bool Document::changedOnDisk() const
{
    if (m_filePath.isEmpty())
        return false;
    const QFileInfo info(m_filePath);
    // A deleted file is no one's newer text: saving simply writes it again.
    if (!info.exists())
        return false;
    const auto is = [&info](const QDateTime &time, qint64 size) {
        return info.lastModified() == time && info.size() == size;
    };
    return !is(m_diskTime, m_diskSize) && !is(m_declinedDiskTime, m_declinedDiskSize);
}

void Document::setDiskState(const QDateTime &time, qint64 size)
{
    m_diskTime = time;
    m_diskSize = size;
    m_autosave->setDiskState(time, size);
}

bool Document::reloadFromDisk()
{
    QString errorMessage;
    if (!load(m_filePath, &errorMessage)) {
        qCWarning(lcDocument).noquote() << errorMessage;
        QMessageBox::warning(this, tr("Cannot Reload File"), errorMessage);
        return false;
    }
    emit message(tr("Reloaded “%1”").arg(displayName()), 3000);
    return true;
}

namespace {
const char *const kQuietDocumentsKey = "suggestions/quietDocuments";
// The files whose switch is off are remembered, the most recent first, this many.
constexpr int kQuietDocumentsKept = 200;
} // namespace

void Document::setNotes(const QString &notes)
{
    if (notes == m_notes)
        return;
    m_notes = notes;
    m_suggestions->setNotes(notes);
    m_autosave->setNotes(notes);
    m_notesSave->start();
}

bool Document::suggestsWhileTyping() const
{
    return !m_suggestions->isQuietDocument();
}

void Document::setSuggestsWhileTyping(bool on)
{
    m_suggestions->setQuietDocument(!on);
    if (m_filePath.isEmpty())
        return;
    QSettings settings;
    QStringList quiet = settings.value(QLatin1String(kQuietDocumentsKey)).toStringList();
    quiet.removeAll(m_filePath);
    if (!on)
        quiet.prepend(m_filePath);
    settings.setValue(QLatin1String(kQuietDocumentsKey), quiet.mid(0, kQuietDocumentsKept));
}

void Document::setFilePath(const QString &path)
{
    const bool changed = path != m_filePath;
    m_filePath = path;
    m_autosave->setOriginalPath(path);
    if (changed && !path.isEmpty()) {
        // A file opened brings its notes; notes written before a first save go with it.
        if (m_notes.isEmpty())
            setNotes(NotesStore().load(path));
        else
            m_notesSave->start();
        // A file switched off before stays off; another name keeps the switch as it is.
        const QStringList quiet =
            QSettings().value(QLatin1String(kQuietDocumentsKey)).toStringList();
        if (quiet.contains(path))
            m_suggestions->setQuietDocument(true);
        else if (m_suggestions->isQuietDocument())
            setSuggestsWhileTyping(false); // Save As of a quiet document: remember it
    }
    if (changed)
        emit filePathChanged();
}

void Document::changeFormat(const TextFormat &format)
{
    if (format == m_format)
        return;
    setFormat(format);
    m_editor->document()->setModified(true);
}

void Document::setFormat(const TextFormat &format)
{
    m_autosave->setFormat(format);
    if (format == m_format)
        return;
    m_format = format;
    emit formatChanged();
}

void Document::watchFile()
{
    if (!m_watcher) {
        m_watcher = new QFileSystemWatcher(this);
        connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &Document::onFileChangedOnDisk);
    }
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    m_diskChangePending = false;
    m_declinedDiskTime = QDateTime();
    m_declinedDiskSize = -1;
    if (m_filePath.isEmpty())
        return;
    const QFileInfo info(m_filePath);
    setDiskState(info.lastModified(), info.exists() ? info.size() : -1);
    if (info.exists())
        m_watcher->addPath(m_filePath);
}

void Document::onFileChangedOnDisk()
{
    const QFileInfo info(m_filePath);
    // Editors that save by rename make the watcher drop the path: watch it again.
    if (info.exists() && !m_watcher->files().contains(m_filePath))
        m_watcher->addPath(m_filePath);
    if (info.exists() && !changedOnDisk())
        return; // our own save, nothing changed, or a change the user was asked about
    // A question about a tab the user is not looking at would be confusing: ask when
    // it is shown.
    if (!isVisible()) {
        m_diskChangePending = true;
        return;
    }
    askAboutDiskChange();
}

void Document::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_diskChangePending) {
        m_diskChangePending = false;
        // After the tab switch has finished painting, not inside it.
        QMetaObject::invokeMethod(this, &Document::askAboutDiskChange, Qt::QueuedConnection);
    }
}

void Document::askAboutDiskChange()
{
    const QFileInfo info(m_filePath);
    if (m_askingAboutDisk || m_filePath.isEmpty() || (info.exists() && !changedOnDisk()))
        return;
    m_askingAboutDisk = true;
    const QString name = info.fileName();
    if (!info.exists()) {
        QMessageBox::warning(this, tr("File Changed on Disk"),
                             tr("“%1” was deleted or renamed by another program. Your text is "
                                "still here; save it to keep it.")
                                 .arg(name));
        m_editor->document()->setModified(true);
        setDiskState(QDateTime(), -1);
    } else {
        const QString question =
            isModified() ? tr("“%1” was changed by another program. Reload it and lose your "
                              "unsaved changes?")
                               .arg(name)
                         : tr("“%1” was changed by another program. Reload it?").arg(name);
        if (QMessageBox::question(this, tr("File Changed on Disk"), question,
                                  QMessageBox::Yes | QMessageBox::No) == QMessageBox::Yes) {
            reloadFromDisk();
        } else {
            // Asked once for this change: the user keeps their text, and saving will
            // overwrite this version of the file without asking again.
            m_declinedDiskTime = info.lastModified();
            m_declinedDiskSize = info.size();
        }
    }
    m_askingAboutDisk = false;
}

} // namespace inkling
