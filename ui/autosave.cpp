// Copies are JSON {original, savedAt, text} written with QSaveFile (never half a copy),
// each next to a QLockFile held by the writing process: a lock whose process is gone
// is stale, and that is how a crash is told apart from another running Inkling.
#include "ui/autosave.h"

#include "ui/plain_text.h"

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
    if (!QDir().mkpath(m_directory))
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
    QJsonObject o;
    o[QStringLiteral("original")] = m_originalPath;
    o[QStringLiteral("savedAt")] = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    o[QStringLiteral("text")] = savedText(m_editor->document());
    o[QStringLiteral("encoding")] = encodingKey(m_format.encoding);
    o[QStringLiteral("lineEnding")] = lineEndingName(m_format.lineEnding);
    QSaveFile file(copyPath());
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(o).toJson(QJsonDocument::Compact)) < 0 || !file.commit()) {
        emit failed(tr("Cannot write the recovery copy “%1”: %2").arg(copyPath(), file.errorString()));
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
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    if (!o.contains(QStringLiteral("text")))
        return std::nullopt;
    RecoverableDocument d;
    d.autosavePath = path;
    d.originalPath = o.value(QStringLiteral("original")).toString();
    d.text = o.value(QStringLiteral("text")).toString();
    d.format.encoding = encodingFromKey(o.value(QStringLiteral("encoding")).toString());
    const QString lineEnding = o.value(QStringLiteral("lineEnding")).toString();
    for (LineEnding e : {LineEnding::CrLf, LineEnding::Cr}) {
        if (lineEnding == lineEndingName(e))
            d.format.lineEnding = e;
    }
    d.savedAt = QDateTime::fromString(o.value(QStringLiteral("savedAt")).toString(), Qt::ISODateWithMs);
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
