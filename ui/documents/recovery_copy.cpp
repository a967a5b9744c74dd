// Recovery copies as JSON {original, savedAt, text, encoding, lineEnding, diskTime,
// diskSize, notes}; see recovery_copy.h.
#include "ui/documents/recovery_copy.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace inkling {

std::optional<qint64> secondsFileIsNewer(const RecoverableDocument &d)
{
    if (d.originalPath.isEmpty() || !d.savedAt.isValid())
        return std::nullopt;
    const QFileInfo file(d.originalPath);
    if (!file.exists() || file.lastModified() <= d.savedAt)
        return std::nullopt;
    return d.savedAt.secsTo(file.lastModified());
}

QByteArray encodeRecoveryCopy(const RecoverableDocument &d)
{
    QJsonObject o;
    o[QStringLiteral("original")] = d.originalPath;
    o[QStringLiteral("savedAt")] = d.savedAt.toUTC().toString(Qt::ISODateWithMs);
    o[QStringLiteral("text")] = d.text;
    if (!d.notes.isEmpty())
        o[QStringLiteral("notes")] = d.notes;
    o[QStringLiteral("encoding")] = encodingKey(d.format.encoding);
    o[QStringLiteral("lineEnding")] = lineEndingName(d.format.lineEnding);
    if (d.diskSize >= 0) {
        o[QStringLiteral("diskTime")] = d.diskTime.toUTC().toString(Qt::ISODateWithMs);
        o[QStringLiteral("diskSize")] = double(d.diskSize);
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<RecoverableDocument> decodeRecoveryCopy(const QByteArray &bytes)
{
    const QJsonObject o = QJsonDocument::fromJson(bytes).object();
    if (!o.value(QStringLiteral("text")).isString())
        return std::nullopt;
    // JSON may spell unpaired surrogates (\ud800), which no file can hold: they become
    // U+FFFD here, as they would when the text is saved.
    const auto wellFormed = [](const QString &s) {
        return QString::fromUtf8(s.toUtf8());
    };
    RecoverableDocument d;
    d.originalPath = wellFormed(o.value(QStringLiteral("original")).toString());
    d.text = wellFormed(o.value(QStringLiteral("text")).toString());
    d.notes = wellFormed(o.value(QStringLiteral("notes")).toString());
    d.format.encoding = encodingFromKey(o.value(QStringLiteral("encoding")).toString());
    const QString lineEnding = o.value(QStringLiteral("lineEnding")).toString();
    for (LineEnding e : {LineEnding::CrLf, LineEnding::Cr}) {
        if (lineEnding == lineEndingName(e))
            d.format.lineEnding = e;
    }
    d.savedAt =
        QDateTime::fromString(o.value(QStringLiteral("savedAt")).toString(), Qt::ISODateWithMs);
    const double size = o.value(QStringLiteral("diskSize")).toDouble(-1);
    // A size is a whole number of bytes that a file can have; anything else means unknown.
    if (size >= 0 && size <= 9007199254740992.0 && size == double(qint64(size))) {
        d.diskTime = QDateTime::fromString(o.value(QStringLiteral("diskTime")).toString(),
                                           Qt::ISODateWithMs);
        d.diskSize = d.diskTime.isValid() ? qint64(size) : -1;
    }
    return d;
}

} // namespace inkling
