// The model manager: a list on top, the selection's details below it, then the
// official downloads. Discovery is cheap (headers only), so it runs on every refresh.
#include "ui/models/model_manager_dialog.h"

#include "engine/model/language_model.h"
#include "ui/models/model_download.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace inkling {

namespace {

enum Column {
    NameColumn,
    SourceColumn,
    ParametersColumn,
    SizeColumn,
    PrecisionColumn,
    ColumnCount
};

QString canonicalPath(const QString &directory)
{
    const QFileInfo info(directory);
    const QString c = info.canonicalFilePath();
    return c.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : c;
}

QString parametersText(qint64 parameters)
{
    if (parameters <= 0)
        return {};
    return parameters >= 1000000000 ? ModelManagerDialog::tr("%1 B").arg(
                                          QLocale().toString(double(parameters) / 1e9, 'f', 2))
                                    : ModelManagerDialog::tr("%1 M").arg(
                                          QLocale().toString(double(parameters) / 1e6, 'f', 1));
}

} // namespace

ModelManagerDialog::ModelManagerDialog(const QString &activeDirectory, QWidget *parent)
    : QDialog(parent)
    , m_activeSetting(activeDirectory)
    , m_list(new QTreeWidget)
    , m_details(new QLabel)
    , m_useButton(new QPushButton(tr("&Use This Model")))
    , m_removeButton(new QPushButton(tr("&Remove From List")))
    , m_network(new QNetworkAccessManager(this))
{
    setWindowTitle(tr("Models"));
    const QString active = activeDirectory.isEmpty()
                               ? QString::fromStdString(defaultModelDirectory())
                               : activeDirectory;
    m_activeCanonical = active.isEmpty() ? QString() : canonicalPath(active);

    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels(
        {tr("Model"), tr("Source"), tr("Parameters"), tr("File Size"), tr("Precision")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    for (int c = SourceColumn; c < ColumnCount; ++c)
        m_list->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &ModelManagerDialog::showDetails);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &ModelManagerDialog::useSelected);

    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setMinimumHeight(m_details->fontMetrics().lineSpacing() * 5);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    auto *addButton = new QPushButton(tr("&Add Directory…"));
    connect(addButton, &QPushButton::clicked, this, &ModelManagerDialog::addDirectory);
    connect(m_removeButton, &QPushButton::clicked, this, &ModelManagerDialog::removeDirectory);
    connect(m_useButton, &QPushButton::clicked, this, &ModelManagerDialog::useSelected);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(addButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch();
    buttons->addWidget(m_useButton);

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_details);
    layout->addLayout(buttons);
    layout->addWidget(createDownloads());
    layout->addWidget(close);
    resize(720, 560);
    m_discovery = new QFutureWatcher<QList<CatalogModel>>(this);
    connect(m_discovery, &QFutureWatcherBase::finished, this, &ModelManagerDialog::showDiscovered);
    refresh();
}

// A discovery still running finishes in the thread pool on its own copies of its inputs.
ModelManagerDialog::~ModelManagerDialog() = default;

QWidget *ModelManagerDialog::createDownloads()
{
    auto *box = new QGroupBox(tr("Download from Hugging Face"));
    auto *grid = new QGridLayout(box);
    int row = 0;
    for (const OfficialModel &model : ModelCatalog::officialModels()) {
        DownloadRow r;
        r.download = new ModelDownload(model, ModelCatalog::huggingFaceEndpoint(),
                                       ModelCatalog::downloadDirectory(), m_network, this);
        r.bar = new QProgressBar;
        r.bar->setRange(0, 1000);
        r.bar->setTextVisible(false);
        r.status = new QLabel;
        r.status->setWordWrap(true);
        r.status->setTextInteractionFlags(Qt::TextSelectableByMouse);
        r.button = new QPushButton;
        auto *name = new QLabel(
            tr("<b>%1</b> (%2 parameters)").arg(model.name, parametersText(model.parameters)));
        grid->addWidget(name, row, 0);
        grid->addWidget(r.bar, row, 1);
        grid->addWidget(r.button, row, 2);
        grid->addWidget(r.status, row + 1, 0, 1, 3);
        row += 2;
        const int index = int(m_downloads.size());
        m_downloads.append(r);
        ModelDownload *d = r.download;
        connect(r.button, &QPushButton::clicked, this, [this, d] {
            if (d->state() == ModelDownload::State::Running ||
                d->state() == ModelDownload::State::Verifying)
                d->cancel();
            else
                d->start();
        });
        connect(d, &ModelDownload::stateChanged, this,
                [this, index] { updateDownloadRow(m_downloads[index]); });
        connect(d, &ModelDownload::progress, this, [this, index](qint64 received, qint64 total) {
            DownloadRow &r = m_downloads[index];
            if (total > 0) {
                // Redraw per tenth of a percent, not per network packet.
                const int permille = int(1000.0 * double(received) / double(total));
                if (permille == r.bar->value() && received != total)
                    return;
                r.bar->setValue(permille);
                r.status->setText(tr("%1 of %2")
                                      .arg(QLocale().formattedDataSize(received),
                                           QLocale().formattedDataSize(total)));
            } else {
                r.bar->setRange(0, 0);
                r.status->setText(QLocale().formattedDataSize(received));
            }
        });
        connect(d, &ModelDownload::fileStarted, this, [this, index](const QString &file) {
            m_downloads[index].status->setText(tr("Downloading %1…").arg(file));
        });
        connect(d, &ModelDownload::finished, this, [this] { refresh(); });
        updateDownloadRow(m_downloads[index]);
    }
    grid->setColumnStretch(1, 1);
    return box;
}

