// Stored as absolute paths under "recentFiles".
#include "ui/documents/recent_files.h"

#include <QFileInfo>
#include <QSettings>

namespace inkling {

namespace {
const QString kKey = QStringLiteral("recentFiles");
}

QStringList RecentFiles::files()
{
    QStringList existing;
    for (const QString &path : QSettings().value(kKey).toStringList()) {
        if (QFileInfo::exists(path))
            existing << path;
    }
    return existing;
}

void RecentFiles::add(const QString &path)
{
    QSettings settings;
    QStringList list = settings.value(kKey).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > kMaxFiles)
        list.removeLast();
    settings.setValue(kKey, list);
}

void RecentFiles::clear()
{
    QSettings().remove(kKey);
}

} // namespace inkling
