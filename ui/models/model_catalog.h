// Where GPT-2 models are on this computer: the embedded model, directories the user
// added, the Hugging Face cache and Inkling's own downloads. No widgets, no network.
#pragma once

#include "engine/model/model_info.h"

#include <QList>
#include <QString>
#include <QStringList>

class QSettings;

namespace inkling {

struct CatalogModel
{
    enum class Source { Embedded, UserDirectory, HuggingFaceCache, Downloaded };

    Source source = Source::Embedded;
    ModelInfo info; // named as listed; the directory canonical when it exists
    bool loadable = false;
    QString problem; // why it cannot be loaded

    QString name() const { return QString::fromStdString(info.name); }
    QString directory() const { return QString::fromStdString(info.directory); }
};

// One of the four GPT-2 sizes OpenAI released, as published on the Hugging Face Hub.
struct OfficialModel
{
    QString name;       // "gpt2-medium": also the directory name of the download
    QString repository; // "openai-community/gpt2-medium"
    qint64 parameters;  // as counted by Gpt2Config::parameterCount
};

namespace ModelCatalog {

QString sourceTitle(CatalogModel::Source source);

// $HF_HUB_CACHE, else $HUGGINGFACE_HUB_CACHE (its old name), else $HF_HOME/hub, else
// $XDG_CACHE_HOME/huggingface/hub, else ~/.cache/huggingface/hub — huggingface_hub's order.
QString huggingFaceCacheDirectory();
// Where Inkling keeps the models it downloads: <AppDataLocation>/models.
QString downloadDirectory();
// $HF_ENDPOINT without a trailing slash, else https://huggingface.co.
QString huggingFaceEndpoint();

const QList<OfficialModel> &officialModels();

// Model directories the user added with "Add Directory…" (QSettings "models/directories").
QStringList userDirectories(const QSettings &settings);
void setUserDirectories(QSettings &settings, const QStringList &directories);

// Snapshot directories of GPT-2 repositories (models--*gpt2*) in a Hugging Face cache,
// as {name, directory}: the snapshot refs/main points at, else every snapshot.
QList<std::pair<QString, QString>> huggingFaceSnapshots(const QString &cacheDirectory);

// Describes one directory (config and safetensors header only: cheap).
CatalogModel describe(CatalogModel::Source source, const QString &name, const QString &directory);

// Every model, embedded first, then the user's directories, the Hugging Face cache and
// the downloads; a directory found twice is listed once, under its first source.
QList<CatalogModel> discover(const QStringList &userDirectories);

} // namespace ModelCatalog

} // namespace inkling
