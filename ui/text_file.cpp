// Reading and writing the user's documents.
#include "ui/text_file.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStringDecoder>

namespace inkling {

namespace {

Q_LOGGING_CATEGORY(lcTextFile, "inkling.ui.textfile", QtInfoMsg)

// Anything larger is almost certainly not a document somebody is writing, and
// QPlainTextEdit would become unusable long before the model could help with it.
constexpr qint64 kMaxFileSize = 64 * 1024 * 1024;

} // namespace

bool readTextFile(const QString &path, QString *text, QString *errorMessage)
{
    const QString shownPath = QDir::toNativeSeparators(path);
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

    // Refuse rather than guess: saving a mis-decoded file would silently corrupt it.
    // Stateless: a file that ends inside a character is an error too, not input held
    // back for a next chunk that never comes (which would drop its last bytes).
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString decoded = decoder.decode(bytes);
    if (decoder.hasError()) {
        *errorMessage = QCoreApplication::translate("TextFile", "“%1” is not a UTF-8 text file.")
                            .arg(shownPath);
        return false;
    }
    qCDebug(lcTextFile) << "read" << path << bytes.size() << "bytes";
    *text = std::move(decoded);
    return true;
}

bool writeTextFile(const QString &path, const QString &text, QString *errorMessage)
{
    const QString shownPath = QDir::toNativeSeparators(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *errorMessage = QCoreApplication::translate("TextFile", "Cannot write “%1”: %2")
                            .arg(shownPath, file.errorString());
        return false;
    }
    file.write(text.toUtf8());
    if (!file.commit()) {
        *errorMessage = QCoreApplication::translate("TextFile", "Cannot save “%1”: %2")
                            .arg(shownPath, file.errorString());
        return false;
    }
    qCDebug(lcTextFile) << "wrote" << path;
    return true;
}

} // namespace inkling
