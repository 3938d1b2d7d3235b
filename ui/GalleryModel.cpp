#include "ui/GalleryModel.h"

#include <QFileInfo>
#include <QIcon>
#include <QLocale>
#include <QMimeData>
#include <QUrl>

#include <algorithm>

namespace i2v::ui {

GalleryModel::GalleryModel(QObject* parent) : QAbstractListModel(parent) {}

QString GalleryModel::outcomeText(JobOutcome outcome) {
    switch (outcome) {
    case JobOutcome::Finished: return tr("Finished");
    case JobOutcome::NotSaved: return tr("Not saved");
    case JobOutcome::Cancelled: return tr("Cancelled");
    case JobOutcome::Failed: return tr("Failed");
    }
    return {};
}

QString GalleryModel::caption(const HistoryEntry& e) {
    QString first = QLocale().toString(e.ended, QLocale::ShortFormat);
    if (e.outcome != JobOutcome::Finished)
        first = outcomeText(e.outcome) + QStringLiteral(" · ") + first;
    const QString prompt = e.request.prompt().simplified();
    if (prompt.isEmpty())
        return first;
    constexpr int kCaptionChars = 28;
    return first + QLatin1Char('\n') + (prompt.size() > kCaptionChars ? prompt.left(kCaptionChars - 1) + QChar(0x2026) : prompt);
}

QString GalleryModel::describe(const HistoryEntry& e) {
    const GenerationRequest& r = e.request.generation;
    QString text = tr("%1 · %2 · seed %3 · %4×%5, %6 frames, %7 steps")
                       .arg(outcomeText(e.outcome), QLocale().toString(e.ended, QLocale::ShortFormat))
                       .arg(r.seed)
                       .arg(r.width)
                       .arg(r.height)
                       .arg(r.numFrames)
                       .arg(r.numInferenceSteps);
    if (const QString prompt = e.request.prompt(); !prompt.isEmpty())
        text += QLatin1Char('\n') + prompt.simplified().left(200);
    if (!e.message.isEmpty())
        text += QLatin1Char('\n') + e.message.left(200);
    if (!e.videoPath.isEmpty())
        text += QLatin1Char('\n') + e.videoPath;
    return text;
}

void GalleryModel::keepThumbnail(HistoryEntry& e) {
    if (!e.thumbnail.isNull())
        thumbnails_.insert(e.id, QPixmap::fromImage(e.thumbnail.scaled(iconSize(), Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    e.thumbnail = QImage();  // the pixmap is all the grid needs
}

void GalleryModel::setEntries(QList<HistoryEntry> entries) {
    beginResetModel();
    thumbnails_.clear();
    liveId_ = 0;
    liveFrame_ = {};
    for (HistoryEntry& e : entries)
        keepThumbnail(e);
    entries_ = std::move(entries);
    endResetModel();
}

void GalleryModel::prepend(HistoryEntry entry) {
    beginInsertRows({}, 0, 0);
    keepThumbnail(entry);
    entries_.prepend(std::move(entry));
    endInsertRows();
}

int GalleryModel::rowOf(qint64 id) const {
    const auto it = std::find_if(entries_.cbegin(), entries_.cend(), [id](const HistoryEntry& e) { return e.id == id; });
    return it == entries_.cend() ? -1 : int(it - entries_.cbegin());
}

bool GalleryModel::remove(qint64 id) {
    const int row = rowOf(id);
    if (row < 0)
        return false;
    beginRemoveRows({}, row, row);
    entries_.removeAt(row);
    thumbnails_.remove(id);
    if (liveId_ == id) {
        liveId_ = 0;
        liveFrame_ = {};
    }
    endRemoveRows();
    return true;
}

std::optional<HistoryEntry> GalleryModel::entry(qint64 id) const {
    const int row = rowOf(id);
    if (row < 0)
        return std::nullopt;
    return entries_.at(row);
}

void GalleryModel::setLiveFrame(qint64 id, const QImage& frame) {
    const qint64 before = liveId_;
    liveId_ = frame.isNull() ? 0 : id;
    liveFrame_ = frame.isNull() ? QPixmap() : QPixmap::fromImage(frame);
    for (const qint64 changed : {before, liveId_})
        if (const int row = changed ? rowOf(changed) : -1; row >= 0)
            emit dataChanged(index(row), index(row), {Qt::DecorationRole});
}

int GalleryModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(entries_.size()); }

QVariant GalleryModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= entries_.size())
        return {};
    const HistoryEntry& e = entries_.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return caption(e);
    case Qt::ToolTipRole: return describe(e);
    // An icon, so that the view draws it at its icon size (a pixmap is drawn at its own).
    case Qt::DecorationRole: return QIcon(e.id == liveId_ ? liveFrame_ : thumbnails_.value(e.id));
    case EntryIdRole: return e.id;
    case PromptRole: return e.request.prompt();
    case EndedRole: return e.ended;
    case OutcomeRole: return int(e.outcome);
    case VideoPathRole: return e.videoPath;
    default: return {};
    }
}

Qt::ItemFlags GalleryModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags f = QAbstractListModel::flags(index);
    if (index.isValid() && !entries_.at(index.row()).videoPath.isEmpty())
        f |= Qt::ItemIsDragEnabled;
    return f;
}

QStringList GalleryModel::mimeTypes() const { return {QStringLiteral("text/uri-list"), QStringLiteral("text/plain")}; }

QMimeData* GalleryModel::mimeDataFor(const QList<HistoryEntry>& entries, const QPixmap& thumbnail) {
    auto* mime = new QMimeData;
    QList<QUrl> urls;
    QStringList paths;
    for (const HistoryEntry& e : entries)
        if (!e.videoPath.isEmpty() && QFileInfo::exists(e.videoPath)) {
            urls.push_back(QUrl::fromLocalFile(e.videoPath));
            paths.push_back(e.videoPath);
        }
    if (!urls.isEmpty()) {
        mime->setUrls(urls);
        mime->setText(paths.join(QLatin1Char('\n')));
    }
    if (!thumbnail.isNull())
        mime->setImageData(thumbnail.toImage());
    return mime;
}

QMimeData* GalleryModel::mimeData(const QModelIndexList& indexes) const {
    QList<HistoryEntry> chosen;
    for (const QModelIndex& index : indexes)
        if (index.isValid())
            chosen.push_back(entries_.at(index.row()));
    if (chosen.isEmpty())
        return nullptr;
    return mimeDataFor(chosen, thumbnails_.value(chosen.first().id));
}

} // namespace i2v::ui
