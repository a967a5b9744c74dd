// Validating safetensors parser over a memory-mapped file.
#include "engine/model/safetensors.h"

#include "engine/kernels/bf16.h"

#include "engine/model/json.h"
#include "engine/model/model_error.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace inkling {

namespace {

// A GPT-2 1.5B header is about 40 KB; anything far larger is not a model header.
constexpr uint64_t kMaxHeaderBytes = 100u << 20;

struct DTypeInfo
{
    const char *name;
    DType type;
    size_t size;
};

constexpr DTypeInfo kDTypes[] = {
    {"F64", DType::F64, 8},   {"F32", DType::F32, 4}, {"F16", DType::F16, 2},
    {"BF16", DType::BF16, 2}, {"I64", DType::I64, 8}, {"I32", DType::I32, 4},
    {"I16", DType::I16, 2},   {"I8", DType::I8, 1},   {"U8", DType::U8, 1},
    {"BOOL", DType::Bool, 1},
};

float halfToFloat(uint16_t h)
{
    const uint32_t sign = uint32_t(h & 0x8000) << 16;
    uint32_t exp = (h >> 10) & 0x1F;
    uint32_t mant = h & 0x3FF;
    uint32_t bits;
    if (exp == 0x1F) {
        bits = sign | 0x7F800000 | (mant << 13); // inf or NaN
    } else if (exp != 0) {
        bits = sign | ((exp + 112) << 23) | (mant << 13);
    } else if (mant == 0) {
        bits = sign; // signed zero
    } else {
        // Subnormal half: normalise the mantissa.
        exp = 113;
        while ((mant & 0x400) == 0) {
            mant <<= 1;
            --exp;
        }
        bits = sign | (exp << 23) | ((mant & 0x3FF) << 13);
    }
    float f;
    std::memcpy(&f, &bits, 4);
    return f;
}

} // namespace

const char *dtypeName(DType t)
{
    for (const auto &d : kDTypes) {
        if (d.type == t)
            return d.name;
    }
    return "?";
}

size_t dtypeSize(DType t)
{
    for (const auto &d : kDTypes) {
        if (d.type == t)
            return d.size;
    }
    return 0;
}

int64_t TensorView::elements() const
{
    int64_t n = 1;
    for (int64_t d : shape)
        n *= d;
    return n;
}

std::unique_ptr<SafetensorsFile> SafetensorsFile::open(const std::string &path)
{
    std::unique_ptr<SafetensorsFile> file(new SafetensorsFile(path));
    file->parseHeader();
    return file;
}

const TensorView *SafetensorsFile::find(const std::string &name) const
{
    for (const auto &t : m_tensors) {
        if (t.name == name)
            return &t;
    }
    return nullptr;
}

