#include "ui/ModelsDialog.h"

#include "ui/DownloadPanel.h"
#include "ui/ScreenRoom.h"
#include "ui/StatusColors.h"

#include "hub/CachedModelRemoval.h"
#include "hub/DownloadProgress.h"
#include "util/CancelToken.h"
#include "util/Errors.h"
#ifdef I2V_HAVE_HUB_CLIENT
#include "hub/ModelVerifier.h"
#endif

#include <QColor>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace i2v::ui {
namespace fs = std::filesystem;

namespace {

QString qstr(const std::string& s) { return QString::fromStdString(s); }
QString qpath(const fs::path& p) { return QString::fromStdString(p.string()); }

// One spelling per folder, so that a snapshot reached through a link or with a trailing '/' is the same folder.
QString canonical(const QString& dir) {
    const QString c = QFileInfo(dir).canonicalFilePath();
    return c.isEmpty() ? QDir::cleanPath(dir) : c;
}

QString sourceText(hub::ModelSource s) {
    switch (s) {
    case hub::ModelSource::AppFolder: return ModelsDialog::tr("App folder");
    case hub::ModelSource::HubCache: return ModelsDialog::tr("Model cache");
    case hub::ModelSource::UserFolder: return ModelsDialog::tr("Added folder");
    }
    return {};
}

} // namespace

QStringList ModelsDialog::userFolders(const QSettings& settings) {
    return settings.value(userFoldersKey()).toStringList();
}

ModelsDialog::ModelsDialog(DownloadController* downloads, QSettings* settings, const QString& appModelsDir,
                           QWidget* parent)
    : QDialog(parent), downloads_(downloads), settings_(settings), appModelsDir_(appModelsDir) {
    setObjectName(QStringLiteral("modelsDialog"));
    setWindowTitle(tr("Models"));
    setModal(false);

    table_ = new QTableWidget(0, ColumnCount, this);
    table_->setObjectName(QStringLiteral("modelsTable"));
    table_->setHorizontalHeaderLabels({tr("Name"), tr("Source"), tr("Weights"), tr("Size"), tr("Status"), tr("Folder")});
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setTextElideMode(Qt::ElideMiddle);
    table_->setWordWrap(false);
    table_->verticalHeader()->setVisible(false);
    table_->horizontalHeader()->setHighlightSections(false);
    for (int c = 0; c < FolderColumn; ++c)
        table_->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(FolderColumn, QHeaderView::Stretch);
    connect(table_, &QTableWidget::itemSelectionChanged, this, &ModelsDialog::updateButtons);
    connect(table_, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        selectRow(row);
        useSelected();
    });

    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("modelsSummary"));
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    use_ = new QPushButton(tr("Use"), this);
    use_->setObjectName(QStringLiteral("modelsUseButton"));
    use_->setToolTip(tr("Generate with this model (double-click does the same)"));
    show_ = new QPushButton(tr("Show in folder"), this);
    show_->setObjectName(QStringLiteral("modelsShowButton"));
    verify_ = new QPushButton(tr("Verify"), this);
    verify_->setObjectName(QStringLiteral("modelsVerifyButton"));
    remove_ = new QPushButton(tr("Remove…"), this);
    remove_->setObjectName(QStringLiteral("modelsRemoveButton"));
    add_ = new QPushButton(tr("Add folder…"), this);
    add_->setObjectName(QStringLiteral("modelsAddButton"));
    add_->setToolTip(tr("List a model folder kept anywhere else"));
    connect(use_, &QPushButton::clicked, this, &ModelsDialog::useSelected);
    connect(show_, &QPushButton::clicked, this, &ModelsDialog::showSelectedInFolder);
    connect(verify_, &QPushButton::clicked, this, &ModelsDialog::verifySelected);
    connect(remove_, &QPushButton::clicked, this, &ModelsDialog::removeSelected);
    connect(add_, &QPushButton::clicked, this, &ModelsDialog::addFolder);

    verifyBar_ = new QProgressBar(this);
    verifyBar_->setObjectName(QStringLiteral("modelsVerifyProgress"));
    verifyBar_->setVisible(false);
    verifyResult_ = new QLabel(this);
    verifyResult_->setObjectName(QStringLiteral("modelsVerifyResult"));
    verifyResult_->setWordWrap(true);
    verifyResult_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    verifyResult_->setVisible(false);

    panel_ = new DownloadPanel(downloads_, this);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::close);

    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {use_, show_, verify_, remove_})
        buttons->addWidget(b);
    buttons->addStretch(1);
    buttons->addWidget(add_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table_, 1);
    layout->addWidget(summary_);
    layout->addLayout(buttons);
    layout->addWidget(verifyBar_);
    layout->addWidget(verifyResult_);
    layout->addWidget(panel_);
    layout->addWidget(close);

    // A finished download is a new model; a download that starts or stops changes a row's status; files
    // arriving fill the snapshot folder in (once a second at most: each listing reads the weight files' headers).
    connect(downloads_, &DownloadController::stateChanged, this, &ModelsDialog::refresh);
    auto* later = new QTimer(this);
    later->setSingleShot(true);
    later->setInterval(1000);
    connect(later, &QTimer::timeout, this, &ModelsDialog::refresh);
    connect(downloads_, &DownloadController::fileDone, later, [later] {
        if (!later->isActive())
            later->start();
    });
    resize(QSize(1000, 640).boundedTo(roomOnScreen(this)));
    refresh();
}

