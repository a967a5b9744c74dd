// What the user can tune about suggestions, with the defaults, persisted in QSettings.
#pragma once

#include "engine/generation/suggestion_policy.h"
#include "engine/kernels/precision.h"

#include <QKeySequence>
#include <QString>
#include <QStringList>
#include <QVariantMap>

class QSettings;

namespace inkling {

struct KeyBindings
{
    QKeySequence acceptAll{Qt::Key_Tab};
    QKeySequence acceptWord{Qt::CTRL | Qt::Key_Right};
    QKeySequence acceptLine{Qt::ALT | Qt::Key_Right};
    QKeySequence dismiss{Qt::Key_Escape};
    QKeySequence nextAlternative{Qt::ALT | Qt::Key_BracketRight};
    QKeySequence previousAlternative{Qt::ALT | Qt::Key_BracketLeft};
    QKeySequence requestNow{Qt::CTRL | Qt::Key_Space};
};

// The engine-side rules (budgets, sampling, trigger, confidence threshold) and their
// defaults are SuggestionPolicy's, shared with `inkling-cli eval keystrokes`; the rest is
// about the editor.
struct SuggestionSettings : SuggestionPolicy
{
    bool autoSuggest = true;
    // File types (KSyntaxHighlighting definition names, e.g. "Markdown") in which typing
    // asks for no suggestions; Ctrl+Space still does.
    QStringList quietFileTypes;
    bool fadeByConfidence = true; // less likely suggestions are drawn fainter
    // While a suggestion is shown and the engine is idle, compute the one that would follow
    // it (llama.vim's speculative hint): accepting it then shows the next one at once.
    bool suggestAhead = true;
    int threads = 0; // 0: one per physical core
    // Weight format; Auto: s8 where oneDNN has a native kernel, else bf16, else f32.
    Precision precision = Precision::Auto;
    QString modelDirectory; // empty: the embedded model
    // The embedded model drafts for a larger one at f32 (speculative decoding), where that
    // pays: the same suggestions, sooner (see engine/model/speculative_draft.h).
    bool drafting = true;
    // A bigger model on a server (OpenAI-compatible /v1/completions), off by default: the
    // only network use. Its API key is no setting: see ui/settings/server_key.h.
    bool serverEnabled = false;
    QString serverUrl;   // e.g. http://127.0.0.1:8080
    QString serverModel; // the "model" field; empty for servers that serve one model
    KeyBindings keys;

    static SuggestionSettings load(QSettings &settings);
    void save(QSettings &settings) const;
    // Every persisted field under its QSettings key, as saved.
    QVariantMap values() const;
};

} // namespace inkling
