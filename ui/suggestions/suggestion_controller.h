// The editor's side of a suggestion: turns keys, edits and cursor moves into events of
// the SuggestionSession (engine/generation/suggestion_session.h, which holds the suggestion and its
// rules: type-through, accept all / word / line, alternatives, the confidence gate),
// debounces typing, sends the session's requests to the engine and paints its ghost.
#pragma once

#include "engine/generation/suggestion_cache.h"
#include "engine/generation/suggestion_session.h"
#include "service/completion_service.h"
#include "ui/suggestions/kept_characters.h"
#include "ui/suggestions/suggestion_settings.h"

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <optional>
#include <string>

class QPlainTextEdit;
class QWidget;

namespace inkling {

class CompletionSource;
class GhostText;

class SuggestionController : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxAlternatives = SuggestionSession::kMaxAlternatives;

    SuggestionController(QPlainTextEdit *editor, CompletionSource *source,
                         QObject *parent = nullptr);

    void setSettings(const SuggestionSettings &settings);
    const SuggestionSettings &settings() const { return m_settings; }
    void setMode(CompletionMode mode);
    CompletionMode mode() const { return m_session.mode(); }
    // Decides the mode of a request at a document position (e.g. code inside a Markdown
    // code block); without one, every request uses mode().
    using ModeAt = std::function<CompletionMode(int position, CompletionMode mode)>;
    void setModeAt(ModeAt modeAt) { m_modeAt = std::move(modeAt); }
    // The mode a request at the cursor would use now.
    CompletionMode modeAtCursor() const;
    void setEnabled(bool enabled); // false while no model is loaded
    // Where typing asks for no suggestion (asking with a key still works): this document
    // (a per-document switch), or documents of its file type (SuggestionSettings).
    void setQuietDocument(bool quiet) { m_quietDocument = quiet; }
    bool isQuietDocument() const { return m_quietDocument; }
    void setFileType(const QString &definitionName) { m_fileType = definitionName; }
    // The document's notes, put before its text in every prompt (GenerationRequest::notes).
    void setNotes(const QString &notes);
    // Whether typing asks for suggestions here: the settings, this document, its type.
    bool suggestsWhileTyping() const;
    bool isEnabled() const { return m_enabled; }

    // The ghost text currently shown (empty when none).
    QString suggestion() const;
    bool hasSuggestion() const { return !suggestion().isEmpty(); }
    bool isBusy() const { return m_session.isStreaming(); }
    // A suggestion is on its way: waiting out the debounce, or being generated.
    bool isPending() const { return m_debounce.isActive() || isBusy(); }
    int alternativeIndex() const { return m_session.alternative(); }
    GhostText *ghost() const { return m_ghost; }
    // The debounce actually used: the setting, stretched for fast typists.
    int currentDebounceMs() const;

    // The actions behind the keys; each returns false when there was nothing to do.
    bool requestNow();
    bool acceptAll();
    bool acceptWord();
    bool acceptLine();
    bool dismiss();
    bool nextAlternative();
    bool previousAlternative();

signals:
    void busyChanged(bool busy);
    // A suggestion started showing: keystroke → first ghost character.
    void latencyMeasured(double milliseconds);
    void finished(const inkling::CompletionStats &stats);
    void failed(const QString &message);
    // Characters inserted by one accept key (Tab, Ctrl+Right, Alt+Right).
    void accepted(int characters);
    // A new suggestion appeared (once per suggestion, not per streamed piece).
    void shown();
    // Accepted characters whose next KeptCharacters::kKeys keystrokes are over, and how
    // many of them the writer kept.
    void keptMeasured(qint64 accepted, qint64 kept);
    // A suggestion was not shown: its first word's probability was below the setting.
    void suppressed(double firstWordConfidence);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    bool event(QEvent *event) override;

private:
    void onContentsChange(int position, int removed, int added);
    void onCursorPositionChanged();
    void onConfidence(quint64 id, double firstWordConfidence);
    void onPartial(quint64 id, const QString &text);
    // `accepted`: a whole suggestion was just accepted there (SuggestionPolicy::askAfterAccept).
    bool triggerAllows(int position, bool accepted = false) const;
    void onFinished(quint64 id, const QString &text, const CompletionStats &stats);
    void onFailed(quint64 id, const QString &message);
    void startRequest(int alternative, bool asked = false);
    void reset(); // drops the ghost and any running request
    CompletionMode modeAt(int position) const;
    // The text after position sent with a request.
    QString textAfter(int position) const;
    // The end of the text before position that SuggestionCache keys on (UTF-8).
    std::string cacheContext(int position) const;
    // Shows the suggestion known for the context at position, if there is one: from the
    // cache, or the one being computed ahead for it (which then streams on as the
    // suggestion). True when it did. `accepted` as for triggerAllows.
    bool showKnownSuggestion(int position, bool accepted = false);
    // While a suggestion is shown and the engine idle: compute the suggestion that would
    // follow if all of it were accepted, into the cache.
    void startSpeculative();
    void stopSpeculative();
    // Replies to the speculative request (true: the reply was its).
    bool speculativeReply(quint64 id, const QString *partial, const double *confidence,
                          bool finished);
    void showGhost();
    bool insertFromGhost(std::string_view piece);
    // Tells listeners when the session starts or stops streaming.
    void reportBusy();
    bool cycle(SuggestionSession::Step step);
    // Takes the ghost out of the editor's layout before an edit; it is shown again from
    // the event loop.
    void liftGhostForEdit();

    QPlainTextEdit *m_editor;
    QWidget *m_viewport; // the editor's, whose mouse presses and drops may edit
    CompletionSource *m_source;
    GhostText *m_ghost;
    SuggestionSettings m_settings;
    ModeAt m_modeAt;
    bool m_enabled = true;
    bool m_quietDocument = false;
    QString m_fileType;
    std::string m_notes;
    QTimer m_debounce;
    int m_debouncePosition = -1;
    bool m_debounceAccepted = false; // the debounce follows the accept of a whole suggestion

    SuggestionSession m_session;
    SuggestionCache m_cache;
    std::string m_requestContext; // cacheContext() of the session's request
    CompletionMode m_requestMode = CompletionMode::Sentence;
    // The next suggestion being computed ahead (id 0: none).
    struct Speculative
    {
        quint64 id = 0;
        std::string context; // what the text before the cursor will end with
        CompletionMode mode = CompletionMode::Sentence;
        std::string text;
        std::optional<double> confidence;
    } m_speculative;
    KeptCharacters m_kept;
    bool m_inserting = false;
    bool m_busyReported = false; // what busyChanged last said

    QElapsedTimer m_sinceEdit; // for latency: the last edit or manual request
    QElapsedTimer m_sinceKey;  // ... and for suggestions known at once: the last key
    bool m_latencyReported = false;
    double m_typingIntervalMs = 0; // moving average of recent keystroke intervals
};

} // namespace inkling
