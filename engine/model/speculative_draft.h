// When a loaded model gets a draft model (speculative decoding, see Gpt2Session::setDraft):
// the app and inkling-cli ask the same rule, so a draft is used only where it pays.
#pragma once

#include "engine/model/language_model.h"

namespace inkling {

// Tokens the draft guesses per round: 4 was the best of 2/4/8 on the 124M-shaped model
// at f32 once acceptance is realistic (docs/performance.md, "Speculative decoding").
inline constexpr int kDraftTokens = 4;

// Why a draft is not used, or Helps.
enum class DraftFit {
    Helps,
    NotF32,          // the target's chunks and single rows round alike only at f32
    OtherVocabulary, // the draft's guesses would be other tokens for the target
    TooLarge,        // the draft costs too much of a target step to pay
};

// Whether `draft` should draft for `target`: the same vocabulary token for token (a padded
// vocab_size aside), the target at f32 (the only precision where drafting is exact, see
// setDraft), and the target
// at least kMinSizeRatio times the draft's parameters. The draft's k steps then cost
// well under a target step (the embedded model beside the 124M one: 559 against 102
// tokens/s), and a paused draft costs 8–11 % at worst.
inline constexpr double kMinSizeRatio = 4.0;
DraftFit draftFit(const LanguageModel &target, const LanguageModel &draft);
const char *draftFitName(DraftFit fit);

} // namespace inkling
