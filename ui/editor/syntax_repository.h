// The process-wide KSyntaxHighlighting repository. Loading one parses every syntax
// definition and theme on disk, so all editors share a single instance.
#pragma once

namespace KSyntaxHighlighting {
class Repository;
}

namespace inkling {

// Created on first use (after QApplication, which the repository's lookups need).
KSyntaxHighlighting::Repository &syntaxRepository();

} // namespace inkling
