// Editor tests: the highlighting definition follows the file name, code really gets
// coloured with the theme's colours, and the theme follows the palette's lightness.
#include "ui/editor/editor.h"
#include "ui/editor/syntax_repository.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>

#include <QApplication>
#include <QSet>
#include <QSignalSpy>
#include <QTextBlock>
#include <QTextLayout>
#include <QtTest>

#include <memory>

using inkling::Editor;
using KSyntaxHighlighting::Repository;
using KSyntaxHighlighting::Theme;

namespace {

const char kCppSnippet[] = R"(#include <vector>

// Sums the numbers.
int sum(const std::vector<int> &values)
{
    int total = 0;
    for (int v : values)
        total += v;
    return total;
}
)";

QPalette paletteWithBase(const QColor &base, const QColor &text)
{
    QPalette palette = QApplication::palette();
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::Window, base);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::WindowText, text);
    return palette;
}

// The foreground colours the highlighter applied, over the whole document.
QSet<QRgb> foregroundColours(const QTextDocument *document)
{
    QSet<QRgb> colours;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
            if (range.format.hasProperty(QTextFormat::ForegroundBrush))
                colours.insert(range.format.foreground().color().rgb());
        }
    }
    return colours;
}

bool hasHighlighting(const QTextDocument *document)
{
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        if (!block.layout()->formats().isEmpty())
            return true;
    }
    return false;
}

} // namespace

class TestEditor : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();

    void definitionForFileName_data();
    void definitionForFileName();
    void newDocumentIsMarkdown();
    void definitionChangedIsEmittedOnce();
    void highlightsCode();
    void themeFollowsPalette_data();
    void themeFollowsPalette();
    void themeFollowsApplicationPaletteChange_data();
    void themeFollowsApplicationPaletteChange();

private:
    const QPalette m_originalPalette = QApplication::palette();
};

void TestEditor::cleanup()
{
    QApplication::setPalette(m_originalPalette);
}

void TestEditor::definitionForFileName_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("definition"); // the untranslated name; empty = none

    QTest::newRow("C++ source") << "foo.cpp"
                                << "C++";
    QTest::newRow("Python") << "foo.py"
                            << "Python";
    QTest::newRow("Markdown") << "README.md"
                              << "Markdown";
    QTest::newRow("JSON") << "foo.json"
                          << "JSON";
    QTest::newRow("CMake by full name") << "CMakeLists.txt"
                                        << "CMake";
    QTest::newRow("absolute path") << "/home/user/src/main.rs"
                                   << "Rust";
    QTest::newRow("unknown extension") << "notes.inkling-unknown"
                                       << "";
}

void TestEditor::definitionForFileName()
{
    QFETCH(QString, fileName);
    QFETCH(QString, definition);

    Editor editor;
    editor.setDefinitionForFileName(fileName);
    QCOMPARE(editor.definition().isValid(), !definition.isEmpty());
    if (!definition.isEmpty())
        QCOMPARE(editor.definition().name(), definition);
}

void TestEditor::newDocumentIsMarkdown()
{
    Editor editor;
    QCOMPARE(editor.definition().name(), QStringLiteral("Markdown"));
    QCOMPARE(Editor::defaultDefinition().name(), QStringLiteral("Markdown"));
}

void TestEditor::definitionChangedIsEmittedOnce()
{
    Editor editor;
    QSignalSpy spy(&editor, &Editor::definitionChanged);
    editor.setDefinitionForFileName(QStringLiteral("a.cpp"));
    QCOMPARE(spy.count(), 1);
    // Same language again: nothing to re-highlight, nothing to announce.
    editor.setDefinitionForFileName(QStringLiteral("b.cpp"));
    QCOMPARE(spy.count(), 1);
}

