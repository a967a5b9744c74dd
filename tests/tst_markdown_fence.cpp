// Fenced code detection in Markdown (ui/markdown_fence), against cases written from the
// CommonMark specification's fenced-code-block section.
#include "ui/editor/markdown_fence.h"

#include <QTest>

using namespace inkling;

class TestMarkdownFence : public QObject
{
    Q_OBJECT

private slots:
    void insideFencedCode_data()
    {
        QTest::addColumn<QString>("textBefore"); // the cursor is at its end
        QTest::addColumn<bool>("inside");
        QTest::addRow("empty") << QString() << false;
        QTest::addRow("prose") << QStringLiteral("Some words\nand more") << false;
        QTest::addRow("after backtick fence") << QStringLiteral("Intro\n```\nint x") << true;
        QTest::addRow("after tilde fence") << QStringLiteral("~~~\nx = 1\n") << true;
        QTest::addRow("info string") << QStringLiteral("```python\ndef f():\n    ") << true;
        QTest::addRow("typing the info string") << QStringLiteral("text\n```pyth") << false;
        QTest::addRow("closed") << QStringLiteral("```\ncode\n```\nprose again") << false;
        QTest::addRow("closed, cursor on the next line")
            << QStringLiteral("```\ncode\n```\n") << false;
        QTest::addRow("typing the closing fence") << QStringLiteral("```\ncode\n``") << true;
        QTest::addRow("two blocks, second open")
            << QStringLiteral("```\na\n```\ntext\n~~~\nb\n") << true;
        QTest::addRow("two blocks, both closed")
            << QStringLiteral("```\na\n```\ntext\n~~~\nb\n~~~\nend") << false;
        QTest::addRow("tilde does not close backticks") << QStringLiteral("```\na\n~~~\nb") << true;
        QTest::addRow("backticks do not close tildes") << QStringLiteral("~~~\na\n```\nb") << true;
        QTest::addRow("shorter run does not close")
            << QStringLiteral("````\na\n```\nstill code") << true;
        QTest::addRow("longer run closes") << QStringLiteral("```\na\n`````\nprose") << false;
        QTest::addRow("closing fence with text is code")
            << QStringLiteral("```\na\n``` not a close\nb") << true;
        QTest::addRow("closing fence with trailing spaces")
            << QStringLiteral("```\na\n```   \nprose") << false;
        QTest::addRow("two backticks are no fence") << QStringLiteral("``\ncode?") << false;
        QTest::addRow("three-space indent opens") << QStringLiteral("   ```\ncode") << true;
        QTest::addRow("four-space indent is no fence") << QStringLiteral("    ```\ncode") << false;
        QTest::addRow("tab indent is no fence") << QStringLiteral("\t```\ncode") << false;
        QTest::addRow("indented closing fence")
            << QStringLiteral("```\ncode\n   ```\nprose") << false;
        QTest::addRow("backtick in a backtick info string")
            << QStringLiteral("```a`b\nprose") << false;
        QTest::addRow("backtick in a tilde info string") << QStringLiteral("~~~a`b\ncode") << true;
        QTest::addRow("fence in the middle of a line") << QStringLiteral("see ```\nprose") << false;
        QTest::addRow("unclosed fence runs to the end")
            << QStringLiteral("```\n\n\n\nlong after") << true;
    }

    void insideFencedCode()
    {
        QFETCH(QString, textBefore);
        QFETCH(bool, inside);
        QCOMPARE(inkling::insideFencedCode(textBefore), inside);
    }
};

QTEST_GUILESS_MAIN(TestMarkdownFence)
#include "tst_markdown_fence.moc"
