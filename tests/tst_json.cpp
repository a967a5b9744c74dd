// The engine's JSON reader against hand-checked documents: values, escapes, and the
// malformed inputs a corrupt model file could contain.
#include "engine/model/json.h"

#include <QTest>

#include <clocale>
#include <string>

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
        QTest::addRow("bmp escape")
            << QByteArray("\"\\u0120\\u00e9\"") << QByteArray("\xC4\xA0\xC3\xA9");
        QTest::addRow("surrogate pair")
            << QByteArray("\"\\ud83d\\ude00\"") << QByteArray("\xF0\x9F\x98\x80");
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
        const JsonValue v =
            JsonValue::parse(" {\"n\": -1.5e-2, \"i\": 50256, \"t\": true, \"f\": false, \"z\": "
                             "null, \"a\": [1, [2], {}], \"o\": {\"k\": \"v\"}} ");
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

    // The GUI sets LC_NUMERIC from the environment: a German user's locale writes 1,5
    // and must not change what a config.json says (layer_norm_epsilon 1.0e-05 read as 1).
    void numbersIgnoreTheLocale()
    {
        const char *commaLocales[] = {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "ru_RU.UTF-8"};
        const std::string before = std::setlocale(LC_NUMERIC, nullptr);
        const char *chosen = nullptr;
        for (const char *name : commaLocales) {
            if (std::setlocale(LC_NUMERIC, name)) {
                chosen = name;
                break;
            }
        }
        if (!chosen)
            QSKIP("no comma-decimal locale is installed (the build root generates de_DE.UTF-8)");
        QCOMPARE(std::localeconv()->decimal_point[0], ','); // the trap is armed
        const JsonValue v = JsonValue::parse(R"({"eps": 1.0e-05, "n": -1.5e-2, "x": 0.5})");
        const double eps = v.find("eps")->toNumber();
        const double n = v.find("n")->toNumber();
        const double x = v.find("x")->toNumber();
        std::setlocale(LC_NUMERIC, before.c_str());
        QCOMPARE(eps, 1.0e-05);
        QCOMPARE(n, -0.015);
        QCOMPARE(x, 0.5);
    }

    // Each parsed value costs about 100 bytes: the count is bounded, at exactly the limit.
    void valueCountIsBounded()
    {
        const std::string fiveValues = "[1, [2], 3]"; // two arrays, three numbers
        QCOMPARE(JsonValue::parse(fiveValues, 5).array().size(), size_t(3));
        QVERIFY_THROWS_EXCEPTION(JsonError, JsonValue::parse(fiveValues, 4));
        // The default: a million values of "0," (2 MB) pass, one more does not.
        std::string many = "[";
        for (size_t i = 0; i + 1 < JsonValue::kMaxValues; ++i)
            many += i ? ",0" : "0";
        many += "]";
        QCOMPARE(JsonValue::parse(many).array().size(), JsonValue::kMaxValues - 1);
        many.insert(1, "0,");
        QVERIFY_THROWS_EXCEPTION(JsonError, JsonValue::parse(many));
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
