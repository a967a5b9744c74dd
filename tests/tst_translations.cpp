// Translation tests: the German and Chinese catalogues are embedded under :/i18n,
// load by locale, reach the real MainWindow, and the .ts sources are complete.
#include "ui/window/main_window.h"

#include <QDir>
#include <QMenuBar>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

using inkling::MainWindow;

namespace {

// The %1, %2 … placeholders of a message, sorted, so source and translation compare.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression placeholder(QStringLiteral("%L?\\d+"));
    QStringList found;
    for (const QRegularExpressionMatch &match : placeholder.globalMatch(text))
        found.append(match.captured());
    found.sort();
    return found;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void loadsByLocale_data();
    void loadsByLocale();
    void translatesMainWindow_data();
    void translatesMainWindow();
    void tsFileIsComplete_data();
    void tsFileIsComplete();
};

void TestTranslations::initTestCase()
{
    // MainWindow persists its suggestion settings through QSettings; keep them out of
    // the user's real configuration.
    QStandardPaths::setTestModeEnabled(true);
}

void TestTranslations::loadsByLocale_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("translation");

    QTest::newRow("de") << "de"
                        << "inkling::MainWindow"
                        << "&File"
                        << "&Datei";
    QTest::newRow("de_DE") << "de_DE"
                           << "inkling::MainWindow"
                           << "&Save"
                           << "&Speichern";
    QTest::newRow("de_AT") << "de_AT"
                           << "inkling::MainWindow"
                           << "&Help"
                           << "&Hilfe";
    QTest::newRow("zh_CN") << "zh_CN"
                           << "inkling::MainWindow"
                           << "&File"
                           << "文件(&F)";
    QTest::newRow("de find bar") << "de"
                                 << "inkling::FindBar"
                                 << "Replace All"
                                 << "Alle ersetzen";
    QTest::newRow("zh_CN find bar") << "zh_CN"
                                    << "inkling::FindBar"
                                    << "Search wrapped to the top"
                                    << "已从顶部继续查找";
    QTest::newRow("zh_CN main") << "zh_CN"
                                << "main"
                                << "The files to open, each in a tab."
                                << "要打开的文件，每个文件在一个标签页中打开。";
}

void TestTranslations::loadsByLocale()
{
    QFETCH(QString, locale);
    QFETCH(QString, context);
    QFETCH(QString, source);
    QFETCH(QString, translation);

    // Exactly the call main() makes, with the locale fixed.
    QTranslator translator;
    QVERIFY(translator.load(QLocale(locale), QStringLiteral("inkling"), QStringLiteral("_"),
                            QStringLiteral(":/i18n")));
    QVERIFY(translator.filePath().startsWith(QLatin1String(":/i18n/inkling_")));
    QCOMPARE(translator.translate(context.toUtf8().constData(), source.toUtf8().constData()),
             translation);
}

void TestTranslations::translatesMainWindow_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QStringList>("menuTitles");

    // File, Edit, View, Suggestions, Tools, Help.
    QTest::newRow("de") << "de"
                        << QStringList{QStringLiteral("&Datei"),     QStringLiteral("&Bearbeiten"),
                                       QStringLiteral("&Ansicht"),   QStringLiteral("&Vorschläge"),
                                       QStringLiteral("&Werkzeuge"), QStringLiteral("&Hilfe")};
    QTest::newRow("zh_CN") << "zh_CN"
                           << QStringList{QStringLiteral("文件(&F)"), QStringLiteral("编辑(&E)"),
                                          QStringLiteral("视图(&V)"), QStringLiteral("建议(&U)"),
                                          QStringLiteral("工具(&T)"), QStringLiteral("帮助(&H)")};
}

void TestTranslations::translatesMainWindow()
{
    QFETCH(QString, locale);
    QFETCH(QStringList, menuTitles);

    QTranslator translator;
    QVERIFY(translator.load(QLocale(locale), QStringLiteral("inkling"), QStringLiteral("_"),
                            QStringLiteral(":/i18n")));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    // Catches a context mismatch (e.g. a class moved into another namespace) that a
    // lookup with a hand-written context would miss.
    MainWindow window;
    QStringList titles;
    for (const QAction *menu : window.menuBar()->actions())
        titles.append(menu->text());
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(titles, menuTitles);
}

void TestTranslations::tsFileIsComplete_data()
{
    QTest::addColumn<QString>("tsFile");
    const QDir dir(QStringLiteral(INKLING_SOURCE_DIR "/translations"));
    const QStringList files = dir.entryList({QStringLiteral("*.ts")}, QDir::Files);
    QVERIFY(files.contains(QLatin1String("inkling_de.ts")));
    QVERIFY(files.contains(QLatin1String("inkling_zh_CN.ts")));
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << dir.filePath(file);
}

void TestTranslations::tsFileIsComplete()
{
    QFETCH(QString, tsFile);
    QFile file(tsFile);
    QVERIFY(file.open(QIODevice::ReadOnly));

    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    int messages = 0;
    while (!xml.atEnd()) {
        if (!xml.readNextStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const QString where = context + QLatin1String(": ") + source;
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            // "vanished"/"obsolete" entries are not shipped; everything else must be done.
            if (type == QLatin1String("vanished") || type == QLatin1String("obsolete")) {
                xml.skipCurrentElement();
                continue;
            }
            QVERIFY2(type != QLatin1String("unfinished"), qPrintable(where));
            // A plural message holds one <numerusform> per form; check each of them.
            QStringList forms;
            QString text;
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isEndElement() && xml.name() == QLatin1String("translation"))
                    break;
                if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    forms << xml.readElementText();
                else if (xml.isCharacters())
                    text += xml.text();
            }
            if (forms.isEmpty())
                forms << text;
            for (const QString &translation : std::as_const(forms)) {
                QVERIFY2(!translation.trimmed().isEmpty(), qPrintable(where));
                QVERIFY2(placeholders(translation) == placeholders(source), qPrintable(where));
            }
            ++messages;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(messages > 10);
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
