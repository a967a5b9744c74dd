// Document decoding (ui/text_file): any file is either refused with a message, leaving
// the caller's text untouched, or opened; an opened file whose line breaks are all of one
// kind is saved back as exactly its bytes (encoding, byte-order mark and line ends kept).
// The oracle below decides independently which files must be refused: without a UTF-16
// byte-order mark, those that are not well-formed UTF-8 or contain NUL; with one, those of
// odd length, with an unpaired surrogate or a NUL code unit.
#include "fuzz_util.h"
#include "ui/documents/text_file.h"

#include <QString>

#include <vector>

namespace {

// The file's code units after its byte-order mark, or nothing when it must be refused.
bool codeUnits(std::string_view bytes, std::vector<std::uint32_t> *units)
{
    const bool le = bytes.starts_with("\xFF\xFE");
    const bool be = bytes.starts_with("\xFE\xFF");
    if (!le && !be) {
        const std::string_view body = bytes.starts_with("\xEF\xBB\xBF") ? bytes.substr(3) : bytes;
        if (!fuzz::isValidUtf8(body) || body.find('\0') != std::string_view::npos)
            return false;
        for (char c : body) // CR and LF are single bytes in UTF-8, never inside a character
            units->push_back(static_cast<unsigned char>(c));
        return true;
    }
    const std::string_view body = bytes.substr(2);
    if (body.size() % 2 != 0)
        return false;
    for (std::size_t i = 0; i < body.size(); i += 2) {
        const auto lo = static_cast<unsigned char>(body[le ? i : i + 1]);
        const auto hi = static_cast<unsigned char>(body[le ? i + 1 : i]);
        units->push_back(std::uint32_t(hi) << 8 | lo);
    }
    for (std::size_t i = 0; i < units->size(); ++i) {
        const std::uint32_t u = (*units)[i];
        if (u == 0)
            return false;
        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < units->size() && (*units)[i + 1] >= 0xDC00 &&
            (*units)[i + 1] <= 0xDFFF)
            ++i;
        else if (u >= 0xD800 && u <= 0xDFFF)
            return false;
    }
    return true;
}

// True when every line break is the same one of CRLF, lone CR or lone LF.
bool uniformLineEnds(const std::vector<std::uint32_t> &units)
{
    int kinds = 0; // bit 0: LF, 1: CRLF, 2: CR
    for (std::size_t i = 0; i < units.size(); ++i) {
        if (units[i] == '\r' && i + 1 < units.size() && units[i + 1] == '\n') {
            kinds |= 2;
            ++i;
        } else if (units[i] == '\r') {
            kinds |= 4;
        } else if (units[i] == '\n') {
            kinds |= 1;
        }
    }
    return kinds == 0 || kinds == 1 || kinds == 2 || kinds == 4;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static fuzz::MemoryFile file("document.txt");
    const std::string_view bytes = fuzz::bytes(data, size);
    const QString path = QString::fromStdString(file.write(bytes));
    const QString untouched = QStringLiteral("already open");
    QString text = untouched;
    QString error;
    inkling::TextFormat format;
    const bool ok = inkling::readTextFile(path, &text, &error, &format);
    std::vector<std::uint32_t> units;
    FUZZ_CHECK(ok == codeUnits(bytes, &units));
    if (!ok) {
        FUZZ_CHECK(text == untouched);
        FUZZ_CHECK(!error.isEmpty());
        return 0;
    }
    FUZZ_CHECK(!text.contains(QLatin1Char('\r'))); // the editor's form: '\n' only
    const QByteArray saved = inkling::encodeText(text, format);
    if (uniformLineEnds(units))
        FUZZ_CHECK(std::string_view(saved.constData(), std::size_t(saved.size())) == bytes);
    // Whatever was normalised, saving and reopening is stable.
    QString reread;
    inkling::TextFormat rereadFormat;
    FUZZ_CHECK(inkling::decodeText(saved, &reread, &rereadFormat) == inkling::DecodeError::None);
    FUZZ_CHECK(reread == text && rereadFormat == format);
    return 0;
}