void ModelManagerDialog::updateDownloadRow(DownloadRow &row)
{
    ModelDownload *d = row.download;
    const bool installed = QFileInfo::exists(d->installedDirectory());
    row.status->setStyleSheet(QString());
    row.bar->setRange(0, 1000);
    switch (d->state()) {
    case ModelDownload::State::Running:
        row.button->setText(tr("Cancel"));
        row.button->setEnabled(true);
        return;
    case ModelDownload::State::Verifying:
        row.button->setText(tr("Cancel"));
        row.bar->setRange(0, 0);
        row.status->setText(tr("Verifying the SHA-256 checksum…"));
        return;
    case ModelDownload::State::Failed:
        row.status->setText(d->errorMessage());
        row.status->setStyleSheet(QStringLiteral("color: #c0392b"));
        break;
    case ModelDownload::State::Cancelled:
        row.status->setText(tr("Cancelled. What was downloaded is kept for resuming."));
        break;
    case ModelDownload::State::Finished:
        row.status->setText(tr("Installed in %1").arg(d->installedDirectory()));
        break;
    case ModelDownload::State::Idle:
        if (installed)
            row.status->setText(tr("Installed in %1").arg(d->installedDirectory()));
        break;
    }
    const qint64 partial = d->partialBytes();
    row.bar->setValue(installed ? 1000 : 0);
    row.bar->setVisible(!installed && (partial > 0 || d->state() != ModelDownload::State::Idle));
    row.button->setEnabled(!installed);
    row.button->setText(installed ? tr("Installed")
                        : partial > 0
                            ? tr("Resume (%1 so far)").arg(QLocale().formattedDataSize(partial))
                            : tr("Download"));
}

bool ModelManagerDialog::isRefreshing() const
{
    return m_discovery->isRunning();
}

void ModelManagerDialog::refresh()
{
    if (m_discovery->isRunning()) {
        m_refreshAgain = true;
        return;
    }
    m_selectAfterRefresh = selectedModel() ? selectedModel()->directory() : m_activeCanonical;
    const QStringList directories = ModelCatalog::userDirectories(QSettings());
    m_models.clear();
    m_list->clear();
    auto *placeholder = new QTreeWidgetItem(m_list, {tr("Looking for models…")});
    placeholder->setFlags(Qt::NoItemFlags);
    showDetails();
    m_discovery->setFuture(
        QtConcurrent::run([directories] { return ModelCatalog::discover(directories); }));
}

void ModelManagerDialog::showDiscovered()
{
    if (m_refreshAgain) {
        m_refreshAgain = false;
        refresh();
        return;
    }
    const QString selected = m_selectAfterRefresh;
    m_models = m_discovery->result();
    m_list->clear();
    QTreeWidgetItem *current = nullptr;
    for (int i = 0; i < m_models.size(); ++i) {
        const CatalogModel &m = m_models.at(i);
        auto *item = new QTreeWidgetItem(m_list);
        item->setData(NameColumn, Qt::UserRole, i);
        item->setText(NameColumn, isActive(m) ? tr("%1 (active)").arg(m.name()) : m.name());
        item->setText(SourceColumn, ModelCatalog::sourceTitle(m.source));
        item->setText(ParametersColumn, parametersText(m.info.parameters));
        item->setText(SizeColumn, m.info.fileBytes > 0
                                      ? QLocale().formattedDataSize(m.info.fileBytes)
                                      : QString());
        item->setText(PrecisionColumn, QString::fromStdString(m.info.dtype));
        if (isActive(m)) {
            QFont bold = item->font(NameColumn);
            bold.setBold(true);
            item->setFont(NameColumn, bold);
        }
        if (!m.loadable) {
            item->setForeground(NameColumn, palette().brush(QPalette::Disabled, QPalette::Text));
            item->setToolTip(NameColumn, m.problem);
        }
        if (m.directory() == selected)
            current = item;
    }
    m_list->setCurrentItem(current ? current : m_list->topLevelItem(0));
    for (DownloadRow &row : m_downloads)
        updateDownloadRow(row);
    showDetails();
    emit refreshed();
}

