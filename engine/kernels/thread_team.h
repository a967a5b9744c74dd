// The decode thread team: persistent threads that run one decode step together.
//
// A decode step is a few microseconds of work per matrix, and with OpenMP each of the
// about six parallel regions per layer wakes the other threads: with passive waiting
// (what the app needs when idle) every wake is a futex round trip, which made decoding
// 2.8× slower than with spinning threads (issue #15). The team's threads instead spin
// between jobs for a short budget, so that a generation, one step after another, never
// sleeps, and park on a futex when the budget runs out, so that an idle engine uses no
// CPU. One job runs the whole step: its phases are separated by the team's own spin
// barrier, not by new parallel regions.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace inkling {

class ThreadTeam
{
public:
    // How long a worker spins for the next job before it parks. Inside a step the members
    // meet at barriers, which always spin; between steps the gap (sampling, the stop rule,
    // handing text to the UI) is a few microseconds to a few tens, and even a worker that
    // parked costs one futex wake per token, not one per product: the embedded model
    // decoded at 178, 183, 175 and 165 tokens/s with 0, 50, 200 and 1000 µs (inkling-bench,
    // 2 threads, 2026-12-03), the same within noise. So the budget is short, and an idle
    // engine gives its cores back at once. INKLING_SPIN_US overrides it, for measuring.
    static constexpr std::chrono::microseconds kDefaultSpin{50};
    static std::chrono::microseconds defaultSpin();

    // `threads` members in all, the thread that calls run() included (at least 1).
    explicit ThreadTeam(int threads, std::chrono::microseconds spin = defaultSpin());
    ~ThreadTeam();
    ThreadTeam(const ThreadTeam &) = delete;
    ThreadTeam &operator=(const ThreadTeam &) = delete;

    int size() const { return m_size; }

    // One member's view of a job.
    class Member
    {
    public:
        int index() const { return m_index; }
        int size() const { return m_team.m_size; }
        // Waits until every member has arrived here (spinning: inside a job all members
        // are running). Writes before the barrier are visible to every member after it.
        void barrier();
        // This member's share [begin, end) of `items` split as evenly as possible.
        std::pair<int64_t, int64_t> share(int64_t items) const
        {
            return {items * m_index / size(), items * (m_index + 1) / size()};
        }

    private:
        friend class ThreadTeam;
        Member(ThreadTeam &team, int index)
            : m_team(team)
            , m_index(index)
        {}
        ThreadTeam &m_team;
        int m_index;
        uint32_t m_sense = 0; // barrier generations passed
    };

    // Runs job(member) on every member at once, the calling thread as member 0, and
    // returns when all have returned. One job at a time: not to be called concurrently
    // or from inside a job.
    template<typename Job> void run(Job &&job)
    {
        dispatch([](void *j, Member &m) { (*static_cast<std::remove_reference_t<Job> *>(j))(m); },
                 &job);
    }

    // Workers parked right now (an idle team's are all parked; tests check it).
    int parked() const { return m_sleepers.load(std::memory_order_relaxed); }

private:
    using Trampoline = void (*)(void *, Member &);
    void dispatch(Trampoline trampoline, void *job);
    void work(int index);
    void arrive(Member &m);

    int m_size;
    std::chrono::microseconds m_spin;
    std::vector<std::thread> m_threads;

    // The job: written by run() before m_start moves on, read by workers after.
    Trampoline m_trampoline = nullptr;
    void *m_job = nullptr;
    bool m_stop = false;

    // Each on its own cache line: the workers spin on m_start and m_barrierSense while
    // m_done and m_arrived take their writes.
    alignas(64) std::atomic<uint32_t> m_start{0};
    alignas(64) std::atomic<int> m_sleepers{0};
    alignas(64) std::atomic<int> m_done{0};
    alignas(64) std::atomic<int> m_arrived{0};
    alignas(64) std::atomic<uint32_t> m_barrierSense{0};
};

} // namespace inkling
