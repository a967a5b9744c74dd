// ModelLoader: chooses and loads the engine's model, and reports on it.
#include "ui/models/model_loader.h"

#include "engine/kernels/cpu_threads.h"
#include "engine/model/language_model.h"
#include "service/completion_service.h"
#include "service/engine_thread.h"
#include "ui/suggestions/suggestion_status.h"

#include <QLocale>

namespace inkling {

ModelLoader::ModelLoader(EngineThread *engine, SuggestionStatus *status, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_status(status)
{
    connect(m_engine, &EngineThread::modelLoading, m_status, &SuggestionStatus::setModelLoading);
    connect(m_engine, &EngineThread::modelLoadProgress, m_status,
            &SuggestionStatus::setModelLoadProgress);
    connect(m_engine, &EngineThread::modelLoaded, this, [this](const LoadedModelInfo &loaded) {
        m_status->setModel(QString::fromStdString(loaded.info.name), details(loaded));
        setReady(true);
    });
    connect(m_engine, &EngineThread::modelFailed, this,
            [this](const QString &, const QString &message) {
                m_status->setModelError(message);
                setReady(false);
                emit failed(tr("The language model could not be loaded: %1").arg(message));
            });
}

void ModelLoader::apply(const SuggestionSettings &settings)
{
    m_engine->setThreads(settings.threads > 0 ? settings.threads : physicalCoreCount());
    m_engine->setPrecision(settings.precision);
    m_engine->setDrafting(settings.drafting);
    QString directory = settings.modelDirectory;
    if (directory.isEmpty())
        directory = QString::fromStdString(defaultModelDirectory());
    if (directory == m_loadedDirectory && settings.precision == m_loadedPrecision &&
        settings.drafting == m_loadedDrafting)
        return;
    m_loadedDirectory = directory;
    m_loadedPrecision = settings.precision;
    m_loadedDrafting = settings.drafting;
    setReady(false); // until the model is there
    if (directory.isEmpty()) {
        m_status->setModelError(tr("No model directory is set and the embedded model is missing."));
        return;
    }
    m_engine->loadModel(directory);
}

QString ModelLoader::details(const LoadedModelInfo &loaded)
{
    const ModelInfo &info = loaded.info;
    QString details =
        tr("%1\n%2 M parameters, %3 layers × %4, context %5 tokens, %6 weights, %7")
            .arg(QString::fromStdString(info.directory))
            .arg(QLocale().toString(double(info.parameters) / 1e6, 'f', 1))
            .arg(info.layers)
            .arg(info.width)
            .arg(info.contextLength)
            .arg(QString::fromStdString(info.dtype),
                 QStringLiteral("%1 (%2)").arg(loaded.precision, loaded.implementation));
    if (!loaded.draft.isEmpty())
        details +=
            QLatin1Char('\n') + tr("%1 drafts for it (speculative decoding)").arg(loaded.draft);
    return details;
}

void ModelLoader::setReady(bool ready)
{
    if (ready == m_ready)
        return;
    m_ready = ready;
    emit readyChanged(ready);
}

} // namespace inkling
