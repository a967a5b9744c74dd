// Auto-indentation for code, without widgets: the indentation unit a document uses, and
// the indentation of a new line after a given one (the Editor applies it on Return).
#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace inkling {

// How a language opens a block. None: prose and markup, where Return stays plain.
enum class IndentLanguage {
    None,
    Python, // ":" at the end of a line, or a bracket left open
    CLike,  // "{", "(" or "[" left open (C, C++, JS, Rust, Go, Java, shell, ...)
};

// KSyntaxHighlighting's sections for programming languages; markup, prose and
// configuration files are written in sentences.
bool isCodeSection(const QString &section);
// By the highlighting definition's name and section (an invalid definition has neither).
IndentLanguage indentLanguageFor(const QString &definitionName, const QString &section);

// One level of indentation: a tab, or `width` spaces.
struct IndentUnit
{
    bool tabs = false;
    int width = 4;
    QString text() const { return tabs ? QStringLiteral("\t") : QString(width, u' '); }
    bool operator==(const IndentUnit &) const = default;
};

// Tabs when more indented lines start with a tab than with a space; otherwise the most
// common increase of indentation from one non-blank line to the next (1 to 8 spaces, the
// smaller on a tie); 4 spaces when nothing is indented.
IndentUnit detectIndentUnit(const QStringList &lines);

// The spaces and tabs a line starts with.
QStringView leadingIndentation(QStringView line);

// The indentation of the line that Return starts after `previousLine` (the text left
// before the cursor): the same as that line's, one unit more when it opens a block.
QString indentationAfter(QStringView previousLine, IndentLanguage language, const IndentUnit &unit);
// Whether a line opens a block: ends with ":" (Python), or leaves a bracket open. Strings
// and end-of-line comments are skipped.
bool opensBlock(QStringView line, IndentLanguage language);

// One level less: the last tab, or up to `unit.width` trailing spaces.
QString dedented(QStringView indentation, const IndentUnit &unit);

} // namespace inkling