ModelsDialog::~ModelsDialog() {
    if (verifyThread_) {
        verifyCancel_->cancel();
        verifyThread_->wait();
        delete verifyThread_;
    }
}

void ModelsDialog::refresh() {
    const hub::ModelEntry* before = selected();
    const QString keep = before ? qpath(before->path) : QString();
    hub::CatalogSources sources;
    sources.appModelsDir = appModelsDir_.toStdString();
    sources.hubCacheDir = downloads_->hubSettings().cacheDir;
    for (const QString& f : userFolders(*settings_))
        sources.userFolders.push_back(f.toStdString());
    models_ = hub::listModels(sources);

    const QString currentCanonical = canonical(current_);
    table_->setRowCount(int(models_.size()));
    for (int row = 0; row < int(models_.size()); ++row) {
        const hub::ModelEntry& m = models_[row];
        const QString path = qpath(m.path);
        const bool inUse = !current_.isEmpty() && canonical(path) == currentCanonical;
        QStringList variants;
        for (const std::string& v : m.variants)
            variants << qstr(v);
        QString status = m.complete ? tr("Complete") : m.partialDownload ? tr("Incomplete (download interrupted)")
                                                                          : tr("Incomplete");
        if (m.repo && downloads_->holds(qstr(m.repo->id())) && !m.complete)
            status = downloads_->state() == DownloadController::State::Paused ? tr("Download paused")
                                                                               : tr("Downloading…");
        QStringList problems;
        for (const std::string& p : m.problems)
            problems << qstr(p);
        const QString cells[ColumnCount] = {inUse ? tr("%1 (in use)").arg(qstr(m.name)) : qstr(m.name),
                                            sourceText(m.source),
                                            variants.join(QStringLiteral(", ")),
                                            qstr(hub::formatBytes(m.sizeOnDisk)),
                                            status,
                                            QDir::toNativeSeparators(path)};
        for (int c = 0; c < ColumnCount; ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setToolTip(c == StatusColumn && !problems.isEmpty() ? problems.join(QLatin1Char('\n'))
                             : c == FolderColumn                       ? QDir::toNativeSeparators(path)
                                                                       : QString());
            if (inUse) {
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
            }
            if (c == SizeColumn)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (c == StatusColumn && !m.complete)
                item->setForeground(toneTextColor(Tone::Caution, table_->palette()));
            table_->setItem(row, c, item);
        }
    }
    summary_->setText(models_.empty()
                          ? tr("No I2VGen-XL model was found in %1, in the model cache %2 or in a folder you added. "
                               "Download it below.")
                                .arg(QDir::toNativeSeparators(appModelsDir_), qpath(sources.hubCacheDir))
                          : sources.userFolders.empty()
                              ? tr("Looked in %1 and in the model cache %2.")
                                    .arg(QDir::toNativeSeparators(appModelsDir_), qpath(sources.hubCacheDir))
                              : tr("Looked in %1, in the model cache %2 and in the folders you added.")
                                    .arg(QDir::toNativeSeparators(appModelsDir_), qpath(sources.hubCacheDir)));
    const int keepRow = rowOf(keep);
    if (keepRow >= 0)
        selectRow(keepRow);
    else if (!models_.empty() && !selected())
        selectRow(0);
    updateButtons();
}

int ModelsDialog::rowOf(const QString& dir) const {
    if (dir.isEmpty())
        return -1;
    const QString want = canonical(dir);
    for (int row = 0; row < int(models_.size()); ++row)
        if (canonical(qpath(models_[row].path)) == want)
            return row;
    return -1;
}

void ModelsDialog::setCurrentModel(const QString& dir) {
    current_ = dir;
    refresh();
}

void ModelsDialog::selectRow(int row) {
    if (row >= 0 && row < table_->rowCount())
        table_->selectRow(row);
}

