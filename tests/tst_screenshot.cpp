// End-to-end smoke test of the inkling executable: `--screenshot` starts the real
// application on a file, and the PNG it writes shows the window with coloured text.
#include "ui/window/main_window.h"

#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using inkling::MainWindow;

namespace {

struct RunResult
{
    int exitCode = -1;
    QString standardError;
};

RunResult runInkling(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // The window title and menus are compared with nothing here, but a fixed locale
    // keeps the run the same on every machine.
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(INKLING_APP_PATH), arguments);
    RunResult result;
    if (!process.waitForFinished(60'000) || process.exitStatus() != QProcess::NormalExit)
        return result;
    result.exitCode = process.exitCode();
    result.standardError = QString::fromLocal8Bit(process.readAllStandardError());
    return result;
}

} // namespace

class TestScreenshot : public QObject
{
    Q_OBJECT

private slots:
    void capturesHighlightedWindow_data();
    void capturesHighlightedWindow();
    void failures_data();
    void failures();
};

void TestScreenshot::capturesHighlightedWindow_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("C++") << QStringLiteral(INKLING_SOURCE_DIR "/ui/editor/editor.cpp");
    QTest::newRow("Markdown") << QStringLiteral(INKLING_SOURCE_DIR "/resources/samples/welcome.md");
}

void TestScreenshot::capturesHighlightedWindow()
{
    QFETCH(QString, file);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString png = dir.filePath(QStringLiteral("window.png"));

    const RunResult run = runInkling({QStringLiteral("--screenshot"), png, file});
    QVERIFY2(run.exitCode == 0, qPrintable(run.standardError));

    const QImage image(png);
    QVERIFY(!image.isNull());
    // The offscreen platform has a device pixel ratio of 1.
    QCOMPARE(image.size(), MainWindow::defaultSize());

    // Anti-aliased text alone gives many shades; highlighting adds saturated hues
    // (the themes' keyword, type and string colours), which plain grey text has not.
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    QSet<QRgb> colours;
    int saturatedPixels = 0;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x) {
            colours.insert(line[x]);
            if (QColor(line[x]).hsvSaturation() > 100)
                ++saturatedPixels;
        }
    }
    QVERIFY2(colours.size() >= 64, qPrintable(QString::number(colours.size())));
    QVERIFY2(saturatedPixels >= 200, qPrintable(QString::number(saturatedPixels)));
}

void TestScreenshot::failures_data()
{
    QTest::addColumn<QString>("png");
    QTest::addColumn<QString>("file");

    QTest::newRow("unwritable PNG") << QStringLiteral("/nonexistent-inkling-dir/window.png")
                                    << QStringLiteral(INKLING_SOURCE_DIR "/ui/editor/editor.cpp");
    QTest::newRow("missing input") << QString() << QStringLiteral("/nonexistent-inkling-file.md");
}

void TestScreenshot::failures()
{
    QFETCH(QString, png);
    QFETCH(QString, file);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    if (png.isEmpty())
        png = dir.filePath(QStringLiteral("window.png"));

    // A failure must be an exit code and a message, never a hang on a dialog.
    const RunResult run = runInkling({QStringLiteral("--screenshot"), png, file});
    QVERIFY2(run.exitCode > 0, qPrintable(QString::number(run.exitCode)));
    QVERIFY(!run.standardError.isEmpty());
    QVERIFY(!QFile::exists(png));
}

QTEST_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
