// CrashRecovery: the start-up question about a crashed Inkling's unsaved work.
#include "ui/documents/crash_recovery.h"

#include "ui/documents/autosave.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>

namespace inkling {

namespace {
Q_LOGGING_CATEGORY(lcRecovery, "inkling.ui.recovery", QtInfoMsg)
} // namespace

CrashRecovery::CrashRecovery(const QString &directory, QWidget *parent)
    : m_directory(directory)
    , m_parent(parent)
{}

int CrashRecovery::offer(const Restore &restore)
{
    const QList<RecoverableDocument> found = Autosave::findRecoverable(m_directory);
    if (found.isEmpty())
        return 0;
    QMessageBox box(QMessageBox::Question, tr("Recover Unsaved Work"), question(found),
                    QMessageBox::NoButton, m_parent);
    if (const QString newer = newerOnDisk(found); !newer.isEmpty())
        box.setInformativeText(newer);
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
    int recovered = 0;
    for (const RecoverableDocument &d : found) {
        if (!restore(d)) {
            // The text is on screen but in no new copy: the old copy stays until it is.
            const QString message =
                tr("The recovered text of %1 is open, but no new recovery copy of it could "
                   "be written, so the old one was kept. Save the document to be safe.")
                    .arg(documentName(d));
            qCWarning(lcRecovery).noquote() << message;
            QMessageBox::warning(m_parent, tr("Recover Unsaved Work"), message);
            continue;
        }
        Autosave::remove(d);
        ++recovered;
    }
    return recovered;
}

QString CrashRecovery::question(const QList<RecoverableDocument> &found)
{
    QStringList names;
    for (const RecoverableDocument &d : found)
        names << documentName(d);
    return tr("Inkling was not closed properly. Unsaved changes to %n document(s) can be "
              "recovered: %1.",
              nullptr, int(found.size()))
        .arg(names.join(QStringLiteral(", ")));
}

QString CrashRecovery::newerOnDisk(const QList<RecoverableDocument> &found)
{
    QStringList lines;
    for (const RecoverableDocument &d : found) {
        if (const std::optional<qint64> newer = secondsFileIsNewer(d))
            lines << tr("“%1” was changed on disk %2 after its copy was saved; saving the "
                        "recovered text will ask before replacing it.")
                         .arg(QFileInfo(d.originalPath).fileName(), durationText(*newer));
    }
    return lines.join(QLatin1Char('\n'));
}

QString CrashRecovery::documentName(const RecoverableDocument &document)
{
    return document.originalPath.isEmpty() ? tr("an untitled document")
                                           : QFileInfo(document.originalPath).fileName();
}

QString CrashRecovery::durationText(qint64 seconds)
{
    if (seconds < 120)
        return tr("%n second(s)", nullptr, int(seconds));
    if (seconds < 2 * 3600)
        return tr("%n minute(s)", nullptr, int(seconds / 60));
    if (seconds < 2 * 86400)
        return tr("%n hour(s)", nullptr, int(seconds / 3600));
    return tr("%n day(s)", nullptr, int(seconds / 86400));
}

} // namespace inkling