const hub::ModelEntry* ModelsDialog::selected() const {
    const QList<QTableWidgetSelectionRange> ranges = table_->selectedRanges();
    if (ranges.isEmpty())
        return nullptr;
    const int row = ranges.first().topRow();
    return row >= 0 && row < int(models_.size()) ? &models_[row] : nullptr;
}

void ModelsDialog::updateButtons() {
    const hub::ModelEntry* m = selected();
    const bool inUse = m && !current_.isEmpty() && canonical(qpath(m->path)) == canonical(current_);
    use_->setEnabled(m && m->complete && !inUse);
    use_->setToolTip(m && !m->complete ? tr("This model is incomplete: see its status for what is missing")
                                       : tr("Generate with this model (double-click does the same)"));
    show_->setEnabled(m != nullptr);
    verify_->setText(isVerifying() ? tr("Stop verifying") : tr("Verify"));
    verify_->setEnabled(isVerifying() || m != nullptr);
    verify_->setToolTip(tr("Read every file again and compare it with its hash (models in the cache) or check every "
                           "weight file's header and size (other folders)"));
    const bool user = m && m->source == hub::ModelSource::UserFolder;
    remove_->setText(user ? tr("Forget folder") : tr("Remove…"));
    remove_->setEnabled(m && m->source != hub::ModelSource::AppFolder && !isVerifying());
    remove_->setToolTip(!m ? QString()
                        : m->source == hub::ModelSource::AppFolder
                            ? tr("Models in the app's own folder are removed in the file manager (Show in folder)")
                        : user ? tr("Take this folder off the list (its files stay)")
                               : tr("Delete this model from the model cache"));
}

void ModelsDialog::useSelected() {
    const hub::ModelEntry* m = selected();
    if (!m || !m->complete)
        return;
    emit useModelRequested(qpath(m->path));
}

void ModelsDialog::showSelectedInFolder() {
    if (const hub::ModelEntry* m = selected())
        if (!QDesktopServices::openUrl(QUrl::fromLocalFile(qpath(m->path))))
            QMessageBox::warning(this, tr("Show in folder"),
                                 tr("No file manager could open %1").arg(QDir::toNativeSeparators(qpath(m->path))));
}

void ModelsDialog::addFolder() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Add an I2VGen-XL model folder"), QDir::homePath());
    if (!dir.isEmpty())
        addUserFolder(dir);
}

bool ModelsDialog::addUserFolder(const QString& dir) {
    if (!hub::inspectModelFolder(QFileInfo(dir).filesystemAbsoluteFilePath(), hub::ModelSource::UserFolder)) {
        QMessageBox::warning(this, tr("Add folder"),
                             tr("%1 is no I2VGen-XL model folder: it needs a model_index.json naming "
                                "I2VGenXLPipeline, with the unet, vae, text_encoder and image_encoder folders beside it.")
                                 .arg(QDir::toNativeSeparators(dir)));
        return false;
    }
    QStringList folders = userFolders(*settings_);
    const QString clean = QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
    if (!folders.contains(clean))
        folders << clean;
    settings_->setValue(userFoldersKey(), folders);
    settings_->sync();
    refresh();
    selectRow(rowOf(clean));
    return true;
}

