// The writing font: prose in a proportional font, code in the fixed font, both from the
// settings and applied to open editors; prose in a centred column of the chosen number
// of average characters; zoom on both fonts, remembered; ghost text in the editor's font.
#include "ui/documents/document.h"
#include "ui/editor/editor.h"
#include "ui/editor/editor_fonts.h"
#include "ui/editor/ghost_text.h"
#include "ui/settings/settings_dialog.h"
#include "ui/window/main_window.h"

#include <KSyntaxHighlighting/Definition>

#include <QFontDatabase>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using namespace inkling;

namespace {

// A proportional family installed here that is not the system's general font, so that
// finding it in an editor shows the setting was applied, not a default.
QString otherProportionalFamily()
{
    const QString general =
        QFontInfo(QFontDatabase::systemFont(QFontDatabase::GeneralFont)).family();
    for (const QString &family : QFontDatabase::families()) {
        if (family != general && !QFontDatabase::isFixedPitch(family) &&
            !QFontDatabase::isPrivateFamily(family) && QFontInfo(QFont(family)).family() == family)
            return family;
    }
    return {};
}

// The text column of an editor: the viewport without the document's margins.
qreal textWidth(const Editor &editor)
{
    return editor.viewport()->width() - 2 * editor.document()->documentMargin();
}

// The space beside the viewport, left and right, within the frame (no scroll bar shows:
// the documents here are short).
QMargins viewportMargins(const Editor &editor)
{
    const QRect inside = editor.contentsRect();
    const QRect viewport = editor.viewport()->geometry();
    return {viewport.left() - inside.left(), 0, inside.right() - viewport.right(), 0};
}

} // namespace

