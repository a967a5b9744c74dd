// Bounded reads of regular files: see small_file.h.
#include "engine/model/small_file.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace inkling {

std::string readSmallFile(const std::string &path, std::size_t maxBytes)
{
    // O_NONBLOCK: opening a FIFO must not wait for a writer; the type is checked on the
    // descriptor itself, so a file swapped after a path check cannot slip through.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        throw SmallFileError(std::string("cannot open the file: ") + std::strerror(errno));
    struct Closer
    {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st{};
    if (::fstat(fd, &st) != 0)
        throw SmallFileError(std::string("cannot read the file: ") + std::strerror(errno));
    if (S_ISDIR(st.st_mode))
        throw SmallFileError("is a directory, not a file");
    if (!S_ISREG(st.st_mode))
        throw SmallFileError("is not a regular file (a device, pipe or socket)");
    if (std::size_t(st.st_size) > maxBytes)
        throw SmallFileError("is too large (" + std::to_string(st.st_size) + " bytes; at most " +
                             std::to_string(maxBytes) + " are read)");
    std::string contents(std::size_t(st.st_size), '\0');
    std::size_t done = 0;
    while (done < contents.size()) {
        const ssize_t n = ::read(fd, contents.data() + done, contents.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            throw SmallFileError(std::string("cannot read the file: ") + std::strerror(errno));
        if (n == 0)
            break; // shrank while being read: what is there
        done += std::size_t(n);
    }
    contents.resize(done);
    return contents;
}

} // namespace inkling
