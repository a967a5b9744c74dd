#include "engine/kernels/cpu_threads.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <utility>

#include <sched.h>
#include <unistd.h>

namespace inkling {

namespace {

std::string readFirstLine(const std::filesystem::path &path)
{
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    return line;
}

int logicalCpuCount()
{
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0)
        return std::max(1, CPU_COUNT(&set));
    return std::max(1u, std::thread::hardware_concurrency());
}

} // namespace

int physicalCoreCount(const std::string &sysfsCpuDir)
{
    namespace fs = std::filesystem;
    cpu_set_t allowed;
    const bool haveAffinity = sched_getaffinity(0, sizeof allowed, &allowed) == 0;
    // One entry per (package, core) among the CPUs this process may use.
    std::set<std::pair<std::string, std::string>> cores;
    std::error_code ec;
    for (const fs::directory_entry &entry : fs::directory_iterator(sysfsCpuDir, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.size() < 4 || name.compare(0, 3, "cpu") != 0 ||
            !std::isdigit(static_cast<unsigned char>(name[3])))
            continue;
        const int cpu = std::atoi(name.c_str() + 3);
        if (haveAffinity && sysfsCpuDir == "/sys/devices/system/cpu" && cpu < CPU_SETSIZE &&
            !CPU_ISSET(cpu, &allowed))
            continue;
        const std::string core = readFirstLine(entry.path() / "topology/core_id");
        if (core.empty())
            continue; // offline CPUs have no topology
        cores.emplace(readFirstLine(entry.path() / "topology/physical_package_id"), core);
    }
    return cores.empty() ? logicalCpuCount() : int(cores.size());
}

void ensurePassiveOpenMpWaiting(char **argv)
{
    if (std::getenv("OMP_WAIT_POLICY") || !argv || !argv[0])
        return; // the user's (or our earlier) choice
    if (setenv("OMP_WAIT_POLICY", "PASSIVE", 1) != 0)
        return;
    // /proc/self/exe: the same binary even when argv[0] is a bare name found on PATH.
    execv("/proc/self/exe", argv);
    // Still here: carry on with spinning threads rather than not at all.
}

std::string openMpWaitPolicy()
{
    const char *policy = std::getenv("OMP_WAIT_POLICY");
    if (!policy)
        return "default (spinning)";
    std::string p(policy);
    for (char &c : p)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return p;
}

} // namespace inkling