class TestWritingFont : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        QSettings settings;
        settings.remove(QStringLiteral("fonts"));
        settings.remove(MainWindow::zoomSettingsKey());
    }

    void fontFollowsDefinition_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<bool>("prose");
        QTest::addRow("Markdown") << "notes.md" << true;
        QTest::addRow("plain text") << "notes.txt" << true;
        QTest::addRow("no definition") << "notes.inkling-unknown" << true;
        QTest::addRow("C++") << "main.cpp" << false;
        QTest::addRow("Python") << "tool.py" << false;
    }
    void fontFollowsDefinition()
    {
        QFETCH(QString, fileName);
        QFETCH(bool, prose);
        const QString family = otherProportionalFamily();
        QVERIFY2(!family.isEmpty(), "needs a second proportional font (fonts-dejavu-core)");
        EditorFonts fonts;
        fonts.proseFamily = family;
        Editor editor;
        editor.setFonts(fonts);
        editor.setDefinitionForFileName(fileName);
        if (fileName.endsWith(QLatin1String("unknown")))
            QVERIFY(!editor.definition().isValid());
        QCOMPARE(editor.isProse(), prose);
        const QFontInfo shown(editor.font());
        if (prose) {
            QCOMPARE(shown.family(), family);
            QVERIFY(!shown.fixedPitch());
        } else {
            QCOMPARE(shown.family(),
                     QFontInfo(QFontDatabase::systemFont(QFontDatabase::FixedFont)).family());
            QVERIFY(shown.fixedPitch());
        }
        // The document is laid out in it (ghost text and printing use the document's font).
        QCOMPARE(editor.document()->defaultFont(), editor.font());
    }

    void settingsApplyToOpenEditors()
    {
        const QString family = otherProportionalFamily();
        QVERIFY(!family.isEmpty());
        MainWindow window;
        Editor *prose = window.editor();
        Editor *code = window.newDocument()->editor();
        code->setDefinitionForFileName(QStringLiteral("main.cpp"));

        EditorFonts fonts;
        fonts.proseFamily = family;
        fonts.proseSize = 17;
        fonts.codeSize = 13;
        window.applyFonts(fonts);
        QCOMPARE(QFontInfo(prose->font()).family(), family);
        QCOMPARE(prose->font().pointSizeF(), 17);
        QCOMPARE(code->font().pointSizeF(), 13);
        QVERIFY(QFontInfo(code->font()).fixedPitch());

        // Persisted: the next window starts with them.
        QSettings settings;
        QCOMPARE(EditorFonts::load(settings), fonts);
        MainWindow next;
        QCOMPARE(QFontInfo(next.editor()->font()).family(), family);
        QCOMPARE(next.editor()->font().pointSizeF(), 17);
    }

    void dialogKeepsFonts_data()
    {
        QTest::addColumn<bool>("limit");
        QTest::addColumn<int>("width");
        QTest::addRow("limited") << true << 66;
        QTest::addRow("unlimited") << false << 120;
    }
    void dialogKeepsFonts()
    {
        QFETCH(bool, limit);
        QFETCH(int, width);
        EditorFonts fonts;
        fonts.proseFamily = otherProportionalFamily();
        fonts.proseSize = 19;
        fonts.limitLineWidth = limit;
        fonts.lineWidth = width;
        SettingsDialog dialog{SuggestionSettings{}};
        dialog.setFonts(fonts);
        QCOMPARE(dialog.fonts(), fonts);
        // The system's fonts as shown stay "the system's": they follow the desktop.
        dialog.setFonts(EditorFonts{});
        QCOMPARE(dialog.fonts(), EditorFonts{});
    }

    void lineWidthCentresProse_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<bool>("limit");
        QTest::addColumn<int>("columns");
        QTest::addRow("prose, 60") << "a.md" << true << 60;
        QTest::addRow("prose, 80") << "a.md" << true << 80;
        QTest::addRow("prose, 100") << "a.txt" << true << 100;
        QTest::addRow("prose, no limit") << "a.md" << false << 80;
        QTest::addRow("code") << "a.cpp" << true << 80;
    }
    void lineWidthCentresProse()
    {
        QFETCH(QString, fileName);
        QFETCH(bool, limit);
        QFETCH(int, columns);
        Editor editor;
        EditorFonts fonts;
        fonts.limitLineWidth = limit;
        fonts.lineWidth = columns;
        editor.setFonts(fonts);
        editor.setDefinitionForFileName(fileName);
        editor.resize(1800, 400);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));

        const QMargins margins = viewportMargins(editor);
        const int gutter = editor.lineNumberAreaWidth();
        if (!limit || !editor.isProse()) {
            QCOMPARE(margins.left(), gutter); // the text fills the editor
            QCOMPARE(margins.right(), 0);
            return;
        }
        // Centred beside the gutter, as wide as that many average characters.
        QVERIFY(margins.right() > 0);
        QVERIFY(qAbs(margins.left() - gutter - margins.right()) <= 1);
        const qreal expected = QFontMetricsF(editor.font()).averageCharWidth() * columns;
        QVERIFY2(
            qAbs(textWidth(editor) - expected) <= 2,
            qPrintable(QStringLiteral("%1 px, expected %2").arg(textWidth(editor)).arg(expected)));

        // Narrower than the column: the text takes what there is.
        editor.resize(int(expected / 3), 400);
        QTRY_COMPARE(viewportMargins(editor).right(), 0);
    }

    void zoomChangesBothFontsAndIsRemembered()
    {
        const EditorFonts fonts; // the system's fonts
        const qreal proseBase = fonts.proseFont().pointSizeF();
        const qreal codeBase = fonts.codeFont().pointSizeF();
        MainWindow window;
        window.resize(1800, 600);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        Editor *prose = window.editor();
        Editor *code = window.newDocument()->editor();
        code->setDefinitionForFileName(QStringLiteral("main.cpp"));

        window.setZoom(3);
        QCOMPARE(prose->font().pointSizeF(), proseBase + 3);
        QCOMPARE(code->font().pointSizeF(), codeBase + 3);
        QCOMPARE(QSettings().value(MainWindow::zoomSettingsKey()).toInt(), 3);
        // The column is measured in characters, so it grows with the font.
        window.setCurrentDocument(qobject_cast<Document *>(prose->parentWidget()));
        QTRY_VERIFY(prose->isVisible());
        const qreal expected = QFontMetricsF(prose->font()).averageCharWidth() * fonts.lineWidth;
        QTRY_VERIFY(qAbs(textWidth(*prose) - expected) <= 2);

        // A file opened as code switches fonts and keeps the zoom.
        prose->setDefinitionForFileName(QStringLiteral("b.py"));
        QCOMPARE(prose->font().pointSizeF(), codeBase + 3);
        QVERIFY(QFontInfo(prose->font()).fixedPitch());

        MainWindow next;
        QCOMPARE(next.zoom(), 3);
        QCOMPARE(next.editor()->font().pointSizeF(), proseBase + 3);
    }

    // Ghost text is laid out in the block beside the text, in the editor's font (italic):
    // the line is as wide as the two runs measured in that font.
    void ghostTextUsesTheWritingFont()
    {
        const QString family = otherProportionalFamily();
        QVERIFY(!family.isEmpty());
        EditorFonts fonts;
        fonts.proseFamily = family;
        Editor editor;
        editor.setFonts(fonts);
        editor.setPlainText(QStringLiteral("Once upon a time"));
        editor.resize(1200, 300);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        GhostText ghost(&editor);
        const QString suggestion = QStringLiteral(" there was a writer");
        ghost.show(editor.document()->characterCount() - 1, suggestion);

        QTextLayout *layout = editor.document()->firstBlock().layout();
        QTRY_COMPARE(layout->lineCount(), 1); // laid out again when the editor next paints
        // The two runs measured in a font: the editor's, or the fixed font it must not be.
        const auto width = [&](QFont font) {
            const qreal text =
                QFontMetricsF(font).horizontalAdvance(editor.document()->firstBlock().text());
            font.setItalic(true);
            return text + QFontMetricsF(font).horizontalAdvance(suggestion);
        };
        const qreal expected = width(editor.font());
        QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        fixed.setPointSizeF(editor.font().pointSizeF());
        QVERIFY(qAbs(width(fixed) - expected) > 0.1 * expected); // the fonts tell apart
        // Measured apart, the runs differ a little from one line shaped whole (kerning,
        // an italic made by slanting): within 2 %.
        const qreal laidOut = layout->lineAt(0).naturalTextWidth();
        QVERIFY2(qAbs(laidOut - expected) <= 0.02 * expected,
                 qPrintable(QStringLiteral("%1 vs %2").arg(laidOut).arg(expected)));
    }
};

QTEST_MAIN(TestWritingFont)
#include "tst_writing_font.moc"
