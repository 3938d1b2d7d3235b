// GalleryHoverPlayer: plays a gallery item's clip in its thumbnail while the pointer rests on it. The clip's
// first frames are decoded, shrunk to the icon size, on a thread of their own (one at a time; the clip the
// pointer is on when a decode ends comes next), kept for the last few clips, and shown at the clip's rate.
#pragma once
#include <QCache>
#include <QImage>
#include <QObject>
#include <QPointer>
#include <QVector>

class QAbstractItemView;
class QThread;
class QTimer;

namespace i2v::ui {

class GalleryModel;

class GalleryHoverPlayer : public QObject {
    Q_OBJECT
public:
    // `view` shows `model` (directly or through a proxy); the player follows the pointer over it.
    GalleryHoverPlayer(QAbstractItemView* view, GalleryModel* model);
    ~GalleryHoverPlayer() override;

    // Starts playing the entry's clip (after the decode); 0 stops. The pointer's movements call this.
    void hover(qint64 entryId);
    qint64 hoveredEntry() const { return hovered_; }
    bool isPlaying() const;

    static constexpr int kMaxFrames = 48;   // a generated clip is 16; a long one previews its start
    static constexpr int kDwellMs = 300;    // the pointer merely crossing an item decodes nothing

signals:
    void frameShown(qint64 entryId, int frame);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Clip {
        QVector<QImage> frames;
        double fps = 0;
    };
    void startDecode(qint64 entryId);
    void play(qint64 entryId);
    void stop();
    void showNextFrame();

    QAbstractItemView* view_;
    GalleryModel* model_;
    qint64 hovered_ = 0;
    qint64 playing_ = 0;
    int frame_ = 0;
    QTimer* dwell_;
    QTimer* tick_;
    QPointer<QThread> decoding_;
    QCache<qint64, Clip> clips_{8 * kMaxFrames};  // cost: frames
};

} // namespace i2v::ui
