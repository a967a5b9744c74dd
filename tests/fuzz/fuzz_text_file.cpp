// Document decoding (ui/text_file): any file is either refused with a message, leaving
// the caller's text untouched, or opened as exactly its bytes (minus a UTF-8 byte-order
// mark), so saving it again changes nothing. Refused exactly when not valid UTF-8.
#include "fuzz_util.h"
#include "ui/text_file.h"

#include <QString>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static fuzz::MemoryFile file("document.txt");
    const std::string_view bytes = fuzz::bytes(data, size);
    const QString path = QString::fromStdString(file.write(bytes));
    const QString untouched = QStringLiteral("already open");
    QString text = untouched;
    QString error;
    const bool ok = inkling::readTextFile(path, &text, &error);
    FUZZ_CHECK(ok == fuzz::isValidUtf8(bytes));
    if (!ok) {
        FUZZ_CHECK(text == untouched);
        FUZZ_CHECK(!error.isEmpty());
        return 0;
    }
    const std::string_view bom = "\xEF\xBB\xBF";
    const std::string_view body = bytes.starts_with(bom) ? bytes.substr(3) : bytes;
    const QByteArray roundTrip = text.toUtf8();
    FUZZ_CHECK(std::string_view(roundTrip.constData(), std::size_t(roundTrip.size())) == body);
    return 0;
}
