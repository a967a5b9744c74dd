// model.safetensors: the 8-byte header length, the JSON header and the tensor table.
// Any file gives a validated table or a ModelError; every accepted tensor lies inside
// the file, has as many bytes as its shape and dtype need, and converts to f32.
#include "engine/model/model_error.h"
#include "engine/model/safetensors.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static fuzz::MemoryFile file("model.safetensors");
    const std::string &path = file.write(fuzz::bytes(data, size));
    std::unique_ptr<inkling::SafetensorsFile> st;
    try {
        st = inkling::SafetensorsFile::open(path);
    } catch (const inkling::ModelError &) {
        return 0;
    }
    const std::byte *fileStart = nullptr;
    for (const inkling::TensorView &t : st->tensors()) {
        FUZZ_CHECK(st->find(t.name) != nullptr);
        FUZZ_CHECK(t.elements() >= 0);
        FUZZ_CHECK(t.bytes == std::size_t(t.elements()) * inkling::dtypeSize(t.dtype));
        FUZZ_CHECK(t.bytes <= size);
        if (t.bytes > 0 && (!fileStart || t.data < fileStart))
            fileStart = t.data;
        if (t.bytes <= (1u << 20)) {
            try {
                const std::vector<float> values = inkling::toFloat32(t);
                FUZZ_CHECK(values.size() == std::size_t(t.elements()));
            } catch (const inkling::ModelError &) {
                // integer dtypes are refused, as documented
            }
        }
    }
    return 0;
}