void TestEditor::highlightsCode()
{
    Editor editor;
    editor.setDefinitionForFileName(QStringLiteral("snippet.cpp"));
    editor.setPlainText(QString::fromUtf8(kCppSnippet));
    QTRY_VERIFY(hasHighlighting(editor.document()));

    // Keywords, types, comments and the preprocessor are not all one colour.
    const QSet<QRgb> colours = foregroundColours(editor.document());
    QVERIFY2(colours.size() >= 2, qPrintable(QString::number(colours.size())));

    // The comment line is drawn in the theme's comment colour: the colours come
    // from the theme, not from some default.
    const QTextBlock comment = editor.document()->findBlockByLineNumber(2);
    QVERIFY(comment.text().startsWith(QLatin1String("//")));
    const QList<QTextLayout::FormatRange> ranges = comment.layout()->formats();
    QVERIFY(!ranges.isEmpty());
    const QRgb commentColour = editor.theme().textColor(Theme::Comment);
    QCOMPARE(ranges.first().format.foreground().color().rgb(), QColor(commentColour).rgb());
}

void TestEditor::themeFollowsPalette_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<int>("expectedTheme"); // Repository::DefaultTheme

    QTest::newRow("light") << paletteWithBase(Qt::white, Qt::black) << int(Repository::LightTheme);
    QTest::newRow("light grey") << paletteWithBase(QColor(0xef, 0xf0, 0xf1), Qt::black)
                                << int(Repository::LightTheme);
    QTest::newRow("dark") << paletteWithBase(QColor(0x23, 0x26, 0x29), Qt::white)
                          << int(Repository::DarkTheme);
    QTest::newRow("black") << paletteWithBase(Qt::black, Qt::white) << int(Repository::DarkTheme);
}

void TestEditor::themeFollowsPalette()
{
    QFETCH(QPalette, palette);
    QFETCH(int, expectedTheme);

    const Repository &repository = inkling::syntaxRepository();
    // Otherwise the test could not tell the two cases apart.
    QVERIFY(repository.defaultTheme(Repository::LightTheme).name() !=
            repository.defaultTheme(Repository::DarkTheme).name());
    const Theme expected = repository.defaultTheme(Repository::DefaultTheme(expectedTheme));

    QApplication::setPalette(palette);
    Editor editor;
    QCOMPARE(editor.theme().name(), expected.name());
    // The editor's own colours are the theme's, so text stays readable.
    QCOMPARE(editor.palette().color(QPalette::Base).rgb(),
             QColor(expected.editorColor(Theme::BackgroundColor)).rgb());
    QCOMPARE(editor.palette().color(QPalette::Text).rgb(),
             QColor(expected.textColor(Theme::Normal)).rgb());
}

void TestEditor::themeFollowsApplicationPaletteChange_data()
{
    QTest::addColumn<bool>("inWindow");
    // Qt tells top-level widgets and children about a new palette differently.
    QTest::newRow("top-level") << false;
    QTest::newRow("inside a window") << true;
}

void TestEditor::themeFollowsApplicationPaletteChange()
{
    QFETCH(bool, inWindow);
    const Repository &repository = inkling::syntaxRepository();
    const QString light = repository.defaultTheme(Repository::LightTheme).name();
    const QString dark = repository.defaultTheme(Repository::DarkTheme).name();

    QApplication::setPalette(paletteWithBase(Qt::white, Qt::black));
    QWidget window;
    auto *editor = new Editor(inWindow ? &window : nullptr);
    const std::unique_ptr<Editor> topLevel(inWindow ? nullptr : editor);
    QCOMPARE(editor->theme().name(), light);

    // The desktop switches to a dark colour scheme while Inkling runs, and back.
    QApplication::setPalette(paletteWithBase(QColor(0x23, 0x26, 0x29), Qt::white));
    QTRY_COMPARE(editor->theme().name(), dark);
    QApplication::setPalette(paletteWithBase(Qt::white, Qt::black));
    QTRY_COMPARE(editor->theme().name(), light);
}

QTEST_MAIN(TestEditor)
#include "tst_editor.moc"