void SafetensorsFile::parseHeader()
{
    const std::string &path = m_file.path();
    const size_t fileSize = m_file.size();
    if (fileSize < 8)
        throw ModelError(path, {},
                         "file too short for a safetensors header (" + std::to_string(fileSize) +
                             " bytes)");
    uint64_t headerLen = 0;
    for (int i = 7; i >= 0; --i)
        headerLen = (headerLen << 8) | uint64_t(m_file.data()[i]);
    if (headerLen > fileSize - 8 || headerLen > kMaxHeaderBytes)
        throw ModelError(path, {},
                         "header length " + std::to_string(headerLen) +
                             " does not fit in a file of " + std::to_string(fileSize) +
                             " bytes (truncated or not a safetensors file)");
    const char *headerText = reinterpret_cast<const char *>(m_file.data() + 8);
    JsonValue header;
    try {
        header = JsonValue::parse(std::string_view(headerText, headerLen));
    } catch (const JsonError &e) {
        throw ModelError(path, {}, std::string("bad header: ") + e.what());
    }
    if (!header.isObject())
        throw ModelError(path, {}, "header is not a JSON object");

    const std::byte *dataStart = m_file.data() + 8 + headerLen;
    const uint64_t dataSize = fileSize - 8 - headerLen;
    for (const auto &[name, entry] : header.members()) {
        if (name == "__metadata__")
            continue;
        auto bad = [&](const std::string &what) {
            return ModelError(path, name, what);
        };
        if (!entry.isObject())
            throw bad("entry is not an object");
        const JsonValue *dtype = entry.find("dtype");
        const JsonValue *shape = entry.find("shape");
        const JsonValue *offsets = entry.find("data_offsets");
        if (!dtype || !dtype->isString() || !shape || !shape->isArray() || !offsets ||
            !offsets->isArray() || offsets->array().size() != 2)
            throw bad("entry needs dtype, shape and data_offsets [begin, end]");
        TensorView t;
        t.name = name;
        const auto *info =
            std::find_if(std::begin(kDTypes), std::end(kDTypes),
                         [&](const DTypeInfo &d) { return dtype->toString() == d.name; });
        if (info == std::end(kDTypes))
            throw bad("unsupported dtype " + dtype->toString());
        t.dtype = info->type;
        // Element count with overflow checks: each dimension and the product stay < 2^53.
        double count = 1;
        for (const auto &d : shape->array()) {
            if (!d.isInteger() || d.toNumber() < 0)
                throw bad("shape has a dimension that is not a non-negative integer");
            t.shape.push_back(int64_t(d.toNumber()));
            count *= d.toNumber();
            if (count > double(1ull << 50))
                throw bad("shape is absurdly large");
        }
        const JsonValue &begin = offsets->array()[0];
        const JsonValue &end = offsets->array()[1];
        if (!begin.isInteger() || !end.isInteger() || begin.toNumber() < 0 ||
            end.toNumber() < begin.toNumber())
            throw bad("data_offsets are not an ordered pair of non-negative integers");
        const auto b = uint64_t(begin.toNumber());
        const auto e = uint64_t(end.toNumber());
        if (e > dataSize)
            throw bad("data_offsets [" + std::to_string(b) + ", " + std::to_string(e) +
                      "] lie outside the " + std::to_string(dataSize) +
                      " data bytes (file truncated?)");
        if (e - b != uint64_t(count) * info->size)
            throw bad("has " + std::to_string(e - b) + " bytes but its shape and dtype need " +
                      std::to_string(uint64_t(count) * info->size));
        t.data = dataStart + b;
        t.bytes = e - b;
        m_tensors.push_back(std::move(t));
    }

    // Overlapping tensors mean a corrupt or malicious file.
    std::vector<const TensorView *> byStart;
    for (const auto &t : m_tensors)
        byStart.push_back(&t);
    std::sort(byStart.begin(), byStart.end(),
              [](const TensorView *a, const TensorView *b) { return a->data < b->data; });
    for (size_t i = 1; i < byStart.size(); ++i) {
        const TensorView *prev = byStart[i - 1];
        if (prev->bytes > 0 && byStart[i]->data < prev->data + prev->bytes)
            throw ModelError(path, byStart[i]->name, "data overlaps tensor '" + prev->name + "'");
    }
}

std::vector<float> toFloat32(const TensorView &t)
{
    const auto n = size_t(t.elements());
    std::vector<float> out(n);
    switch (t.dtype) {
    case DType::F32:
        if (n > 0) // memcpy from or to a null pointer is undefined even for 0 bytes
            std::memcpy(out.data(), t.data, n * 4);
        break;
    case DType::F16:
        for (size_t i = 0; i < n; ++i) {
            uint16_t h;
            std::memcpy(&h, t.data + 2 * i, 2);
            out[i] = halfToFloat(h);
        }
        break;
    case DType::BF16:
        for (size_t i = 0; i < n; ++i) {
            uint16_t h;
            std::memcpy(&h, t.data + 2 * i, 2);
            out[i] = floatFromBf16(h);
        }
        break;
    case DType::F64:
        for (size_t i = 0; i < n; ++i) {
            double d;
            std::memcpy(&d, t.data + 8 * i, 8);
            out[i] = float(d);
        }
        break;
    default:
        throw ModelError({}, t.name,
                         std::string("dtype ") + dtypeName(t.dtype) +
                             " is not a floating-point type");
    }
    return out;
}

} // namespace inkling
