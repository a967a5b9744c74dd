#include "engine/kernels/thread_team.h"

#include <algorithm>
#include <cstdlib>

namespace inkling {

namespace {

// One spin-wait step: tells the core that this is a spin loop (frees the pipeline for a
// hyper-thread sibling, saves power).
inline void relax()
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
}

// Spins until done() holds. After a while (a member preempted on a machine busy with
// other work) the waiting thread yields its core to it rather than spinning its time
// slice away: 2 cores shared with a compiler are the case this is for.
template<typename Done> void spinUntil(Done done)
{
    for (int i = 0; !done(); ++i) {
        if (i < 4096)
            relax();
        else
            std::this_thread::yield();
    }
}

} // namespace

std::chrono::microseconds ThreadTeam::defaultSpin()
{
    if (const char *us = std::getenv("INKLING_SPIN_US")) {
        char *end = nullptr;
        const long value = std::strtol(us, &end, 10);
        if (end != us && *end == '\0' && value >= 0)
            return std::chrono::microseconds(value);
    }
    return kDefaultSpin;
}

ThreadTeam::ThreadTeam(int threads, std::chrono::microseconds spin)
    : m_size(std::max(1, threads))
    , m_spin(spin)
{
    m_threads.reserve(size_t(m_size - 1));
    for (int i = 1; i < m_size; ++i)
        m_threads.emplace_back([this, i] { work(i); });
}

ThreadTeam::~ThreadTeam()
{
    m_stop = true;
    m_start.fetch_add(1, std::memory_order_seq_cst);
    m_start.notify_all();
    for (std::thread &t : m_threads)
        t.join();
}

void ThreadTeam::dispatch(Trampoline trampoline, void *job)
{
    Member self(*this, 0);
    self.m_sense = m_barrierSense.load(std::memory_order_relaxed);
    if (m_size == 1) {
        trampoline(job, self);
        return;
    }
    m_trampoline = trampoline;
    m_job = job;
    m_done.store(0, std::memory_order_relaxed);
    // seq_cst on both sides of the sleeper handshake: either a worker about to park sees
    // the new job, or this sees it counted among the sleepers and wakes it.
    m_start.fetch_add(1, std::memory_order_seq_cst);
    if (m_sleepers.load(std::memory_order_seq_cst) > 0)
        m_start.notify_all();
    trampoline(job, self);
    spinUntil([&] { return m_done.load(std::memory_order_acquire) == m_size - 1; });
}

void ThreadTeam::work(int index)
{
    uint32_t seen = 0;
    for (;;) {
        uint32_t now = m_start.load(std::memory_order_acquire);
        if (now == seen) {
            const auto deadline = std::chrono::steady_clock::now() + m_spin;
            for (int i = 1; (now = m_start.load(std::memory_order_acquire)) == seen; ++i) {
                relax();
                // The clock is read every 64 spins: a read costs about as much as a spin.
                if (i % 64 != 0 || std::chrono::steady_clock::now() < deadline)
                    continue;
                m_sleepers.fetch_add(1, std::memory_order_seq_cst);
                while ((now = m_start.load(std::memory_order_seq_cst)) == seen)
                    m_start.wait(seen, std::memory_order_seq_cst);
                m_sleepers.fetch_sub(1, std::memory_order_relaxed);
                break;
            }
        }
        seen = now;
        if (m_stop)
            return;
        Member self(*this, index);
        self.m_sense = m_barrierSense.load(std::memory_order_relaxed);
        m_trampoline(m_job, self);
        m_done.fetch_add(1, std::memory_order_release);
    }
}

void ThreadTeam::Member::barrier()
{
    m_team.arrive(*this);
}

// A sense-reversing central barrier: the last member to arrive resets the count and
// moves the sense on; the others spin until it has.
void ThreadTeam::arrive(Member &m)
{
    const uint32_t next = m.m_sense + 1;
    m.m_sense = next;
    if (m_size == 1)
        return;
    if (m_arrived.fetch_add(1, std::memory_order_acq_rel) + 1 == m_size) {
        m_arrived.store(0, std::memory_order_relaxed);
        m_barrierSense.store(next, std::memory_order_release);
        return;
    }
    spinUntil([&] { return m_barrierSense.load(std::memory_order_acquire) == next; });
}

} // namespace inkling