void ModelsDialog::removeSelected() {
    const hub::ModelEntry* m = selected();
    if (!m || m->source == hub::ModelSource::AppFolder)
        return;
    const hub::ModelEntry entry = *m;
    const QString path = qpath(entry.path);
    if (entry.source == hub::ModelSource::UserFolder) {
        QStringList folders = userFolders(*settings_);
        folders.removeAll(QDir::cleanPath(path));
        settings_->setValue(userFoldersKey(), folders);
        settings_->sync();
        refresh();
        emit modelRemoved(path);
        return;
    }
    const QString name = qstr(entry.name);
    if (entry.repo && downloads_->holds(qstr(entry.repo->id()))) {
        QMessageBox::information(this, tr("Remove model"),
                                 tr("%1 is being downloaded: cancel the download first.").arg(name));
        return;
    }
    const auto answer = QMessageBox::question(
        this, tr("Remove model"),
        tr("Delete %1 from the model cache? This frees about %2 in %3.\n\nhuggingface_hub and diffusers share this "
           "cache: they will have to download the model again too.")
            .arg(name, qstr(hub::formatBytes(entry.sizeOnDisk)), QDir::toNativeSeparators(qpath(entry.path))),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return;
    hub::RepoId repo = *entry.repo;
    repo.revision = entry.commit;   // this snapshot, whatever the refs say
    try {
        const hub::RemovalResult r = hub::removeCachedModel(repo, false, downloads_->hubSettings().cacheDir);
        verifyResult_->setStyleSheet(QString());
        verifyResult_->setText(tr("%1 was removed: %2 freed.").arg(name, qstr(hub::formatBytes(r.bytesFreed))));
    } catch (const Error& e) {
        verifyResult_->setStyleSheet(toneLabelStyle(Tone::Error));
        verifyResult_->setText(tr("%1 could not be removed: %2").arg(name, qstr(e.what())));
    }
    verifyResult_->setVisible(true);
    refresh();
    if (rowOf(path) < 0)
        emit modelRemoved(path);
}

QString ModelsDialog::verifyText() const { return verifyResult_->isVisible() ? verifyResult_->text() : QString(); }

void ModelsDialog::verifySelected() {
    if (isVerifying()) {
        verifyCancel_->cancel();
        verify_->setEnabled(false);
        return;
    }
    const hub::ModelEntry* m = selected();
    if (!m)
        return;
    const fs::path dir = m->path;
    const QString name = qstr(m->name);
    // Only the cache's files carry their hashes (in their blob names); elsewhere the quick check is all there is.
    const bool deep = m->source == hub::ModelSource::HubCache && DownloadWorker::available();
    verifyCancel_ = std::make_shared<CancelToken>();
    verifyResult_->setStyleSheet(QString());
    verifyResult_->setText(deep ? tr("Verifying %1: reading every file…").arg(name)
                                : tr("Checking %1…").arg(name));
    verifyResult_->setVisible(true);
    verifyBar_->setRange(0, 0);
    verifyBar_->setVisible(true);
    auto cancel = verifyCancel_;
    verifyThread_ = QThread::create([this, cancel, dir, deep, name] {
        QStringList problems;
        int hashed = 0;
        qint64 bytes = 0;
        try {
#ifdef I2V_HAVE_HUB_CLIENT
            const hub::VerifyReport r = hub::verifyModelFolder(dir, deep, cancel.get(), [this](const std::string& f, int i, int n) {
                QMetaObject::invokeMethod(this, [this, file = qstr(f), i, n] { onVerifyFile(file, i, n); },
                                          Qt::QueuedConnection);
            });
            for (const std::string& p : r.problems)
                problems << qstr(p);
            hashed = r.filesHashed;
            bytes = qint64(r.bytesHashed);
#else
            const auto entry = hub::inspectModelFolder(dir, hub::ModelSource::UserFolder);
            if (!entry)
                problems << tr("%1 is no I2VGen-XL model folder any more").arg(qpath(dir));
            else
                for (const std::string& p : entry->problems)
                    problems << qstr(p);
#endif
        } catch (const Cancelled&) {
            problems << tr("Verifying was stopped before the end");
        } catch (const std::exception& e) {
            problems << QString::fromLocal8Bit(e.what());
        }
        QMetaObject::invokeMethod(
            this, [this, problems, hashed, bytes, deep, name] { onVerifyDone(problems, hashed, bytes, deep, name); }, Qt::QueuedConnection);
    });
    verifyThread_->setObjectName(QStringLiteral("ModelVerifier"));
    connect(verifyThread_, &QThread::finished, this, [this] {
        verifyThread_->deleteLater();
        verifyThread_ = nullptr;
        verifyBar_->setVisible(false);
        updateButtons();
    });
    verifyThread_->start();
    updateButtons();
}

void ModelsDialog::onVerifyFile(const QString& file, int index, int count) {
    verifyBar_->setRange(0, count);
    verifyBar_->setValue(index);
    verifyResult_->setText(tr("Verifying: %1 (file %2 of %3)").arg(file).arg(index + 1).arg(count));
}

void ModelsDialog::onVerifyDone(const QStringList& problems, int filesHashed, qint64 bytesHashed, bool deep,
                                const QString& name) {
    if (problems.isEmpty()) {
        verifyResult_->setStyleSheet(toneLabelStyle(Tone::Success));
        verifyResult_->setText(deep ? tr("%1 is intact: all %2 files match their hashes (%3 read).")
                                          .arg(name)
                                          .arg(filesHashed)
                                          .arg(qstr(hub::formatBytes(uint64_t(bytesHashed))))
                                    : tr("%1 is complete: every file is there and every weight file is whole (its "
                                         "size and header checked; only files in the model cache carry hashes to "
                                         "compare).")
                                          .arg(name));
    } else {
        verifyResult_->setStyleSheet(toneLabelStyle(Tone::Error));
        verifyResult_->setText((problems.size() == 1 ? tr("%1: one problem found:").arg(name)
                                                     : tr("%1: %2 problems found:").arg(name).arg(problems.size())) +
                               QStringLiteral("\n• ") + problems.join(QStringLiteral("\n• ")));
    }
    verifyResult_->setVisible(true);
}

} // namespace i2v::ui
