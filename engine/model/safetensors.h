// Reader for the safetensors format: an 8-byte little-endian header length, a JSON
// header {name: {dtype, shape, data_offsets}}, then the raw tensor bytes. Every header
// field is checked against the file size before any tensor byte is touched.
#pragma once

#include "engine/model/mapped_file.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace inkling {

enum class DType { F64, F32, F16, BF16, I64, I32, I16, I8, U8, Bool };

const char *dtypeName(DType t);
size_t dtypeSize(DType t);

struct TensorView
{
    std::string name;
    DType dtype = DType::F32;
    std::vector<int64_t> shape;
    const std::byte *data = nullptr;
    size_t bytes = 0;

    int64_t elements() const;
};

class SafetensorsFile
{
public:
    static std::unique_ptr<SafetensorsFile> open(const std::string &path); // throws ModelError

    const std::vector<TensorView> &tensors() const { return m_tensors; }
    const TensorView *find(const std::string &name) const;
    const std::string &path() const { return m_file.path(); }
    size_t fileSize() const { return m_file.size(); }

private:
    explicit SafetensorsFile(const std::string &path)
        : m_file(path)
    {}
    void parseHeader();

    MappedFile m_file;
    std::vector<TensorView> m_tensors;
};

// Converts any floating-point tensor to f32 values (F16 and BF16 widened exactly).
std::vector<float> toFloat32(const TensorView &t);

} // namespace inkling
