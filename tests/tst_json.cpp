// The engine's JSON reader against hand-checked documents: values, escapes, and the
// malformed inputs a corrupt model file could contain.
#include "engine/json.h"

#include <QTest>

using inkling::JsonError;
using inkling::JsonValue;

class TestJson : public QObject
{
    Q_OBJECT

private slots:
    void strings_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QByteArray>("expected");
        QTest::addRow("plain") << QByteArray("\"abc\"") << QByteArray("abc");
        QTest::addRow("escapes") << QByteArray("\"a\\\"b\\\\c\\/d\\n\\t\\r\\b\\f\"")
                                 << QByteArray("a\"b\\c/d\n\t\r\b\f");
        QTest::addRow("bmp escape") << QByteArray("\"\\u0120\\u00e9\"") << QByteArray("\xC4\xA0\xC3\xA9");
        QTest::addRow("surrogate pair") << QByteArray("\"\\ud83d\\ude00\"")
                                        << QByteArray("\xF0\x9F\x98\x80");
        QTest::addRow("raw utf8") << QByteArray("\"\xE4\xB8\xAD\xE6\x96\x87\"")
                                  << QByteArray("\xE4\xB8\xAD\xE6\x96\x87");
        QTest::addRow("nul escape") << QByteArray("\"a\\u0000b\"") << QByteArray("a\0b", 3);
    }
    void strings()
    {
        QFETCH(QByteArray, json);
        QFETCH(QByteArray, expected);
        const JsonValue v = JsonValue::parse(std::string_view(json.constData(), json.size()));
        QVERIFY(v.isString());
        QCOMPARE(QByteArray::fromStdString(v.toString()), expected);
    }

    void structure()
    {
        const JsonValue v = JsonValue::parse(
            " {\"n\": -1.5e-2, \"i\": 50256, \"t\": true, \"f\": false, \"z\": null, \"a\": [1, [2], {}], \"o\": {\"k\": \"v\"}} ");
        QVERIFY(v.isObject());
        QCOMPARE(v.members().size(), size_t(7));
        QCOMPARE(v.find("n")->toNumber(), -0.015);
        QVERIFY(!v.find("n")->isInteger());
        QVERIFY(v.find("i")->isInteger());
        QCOMPARE(v.find("i")->toNumber(), 50256.0);
        QVERIFY(v.find("t")->toBool());
        QVERIFY(v.find("f")->isBool() && !v.find("f")->toBool());
        QVERIFY(v.find("z")->isNull());
        QCOMPARE(v.find("a")->array().size(), size_t(3));
        QCOMPARE(v.find("a")->array()[1].array()[0].toNumber(), 2.0);
        QCOMPARE(v.find("o")->find("k")->toString(), std::string("v"));
        QVERIFY(v.find("missing") == nullptr);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addRow("empty") << QByteArray("");
        QTest::addRow("trailing comma") << QByteArray("[1,]");
        QTest::addRow("unterminated string") << QByteArray("\"abc");
        QTest::addRow("unterminated object") << QByteArray("{\"a\": 1");
        QTest::addRow("bad literal") << QByteArray("tru");
        QTest::addRow("leading zero") << QByteArray("01");
        QTest::addRow("bare minus") << QByteArray("-");
        QTest::addRow("trailing garbage") << QByteArray("{} x");
        QTest::addRow("control char") << QByteArray("\"a\nb\"");
        QTest::addRow("lone high surrogate") << QByteArray("\"\\ud83d\"");
        QTest::addRow("lone low surrogate") << QByteArray("\"\\ude00\"");
        QTest::addRow("bad hex") << QByteArray("\"\\u00zz\"");
        QTest::addRow("invalid utf8") << QByteArray("\"\xC3\x28\"");
        QTest::addRow("overlong utf8") << QByteArray("\"\xC0\xAF\"");
        QTest::addRow("truncated utf8") << QByteArray("\"\xE4\xB8");
        QTest::addRow("missing colon") << QByteArray("{\"a\" 1}");
        QTest::addRow("deep nesting") << QByteArray(1000, '[');
    }
    void malformed()
    {
        QFETCH(QByteArray, json);
        QVERIFY_THROWS_EXCEPTION(JsonError,
                                 JsonValue::parse(std::string_view(json.constData(), json.size())));
    }
};

QTEST_APPLESS_MAIN(TestJson)
#include "tst_json.moc"
