// Reading and writing the user's documents.
#include "ui/documents/text_file.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStringDecoder>
#include <QStringEncoder>

namespace inkling {

namespace {

Q_LOGGING_CATEGORY(lcTextFile, "inkling.ui.textfile", QtInfoMsg)

// Anything larger is almost certainly not a document somebody is writing, and
// QPlainTextEdit would become unusable long before the model could help with it.
constexpr qint64 kMaxFileSize = 64 * 1024 * 1024;

const QByteArray kUtf8Bom("\xEF\xBB\xBF", 3);
const QByteArray kUtf16LEBom("\xFF\xFE", 2);
const QByteArray kUtf16BEBom("\xFE\xFF", 2);

QByteArray bomFor(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8Bom:
        return kUtf8Bom;
    case TextEncoding::Utf16LE:
        return kUtf16LEBom;
    case TextEncoding::Utf16BE:
        return kUtf16BEBom;
    case TextEncoding::Utf8:
        break;
    }
    return {};
}

QStringConverter::Encoding converterFor(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf16LE:
        return QStringConverter::Utf16LE;
    case TextEncoding::Utf16BE:
        return QStringConverter::Utf16BE;
    case TextEncoding::Utf8:
    case TextEncoding::Utf8Bom:
        break;
    }
    return QStringConverter::Utf8;
}

// Qt's UTF-16 decoder passes unpaired surrogates through; such a file is as broken
// as invalid UTF-8 and is refused the same way.
bool hasUnpairedSurrogate(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        else if (c.isSurrogate())
            return true;
    }
    return false;
}

// The first line break decides; the editor turns every CR, LF and CRLF into a line
// break anyway, so a file mixing them is saved with the first one's kind throughout.
LineEnding detectLineEnding(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('\n'))
            return LineEnding::Lf;
        if (text.at(i) == QLatin1Char('\r'))
            return i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n') ? LineEnding::CrLf
                                                                              : LineEnding::Cr;
    }
    return LineEnding::Lf;
}

} // namespace

QString encodingName(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8:
        return QStringLiteral("UTF-8");
    case TextEncoding::Utf8Bom:
        return QCoreApplication::translate("TextFile", "UTF-8 with BOM");
    case TextEncoding::Utf16LE:
        return QStringLiteral("UTF-16 LE");
    case TextEncoding::Utf16BE:
        return QStringLiteral("UTF-16 BE");
    }
    return {};
}

QString lineEndingName(LineEnding lineEnding)
{
    switch (lineEnding) {
    case LineEnding::Lf:
        return QStringLiteral("LF");
    case LineEnding::CrLf:
        return QStringLiteral("CRLF");
    case LineEnding::Cr:
        return QStringLiteral("CR");
    }
    return {};
}

QString encodingKey(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8:
        return QStringLiteral("utf-8");
    case TextEncoding::Utf8Bom:
        return QStringLiteral("utf-8-bom");
    case TextEncoding::Utf16LE:
        return QStringLiteral("utf-16le");
    case TextEncoding::Utf16BE:
        return QStringLiteral("utf-16be");
    }
    return {};
}

TextEncoding encodingFromKey(const QString &key)
{
    for (TextEncoding e : {TextEncoding::Utf8Bom, TextEncoding::Utf16LE, TextEncoding::Utf16BE}) {
        if (key == encodingKey(e))
            return e;
    }
    return TextEncoding::Utf8;
}

DecodeError decodeText(const QByteArray &bytes, QString *text, TextFormat *format)
{
    TextEncoding encoding = TextEncoding::Utf8;
    if (bytes.startsWith(kUtf8Bom))
        encoding = TextEncoding::Utf8Bom;
    else if (bytes.startsWith(kUtf16LEBom))
        encoding = TextEncoding::Utf16LE;
    else if (bytes.startsWith(kUtf16BEBom))
        encoding = TextEncoding::Utf16BE;
    const bool utf16 = encoding == TextEncoding::Utf16LE || encoding == TextEncoding::Utf16BE;
    const QByteArrayView body = QByteArrayView(bytes).sliced(bomFor(encoding).size());

    // NUL bytes are legitimate inside UTF-16; a NUL character is not text in any encoding.
    if (!utf16 && body.contains('\0'))
        return DecodeError::Binary;
    // The byte-order mark is removed above; a second one is content and must survive
    // (ConvertInitialBom keeps it). Stateless: a file that ends inside a character is an
    // error, not input held back for a next chunk that never comes.
    QStringDecoder decoder(converterFor(encoding), QStringDecoder::Flag::Stateless |
                                                       QStringDecoder::Flag::ConvertInitialBom);
    QString decoded = decoder.decode(body);
    if (utf16 && (decoder.hasError() || body.size() % 2 != 0 || hasUnpairedSurrogate(decoded)))
        return DecodeError::InvalidUtf16;
    if (decoder.hasError())
        return DecodeError::InvalidUtf8;
    if (utf16 && decoded.contains(QChar(0)))
        return DecodeError::Binary;

    const LineEnding lineEnding = detectLineEnding(decoded);
    decoded.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    decoded.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    *text = std::move(decoded);
    *format = {encoding, lineEnding};
    return DecodeError::None;
}

