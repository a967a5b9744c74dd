// The process-wide KSyntaxHighlighting repository.
#include "ui/editor/syntax_repository.h"

#include <KSyntaxHighlighting/Repository>

namespace inkling {

KSyntaxHighlighting::Repository &syntaxRepository()
{
    // Held by value; a function-local static is thread-safe to initialise and is
    // only built when the first editor (or test) asks for it.
    static KSyntaxHighlighting::Repository repository;
    return repository;
}

} // namespace inkling
