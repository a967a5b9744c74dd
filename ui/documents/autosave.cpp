// Copies are JSON {original, savedAt, text} written with QSaveFile (never half a copy),
// each next to a QLockFile held by the writing process: a lock whose process is gone
// is stale, and that is how a crash is told apart from another running Inkling.
#include "ui/documents/autosave.h"

#include "ui/documents/private_files.h"
#include "ui/editor/plain_text.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTextDocument>
#include <QUuid>

namespace inkling {

namespace {
constexpr int kDefaultIntervalMs = 10000;
const QString kSuffix = QStringLiteral(".autosave");

QString lockPathFor(const QString &copyPath)
{
    return copyPath + QStringLiteral(".lock");
}

} // namespace
// Recovery copies hold the writer's text, often of files only they may read: the folder
// and every file in it are private (private_files.h).

void Autosave::tightenPermissions(const QString &directory)
{
    const QDir dir(directory);
    if (!dir.exists())
        return;
    QFile::setPermissions(directory, kPrivateFolder);
    for (const QString &name : dir.entryList(QDir::Files | QDir::Hidden | QDir::System))
        QFile::setPermissions(dir.filePath(name), kPrivateFile);
}

Autosave::Autosave(QPlainTextEdit *editor, QObject *parent)
    : QObject(parent)
    , m_editor(editor)
    , m_directory(defaultDirectory())
    , m_id(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_timer.setInterval(kDefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_editor->document()->isModified())
            saveNow();
    });
    m_timer.start();
}

Autosave::~Autosave()
{
    discard();
}

QString Autosave::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/autosave");
}

void Autosave::setDirectory(const QString &directory)
{
    discard();
    m_directory = directory;
}

void Autosave::setInterval(int milliseconds)
{
    m_timer.setInterval(qMax(100, milliseconds));
}

QString Autosave::copyPath() const
{
    return m_directory + QLatin1Char('/') + m_id + kSuffix;
}

bool Autosave::ensureLocked()
{
    if (m_lock)
        return true;
    if (!makePrivateFolder(m_directory))
        return false;
    m_lock = std::make_unique<QLockFile>(lockPathFor(copyPath()));
    m_lock->setStaleLockTime(0); // only a dead owner makes it stale, never age
    if (!m_lock->tryLock(0)) {
        m_lock.reset();
        return false;
    }
    return true;
}

bool Autosave::saveNow()
{
    const int revision = m_editor->document()->revision();
    if (revision == m_savedRevision)
        return true;
    if (!ensureLocked()) {
        emit failed(tr("Cannot write the recovery copy in “%1”.").arg(m_directory));
        return false;
    }
    RecoverableDocument copy;
    copy.originalPath = m_originalPath;
    copy.savedAt = QDateTime::currentDateTimeUtc();
    copy.text = savedText(m_editor->document());
    copy.format = m_format;
    copy.diskTime = m_diskTime;
    copy.diskSize = m_diskSize;
    copy.notes = m_notes;
    QSaveFile file(copyPath());
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(kPrivateFile) ||
        file.write(encodeRecoveryCopy(copy)) < 0 || !file.commit()) {
        emit failed(
            tr("Cannot write the recovery copy “%1”: %2").arg(copyPath(), file.errorString()));
        return false;
    }
    m_savedRevision = revision;
    return true;
}

void Autosave::discard()
{
    if (!m_lock)
        return;
    QFile::remove(copyPath());
    m_lock->unlock();
    m_lock.reset();
    m_savedRevision = -1;
}

QList<RecoverableDocument> Autosave::findRecoverable(const QString &directory)
{
    QList<RecoverableDocument> found;
    tightenPermissions(directory); // copies an older Inkling left readable by others
    const QDir dir(directory);
    const QStringList copies = dir.entryList({QLatin1Char('*') + kSuffix}, QDir::Files, QDir::Time);
    for (const QString &name : copies) {
        const QString path = dir.filePath(name);
        QLockFile lock(lockPathFor(path));
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0))
            continue; // its Inkling is still running
        lock.unlock();
        if (std::optional<RecoverableDocument> d = readCopy(path))
            found.append(*d);
    }
    return found;
}

std::optional<RecoverableDocument> Autosave::readCopy(const QString &path)
{
    // A regular file of a bounded size: the largest document (64 MiB) escaped as JSON
    // stays well below this.
    constexpr qint64 kMaxCopyBytes = qint64(1) << 30;
    const QFileInfo info(path);
    if (!info.isFile() || info.size() > kMaxCopyBytes)
        return std::nullopt;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    std::optional<RecoverableDocument> d = decodeRecoveryCopy(file.readAll());
    if (d)
        d->autosavePath = path;
    return d;
}

void Autosave::remove(const RecoverableDocument &document)
{
    // The copy, its lock, and any temporary file a killed QSaveFile left beside it.
    const QFileInfo copy(document.autosavePath);
    const QDir dir = copy.dir();
    for (const QString &name : dir.entryList({copy.fileName() + QStringLiteral(".*")}, QDir::Files))
        QFile::remove(dir.filePath(name));
    QFile::remove(document.autosavePath);
}

} // namespace inkling