QByteArray encodeText(const QString &text, const TextFormat &format)
{
    QString withLineEnds = text;
    if (format.lineEnding == LineEnding::CrLf)
        withLineEnds.replace(QLatin1Char('\n'), QStringLiteral("\r\n"));
    else if (format.lineEnding == LineEnding::Cr)
        withLineEnds.replace(QLatin1Char('\n'), QLatin1Char('\r'));
    QStringEncoder encoder(converterFor(format.encoding));
    return bomFor(format.encoding) + QByteArray(encoder.encode(withLineEnds));
}

bool readTextFile(const QString &path, QString *text, QString *errorMessage, TextFormat *format)
{
    const QString shownPath = QDir::toNativeSeparators(path);
    // Before opening: opening a FIFO waits for a writer, and a device such as /dev/zero
    // reports size 0 and never ends. Directories, devices, pipes and sockets are refused.
    const QFileInfo info(path);
    if (info.exists() && !info.isFile()) {
        *errorMessage =
            info.isDir()
                ? QCoreApplication::translate("TextFile", "“%1” is a folder, not a file.")
                      .arg(shownPath)
                : QCoreApplication::translate("TextFile",
                                              "“%1” is not a regular file (it is a device, "
                                              "pipe or socket), so it was not opened.")
                      .arg(shownPath);
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *errorMessage = QCoreApplication::translate("TextFile", "Cannot open “%1”: %2")
                            .arg(shownPath, file.errorString());
        return false;
    }
    if (file.size() > kMaxFileSize) {
        *errorMessage =
            QCoreApplication::translate("TextFile", "“%1” is too large to edit (%2 MiB).")
                .arg(shownPath)
                .arg(file.size() / (1024 * 1024));
        return false;
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        *errorMessage = QCoreApplication::translate("TextFile", "Cannot read “%1”: %2")
                            .arg(shownPath, file.errorString());
        return false;
    }

    QString decoded;
    TextFormat decodedFormat;
    switch (decodeText(bytes, &decoded, &decodedFormat)) {
    case DecodeError::None:
        break;
    case DecodeError::Binary:
        *errorMessage = QCoreApplication::translate(
                            "TextFile", "“%1” looks like a binary file (it contains NUL "
                                        "characters), so it was not opened.")
                            .arg(shownPath);
        return false;
    case DecodeError::InvalidUtf8:
        *errorMessage = QCoreApplication::translate(
                            "TextFile", "“%1” is not a UTF-8 text file. Inkling opens UTF-8, and "
                                        "UTF-16 with a byte-order mark; convert other encodings "
                                        "first.")
                            .arg(shownPath);
        return false;
    case DecodeError::InvalidUtf16:
        *errorMessage = QCoreApplication::translate(
                            "TextFile", "“%1” starts with a UTF-16 byte-order mark but is not "
                                        "valid UTF-16 text, so it was not opened.")
                            .arg(shownPath);
        return false;
    }
    qCDebug(lcTextFile) << "read" << path << bytes.size() << "bytes as"
                        << encodingKey(decodedFormat.encoding);
    *text = std::move(decoded);
    if (format)
        *format = decodedFormat;
    return true;
}

bool writeTextFile(const QString &path, const QString &text, QString *errorMessage,
                   const TextFormat &format)
{
    const QString shownPath = QDir::toNativeSeparators(path);
    QSaveFile file(path);
    // A file the user may write in a folder they may not (a shared folder, a read-only
    // parent): no temporary file can be made beside it, so it is written in place. Not
    // atomic then, but the document's recovery copy holds the text until the save ends,
    // and the alternative is a document that can never be saved.
    file.setDirectWriteFallback(true);
    if (!file.open(QIODevice::WriteOnly)) {
        *errorMessage = QCoreApplication::translate("TextFile", "Cannot write “%1”: %2")
                            .arg(shownPath, file.errorString());
        return false;
    }
    file.write(encodeText(text, format));
    if (!file.commit()) {
        *errorMessage = QCoreApplication::translate("TextFile", "Cannot save “%1”: %2")
                            .arg(shownPath, file.errorString());
        return false;
    }
    qCDebug(lcTextFile) << "wrote" << path << "as" << encodingKey(format.encoding);
    return true;
}

} // namespace inkling
