// Files that hold the writer's text outside the document (recovery copies, document
// notes): a folder that is theirs alone (0700) and files only they can read (0600),
// whatever the umask.
#pragma once

#include <QDir>
#include <QFile>
#include <QFileDevice>

namespace inkling {

constexpr QFileDevice::Permissions kPrivateFolder =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
constexpr QFileDevice::Permissions kPrivateFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

inline bool makePrivateFolder(const QString &directory)
{
    return QDir().mkpath(directory) && QFile::setPermissions(directory, kPrivateFolder);
}

} // namespace inkling
