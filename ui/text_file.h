// Reading and writing the user's documents: UTF-8 only, saved atomically, and every
// failure reported as a translated message naming the file.
#pragma once

#include <QString>

namespace inkling {

// On failure, returns false and sets *errorMessage; *text is left untouched.
bool readTextFile(const QString &path, QString *text, QString *errorMessage);

// Writes through QSaveFile, so a crash or a full disk never leaves a half-written
// document behind: either the old file or the complete new one exists.
bool writeTextFile(const QString &path, const QString &text, QString *errorMessage);

} // namespace inkling
