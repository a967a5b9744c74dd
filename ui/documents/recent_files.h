// The most recently opened or saved files, newest first, kept in QSettings.
#pragma once

#include <QStringList>

namespace inkling {

class RecentFiles
{
public:
    static constexpr int kMaxFiles = 10;

    static QStringList files(); // only those that still exist
    static void add(const QString &path);
    static void clear();
};

} // namespace inkling
