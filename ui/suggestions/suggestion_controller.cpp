// The suggestion life cycle's Qt side (its rules are SuggestionSession's). Ghost visuals are
// updated from the event loop, never from inside the document's contentsChange signal (a nested
// re-layout there would skip the highlighter), while the state they show is updated at once; before
// an event that may edit the text, the ghost leaves the layout (see eventFilter).
#include "ui/suggestions/suggestion_controller.h"

#include "service/completion_source.h"
#include "ui/editor/ghost_text.h"
#include "ui/editor/plain_text.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

namespace inkling {

namespace {

// The text before the cursor sent with a request is what the prompt window of a model
// with this context (in tokens) would use; the service cuts it to the loaded model's.
constexpr int kLargestContext = 2048;

QString documentText(QTextDocument *doc, int from, int to)
{
    QTextCursor c(doc);
    c.setPosition(from);
    c.setPosition(to, QTextCursor::KeepAnchor);
    return plainSelection(c.selectedText());
}

// The document's own words for the engine's DocumentCache: all of its text but the
// paragraph at pos, which is being written; none for a document longer than
// kMaxCachedDocument characters (the cache's n-grams take about 100 bytes a token).
constexpr int kMaxCachedDocument = 1 << 20;
QString documentWithoutBlockAt(QTextDocument *doc, int pos)
{
    if (doc->characterCount() > kMaxCachedDocument)
        return {};
    const QTextBlock block = doc->findBlock(pos);
    QString text = doc->toPlainText();
    return text.remove(block.position(), block.length());
}

QString fromUtf8(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// Characters around the cursor that the trigger rule looks at (it needs only the ends).
constexpr int kTriggerContext = 64;

} // namespace

SuggestionController::SuggestionController(QPlainTextEdit *editor, CompletionSource *source,
                                           QObject *parent)
    : QObject(parent)
    , m_editor(editor)
    , m_source(source)
    , m_ghost(new GhostText(editor))
    , m_kept(editor->document())
{
    m_debounce.setSingleShot(true);
    connect(&m_debounce, &QTimer::timeout, this, [this] {
        const QTextCursor c = m_editor->textCursor();
        if (c.position() == m_debouncePosition && !c.hasSelection() && !hasSuggestion() &&
            triggerAllows(c.position(), m_debounceAccepted))
            startRequest(0);
    });
    connect(m_editor->document(), &QTextDocument::contentsChange, this,
            &SuggestionController::onContentsChange);
    connect(m_editor, &QPlainTextEdit::cursorPositionChanged, this,
            &SuggestionController::onCursorPositionChanged);
    connect(m_source, &CompletionSource::confidence, this, &SuggestionController::onConfidence);
    connect(m_source, &CompletionSource::partial, this, &SuggestionController::onPartial);
    connect(m_source, &CompletionSource::finished, this, &SuggestionController::onFinished);
    connect(m_source, &CompletionSource::failed, this, &SuggestionController::onFailed);
    m_editor->installEventFilter(this);
    m_viewport = m_editor->viewport();
    m_viewport->installEventFilter(this);
}

void SuggestionController::setSettings(const SuggestionSettings &settings)
{
    m_settings = settings;
    m_session.setPolicy(settings);
    if (!m_settings.autoSuggest)
        m_debounce.stop();
}

void SuggestionController::setMode(CompletionMode mode)
{
    if (mode == m_session.mode())
        return;
    m_session.setMode(mode);
    reset();
}

CompletionMode SuggestionController::modeAt(int position) const
{
    return m_modeAt ? m_modeAt(position, m_session.mode()) : m_session.mode();
}

CompletionMode SuggestionController::modeAtCursor() const
{
    return modeAt(m_editor->textCursor().position());
}

QString SuggestionController::textAfter(int position) const
{
    // Up to 1,000 characters: a request's textAfter, and what a suggestion must not repeat.
    QTextDocument *doc = m_editor->document();
    return documentText(doc, position, qMin(doc->characterCount() - 1, position + 1000));
}

std::string SuggestionController::cacheContext(int position) const
{
    // Characters, at least as many as the bytes the cache looks at.
    const int from = qMax(0, position - int(SuggestionCache::kLookupBytes));
    return documentText(m_editor->document(), from, position).toStdString();
}

void SuggestionController::setEnabled(bool enabled)
{
    m_enabled = enabled;
    if (!enabled) {
        m_debounce.stop();
        reset();
    }
}

QString SuggestionController::suggestion() const
{
    return fromUtf8(m_session.text());
}

int SuggestionController::currentDebounceMs() const
{
    if (m_typingIntervalMs <= 0)
        return m_settings.debounceMs;
    return qBound(m_settings.debounceMs, int(1.3 * m_typingIntervalMs), 2 * m_settings.debounceMs);
}

void SuggestionController::setNotes(const QString &notes)
{
    m_notes = notes.toStdString();
    // What was remembered or computed ahead was for other notes.
    m_cache.clear();
    stopSpeculative();
}

bool SuggestionController::suggestsWhileTyping() const
{
    return m_settings.autoSuggest && !m_quietDocument &&
           !m_settings.quietFileTypes.contains(m_fileType);
}

bool SuggestionController::triggerAllows(int position, bool accepted) const
{
    QTextDocument *doc = m_editor->document();
    const QString before = documentText(doc, qMax(0, position - kTriggerContext), position);
    const QString after =
        documentText(doc, position, qMin(doc->characterCount() - 1, position + kTriggerContext));
    return m_session.shouldRequest(before.toStdString(), after.toStdString(), accepted);
}

void SuggestionController::onContentsChange(int position, int removed, int added)
{
    if (m_ghost->isUpdating())
        return;
    const bool wasStreaming = m_session.isStreaming();
    const bool mayContinue =
        removed == 0 && added > 0 && m_session.isActive() && position == m_session.position();
    const QByteArray typed =
        mayContinue ? documentText(m_editor->document(), position, position + added).toUtf8()
                    : QByteArray();
    if (m_session.typed(position, std::string_view(typed.constData(), size_t(typed.size())),
                        added)) {
        // Typed (or accepted) exactly the next characters: the rest stays, no new request.
        // All of it typed or accepted: the next suggestion is shown if known, else asked
        // for as after any edit.
        const bool accepted = m_inserting; // by a key, not typed through
        if (!m_session.isActive() && m_enabled && suggestsWhileTyping() &&
            !showKnownSuggestion(position + added, accepted)) {
            m_debouncePosition = position + added;
            m_debounceAccepted = accepted;
            m_debounce.start(currentDebounceMs());
        }
        showGhost();
        return;
    }
    // Anything else dismissed it, and what was computed ahead for it.
    if (wasStreaming)
        m_source->cancel();
    stopSpeculative();
    reportBusy();
    showGhost();
    if (!m_inserting) {
        if (m_sinceEdit.isValid() && m_sinceEdit.elapsed() < 1500) {
            const double interval = double(m_sinceEdit.elapsed());
            m_typingIntervalMs =
                m_typingIntervalMs <= 0 ? interval : 0.7 * m_typingIntervalMs + 0.3 * interval;
        }
        m_sinceEdit.restart();
    }
    if (m_enabled && suggestsWhileTyping() && !showKnownSuggestion(position + added)) {
        m_debouncePosition = position + added;
        m_debounceAccepted = false;
        m_debounce.start(currentDebounceMs());
    }
}

bool SuggestionController::showKnownSuggestion(int position, bool accepted)
{
    if (!m_enabled || !triggerAllows(position, accepted))
        return false;
    const CompletionMode mode = modeAt(position);
    const std::string context = cacheContext(position);
    if (std::optional<SuggestionCache::Hit> hit = m_cache.find(context, mode)) {
        m_debounce.stop();
        m_session.showKnown(position, std::move(hit->text), hit->confidence);
        emit latencyMeasured(m_sinceKey.isValid() ? double(m_sinceKey.nsecsElapsed()) / 1e6 : 0.0);
        emit shown();
        showGhost();
        startSpeculative();
        return true;
    }
    // Still being computed ahead for exactly this context: it becomes the suggestion.
    if (m_speculative.id == 0 || m_speculative.mode != mode ||
        !SuggestionCache::sameContext(m_speculative.context, context))
        return false;
    m_debounce.stop();
    Speculative adopted = std::exchange(m_speculative, Speculative{});
    m_session.start(position, 0, false, adopted.id, mode, textAfter(position).toStdString());
    m_requestContext = std::move(adopted.context);
    m_requestMode = mode;
    m_latencyReported = false;
    reportBusy();
    if (adopted.confidence)
        onConfidence(adopted.id, *adopted.confidence);
    if (!adopted.text.empty())
        onPartial(adopted.id, fromUtf8(adopted.text));
    return true; // the engine's answer for here, shown or (unlikely) withheld
}

void SuggestionController::startSpeculative()
{
    stopSpeculative();
    const std::string_view rest = m_session.text();
    if (!m_enabled || !m_settings.suggestAhead || !suggestsWhileTyping() ||
        m_session.isStreaming() || rest.empty() || m_session.alternative() != 0)
        return;
    const int pos = int(m_session.position());
    const CompletionMode mode = modeAt(pos);
    std::string context = cacheContext(pos) + std::string(rest);
    if (m_cache.find(context, mode))
        return; // known already
    GenerationRequest g = m_session.policy().request(std::string(), mode, 0);
    g.minConfidence = m_session.policy().minConfidence;
    g.notes = m_notes;
    CompletionRequest r = completionRequest(g);
    r.id = newRequestId();
    QTextDocument *doc = m_editor->document();
    const int start = int(PromptWindow::textStart(size_t(pos), kLargestContext));
    r.textBefore = documentText(doc, start, pos) + fromUtf8(rest);
    r.textAfter = textAfter(pos);
    if (m_session.policy().documentCache)
        r.document = documentWithoutBlockAt(doc, pos);
    m_speculative = Speculative{r.id, std::move(context), mode, {}, std::nullopt};
    m_source->request(r);
}

void SuggestionController::stopSpeculative()
{
    if (m_speculative.id == 0)
        return;
    m_speculative = Speculative{};
    if (!m_session.isStreaming()) // else that request is the running one
        m_source->cancel();
}

bool SuggestionController::speculativeReply(quint64 id, const QString *partial,
                                            const double *confidence, bool finished)
{
    if (id == 0 || id != m_speculative.id)
        return false;
    if (confidence)
        m_speculative.confidence = *confidence;
    if (partial)
        m_speculative.text += partial->toStdString();
    if (finished) {
        const double c = m_speculative.confidence.value_or(1.0);
        if (m_session.policy().isConfident(c))
            m_cache.remember(m_speculative.context, m_speculative.mode, m_speculative.text, c);
        m_speculative = Speculative{};
    }
    return true;
}

void SuggestionController::onCursorPositionChanged()
{
    if (m_inserting || m_ghost->isUpdating())
        return;
    const QTextCursor c = m_editor->textCursor();
    if (m_session.isActive() && c.position() == m_session.position() && !c.hasSelection())
        return; // where the suggestion continues
    if (m_debounce.isActive() && c.position() == m_debouncePosition && !c.hasSelection())
        return; // the edit that started the debounce moved the cursor here
    m_debounce.stop();
    if (m_session.isActive())
        reset();
}

bool SuggestionController::requestNow()
{
    if (!m_enabled || m_editor->textCursor().hasSelection())
        return false;
    m_debounce.stop();
    reset();
    m_sinceEdit.restart();
    startRequest(0, true); // asked for: shown whatever its confidence
    return true;
}

void SuggestionController::startRequest(int alternative, bool asked)
{
    const QTextCursor cursor = m_editor->textCursor();
    if (!m_enabled || cursor.hasSelection())
        return;
    const int pos = cursor.position();
    // Inside a Markdown code fence, for instance, the mode at the cursor is code.
    const CompletionMode mode = modeAt(pos);
    const quint64 id = newRequestId();
    m_speculative = Speculative{}; // this request supersedes it in the engine
    m_requestContext = cacheContext(pos);
    m_requestMode = mode;
    // The same request as `inkling-cli eval keystrokes` makes (the prompt travels as a
    // QString: the service keeps its prompt window). It carries the confidence gate: the
    // engine withholds an unlikely suggestion itself.
    QTextDocument *doc = m_editor->document();
    const QString after = textAfter(pos);
    GenerationRequest g = m_session.start(pos, alternative, asked, id, mode, after.toStdString());
    g.notes = m_notes;
    CompletionRequest r = completionRequest(g);
    r.id = id;
    const int start = int(PromptWindow::textStart(size_t(pos), kLargestContext));
    r.textBefore = documentText(doc, start, pos);
    r.textAfter = after;
    if (m_session.policy().documentCache)
        r.document = documentWithoutBlockAt(doc, pos);

    m_latencyReported = false;
    reportBusy();
    m_source->request(r);
}

void SuggestionController::onConfidence(quint64 id, double firstWordConfidence)
{
    if (speculativeReply(id, nullptr, &firstWordConfidence, false) || !m_session.wants(id))
        return;
    // Below the gate (and not asked for): the engine stopped by itself, with nothing
    // shown, as the session's same rule says.
    if (!m_session.confidence(id, firstWordConfidence)) {
        reportBusy();
        showGhost();
        emit suppressed(firstWordConfidence);
    }
}

void SuggestionController::onPartial(quint64 id, const QString &text)
{
    if (speculativeReply(id, &text, nullptr, false) || !m_session.append(id, text.toStdString()))
        return; // stale: a newer request or an edit superseded it
    if (!m_latencyReported && hasSuggestion()) {
        m_latencyReported = true;
        emit latencyMeasured(double(m_sinceEdit.nsecsElapsed()) / 1e6);
        emit shown();
    }
    showGhost();
}

void SuggestionController::onFinished(quint64 id, const QString &text, const CompletionStats &stats)
{
    Q_UNUSED(text); // the streamed pieces already add up to it
    if (speculativeReply(id, nullptr, nullptr, true))
        return;
    const bool greedy = m_session.alternative() == 0;
    if (!m_session.finish(id))
        return;
    reportBusy();
    emit finished(stats);
    showGhost();
    // Remembered for its context (a greedy suggestion: the one the model gives there, if
    // typing would show it), and the next one computed ahead while this one is read (also
    // after one asked for below the confidence gate: the writer may take it all the same).
    if (greedy && m_session.isActive()) {
        if (m_session.policy().isConfident(m_session.confidence()))
            m_cache.remember(m_requestContext, m_requestMode, m_session.whole(),
                             m_session.confidence());
        startSpeculative();
    }
}

void SuggestionController::onFailed(quint64 id, const QString &message)
{
    if (id == m_speculative.id && id != 0) {
        m_speculative = Speculative{}; // nothing was shown: nothing to say
        return;
    }
    if (!m_session.wants(id))
        return;
    reset();
    emit failed(message);
}

void SuggestionController::reset()
{
    stopSpeculative();
    if (m_session.isStreaming())
        m_source->cancel();
    m_session.clear();
    reportBusy();
    showGhost();
}

namespace {
// Posted with high priority, so that it runs before the repaint the edit asked for: a
// ghost lifted for an edit is back before anything is drawn, and never flickers.
const QEvent::Type kShowGhostEvent = QEvent::Type(QEvent::registerEventType());
} // namespace

void SuggestionController::showGhost()
{
    QCoreApplication::postEvent(this, new QEvent(kShowGhostEvent), Qt::HighEventPriority);
}

bool SuggestionController::event(QEvent *event)
{
    if (event->type() != kShowGhostEvent)
        return QObject::event(event);
    const QString text = suggestion();
    if (text.isEmpty()) {
        m_ghost->clear();
        return true;
    }
    // A likely first word looks like the usual ghost; an unlikely one fainter.
    m_ghost->setOpacity(
        m_settings.fadeByConfidence ? 0.55 + 0.45 * qBound(0.0, m_session.confidence(), 1.0) : 1.0);
    m_ghost->show(int(m_session.position()), text);
    return true;
}

bool SuggestionController::insertFromGhost(std::string_view text)
{
    // A copy: inserting it consumes it from the session.
    const QString piece = fromUtf8(text);
    if (piece.isEmpty())
        return false;
    liftGhostForEdit(); // also when accepted from a menu, not a key
    m_inserting = true;
    QTextCursor c = m_editor->textCursor();
    // An edit block of its own: the accepted text is one undo step, never merged with
    // the typing around it.
    c.beginEditBlock();
    const int at = c.selectionStart();
    c.insertText(piece);
    c.endEditBlock();
    m_kept.accepted(at, piece);
    m_editor->setTextCursor(c);
    m_inserting = false;
    emit accepted(int(piece.size()));
    return true;
}

bool SuggestionController::acceptAll()
{
    return insertFromGhost(m_session.acceptAll());
}

bool SuggestionController::acceptWord()
{
    return insertFromGhost(m_session.acceptWord());
}

bool SuggestionController::acceptLine()
{
    return insertFromGhost(m_session.acceptLine());
}

bool SuggestionController::dismiss()
{
    if (!m_session.isActive())
        return false;
    m_debounce.stop();
    reset();
    return true;
}

bool SuggestionController::nextAlternative()
{
    return m_enabled && cycle(m_session.nextAlternative());
}

bool SuggestionController::previousAlternative()
{
    return m_enabled && cycle(m_session.previousAlternative());
}

bool SuggestionController::cycle(SuggestionSession::Step step)
{
    if (!step.moved)
        return false;
    if (step.stoppedRequest) {
        m_source->cancel();
        reportBusy();
    }
    if (step.request) {
        m_sinceEdit.restart();
        startRequest(*step.request);
    }
    showGhost(); // the previous alternative's ghost must go: Tab no longer accepts it
    return true;
}

void SuggestionController::reportBusy()
{
    const bool busy = m_session.isStreaming();
    if (busy == m_busyReported)
        return;
    m_busyReported = busy;
    emit busyChanged(busy);
}

void SuggestionController::liftGhostForEdit()
{
    if (!m_ghost->isVisible())
        return;
    m_ghost->clear();
    showGhost(); // back from the event loop, where the suggestion then stands
}

bool SuggestionController::eventFilter(QObject *watched, QEvent *event)
{
    // Qt's editing reads the block's layout, and the ghost's pre-edit is one Qt did not
    // put there: before any event that may edit the text, the ghost leaves the layout.
    // Its queued updates are not enough: key events can arrive back to back, before the
    // event loop runs the previous key's update (tst_stress crashed QTextCursor's
    // insertText on a block whose layout held a stale pre-edit).
    // (The viewport is compared with the pointer kept at construction: while the editor
    // is destroyed, its events still pass here, and it is no scroll area any more.)
    const QEvent::Type type = event->type();
    if (watched == m_editor && type == QEvent::KeyPress) {
        m_sinceKey.restart();
        const KeptCharacters::Tally settled = m_kept.keyPressed();
        if (settled.accepted > 0)
            emit keptMeasured(settled.accepted, settled.kept);
    }
    if ((watched == m_editor && (type == QEvent::KeyPress || type == QEvent::InputMethod)) ||
        (watched == m_viewport && (type == QEvent::MouseButtonPress || type == QEvent::Drop)))
        liftGhostForEdit();
    if (watched != m_editor || (type != QEvent::KeyPress && type != QEvent::ShortcutOverride))
        return QObject::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    const QKeySequence pressed(key->keyCombination());
    const KeyBindings &k = m_settings.keys;
    const bool suggesting = hasSuggestion() || m_session.isStreaming();
    // Keys that only mean something while a suggestion is shown keep their usual
    // meaning otherwise (Tab indents, Ctrl+Right moves by word, Esc does nothing).
    const std::pair<QKeySequence, std::function<bool()>> actions[] = {
        {k.acceptAll,
         [this] {
             return hasSuggestion() && acceptAll();
         }},
        {k.acceptWord,
         [this] {
             return hasSuggestion() && acceptWord();
         }},
        {k.acceptLine,
         [this] {
             return hasSuggestion() && acceptLine();
         }},
        {k.dismiss,
         [this] {
             return dismiss();
         }},
        // As in VS Code / Copilot: with nothing to cycle through, the alternative keys
        // ask for a suggestion; they never type their character.
        {k.nextAlternative,
         [this] {
             if (!nextAlternative())
                 requestNow();
             return true;
         }},
        {k.previousAlternative,
         [this] {
             if (!previousAlternative())
                 requestNow();
             return true;
         }},
        {k.requestNow,
         [this] {
             return requestNow();
         }},
    };
    for (const auto &[sequence, action] : actions) {
        if (sequence.isEmpty() || sequence != pressed)
            continue;
        if (event->type() == QEvent::ShortcutOverride) {
            // Claim the key from window shortcuts while it has a suggestion to act on.
            if (suggesting || sequence == k.requestNow || sequence == k.nextAlternative ||
                sequence == k.previousAlternative) {
                event->accept();
                return true;
            }
            return false;
        }
        return action();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace inkling
