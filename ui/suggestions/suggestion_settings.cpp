// QSettings keys under "suggestions/", "sampling/", "engine/", "server/" and "keys/".
#include "ui/suggestions/suggestion_settings.h"

#include <QSettings>

namespace inkling {

namespace {

// Every persisted field once: its key and, for numbers, the range a hand-edited file is
// clamped to. Loading, saving and values() all walk this one list.
template<typename Settings, typename Visit> void forEachField(Settings &s, Visit &&visit)
{
    visit("suggestions/auto", s.autoSuggest);
    visit("suggestions/quietFileTypes", s.quietFileTypes);
    visit("suggestions/debounceMs", s.debounceMs, 0, 5000);
    visit("suggestions/timeBudgetMs", s.timeBudgetMs, 100, 60000);
    visit("suggestions/maxTokensWord", s.maxTokensWord, 1, 1024);
    visit("suggestions/maxTokensSentence", s.maxTokensSentence, 1, 1024);
    visit("suggestions/maxTokensParagraph", s.maxTokensParagraph, 1, 1024);
    visit("suggestions/maxTokensCode", s.maxTokensCode, 1, 1024);
    visit("sampling/temperature", s.sampling.temperature, 0.05f, 5.0f);
    visit("sampling/topK", s.sampling.topK, 0, 50257);
    visit("sampling/topP", s.sampling.topP, 0.01f, 1.0f);
    visit("sampling/repetitionPenalty", s.sampling.repetitionPenalty, 1.0f, 3.0f);
    visit("sampling/greedy", s.sampling.greedy);
    visit("suggestions/minConfidence", s.minConfidence, 0.0, 1.0);
    visit("suggestions/trigger", s.trigger);
    visit("suggestions/fadeByConfidence", s.fadeByConfidence);
    visit("suggestions/ahead", s.suggestAhead);
    visit("engine/threads", s.threads, 0, 256);
    visit("engine/precision", s.precision);
    visit("engine/modelDirectory", s.modelDirectory);
    visit("engine/drafting", s.drafting);
    visit("server/enabled", s.serverEnabled);
    visit("server/url", s.serverUrl);
    visit("server/model", s.serverModel);
    visit("keys/acceptAll", s.keys.acceptAll);
    visit("keys/acceptWord", s.keys.acceptWord);
    visit("keys/acceptLine", s.keys.acceptLine);
    visit("keys/dismiss", s.keys.dismiss);
    visit("keys/nextAlternative", s.keys.nextAlternative);
    visit("keys/previousAlternative", s.keys.previousAlternative);
    visit("keys/requestNow", s.keys.requestNow);
}

// How a field is stored: names for enumerations, portable text for key sequences.
QVariant stored(TriggerRule rule)
{
    return QString::fromLatin1(triggerRuleName(rule));
}
QVariant stored(Precision precision)
{
    return QString::fromLatin1(precisionName(precision));
}
QVariant stored(const QKeySequence &keys)
{
    return keys.toString();
}
template<typename T> QVariant stored(const T &value)
{
    return QVariant::fromValue(value);
}

// Reads each field, keeping its current (default) value where the file has none or an
// unusable one.
struct Reader
{
    QSettings &file;

    QVariant read(const char *key, const QVariant &fallback) const
    {
        return file.value(QLatin1String(key), fallback);
    }
    void operator()(const char *key, bool &v) const { v = read(key, v).toBool(); }
    void operator()(const char *key, QString &v) const { v = read(key, v).toString(); }
    void operator()(const char *key, QStringList &v) const { v = read(key, v).toStringList(); }
    template<typename Number>
    void operator()(const char *key, Number &v, Number lo, Number hi) const
    {
        v = qBound(lo, read(key, v).template value<Number>(), hi);
    }
    void operator()(const char *key, TriggerRule &v) const
    {
        v = triggerRuleFromName(read(key, stored(v)).toString().toStdString()).value_or(v);
    }
    void operator()(const char *key, Precision &v) const
    {
        v = precisionFromName(read(key, stored(v)).toString().toStdString()).value_or(v);
    }
    void operator()(const char *key, QKeySequence &v) const
    {
        const QKeySequence keys(read(key, stored(v)).toString());
        if (!keys.isEmpty())
            v = keys;
    }
};

} // namespace

SuggestionSettings SuggestionSettings::load(QSettings &settings)
{
    SuggestionSettings r;
    forEachField(r, Reader{settings});
    return r;
}

QVariantMap SuggestionSettings::values() const
{
    QVariantMap map;
    forEachField(*this, [&](const char *key, const auto &value, auto...) {
        map.insert(QLatin1String(key), stored(value));
    });
    return map;
}

void SuggestionSettings::save(QSettings &settings) const
{
    const QVariantMap map = values();
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        settings.setValue(it.key(), it.value());
}

} // namespace inkling
