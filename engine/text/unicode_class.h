// The Unicode character classes of GPT-2's pre-tokenising pattern (\p{L}, \p{N}, \s),
// defined as the Python `regex` module defines them, so the C++ tokenizer splits text
// exactly like OpenAI's reference.
#pragma once

namespace inkling {

bool isLetter(char32_t cp); // \p{L}
bool isNumber(char32_t cp); // \p{N}
bool isSpace(char32_t cp);  // \s
// A character of a word for the suggestion rules (accept word, word mode, the trigger):
// letters, digits, '_' and apostrophes (' and ’), so "don't" is one word.
bool isWordChar(char32_t cp);

} // namespace inkling
