// Notes files are JSON {path, notes}: the path is kept so that a hash collision, or a
// file moved by hand, is never read as another document's notes.
#include "ui/documents/notes_store.h"

#include "ui/documents/private_files.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace inkling {

NotesStore::NotesStore(QString directory)
    : m_directory(std::move(directory))
{}

QString NotesStore::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/notes");
}

QString NotesStore::filePath(const QString &documentPath) const
{
    const QByteArray hash = QCryptographicHash::hash(
        QFileInfo(documentPath).absoluteFilePath().toUtf8(), QCryptographicHash::Sha256);
    return m_directory + QLatin1Char('/') + QString::fromLatin1(hash.toHex().left(32)) +
           QStringLiteral(".json");
}

QString NotesStore::load(const QString &documentPath) const
{
    QFile file(filePath(documentPath));
    // A notes file is small; anything larger is not ours.
    if (!file.open(QIODevice::ReadOnly) || file.size() > 4 * 1024 * 1024)
        return {};
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    if (o.value(QStringLiteral("path")).toString() != QFileInfo(documentPath).absoluteFilePath())
        return {};
    return o.value(QStringLiteral("notes")).toString();
}

bool NotesStore::save(const QString &documentPath, const QString &notes,
                      QString *errorMessage) const
{
    const QString path = filePath(documentPath);
    if (notes.isEmpty()) {
        QFile::remove(path);
        return true;
    }
    QJsonObject o;
    o[QStringLiteral("path")] = QFileInfo(documentPath).absoluteFilePath();
    o[QStringLiteral("notes")] = notes;
    QSaveFile file(path);
    if (!makePrivateFolder(m_directory) || !file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(kPrivateFile) ||
        file.write(QJsonDocument(o).toJson(QJsonDocument::Compact)) < 0 || !file.commit()) {
        if (errorMessage)
            *errorMessage = file.errorString();
        return false;
    }
    return true;
}

} // namespace inkling
