// Reading the small files of a model directory (config.json, vocab.json, merges.txt),
// which come from strangers: regular files only (a symbolic link to /dev/zero or a FIFO
// would never end), and no larger than a limit.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace inkling {

class SmallFileError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// Limits far above any real file of its kind (GPT-2's vocab.json is 1 MB, merges.txt
// 456 KB, config.json under 1 KB) and far below what would hurt.
constexpr std::size_t kMaxConfigBytes = 1u << 20;
constexpr std::size_t kMaxTokenizerFileBytes = 64u << 20;

// The whole file; throws SmallFileError (with the reason, without the path) when it
// cannot be opened or read, is not a regular file, or is larger than maxBytes.
std::string readSmallFile(const std::string &path, std::size_t maxBytes);

} // namespace inkling
