// The key file is created private before the key goes into it: no moment in which
// another user could read it, whatever the umask.
#include "ui/settings/server_key.h"

#include "ui/documents/private_files.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace inkling {

QString serverKeyPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("server-key"));
}

QString loadServerKey()
{
    QFile file(serverKeyPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

bool saveServerKey(const QString &key)
{
    const QString path = serverKeyPath();
    if (key.isEmpty())
        return !QFile::exists(path) || QFile::remove(path);
    if (!makePrivateFolder(QFileInfo(path).path()))
        return false;
    // Created 0600 (or made so, if an older file was not) while still empty: the key
    // never sits in a file others could read.
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate, kPrivateFile) ||
        !file.setPermissions(kPrivateFile))
        return false;
    const QByteArray bytes = key.trimmed().toUtf8();
    return file.write(bytes) == bytes.size() && file.flush();
}

} // namespace inkling
