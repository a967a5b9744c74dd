// The recovery copy's format: one JSON object per copy, holding a modified document's
// text and what is needed to save it as its file again. Qt Core only (no widgets), so
// the fuzz target for the reader links it alone.
#pragma once

#include "ui/documents/text_file.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace inkling {

// A copy left behind by a process that is gone (or written by this one).
struct RecoverableDocument
{
    QString autosavePath; // the copy
    QString originalPath; // the file it belonged to, empty for a new document
    QString text;
    QString notes;     // the document's notes (Suggestions › Document Notes), if any
    TextFormat format; // what the file was read as, so saving writes it the same way
    QDateTime savedAt;
    // The file on disk as the document last read or wrote it (modification time and
    // size; size -1 when unknown): if the file differs now, someone changed it since.
    QDateTime diskTime;
    qint64 diskSize = -1;
};

// How many seconds the document's file on disk is newer than the copy, or nothing when
// it is not (no file, no time, or older): then someone changed it after the copy.
std::optional<qint64> secondsFileIsNewer(const RecoverableDocument &document);

// The copy's bytes (autosavePath is not part of them).
QByteArray encodeRecoveryCopy(const RecoverableDocument &document);
// The document in a copy's bytes, or nothing when they are not a recovery copy. Any
// bytes are safe: a copy may be damaged, truncated or not ours.
std::optional<RecoverableDocument> decodeRecoveryCopy(const QByteArray &bytes);

} // namespace inkling
