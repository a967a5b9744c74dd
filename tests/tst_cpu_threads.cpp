// The default thread count (physical cores, from a Linux sysfs topology) and the OpenMP
// wait policy the executables start with.
#include "engine/kernels/cpu_threads.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace inkling;

namespace {

// Writes cpuN/topology/{physical_package_id,core_id} for each "package:core" entry
// (an empty entry: an offline CPU without topology).
void writeTopology(const QString &root, const QStringList &cpus)
{
    for (int i = 0; i < cpus.size(); ++i) {
        const QString dir = QStringLiteral("%1/cpu%2").arg(root).arg(i);
        QDir().mkpath(dir);
        if (cpus[i].isEmpty())
            continue;
        QDir().mkpath(dir + "/topology");
        const QStringList parts = cpus[i].split(':');
        for (const auto &[file, value] :
             {std::pair{QStringLiteral("physical_package_id"), parts[0]},
              std::pair{QStringLiteral("core_id"), parts[1]}}) {
            QFile f(dir + "/topology/" + file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(value.toUtf8() + "\n");
        }
    }
    QDir().mkpath(root + "/cpufreq"); // not a CPU: ignored
}

QByteArray cliVersion(const QByteArray &waitPolicy)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("OMP_WAIT_POLICY");
    if (!waitPolicy.isEmpty())
        env.insert("OMP_WAIT_POLICY", QString::fromLatin1(waitPolicy));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(INKLING_CLI_PATH), {QStringLiteral("--version")});
    p.waitForFinished(60000);
    return p.readAllStandardOutput();
}

} // namespace

class TestCpuThreads : public QObject
{
    Q_OBJECT

private slots:
    void physicalCores_data()
    {
        QTest::addColumn<QStringList>("cpus");
        QTest::addColumn<int>("expected");
        QTest::addRow("one core") << QStringList{"0:0"} << 1;
        QTest::addRow("two cores") << QStringList{"0:0", "0:1"} << 2;
        QTest::addRow("hyper-threads") << QStringList{"0:0", "0:1", "0:0", "0:1"} << 2;
        QTest::addRow("two packages, same core ids") << QStringList{"0:0", "1:0"} << 2;
        QTest::addRow("an offline cpu") << QStringList{"0:0", "", "0:2"} << 2;
    }
    void physicalCores()
    {
        QFETCH(QStringList, cpus);
        QFETCH(int, expected);
        QTemporaryDir dir;
        writeTopology(dir.path(), cpus);
        QCOMPARE(physicalCoreCount(dir.path().toStdString()), expected);
    }

    // Without a topology the logical CPU count is the answer.
    void noTopologyFallsBack()
    {
        QTemporaryDir dir;
        const int n = physicalCoreCount((dir.path() + "/missing").toStdString());
        QVERIFY(n >= 1);
        QVERIFY(n <= int(std::max(1u, std::thread::hardware_concurrency())));
    }

    // This machine: at least one core, never more than the logical CPUs.
    void thisMachine()
    {
        const int n = physicalCoreCount();
        QVERIFY(n >= 1);
        QVERIFY(n <= int(std::max(1u, std::thread::hardware_concurrency())));
    }

    // Started without a policy, the executable re-executes itself with passive waiting;
    // a policy the user set is kept.
    void waitPolicy_data()
    {
        QTest::addColumn<QByteArray>("environment");
        QTest::addColumn<QByteArray>("reported");
        QTest::addRow("unset") << QByteArray() << QByteArray("OpenMP waiting: passive");
        QTest::addRow("user's active")
            << QByteArray("ACTIVE") << QByteArray("OpenMP waiting: active");
        QTest::addRow("user's passive")
            << QByteArray("passive") << QByteArray("OpenMP waiting: passive");
    }
    void waitPolicy()
    {
        QFETCH(QByteArray, environment);
        QFETCH(QByteArray, reported);
        const QByteArray out = cliVersion(environment);
        QVERIFY2(out.contains(reported), out.constData());
        QVERIFY2(out.startsWith("inkling-cli "), out.constData());
    }
};

QTEST_GUILESS_MAIN(TestCpuThreads)
#include "tst_cpu_threads.moc"
