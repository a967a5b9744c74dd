// QSettings keys under "suggestions/", "sampling/", "engine/" and "keys/".
#include "ui/suggestion_settings.h"

#include <QSettings>

namespace inkling {

SuggestionSettings SuggestionSettings::load(QSettings &s)
{
    SuggestionSettings d;
    SuggestionSettings r;
    r.autoSuggest = s.value("suggestions/auto", d.autoSuggest).toBool();
    r.debounceMs = qBound(0, s.value("suggestions/debounceMs", d.debounceMs).toInt(), 5000);
    r.timeBudgetMs = qBound(100, s.value("suggestions/timeBudgetMs", d.timeBudgetMs).toInt(), 60000);
    r.maxTokensWord = qBound(1, s.value("suggestions/maxTokensWord", d.maxTokensWord).toInt(), 1024);
    r.maxTokensSentence = qBound(1, s.value("suggestions/maxTokensSentence", d.maxTokensSentence).toInt(), 1024);
    r.maxTokensParagraph = qBound(1, s.value("suggestions/maxTokensParagraph", d.maxTokensParagraph).toInt(), 1024);
    r.maxTokensCode = qBound(1, s.value("suggestions/maxTokensCode", d.maxTokensCode).toInt(), 1024);
    r.sampling.temperature = qBound(0.05f, s.value("sampling/temperature", d.sampling.temperature).toFloat(), 5.0f);
    r.sampling.topK = qBound(0, s.value("sampling/topK", d.sampling.topK).toInt(), 50257);
    r.sampling.topP = qBound(0.01f, s.value("sampling/topP", d.sampling.topP).toFloat(), 1.0f);
    r.sampling.repetitionPenalty = qBound(1.0f, s.value("sampling/repetitionPenalty", d.sampling.repetitionPenalty).toFloat(), 3.0f);
    r.sampling.greedy = s.value("sampling/greedy", d.sampling.greedy).toBool();
    r.minConfidence = qBound(0.0, s.value("suggestions/minConfidence", d.minConfidence).toDouble(), 1.0);
    r.trigger = triggerRuleFromName(s.value("suggestions/trigger", QString::fromLatin1(triggerRuleName(d.trigger)))
                                        .toString().toStdString()).value_or(d.trigger);
    r.fadeByConfidence = s.value("suggestions/fadeByConfidence", d.fadeByConfidence).toBool();
    r.threads = qBound(0, s.value("engine/threads", d.threads).toInt(), 256);
    r.precision = precisionFromName(s.value("engine/precision", QString::fromLatin1(precisionName(d.precision)))
                                        .toString().toStdString()).value_or(d.precision);
    r.modelDirectory = s.value("engine/modelDirectory", d.modelDirectory).toString();
    const auto key = [&](const char *name, const QKeySequence &fallback) {
        const QKeySequence k(s.value(QStringLiteral("keys/") + QLatin1String(name),
                                     fallback.toString()).toString());
        return k.isEmpty() ? fallback : k;
    };
    r.keys.acceptAll = key("acceptAll", d.keys.acceptAll);
    r.keys.acceptWord = key("acceptWord", d.keys.acceptWord);
    r.keys.acceptLine = key("acceptLine", d.keys.acceptLine);
    r.keys.dismiss = key("dismiss", d.keys.dismiss);
    r.keys.nextAlternative = key("nextAlternative", d.keys.nextAlternative);
    r.keys.previousAlternative = key("previousAlternative", d.keys.previousAlternative);
    r.keys.requestNow = key("requestNow", d.keys.requestNow);
    return r;
}

void SuggestionSettings::save(QSettings &s) const
{
    s.setValue("suggestions/auto", autoSuggest);
    s.setValue("suggestions/debounceMs", debounceMs);
    s.setValue("suggestions/timeBudgetMs", timeBudgetMs);
    s.setValue("suggestions/maxTokensWord", maxTokensWord);
    s.setValue("suggestions/maxTokensSentence", maxTokensSentence);
    s.setValue("suggestions/maxTokensParagraph", maxTokensParagraph);
    s.setValue("suggestions/maxTokensCode", maxTokensCode);
    s.setValue("sampling/temperature", sampling.temperature);
    s.setValue("sampling/topK", sampling.topK);
    s.setValue("sampling/topP", sampling.topP);
    s.setValue("sampling/repetitionPenalty", sampling.repetitionPenalty);
    s.setValue("sampling/greedy", sampling.greedy);
    s.setValue("suggestions/minConfidence", minConfidence);
    s.setValue("suggestions/trigger", QString::fromLatin1(triggerRuleName(trigger)));
    s.setValue("suggestions/fadeByConfidence", fadeByConfidence);
    s.setValue("engine/threads", threads);
    s.setValue("engine/precision", QString::fromLatin1(precisionName(precision)));
    s.setValue("engine/modelDirectory", modelDirectory);
    s.setValue("keys/acceptAll", keys.acceptAll.toString());
    s.setValue("keys/acceptWord", keys.acceptWord.toString());
    s.setValue("keys/acceptLine", keys.acceptLine.toString());
    s.setValue("keys/dismiss", keys.dismiss.toString());
    s.setValue("keys/nextAlternative", keys.nextAlternative.toString());
    s.setValue("keys/previousAlternative", keys.previousAlternative.toString());
    s.setValue("keys/requestNow", keys.requestNow.toString());
}

} // namespace inkling
