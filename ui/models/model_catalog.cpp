// Model discovery: directory listings and cheap inspection, nothing loaded.
#include "ui/models/model_catalog.h"

#include "engine/model/language_model.h"
#include "engine/model/model_inspection.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>

namespace inkling::ModelCatalog {

namespace {

QString environment(const char *name)
{
    return qEnvironmentVariable(name).trimmed();
}

QString canonical(const QString &directory)
{
    const QFileInfo info(directory);
    const QString c = info.canonicalFilePath();
    return c.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : c;
}

} // namespace

QString sourceTitle(CatalogModel::Source source)
{
    switch (source) {
    case CatalogModel::Source::Embedded:
        return QCoreApplication::translate("ModelCatalog", "Embedded");
    case CatalogModel::Source::UserDirectory:
        return QCoreApplication::translate("ModelCatalog", "Your directory");
    case CatalogModel::Source::HuggingFaceCache:
        return QCoreApplication::translate("ModelCatalog", "Hugging Face cache");
    case CatalogModel::Source::Downloaded:
        return QCoreApplication::translate("ModelCatalog", "Downloaded");
    }
    return {};
}

QString huggingFaceCacheDirectory()
{
    for (const char *name : {"HF_HUB_CACHE", "HUGGINGFACE_HUB_CACHE"}) {
        if (const QString dir = environment(name); !dir.isEmpty())
            return dir;
    }
    if (const QString home = environment("HF_HOME"); !home.isEmpty())
        return home + QStringLiteral("/hub");
    if (const QString xdg = environment("XDG_CACHE_HOME"); !xdg.isEmpty())
        return xdg + QStringLiteral("/huggingface/hub");
    return QDir::homePath() + QStringLiteral("/.cache/huggingface/hub");
}

QString downloadDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/models");
}

QString huggingFaceEndpoint()
{
    QString endpoint = environment("HF_ENDPOINT");
    while (endpoint.endsWith(u'/'))
        endpoint.chop(1);
    return endpoint.isEmpty() ? QStringLiteral("https://huggingface.co") : endpoint;
}

const QList<OfficialModel> &officialModels()
{
    static const QList<OfficialModel> models = {
        {QStringLiteral("gpt2"), QStringLiteral("openai-community/gpt2"), 124439808},
        {QStringLiteral("gpt2-medium"), QStringLiteral("openai-community/gpt2-medium"), 354823168},
        {QStringLiteral("gpt2-large"), QStringLiteral("openai-community/gpt2-large"), 774030080},
        {QStringLiteral("gpt2-xl"), QStringLiteral("openai-community/gpt2-xl"), 1557611200},
    };
    return models;
}

QStringList userDirectories(const QSettings &settings)
{
    return settings.value(QStringLiteral("models/directories")).toStringList();
}

void setUserDirectories(QSettings &settings, const QStringList &directories)
{
    settings.setValue(QStringLiteral("models/directories"), directories);
}

QList<std::pair<QString, QString>> huggingFaceSnapshots(const QString &cacheDirectory)
{
    QList<std::pair<QString, QString>> found;
    const QDir cache(cacheDirectory);
    const QStringList repos = cache.entryList({QStringLiteral("models--*gpt2*")},
                                              QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &repo : repos) {
        // models--openai-community--gpt2 → openai-community/gpt2
        const QString name =
            repo.mid(int(qstrlen("models--"))).replace(QStringLiteral("--"), QStringLiteral("/"));
        const QDir snapshots(cache.filePath(repo + QStringLiteral("/snapshots")));
        QFile ref(cache.filePath(repo + QStringLiteral("/refs/main")));
        if (ref.open(QIODevice::ReadOnly)) {
            const QString revision = QString::fromLatin1(ref.readAll()).trimmed();
            if (!revision.isEmpty() && !revision.contains(u'/') && snapshots.exists(revision)) {
                found.append({name, snapshots.filePath(revision)});
                continue;
            }
        }
        const QStringList revisions =
            snapshots.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (const QString &revision : revisions) {
            const QString shown = revisions.size() == 1 ? name : name + u'@' + revision.left(7);
            found.append({shown, snapshots.filePath(revision)});
        }
    }
    return found;
}

CatalogModel describe(CatalogModel::Source source, const QString &name, const QString &directory)
{
    CatalogModel m;
    m.source = source;
    const ModelSummary s = inspectModelDirectory(canonical(directory).toStdString());
    m.info = s.info;
    m.info.name = name.toStdString();
    m.loadable = s.loadable;
    m.problem = QString::fromStdString(s.problem);
    return m;
}

QList<CatalogModel> discover(const QStringList &userDirectories)
{
    QList<CatalogModel> models;
    QSet<QString> seen;
    const auto add = [&](CatalogModel::Source source, const QString &name, const QString &dir) {
        if (seen.contains(canonical(dir)))
            return;
        seen.insert(canonical(dir));
        models.append(describe(source, name, dir));
    };

    const QString embedded = QString::fromStdString(defaultModelDirectory());
    if (embedded.isEmpty()) {
        CatalogModel m;
        m.info.name = "inkling-tiny";
        m.problem = QCoreApplication::translate(
            "ModelCatalog", "The embedded model is missing from this installation.");
        models.append(m);
    } else {
        add(CatalogModel::Source::Embedded, QFileInfo(embedded).fileName(), embedded);
    }
    for (const QString &dir : userDirectories)
        add(CatalogModel::Source::UserDirectory, QFileInfo(QDir::cleanPath(dir)).fileName(), dir);
    for (const auto &[name, dir] : huggingFaceSnapshots(huggingFaceCacheDirectory()))
        add(CatalogModel::Source::HuggingFaceCache, name, dir);
    // Hidden directories there are downloads in progress, not models.
    const QDir downloads(downloadDirectory());
    for (const QString &dir : downloads.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        add(CatalogModel::Source::Downloaded, dir, downloads.filePath(dir));
    return models;
}

} // namespace inkling::ModelCatalog
