#include "ui/GalleryHoverPlayer.h"

#include "ui/FrameExport.h"
#include "ui/GalleryModel.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QMouseEvent>
#include <QThread>
#include <QTimer>

#include <cmath>
#include <memory>

namespace i2v::ui {

GalleryHoverPlayer::GalleryHoverPlayer(QAbstractItemView* view, GalleryModel* model)
    : QObject(view), view_(view), model_(model), dwell_(new QTimer(this)), tick_(new QTimer(this)) {
    dwell_->setSingleShot(true);
    dwell_->setInterval(kDwellMs);
    connect(dwell_, &QTimer::timeout, this, [this] {
        if (hovered_)
            play(hovered_);
    });
    connect(tick_, &QTimer::timeout, this, &GalleryHoverPlayer::showNextFrame);
    view_->setMouseTracking(true);
    view_->viewport()->installEventFilter(this);
    // An entry removed (or the list reset) while it plays must not keep a frame of it in the model.
    connect(model_, &QAbstractItemModel::modelAboutToBeReset, this, [this] { hover(0); });
    connect(model_, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this] { hover(0); });
}

GalleryHoverPlayer::~GalleryHoverPlayer() {
    // The decode only writes its own result; the thread object must not die while it runs.
    if (decoding_) {
        disconnect(decoding_, nullptr, this, nullptr);
        decoding_->wait();
        delete decoding_.data();
    }
}

bool GalleryHoverPlayer::isPlaying() const { return tick_->isActive(); }

bool GalleryHoverPlayer::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
    case QEvent::MouseMove: {
        const QModelIndex index = view_->indexAt(static_cast<QMouseEvent*>(event)->position().toPoint());
        hover(index.isValid() ? index.data(GalleryModel::EntryIdRole).toLongLong() : 0);
        break;
    }
    case QEvent::Leave:
    case QEvent::Hide:
        hover(0);
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void GalleryHoverPlayer::hover(qint64 entryId) {
    if (entryId == hovered_)
        return;
    stop();
    hovered_ = entryId;
    if (entryId)
        dwell_->start();
}

void GalleryHoverPlayer::play(qint64 entryId) {
    const Clip* clip = clips_.object(entryId);
    if (!clip) {
        startDecode(entryId);
        return;
    }
    if (clip->frames.size() < 2)
        return;  // nothing moves: the thumbnail stays
    playing_ = entryId;
    frame_ = -1;
    const double fps = clip->fps > 0 ? clip->fps : 8.0;
    tick_->start(std::max(15, int(std::lround(1000.0 / fps))));
    showNextFrame();
}

void GalleryHoverPlayer::startDecode(qint64 entryId) {
    if (decoding_)
        return;  // the running decode's end starts the one for the entry hovered by then
    const std::optional<HistoryEntry> entry = model_->entry(entryId);
    if (!entry || entry->videoPath.isEmpty())
        return;
    auto clip = std::make_shared<VideoClip>();
    QThread* thread = QThread::create([clip, path = entry->videoPath] { *clip = readVideoClip(path, kMaxFrames, GalleryModel::iconSize()); });
    decoding_ = thread;
    connect(thread, &QThread::finished, this, [this, thread, clip, entryId] {
        thread->deleteLater();
        decoding_.clear();
        // An unreadable file is remembered as "no frames" so that resting on it again decodes nothing.
        clips_.insert(entryId, new Clip{clip->frames, clip->fps}, std::max<qsizetype>(1, clip->frames.size()));
        if (hovered_ && !isPlaying())
            play(hovered_);
    });
    thread->start(QThread::LowPriority);
}

void GalleryHoverPlayer::stop() {
    dwell_->stop();
    tick_->stop();
    if (playing_)
        model_->setLiveFrame(playing_, {});
    playing_ = 0;
}

void GalleryHoverPlayer::showNextFrame() {
    const Clip* clip = clips_.object(playing_);
    if (!clip || clip->frames.isEmpty()) {
        stop();
        return;
    }
    frame_ = (frame_ + 1) % int(clip->frames.size());
    model_->setLiveFrame(playing_, clip->frames.at(frame_));
    emit frameShown(playing_, frame_);
}

} // namespace i2v::ui
