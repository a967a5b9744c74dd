// Models > Manage: every model Inkling can find (embedded, the user's directories, the
// Hugging Face cache, downloads), the active one marked, its details, and downloads of
// the four official GPT-2 sizes with progress, cancel and inline errors.
#pragma once

#include "ui/models/model_catalog.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QList>

class QLabel;
class QNetworkAccessManager;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace inkling {

class ModelDownload;

class ModelManagerDialog : public QDialog
{
    Q_OBJECT

public:
    // activeDirectory is SuggestionSettings::modelDirectory (empty: the embedded model).
    explicit ModelManagerDialog(const QString &activeDirectory, QWidget *parent = nullptr);
    ~ModelManagerDialog() override;

    // After "Use This Model": the directory for SuggestionSettings::modelDirectory
    // (empty for the embedded model).
    QString chosenDirectory() const { return m_chosen; }

    QTreeWidget *modelList() const { return m_list; }
    const QList<CatalogModel> &models() const { return m_models; }
    // Re-reads every source on a worker thread (inspection reads files, which may be on a
    // slow disk or network), so the dialog stays usable; the list says so meanwhile and
    // keeps the selection where possible. refreshed() follows.
    void refresh();
    bool isRefreshing() const;

signals:
    void refreshed();

public slots:
    void done(int result) override; // asks before stopping running downloads

private:
    struct DownloadRow
    {
        ModelDownload *download = nullptr;
        QProgressBar *bar = nullptr;
        QLabel *status = nullptr;
        QPushButton *button = nullptr;
    };

    QWidget *createDownloads();
    void updateDownloadRow(DownloadRow &row);
    void showDetails();
    void showDiscovered();
    void useSelected();
    void addDirectory();
    void removeDirectory();
    const CatalogModel *selectedModel() const;
    bool isActive(const CatalogModel &model) const;

    QString m_activeSetting;
    QString m_activeCanonical;
    QString m_chosen;
    QList<CatalogModel> m_models;
    QTreeWidget *m_list;
    QLabel *m_details;
    QPushButton *m_useButton;
    QPushButton *m_removeButton;
    QNetworkAccessManager *m_network; // opens no connection until a download starts
    QList<DownloadRow> m_downloads;
    QFutureWatcher<QList<CatalogModel>> *m_discovery;
    bool m_refreshAgain = false; // asked while a discovery ran: run one more after it
    QString m_selectAfterRefresh;
};

} // namespace inkling
