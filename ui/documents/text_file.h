// Reading and writing the user's documents: UTF-8 (with or without a byte-order mark)
// and UTF-16 LE/BE with one, each written back exactly as it was read; saved atomically;
// every failure reported as a translated message naming the file.
#pragma once

#include <QByteArray>
#include <QString>

namespace inkling {

enum class TextEncoding { Utf8, Utf8Bom, Utf16LE, Utf16BE };

// How lines end in the file. The editor always holds '\n'; the file keeps its own.
enum class LineEnding { Lf, CrLf, Cr };

// What a file was read as, so that saving writes the same kind of bytes.
struct TextFormat
{
    TextEncoding encoding = TextEncoding::Utf8;
    LineEnding lineEnding = LineEnding::Lf;
    bool operator==(const TextFormat &) const = default;
};

enum class DecodeError { None, Binary, InvalidUtf8, InvalidUtf16 };

// For the status bar: "UTF-8", "UTF-8 with BOM", "UTF-16 LE", "UTF-16 BE" (translated).
QString encodingName(TextEncoding encoding);
QString lineEndingName(LineEnding lineEnding); // "LF", "CRLF", "CR"
// Stable names for files Inkling writes itself (recovery copies).
QString encodingKey(TextEncoding encoding);
TextEncoding encodingFromKey(const QString &key); // Utf8 for anything unknown

// The whole file's bytes to editor text (lines separated by '\n') and the format they
// were in. Refuses rather than guesses: a NUL character means binary, and bytes that
// are not valid in the encoding its byte-order mark (or, without one, UTF-8) names are
// an error, because saving a mis-decoded file would silently corrupt it. On failure
// *text and *format are left untouched.
DecodeError decodeText(const QByteArray &bytes, QString *text, TextFormat *format);
// The inverse: encodeText(decoded text, format) gives back the original bytes for every
// file whose line breaks are all of one kind.
QByteArray encodeText(const QString &text, const TextFormat &format);

// On failure, returns false and sets *errorMessage; *text and *format are left untouched.
bool readTextFile(const QString &path, QString *text, QString *errorMessage,
                  TextFormat *format = nullptr);

// Writes through QSaveFile, so a crash or a full disk never leaves a half-written
// document behind: either the old file or the complete new one exists. In a folder the
// user may not write, a writable file is written in place instead (not atomic).
bool writeTextFile(const QString &path, const QString &text, QString *errorMessage,
                   const TextFormat &format = {});

} // namespace inkling
