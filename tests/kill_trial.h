// Kill trials for crash-safety tests: the test binary re-executes itself in a child mode
// that keeps writing a file, and is killed with SIGKILL at a random moment, so no
// destructor, no cleanup and no buffered write gets a chance to finish. The caller
// then checks what is on disk. Shared by tst_autosave (recovery copies) and
// tst_save_crash (File > Save).
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QList>
#include <QProcess>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>
#include <QThread>

#include <algorithm>
#include <cstdio>

namespace kill_trial {

// What a killed child printed, line by line, after its "ready" line.
struct Outcome
{
    QString error; // empty when the child started, was killed, and died of it
    QList<QByteArray> lines;
};

// Child side: tells the parent that the writing loop is running.
inline void announceReady()
{
    std::printf("ready\n");
    std::fflush(stdout);
}

// Child side: one line the parent reads after the kill (flushed at once, so a line is
// printed only after what it reports has happened).
inline void report(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

// Parent side: starts this executable with arguments, waits for "ready", lets it run for
// a random 1..maxDelayMs milliseconds, then kills it.
//
// With Pace::OfFirstReport the delay follows the child's own pace instead: the parent
// waits for the child's first report (one unit of work done), then kills it after a
// random 1..2 times that unit's duration, so the kill lands inside the next unit however
// fast or slow the machine (a sanitizer build under load is many times slower).
enum class Pace { Fixed, OfFirstReport };

inline Outcome killAfterRandomDelay(const QStringList &arguments, QRandomGenerator &rng,
                                    int maxDelayMs = 40, Pace pace = Pace::Fixed)
{
    Outcome outcome;
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(), arguments);
    const auto fail = [&](const QString &what) {
        child.kill();
        child.waitForFinished(5000);
        outcome.error = what + QString::fromLocal8Bit(child.readAllStandardError().right(2000));
        return outcome;
    };
    const auto waitForLine = [&child] {
        while (!child.canReadLine()) {
            if (!child.waitForReadyRead(60000))
                return false;
        }
        return true;
    };
    if (!waitForLine() || child.readLine().trimmed() != "ready")
        return fail(QStringLiteral("the child did not start: "));
    int delayMs = 0;
    if (pace == Pace::Fixed) {
        delayMs = int(rng.bounded(1, maxDelayMs + 1));
    } else {
        QElapsedTimer unit;
        unit.start();
        if (!waitForLine())
            return fail(QStringLiteral("the child reported nothing: "));
        const int unitMs = int(std::max<qint64>(1, unit.elapsed()));
        outcome.lines.append(child.readLine().trimmed());
        delayMs = int(rng.bounded(1, 2 * unitMs + 1));
    }
    QThread::msleep(delayMs); // somewhere in the middle of a write
    child.kill();             // SIGKILL
    if (!child.waitForFinished(5000) || child.exitStatus() != QProcess::CrashExit) {
        outcome.error = QStringLiteral("the child was not killed: ") +
                        QString::fromLocal8Bit(child.readAllStandardError().right(2000));
        return outcome;
    }
    for (const QByteArray &line : child.readAllStandardOutput().split('\n')) {
        if (!line.isEmpty())
            outcome.lines.append(line);
    }
    return outcome;
}

} // namespace kill_trial
