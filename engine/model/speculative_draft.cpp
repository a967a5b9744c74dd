// The rule for a draft model.
#include "engine/model/speculative_draft.h"

namespace inkling {

namespace {

bool sameVocabulary(const Tokenizer &a, const Tokenizer &b)
{
    if (a.vocabSize() != b.vocabSize())
        return false;
    for (int id = 0; id < a.vocabSize(); ++id) {
        if (a.tokenBytes(id) != b.tokenBytes(id))
            return false;
    }
    return true;
}

} // namespace

DraftFit draftFit(const LanguageModel &target, const LanguageModel &draft)
{
    // (A padded vocab_size is the same tokens: only the ids both know are drafted.)
    if (!sameVocabulary(target.tokenizer(), draft.tokenizer()))
        return DraftFit::OtherVocabulary;
    if (target.model().precision() != Precision::F32)
        return DraftFit::NotF32;
    if (double(target.config().parameterCount()) <
        kMinSizeRatio * double(draft.config().parameterCount()))
        return DraftFit::TooLarge;
    return DraftFit::Helps;
}

const char *draftFitName(DraftFit fit)
{
    switch (fit) {
    case DraftFit::Helps:
        return "helps";
    case DraftFit::NotF32:
        return "the model is not at f32";
    case DraftFit::OtherVocabulary:
        return "another vocabulary";
    case DraftFit::TooLarge:
        return "the draft is too large beside the model";
    }
    return "?";
}

} // namespace inkling
