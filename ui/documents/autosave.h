// Crash safety for unsaved work: a modified document is copied every few seconds to the
// application's data directory, the copy is removed after a clean save or close, and a
// copy left behind by a crashed Inkling is offered back at the next start.
#pragma once

#include "ui/documents/recovery_copy.h"
#include "ui/documents/text_file.h"

#include <QDateTime>
#include <QList>
#include <QLockFile>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

class QPlainTextEdit;

namespace inkling {

class Autosave : public QObject
{
    Q_OBJECT

public:
    // Watches editor's document; copies are written every intervalMs while it is
    // modified. directory defaults to <AppDataLocation>/autosave.
    explicit Autosave(QPlainTextEdit *editor, QObject *parent = nullptr);
    ~Autosave() override; // a clean end: the copy goes

    static QString defaultDirectory();
    void setDirectory(const QString &directory);
    void setInterval(int milliseconds);
    // The path of the file the document belongs to, recorded in the copy.
    void setOriginalPath(const QString &path) { m_originalPath = path; }
    void setFormat(const TextFormat &format) { m_format = format; }
    // The document's notes go into its copy too; a change is written with the next copy.
    void setNotes(const QString &notes)
    {
        m_notes = notes;
        m_savedRevision = -1;
    }
    // The file on disk as last read or written, saved with the copy (see RecoverableDocument).
    void setDiskState(const QDateTime &time, qint64 size)
    {
        m_diskTime = time;
        m_diskSize = size;
    }

    // Writes the copy now if the document changed since the last one; true on success
    // (or when nothing needed writing).
    bool saveNow();
    // The document was saved or discarded: its copy is no longer needed.
    void discard();
    QString copyPath() const;

    // Copies in directory whose writers are no longer running (their lock is stale).
    static QList<RecoverableDocument> findRecoverable(const QString &directory);
    // Decodes one copy, whoever wrote it; nothing if it is unreadable or not a copy.
    static std::optional<RecoverableDocument> readCopy(const QString &path);
    // Deletes a recovered (or declined) copy and its lock.
    static void remove(const RecoverableDocument &document);
    // Makes directory readable by its owner only (0700) and every file in it too (0600).
    static void tightenPermissions(const QString &directory);

signals:
    void failed(const QString &message);

private:
    bool ensureLocked();

    QPlainTextEdit *m_editor;
    QTimer m_timer;
    QString m_directory;
    QString m_id;
    QString m_originalPath;
    TextFormat m_format;
    QString m_notes;
    QDateTime m_diskTime;
    qint64 m_diskSize = -1;
    std::unique_ptr<QLockFile> m_lock;
    int m_savedRevision = -1;
};

} // namespace inkling
