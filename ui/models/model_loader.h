// Which language model the engine runs: the settings' directory (the embedded model when
// none is set) is loaded when it, the precision or drafting changed, and the load's progress, the
// model's size and any load error are reported in the status bar.
#pragma once

#include "ui/suggestions/suggestion_settings.h"

#include <QObject>
#include <QString>

namespace inkling {

class EngineThread;
struct LoadedModelInfo;
class SuggestionStatus;

class ModelLoader : public QObject
{
    Q_OBJECT

public:
    ModelLoader(EngineThread *engine, SuggestionStatus *status, QObject *parent = nullptr);

    // Hands the engine the settings' threads, precision and drafting, and loads the
    // settings' model unless it is the one already loaded (or being loaded) with them.
    void apply(const SuggestionSettings &settings);
    // True once the model asked for is loaded: suggestions may run. False while it loads
    // and after it failed.
    bool isReady() const { return m_ready; }

    // The status bar's details of a loaded model: where it is, its size and weights.
    static QString details(const LoadedModelInfo &loaded);

signals:
    void readyChanged(bool ready);
    // A load failed; message says so for the status bar.
    void failed(const QString &message);

private:
    void setReady(bool ready);

    EngineThread *m_engine;
    SuggestionStatus *m_status;
    bool m_ready = false;
    QString m_loadedDirectory;
    Precision m_loadedPrecision = Precision::Auto;
    bool m_loadedDrafting = false;
};

} // namespace inkling
