// LD_PRELOAD library for tst_no_network: records every socket() and connect() of the
// process it is loaded into, one line each, to the file named by $INKLING_SOCKET_LOG,
// and refuses Internet sockets so that nothing can leave even if something tries.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

void record(const char *what, int domain)
{
    const char *path = std::getenv("INKLING_SOCKET_LOG");
    if (!path)
        return;
    if (FILE *log = std::fopen(path, "a")) {
        std::fprintf(log, "%d %s %d\n", int(getpid()), what, domain);
        std::fclose(log);
    }
}

bool isInternet(int domain)
{
    return domain == AF_INET || domain == AF_INET6 || domain == AF_PACKET;
}

__attribute__((constructor)) void loaded()
{
    record("loaded", 0);
}

} // namespace

extern "C" int socket(int domain, int type, int protocol)
{
    record("socket", domain);
    if (isInternet(domain)) {
        errno = EACCES;
        return -1;
    }
    using Socket = int (*)(int, int, int);
    static const auto real = reinterpret_cast<Socket>(dlsym(RTLD_NEXT, "socket"));
    return real(domain, type, protocol);
}

extern "C" int connect(int fd, const sockaddr *address, socklen_t length)
{
    const int domain = address ? address->sa_family : -1;
    record("connect", domain);
    if (isInternet(domain)) {
        errno = EACCES;
        return -1;
    }
    using Connect = int (*)(int, const sockaddr *, socklen_t);
    static const auto real = reinterpret_cast<Connect>(dlsym(RTLD_NEXT, "connect"));
    return real(fd, address, length);
}
