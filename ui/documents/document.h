// One open document: its editor, the file it belongs to (path, encoding, line ends,
// modification time on disk), its suggestion controller and its recovery copy. The main
// window shows one per tab; everything that is per file lives here, everything shared
// (engine, menus, status bar) in MainWindow.
#pragma once

#include "engine/generation/stop_rule.h"
#include "ui/documents/text_file.h"

#include <QDateTime>
#include <QTimer>
#include <QWidget>

class QFileSystemWatcher;

namespace inkling {

class Autosave;
class CompletionSource;
class Editor;
struct RecoverableDocument;
class SuggestionController;
struct SuggestionSettings;

// The mode a document starts in, from its KSyntaxHighlighting definition's section:
// code for programming languages, sentence for prose, markup and configuration.
CompletionMode modeForDefinition(const QString &section);

class Document : public QWidget
{
    Q_OBJECT

public:
    // Suggestions come from source, which all documents of a window share.
    Document(CompletionSource *source, const SuggestionSettings &settings,
             QWidget *parent = nullptr);
    ~Document() override;

    Editor *editor() const { return m_editor; }
    SuggestionController *suggestions() const { return m_suggestions; }
    Autosave *autosave() const { return m_autosave; }

    QString filePath() const { return m_filePath; }
    // The file name, or "Untitled" for a new document.
    QString displayName() const;
    TextFormat format() const { return m_format; }
    // The encoding and line ends the next save writes (File › Encoding). A change marks
    // the document modified: its file on disk still has the old ones.
    void changeFormat(const TextFormat &format);
    bool isModified() const;
    // A new, empty, unmodified document: opening a file replaces it instead of adding a tab.
    bool isUntouched() const;
    CompletionMode mode() const { return m_mode; }
    void setMode(CompletionMode mode);

    // Replaces the contents with the file. On failure nothing changes and *errorMessage says why.
    bool load(const QString &path, QString *errorMessage);
    // Writes the text to path in the document's format; the document then belongs to path.
    bool saveAs(const QString &path, QString *errorMessage);
    // Shows a recovered copy of unsaved work: its text, modified, under its old name.
    // Shows recovered text as a modified document. It remembers the file on disk as the
    // copy knew it, so a file changed since is noticed at save time. False when this
    // document's own recovery copy could not be written: the old copy must then stay.
    bool restore(const RecoverableDocument &recovered);
    // The file was changed on disk (by another program, or over a network file system
    // that sends no notifications) since this document last read or wrote it.
    bool changedOnDisk() const;
    // Re-reads the file (after another program changed it); shows a failure; false then.
    bool reloadFromDisk();
    // The text as it would be saved (the editor's, minus any ghost text).
    QString text() const;
    // The writer's notes on this document (names, terms, style): put before its text in
    // every suggestion's prompt; kept in a private notes file for a saved document
    // (NotesStore) and in the recovery copy, never in the document's file.
    QString notes() const { return m_notes; }
    void setNotes(const QString &notes);

    // The per-document switch of Suggestions › Suggest While Typing in This Document,
    // remembered for the file (QSettings "suggestions/quietDocuments").
    bool suggestsWhileTyping() const;
    void setSuggestsWhileTyping(bool on);

    // In a Markdown document, whether position is inside a fenced code block, where
    // suggestions are code whatever the document's mode.
    bool insideMarkdownCode(int position) const;

signals:
    void filePathChanged();
    void modificationChanged(bool modified);
    void formatChanged();
    void modeChanged(inkling::CompletionMode mode);
    void message(const QString &text, int timeoutMs);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void setFilePath(const QString &path);
    void saveNotes();
    void setFormat(const TextFormat &format);
    void watchFile();
    void setDiskState(const QDateTime &time, qint64 size);
    void onFileChangedOnDisk();
    void askAboutDiskChange();

    Editor *m_editor;
    Autosave *m_autosave;
    SuggestionController *m_suggestions;
    QString m_filePath;
    TextFormat m_format;
    CompletionMode m_mode = CompletionMode::Sentence;
    QFileSystemWatcher *m_watcher = nullptr;
    QDateTime m_diskTime; // modification time of the file as last read or written
    qint64 m_diskSize = -1;
    // A change on disk the user chose not to reload: neither asked about again nor at save.
    QDateTime m_declinedDiskTime;
    qint64 m_declinedDiskSize = -1;
    bool m_askingAboutDisk = false;
    bool m_diskChangePending = false; // changed while in a background tab: ask when shown
    QString m_notes;
    QTimer *m_notesSave; // notes are written a moment after the last change to them
};

} // namespace inkling
