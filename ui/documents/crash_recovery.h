// Crash recovery at start-up: the recovery copies a crashed Inkling left behind (see
// Autosave) are offered back — recover, discard or ask later — and each recovered
// document is handed to the window; an old copy goes only once its text is safe in a
// new one.
#pragma once

#include "ui/documents/recovery_copy.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>

class QWidget;

namespace inkling {

class CrashRecovery
{
    Q_DECLARE_TR_FUNCTIONS(inkling::CrashRecovery)

public:
    // Shows a recovered document to the user (in a tab); false when no new recovery copy
    // of its text could be written.
    using Restore = std::function<bool(const RecoverableDocument &document)>;

    // Copies are looked for in directory; parent is the questions' window.
    CrashRecovery(const QString &directory, QWidget *parent);

    // Asks about the copies whose writers are gone and does what the user chose. Returns
    // how many documents were recovered (0 when there was nothing to recover, or the user
    // discarded the copies or chose to be asked later).
    int offer(const Restore &restore);

    // The question's parts: "Unsaved changes to 2 documents can be recovered: a.txt, …",
    static QString question(const QList<RecoverableDocument> &found);
    // one line for each document whose file changed on disk after its copy was saved,
    static QString newerOnDisk(const QList<RecoverableDocument> &found);
    // naming a document by its file, or "an untitled document",
    static QString documentName(const RecoverableDocument &document);
    // and saying how much newer a file is: "3 minutes", "2 hours", "5 days".
    static QString durationText(qint64 seconds);

private:
    QString m_directory;
    QWidget *m_parent;
};

} // namespace inkling
