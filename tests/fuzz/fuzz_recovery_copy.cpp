// Recovery copies (ui/recovery_copy): any bytes decode to a document or to nothing,
// never a crash; a decoded document, written again and read back, is the same document
// (the writer and the reader agree on every field, whatever the reader accepted).
#include "fuzz_util.h"
#include "ui/documents/recovery_copy.h"

#include <QByteArray>

namespace {

bool same(const inkling::RecoverableDocument &a, const inkling::RecoverableDocument &b)
{
    // Times are compared as instants to the millisecond: that is what a copy stores.
    const auto sameTime = [](const QDateTime &x, const QDateTime &y) {
        return x.isValid() == y.isValid() &&
               (!x.isValid() || x.toMSecsSinceEpoch() == y.toMSecsSinceEpoch());
    };
    return a.originalPath == b.originalPath && a.text == b.text && a.format == b.format &&
           sameTime(a.savedAt, b.savedAt) && a.diskSize == b.diskSize &&
           (a.diskSize < 0 || sameTime(a.diskTime, b.diskTime));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const std::optional<inkling::RecoverableDocument> d = inkling::decodeRecoveryCopy(bytes);
    if (!d)
        return 0;
    const std::optional<inkling::RecoverableDocument> again =
        inkling::decodeRecoveryCopy(inkling::encodeRecoveryCopy(*d));
    FUZZ_CHECK(again.has_value());
    FUZZ_CHECK(same(*d, *again));
    return 0;
}
