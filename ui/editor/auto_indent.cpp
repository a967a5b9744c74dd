// Auto-indentation for code: unit detection and the indentation after a line.
#include "ui/editor/auto_indent.h"

#include <array>

namespace inkling {

bool isCodeSection(const QString &section)
{
    static const QStringList codeSections = {
        QStringLiteral("Sources"), QStringLiteral("Scripts"), QStringLiteral("Scientific"),
        QStringLiteral("Hardware"), QStringLiteral("Database")};
    return codeSections.contains(section);
}

IndentLanguage indentLanguageFor(const QString &definitionName, const QString &section)
{
    if (!isCodeSection(section))
        return IndentLanguage::None;
    // Languages whose blocks open with a colon at the end of the line.
    static const QStringList colonLanguages = {QStringLiteral("Python"), QStringLiteral("Cython")};
    return colonLanguages.contains(definitionName) ? IndentLanguage::Python : IndentLanguage::CLike;
}

QStringView leadingIndentation(QStringView line)
{
    qsizetype n = 0;
    while (n < line.size() && (line[n] == u' ' || line[n] == u'\t'))
        ++n;
    return line.first(n);
}

IndentUnit detectIndentUnit(const QStringList &lines)
{
    constexpr int kMaxStep = 8;
    int tabLines = 0;
    int spaceLines = 0;
    std::array<int, kMaxStep + 1> steps{}; // how often the indentation grew by n spaces
    qsizetype previous = 0;
    for (const QString &line : lines) {
        const QStringView indent = leadingIndentation(line);
        if (indent.size() == line.size())
            continue; // blank lines say nothing
        if (!indent.isEmpty())
            ++(indent.front() == u'\t' ? tabLines : spaceLines);
        // Only space-indented lines measure a step; a tab line restarts the comparison.
        const qsizetype width = indent.contains(u'\t') ? 0 : indent.size();
        const qsizetype grew = width - previous;
        if (grew > 0 && grew <= kMaxStep)
            ++steps[std::size_t(grew)];
        previous = width;
    }
    if (tabLines > spaceLines)
        return {.tabs = true, .width = 4};
    int best = 0;
    for (int n = 1; n <= kMaxStep; ++n) {
        if (steps[std::size_t(n)] > steps[std::size_t(best)])
            best = n;
    }
    return {.tabs = false, .width = best > 0 ? best : 4};
}

bool opensBlock(QStringView line, IndentLanguage language)
{
    if (language == IndentLanguage::None)
        return false;
    // Brackets opened on this line and not closed on it; closers of earlier lines
    // ("} else {") do not count against them.
    int open = 0;
    QChar quote; // inside a string literal when not null
    QChar last;  // the last character that is not a space or part of a comment
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (!quote.isNull()) {
            if (c == u'\\')
                ++i;
            else if (c == quote)
                quote = QChar();
            last = c;
            continue;
        }
        if (language == IndentLanguage::Python && c == u'#')
            break;
        if (language == IndentLanguage::CLike && c == u'/' && i + 1 < line.size() &&
            (line[i + 1] == u'/' || line[i + 1] == u'*'))
            break;
        if (c == u'"' || c == u'\'' || c == u'`')
            quote = c;
        else if (c == u'{' || c == u'(' || c == u'[')
            ++open;
        else if ((c == u'}' || c == u')' || c == u']') && open > 0)
            --open;
        if (!c.isSpace())
            last = c;
    }
    return open > 0 || (language == IndentLanguage::Python && last == u':');
}

QString indentationAfter(QStringView previousLine, IndentLanguage language, const IndentUnit &unit)
{
    QString indent = leadingIndentation(previousLine).toString();
    if (opensBlock(previousLine, language))
        indent += unit.text();
    return indent;
}

QString dedented(QStringView indentation, const IndentUnit &unit)
{
    if (indentation.endsWith(u'\t'))
        return indentation.chopped(1).toString();
    qsizetype n = indentation.size();
    while (n > 0 && indentation.size() - n < unit.width && indentation[n - 1] == u' ')
        --n;
    return indentation.first(n).toString();
}

} // namespace inkling
