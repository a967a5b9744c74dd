// Tests of behaviour that depends on who runs it (permissions): root may read and write
// any file, so when the suite runs as root (CI, these machines) the test function runs
// again as the unprivileged user "nobody", through setpriv, never skipped. What that user
// needs (the executable, the sanitizers' suppression files) is copied to a folder it can
// read first, as the checkout may sit in a folder only root can enter.
#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>

#include <unistd.h>

namespace as_ordinary_user {

constexpr uint kNobody = 65534;

// A folder "nobody" can read, holding copies of files it must read or run.
class Handout
{
public:
    Handout()
    {
        m_dir.setAutoRemove(true);
        QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                QFile::ReadOther | QFile::ExeOther);
    }
    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }

    // Copies file into the folder (readable, and executable when it was); its new path.
    QString copy(const QString &file)
    {
        const QString target = m_dir.filePath(QFileInfo(file).fileName());
        QFile::remove(target);
        if (!QFile::copy(file, target))
            return {};
        QFile::Permissions permissions = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther;
        if (QFileInfo(file).isExecutable())
            permissions |= QFile::ExeOwner | QFile::ExeOther;
        QFile::setPermissions(target, permissions);
        return target;
    }

    // The environment for the unprivileged process: this one, with every sanitizer
    // suppression file it names copied here, a HOME of its own, and no display.
    QProcessEnvironment environment()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        static const QRegularExpression suppressions(QStringLiteral("suppressions=([^:]+)"));
        for (const char *option :
             {"ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS", "TSAN_OPTIONS"}) {
            const QString name = QString::fromLatin1(option);
            QString value = env.value(name);
            const QRegularExpressionMatch match = suppressions.match(value);
            if (match.hasMatch())
                value.replace(match.captured(1), copy(match.captured(1)));
            if (env.contains(name))
                env.insert(name, value);
        }
        const QString home = m_dir.filePath(QStringLiteral("home"));
        QDir().mkpath(home);
        QFile::setPermissions(home, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                        QFile::ReadOther | QFile::WriteOther | QFile::ExeOther);
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        for (const char *name :
             {"XDG_RUNTIME_DIR", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"})
            env.remove(QString::fromLatin1(name));
        return env;
    }

private:
    QTemporaryDir m_dir;
};

// setpriv's arguments that make the rest of the command line run as "nobody".
inline QStringList dropToNobody()
{
    return {QStringLiteral("--reuid=%1").arg(kNobody), QStringLiteral("--regid=%1").arg(kNobody),
            QStringLiteral("--clear-groups")};
}

// Runs program with arguments as "nobody" (the caller must be root). Fills *output
// with what it printed, returns its exit code, or -1 when it could not run.
inline int run(const QString &program, const QStringList &arguments, Handout &handout,
               QString *output, int timeoutMs = 120000)
{
    const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
    if (setpriv.isEmpty()) {
        *output = QStringLiteral("setpriv is not installed");
        return -1;
    }
    QProcess process;
    process.setProcessEnvironment(handout.environment());
    process.setWorkingDirectory(handout.path());
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(setpriv, dropToNobody() + QStringList{program} + arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        *output = QStringLiteral("timed out: ") + QString::fromUtf8(process.readAll());
        return -1;
    }
    *output = QString::fromUtf8(process.readAll());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

// In a QtTest function: true when the body should run in this process (we are not
// root). As root, runs this test binary's `function` as "nobody", checks that it passed,
// and returns false (the body already ran there). Use through AS_ORDINARY_USER().
inline bool runHereOrAsNobody(const char *function, QString *failure)
{
    if (::geteuid() != 0)
        return true;
    Handout handout;
    const QString self = handout.copy(QCoreApplication::applicationFilePath());
    QString output;
    const int code = run(self, {QString::fromLatin1(function)}, handout, &output);
    if (code != 0 || !output.contains(QStringLiteral("PASS   : ")) ||
        output.contains(QStringLiteral("SKIP   : ")))
        *failure = QStringLiteral("as nobody (exit %1):\n%2").arg(code).arg(output);
    return false;
}

} // namespace as_ordinary_user

// The rest of the test function runs as an ordinary user: here when we are one, else in
// a copy of this binary run as "nobody" (and this function returns after checking it).
#define AS_ORDINARY_USER()                                                                         \
    do {                                                                                           \
        QString asNobodyFailure;                                                                   \
        if (!as_ordinary_user::runHereOrAsNobody(QTest::currentTestFunction(),                     \
                                                 &asNobodyFailure)) {                              \
            QVERIFY2(asNobodyFailure.isEmpty(), qPrintable(asNobodyFailure));                      \
            return;                                                                                \
        }                                                                                          \
    } while (false)
