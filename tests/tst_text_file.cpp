// Encodings of documents (ui/text_file): every supported kind of file decodes to the
// expected text and is written back byte for byte; undecodable and binary files are
// refused with a message naming the problem and leave the caller's text alone.
#include "ui/documents/text_file.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace inkling;

Q_DECLARE_METATYPE(inkling::TextEncoding)
Q_DECLARE_METATYPE(inkling::LineEnding)

namespace {
QByteArray bytes(const char *data, qsizetype size)
{
    return QByteArray(data, size);
}
} // namespace

class TestTextFile : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("text"); // what the editor shows, written independently
        QTest::addColumn<TextEncoding>("encoding");
        QTest::addColumn<LineEnding>("lineEnding");
        const auto u8 = TextEncoding::Utf8;
        QTest::addRow("empty") << QByteArray() << QString() << u8 << LineEnding::Lf;
        QTest::addRow("ASCII") << QByteArray("Dear diary\n") << QStringLiteral("Dear diary\n") << u8
                               << LineEnding::Lf;
        QTest::addRow("UTF-8 umlaut, no final newline")
            << QByteArray("Gr\xc3\xbc\xc3\x9f"
                          "e")
            << QStringLiteral(u"Grüße") << u8 << LineEnding::Lf;
        QTest::addRow("UTF-8 with BOM")
            << QByteArray("\xef\xbb\xbf"
                          "caf\xc3\xa9\n")
            << QStringLiteral(u"café\n") << TextEncoding::Utf8Bom << LineEnding::Lf;
        QTest::addRow("UTF-8 BOM only")
            << QByteArray("\xef\xbb\xbf") << QString() << TextEncoding::Utf8Bom << LineEnding::Lf;
        QTest::addRow("second BOM is text")
            << QByteArray("\xef\xbb\xbf\xef\xbb\xbfx") << QStringLiteral(u"\uFEFFx")
            << TextEncoding::Utf8Bom << LineEnding::Lf;
        QTest::addRow("BOM character without a BOM")
            << QByteArray("x\xef\xbb\xbf") << QStringLiteral(u"x\uFEFF") << u8 << LineEnding::Lf;
        QTest::addRow("CRLF") << QByteArray("one\r\ntwo\r\n") << QStringLiteral("one\ntwo\n") << u8
                              << LineEnding::CrLf;
        QTest::addRow("CR (classic Mac)")
            << QByteArray("one\rtwo") << QStringLiteral("one\ntwo") << u8 << LineEnding::Cr;
        QTest::addRow("non-breaking space and line separator")
            << QByteArray("a\xc2\xa0"
                          "b\xe2\x80\xa8"
                          "c")
            << QStringLiteral(u"a\u00A0b\u2028c") << u8 << LineEnding::Lf;
        QTest::addRow("emoji (4-byte UTF-8)")
            << QByteArray("\xf0\x9f\x98\x80") << QStringLiteral(u"\U0001F600") << u8
            << LineEnding::Lf;
        QTest::addRow("UTF-16 LE") << bytes("\xff\xfeH\0i\0\n\0", 8) << QStringLiteral("Hi\n")
                                   << TextEncoding::Utf16LE << LineEnding::Lf;
        QTest::addRow("UTF-16 BE") << bytes("\xfe\xff\0H\0i\0\n", 8) << QStringLiteral("Hi\n")
                                   << TextEncoding::Utf16BE << LineEnding::Lf;
        QTest::addRow("UTF-16 LE CRLF, surrogate pair, CJK")
            << bytes("\xff\xfe\x2d\x4e\r\0\n\0\x3d\xd8\x00\xde", 12)
            << QStringLiteral(u"中\n\U0001F600") << TextEncoding::Utf16LE << LineEnding::CrLf;
        QTest::addRow("UTF-16 BE BOM only")
            << bytes("\xfe\xff", 2) << QString() << TextEncoding::Utf16BE << LineEnding::Lf;
    }

    void roundTrip()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, text);
        QFETCH(TextEncoding, encoding);
        QFETCH(LineEnding, lineEnding);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("doc.txt"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(file);
        }
        QString read;
        QString error;
        TextFormat format;
        QVERIFY2(readTextFile(path, &read, &error, &format), qPrintable(error));
        QCOMPARE(read, text);
        QCOMPARE(format.encoding, encoding);
        QCOMPARE(format.lineEnding, lineEnding);

        const QString copy = dir.filePath(QStringLiteral("copy.txt"));
        QVERIFY2(writeTextFile(copy, read, &error, format), qPrintable(error));
        QFile f(copy);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), file);
    }

    // Editing a CRLF file and saving it keeps CRLF on every line, including new ones.
    void newLinesTakeTheFilesLineEnding()
    {
        const TextFormat format{TextEncoding::Utf16BE, LineEnding::CrLf};
        QCOMPARE(encodeText(QStringLiteral("a\nb"), format), bytes("\xfe\xff\0a\0\r\0\n\0b", 10));
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("reason");
        QTest::addRow("Latin-1") << QByteArray("caf\xe9") << "not a UTF-8";
        QTest::addRow("ends inside a character") << QByteArray("euro \xe2\x82") << "not a UTF-8";
        QTest::addRow("overlong slash") << QByteArray("\xc0\xaf") << "not a UTF-8";
        QTest::addRow("UTF-8 encoded surrogate") << QByteArray("\xed\xa0\x80") << "not a UTF-8";
        QTest::addRow("BOM then invalid") << QByteArray("\xef\xbb\xbf\xff") << "not a UTF-8";
        QTest::addRow("NUL in UTF-8") << bytes("a\0b", 3) << "binary";
        QTest::addRow("PNG header") << bytes("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << "binary";
        QTest::addRow("UTF-16 without BOM") << bytes("H\0i\0", 4) << "binary";
        QTest::addRow("UTF-16 odd length") << bytes("\xff\xfeH\0i", 5) << "UTF-16";
        QTest::addRow("UTF-16 lone high surrogate") << bytes("\xfe\xff\xd8\x3d\0A", 6) << "UTF-16";
        QTest::addRow("UTF-16 lone low surrogate") << bytes("\xff\xfe\x00\xdc", 4) << "UTF-16";
        QTest::addRow("UTF-32 LE (NUL in UTF-16)") << bytes("\xff\xfe\0\0H\0\0\0", 8) << "binary";
    }

    void refused()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("hostile.txt"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(file);
        }
        QString text = QStringLiteral("untouched");
        TextFormat format{TextEncoding::Utf16BE, LineEnding::Cr};
        QString error;
        QVERIFY(!readTextFile(path, &text, &error, &format));
        QVERIFY2(error.contains(reason) && error.contains(QStringLiteral("hostile.txt")),
                 qPrintable(error));
        QCOMPARE(text, QStringLiteral("untouched"));
        QCOMPARE(format, (TextFormat{TextEncoding::Utf16BE, LineEnding::Cr}));
        QFile f(path); // and the file itself is as it was
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), file);
    }

    void encodingKeysRoundTrip()
    {
        for (TextEncoding e : {TextEncoding::Utf8, TextEncoding::Utf8Bom, TextEncoding::Utf16LE,
                               TextEncoding::Utf16BE})
            QCOMPARE(encodingFromKey(encodingKey(e)), e);
        QCOMPARE(encodingFromKey(QStringLiteral("klingon")), TextEncoding::Utf8);
    }
};

QTEST_GUILESS_MAIN(TestTextFile)
#include "tst_text_file.moc"
