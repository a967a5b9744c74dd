// Export as PDF: the PDF's text, read back with pdftotext (poppler), is the document's
// text, without the ghost text shown at the time; the file is titled with the document's
// name and gets the permissions a saved document gets; the copy printed keeps the
// highlighting as real character formats.
#include "ui/documents/printable_document.h"
#include "ui/editor/editor.h"
#include "ui/editor/ghost_text.h"

#include <KSyntaxHighlighting/Definition>

#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>

#include <sys/stat.h>

using namespace inkling;

namespace {

const QString kGhost = QStringLiteral(" GHOSTLY SUGGESTION");

QString run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60'000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

// pdftotext's text without the page numbers QTextDocument::print() adds at the foot of
// every page, whitespace collapsed: line breaks in the PDF follow the paper's width.
QString pdfText(const QString &pdf)
{
    const QStringList pages =
        run(QStringLiteral("pdftotext"),
            {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")})
            .split(QLatin1Char('\f'), Qt::SkipEmptyParts);
    QStringList text;
    for (qsizetype i = 0; i < pages.size(); ++i) {
        QStringList lines = pages[i].trimmed().split(QLatin1Char('\n'));
        if (!lines.isEmpty() && lines.last().trimmed() == QString::number(i + 1))
            lines.removeLast();
        text += lines;
    }
    return text.join(QLatin1Char(' ')).simplified();
}

QString pdfTitle(const QString &pdf)
{
    const QStringList lines = run(QStringLiteral("pdfinfo"), {pdf}).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("Title:")))
            return line.mid(6).trimmed();
    }
    return {};
}

QString longDocument()
{
    QString text;
    for (int i = 1; i <= 150; ++i)
        text +=
            QStringLiteral("Line %1 of a long document, which takes more than one page.\n").arg(i);
    return text;
}

} // namespace

class TestPrint : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(),
                 "pdftotext (poppler-utils) is part of the build environment");
    }

    // Texts without "fi", "fl" or "ff": a font's ligature glyph may read back as one
    // character, which would be the PDF reader's doing, not the export's.
    void pdfHoldsTheDocumentWithoutGhostText_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("text");
        QTest::addRow("Markdown") << "notes.md"
                                  << "# A Title\n\nThe quick brown dog jumps over the lazy cat.\n\n"
                                     "* one item\n* another item\n";
        QTest::addRow("C++") << "main.cpp"
                             << "#include <cstdio>\n\nint main()\n{\n    // a comment\n"
                                "    std::puts(\"hello\");\n    return 0;\n}\n";
        // Latin only: the build environment has no CJK font to draw (and so read back) Chinese.
        QTest::addRow("plain text, non-ASCII") << "brief.txt"
                                               << "Grüße aus Köln — à bientôt\nZweite Zeile.";
        QTest::addRow("several pages") << "long.md" << longDocument();
    }
    void pdfHoldsTheDocumentWithoutGhostText()
    {
        QFETCH(QString, fileName);
        QFETCH(QString, text);
        Editor editor;
        editor.setDefinitionForFileName(fileName);
        editor.setPlainText(text);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        GhostText ghost(&editor);
        ghost.show(editor.document()->firstBlock().length() - 1, kGhost);
        QVERIFY(ghost.isVisible());

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.pdf"));
        QString error;
        QVERIFY2(exportPdf(&editor, path, fileName, &error), qPrintable(error));
        const QString printed = pdfText(path);
        QCOMPARE(printed, text.simplified());
        QVERIFY(!printed.contains(QLatin1String("GHOSTLY")));
        QCOMPARE(pdfTitle(path), fileName);
        // Exporting changed nothing on screen.
        QVERIFY(ghost.isVisible());
        QCOMPARE(editor.toPlainText(), text);
    }

    void printedCopyKeepsTheHighlighting_data()
    {
        QTest::addColumn<QString>("themeName"); // empty: follow the palette
        QTest::addRow("default theme") << "";
        QTest::addRow("dark theme") << "Breeze Dark";
    }
    void printedCopyKeepsTheHighlighting()
    {
        QFETCH(QString, themeName);
        Editor editor;
        editor.setThemeName(themeName);
        editor.setDefinitionForFileName(QStringLiteral("main.cpp"));
        editor.setPlainText(QStringLiteral("int main() { return 0; } // done"));
        GhostText ghost(&editor);
        ghost.show(3, kGhost);
        const std::unique_ptr<QTextDocument> copy = printableDocument(&editor);
        QCOMPARE(copy->toPlainText(), editor.toPlainText());
        QCOMPARE(copy->defaultFont(), editor.unzoomedFont());

        // Keyword, number and comment are coloured apart from one another, as real
        // character formats (what printing keeps), and dark enough for white paper.
        QSet<QRgb> colours;
        for (QTextBlock::iterator it = copy->firstBlock().begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (!format.hasProperty(QTextFormat::ForegroundBrush))
                continue;
            const QColor colour = format.foreground().color();
            colours.insert(colour.rgb());
            QVERIFY2(colour.lightness() < 200, qPrintable(colour.name()));
        }
        QVERIFY2(colours.size() >= 3, qPrintable(QString::number(colours.size())));
    }

    // Exported like a saved document: a new file as the umask allows, an existing one
    // keeps its permissions (a private file stays private).
    void permissionsFollowTheUmask_data()
    {
        QTest::addColumn<int>("mask");
        QTest::addColumn<int>("existing"); // -1: no file yet
        QTest::addColumn<int>("expected");
        QTest::addRow("umask 022") << 022 << -1 << 0644;
        QTest::addRow("umask 077") << 077 << -1 << 0600;
        QTest::addRow("existing 0600, umask 022") << 022 << 0600 << 0600;
    }
    void permissionsFollowTheUmask()
    {
        QFETCH(int, mask);
        QFETCH(int, existing);
        QFETCH(int, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.pdf"));
        const QByteArray native = QFile::encodeName(path);
        if (existing >= 0) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.close();
            QCOMPARE(::chmod(native.constData(), mode_t(existing)), 0);
        }
        Editor editor;
        editor.setPlainText(QStringLiteral("private words"));
        const mode_t before = ::umask(mode_t(mask));
        QString error;
        const bool exported = exportPdf(&editor, path, QStringLiteral("private"), &error);
        ::umask(before);
        QVERIFY2(exported, qPrintable(error));
        struct stat st = {};
        QCOMPARE(::stat(native.constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), expected);
    }

    void unwritablePathIsReported()
    {
        Editor editor;
        editor.setPlainText(QStringLiteral("text"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("no such folder/out.pdf"));
        QString error;
        QVERIFY(!exportPdf(&editor, path, QStringLiteral("t"), &error));
        QVERIFY2(error.contains(QLatin1String("out.pdf")), qPrintable(error));
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_MAIN(TestPrint)
#include "tst_print.moc"
