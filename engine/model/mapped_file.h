// A read-only memory map of a whole file (model weights are read in place, never copied
// into a second buffer before conversion).
#pragma once

#include <cstddef>
#include <string>

namespace inkling {

class MappedFile
{
public:
    explicit MappedFile(const std::string &path); // throws ModelError
    ~MappedFile();
    MappedFile(const MappedFile &) = delete;
    MappedFile &operator=(const MappedFile &) = delete;

    const std::byte *data() const { return m_data; }
    size_t size() const { return m_size; }
    const std::string &path() const { return m_path; }

    // Drops the pages holding [p, p + n) (a range of this mapping) from memory once they
    // have been read: they count towards the process's resident size while mapped, and
    // loading converts every tensor once. Reading them again reads the file again.
    static void release(const std::byte *p, size_t n);

private:
    std::string m_path;
    const std::byte *m_data = nullptr;
    size_t m_size = 0;
};

} // namespace inkling
