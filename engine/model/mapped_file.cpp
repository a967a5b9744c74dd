// POSIX mmap of a model file.
#include "engine/model/mapped_file.h"

#include "engine/model/model_error.h"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace inkling {

MappedFile::MappedFile(const std::string &path)
    : m_path(path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw ModelError(path, {}, std::string("cannot open: ") + std::strerror(errno));
    struct stat st{};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        throw ModelError(path, {}, "not a regular file");
    }
    m_size = size_t(st.st_size);
    if (m_size > 0) {
        void *p = ::mmap(nullptr, m_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p == MAP_FAILED) {
            const int err = errno;
            ::close(fd);
            throw ModelError(path, {}, std::string("cannot map: ") + std::strerror(err));
        }
        m_data = static_cast<const std::byte *>(p);
    }
    ::close(fd);
}

void MappedFile::release(const std::byte *p, size_t n)
{
    const auto page = uintptr_t(::sysconf(_SC_PAGESIZE));
    // Whole pages inside the range only: a page shared with a neighbour that is still to
    // be read stays (dropping it would be safe, only slower).
    const uintptr_t begin = (uintptr_t(p) + page - 1) / page * page;
    const uintptr_t end = (uintptr_t(p) + n) / page * page;
    if (end > begin)
        ::madvise(reinterpret_cast<void *>(begin), end - begin, MADV_DONTNEED);
}

MappedFile::~MappedFile()
{
    if (m_data)
        ::munmap(const_cast<std::byte *>(m_data), m_size);
}

} // namespace inkling
