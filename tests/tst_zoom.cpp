// Zoom: the keys and Ctrl+wheel change every document's font by whole points, within
// bounds, and the next window starts at the remembered zoom.
#include "ui/documents/document.h"
#include "ui/editor/editor.h"
#include "ui/window/main_window.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QWheelEvent>

using namespace inkling;

namespace {

// The font size of a fresh, unzoomed editor: the oracle every zoom is added to.
qreal basePointSize()
{
    Editor editor;
    return editor.font().pointSizeF();
}

void wheel(Editor *editor, int angle, Qt::KeyboardModifiers modifiers)
{
    const QPointF at(10, 10);
    QWheelEvent event(at, editor->viewport()->mapToGlobal(at), QPoint(), QPoint(0, angle),
                      Qt::NoButton, modifiers, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(editor->viewport(), &event);
}

} // namespace

class TestZoom : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QSettings().remove(MainWindow::zoomSettingsKey()); }

    void keysAndWheelZoomEveryDocument()
    {
        const qreal base = basePointSize();
        MainWindow window;
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        Document *first = window.currentDocument();
        Document *second = window.newDocument();

        QTest::keySequence(second->editor(), QKeySequence::ZoomIn);
        QTest::keyClick(second->editor(), Qt::Key_Equal, Qt::ControlModifier);
        QCOMPARE(second->editor()->font().pointSizeF(), base + 2);
        QCOMPARE(first->editor()->font().pointSizeF(), base + 2);
        QTest::keySequence(second->editor(), QKeySequence::ZoomOut);
        QCOMPARE(second->editor()->font().pointSizeF(), base + 1);

        wheel(second->editor(), 2 * QWheelEvent::DefaultDeltasPerStep, Qt::ControlModifier);
        QCOMPARE(first->editor()->font().pointSizeF(), base + 3);
        // Half steps of a high-resolution wheel add up.
        wheel(second->editor(), -QWheelEvent::DefaultDeltasPerStep / 2, Qt::ControlModifier);
        QCOMPARE(second->editor()->font().pointSizeF(), base + 3);
        wheel(second->editor(), -QWheelEvent::DefaultDeltasPerStep / 2, Qt::ControlModifier);
        QCOMPARE(second->editor()->font().pointSizeF(), base + 2);
        // Without Ctrl the wheel scrolls and the size stays.
        wheel(second->editor(), QWheelEvent::DefaultDeltasPerStep, Qt::NoModifier);
        QCOMPARE(second->editor()->font().pointSizeF(), base + 2);
        QCOMPARE(QSettings().value(MainWindow::zoomSettingsKey()).toInt(), 2);

        // A new tab and a new window start zoomed.
        QCOMPARE(window.newDocument()->editor()->font().pointSizeF(), base + 2);
        {
            MainWindow next;
            QCOMPARE(next.editor()->font().pointSizeF(), base + 2);
        }

        QTest::keyClick(second->editor(), Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(first->editor()->font().pointSizeF(), base);
        QCOMPARE(QSettings().value(MainWindow::zoomSettingsKey()).toInt(), 0);
    }

    void zoomIsBounded_data()
    {
        QTest::addColumn<int>("points");
        QTest::addColumn<qreal>("expected");
        QTest::addRow("far out") << -100 << Editor::kMinimumZoomedSize;
        QTest::addRow("far in") << 100 << Editor::kMaximumZoomedSize;
    }
    void zoomIsBounded()
    {
        QFETCH(int, points);
        QFETCH(qreal, expected);
        MainWindow window;
        window.setZoom(points);
        // Whole points from the base size: within one point of the bound.
        QVERIFY2(qAbs(window.editor()->font().pointSizeF() - expected) < 1,
                 qPrintable(QString::number(window.editor()->font().pointSizeF())));
        window.setZoom(window.zoom() + (points > 0 ? 1 : -1)); // one more step changes nothing
        QVERIFY(qAbs(window.editor()->font().pointSizeF() - expected) < 1);
        // A stored value out of range (an older or edited file) is clamped on reading.
        QSettings().setValue(MainWindow::zoomSettingsKey(), points);
        MainWindow next;
        QCOMPARE(next.zoom(), window.zoom());
    }
};

QTEST_MAIN(TestZoom)
#include "tst_zoom.moc"
