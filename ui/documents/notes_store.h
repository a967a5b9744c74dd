// Where a saved document's notes live (Suggestions › Document Notes): never inside the
// document's file, but in a private file of their own per document, found by the
// document's path (~/.local/share/Inkling/inkling/notes/, 0700, files 0600).
#pragma once

#include <QString>

namespace inkling {

class NotesStore
{
public:
    // The default folder, or another (tests).
    explicit NotesStore(QString directory = defaultDirectory());
    static QString defaultDirectory();

    QString load(const QString &documentPath) const;
    // Empty notes remove the file. False (with *errorMessage) when it cannot be written.
    bool save(const QString &documentPath, const QString &notes,
              QString *errorMessage = nullptr) const;
    QString filePath(const QString &documentPath) const;

private:
    QString m_directory;
};

} // namespace inkling