const CatalogModel *ModelManagerDialog::selectedModel() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return nullptr;
    const int index = item->data(NameColumn, Qt::UserRole).toInt();
    return index >= 0 && index < m_models.size() ? &m_models.at(index) : nullptr;
}

bool ModelManagerDialog::isActive(const CatalogModel &model) const
{
    return !model.info.directory.empty() && model.directory() == m_activeCanonical;
}

void ModelManagerDialog::showDetails()
{
    const CatalogModel *m = selectedModel();
    m_useButton->setEnabled(m && m->loadable && !isActive(*m));
    m_removeButton->setEnabled(m && m->source == CatalogModel::Source::UserDirectory);
    if (!m) {
        m_details->clear();
        return;
    }
    QString html = QStringLiteral("<b>%1</b>").arg(m->name().toHtmlEscaped());
    if (isActive(*m))
        html += QStringLiteral(" — ") + tr("in use");
    html += QStringLiteral("<br>") + m->directory().toHtmlEscaped();
    const ModelInfo &info = m->info;
    if (info.parameters > 0)
        html +=
            QStringLiteral("<br>") + tr("%1 parameters (%2 layers × %3), context length %4 tokens")
                                         .arg(QLocale().toString(info.parameters))
                                         .arg(info.layers)
                                         .arg(info.width)
                                         .arg(info.contextLength);
    if (info.fileBytes > 0)
        html += QStringLiteral("<br>") +
                tr("File size %1, precision %2")
                    .arg(QLocale().formattedDataSize(info.fileBytes),
                         info.dtype.empty() ? tr("unknown") : QString::fromStdString(info.dtype));
    if (!m->loadable)
        html += QStringLiteral("<br><span style=\"color:#c0392b\">%1</span>")
                    .arg(tr("Cannot be used: %1").arg(m->problem).toHtmlEscaped());
    m_details->setText(html);
}

void ModelManagerDialog::useSelected()
{
    const CatalogModel *m = selectedModel();
    if (!m || !m->loadable)
        return;
    m_chosen = m->source == CatalogModel::Source::Embedded ? QString() : m->directory();
    accept();
}

void ModelManagerDialog::addDirectory()
{
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Choose a GPT-2 model directory"));
    if (dir.isEmpty())
        return;
    QSettings settings;
    QStringList dirs = ModelCatalog::userDirectories(settings);
    if (!dirs.contains(dir))
        dirs.append(dir);
    ModelCatalog::setUserDirectories(settings, dirs);
    refresh();
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (m_models.at(item->data(NameColumn, Qt::UserRole).toInt()).directory() ==
            canonicalPath(dir))
            m_list->setCurrentItem(item);
    }
}

void ModelManagerDialog::removeDirectory()
{
    const CatalogModel *m = selectedModel();
    if (!m || m->source != CatalogModel::Source::UserDirectory)
        return;
    QSettings settings;
    QStringList dirs = ModelCatalog::userDirectories(settings);
    dirs.removeIf([&](const QString &d) { return canonicalPath(d) == m->directory(); });
    ModelCatalog::setUserDirectories(settings, dirs);
    refresh();
}

void ModelManagerDialog::done(int result)
{
    const bool running =
        std::any_of(m_downloads.cbegin(), m_downloads.cend(), [](const DownloadRow &r) {
            return r.download->state() == ModelDownload::State::Running ||
                   r.download->state() == ModelDownload::State::Verifying;
        });
    if (running && isVisible() &&
        QMessageBox::question(
            this, tr("Stop Downloads?"),
            tr("Closing this window stops the running downloads. What has arrived "
               "is kept, and the download resumes when you start it again."),
            QMessageBox::Close | QMessageBox::Cancel) != QMessageBox::Close)
        return;
    for (DownloadRow &r : m_downloads)
        r.download->cancel();
    QDialog::done(result);
}

} // namespace inkling
