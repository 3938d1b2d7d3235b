// DropZone: where the user's picture comes in (drag & drop of files or raw image data, Open…, Paste)
// and is shown with an outline of the crop the model sees (diffusers' _center_crop_wide for the
// chosen video size, ImagePreprocessor::vaeRegion) and the input size. The outline can be dragged to
// move the crop window (a CropPosition the job carries), or moved with the arrow keys once the zone has the
// focus (a click or Tab; Shift for larger steps); a double click or Home centres it again, and a new picture
// starts centred, as diffusers crops.
// Pictures are decoded by the engine's ImageLoader (Pillow-exact pixels, EXIF rotation), so what is
// shown is what the model gets. Decoding runs on a pool thread: a camera's 50-megapixel JPEG takes a second
// and a 100-megapixel PNG several, during which the window goes on repainting and answering.
#pragma once
#include "image/CenterCropWide.h"

#include <QFutureWatcher>
#include <QImage>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QMimeData;

namespace i2v {
struct LoadedImage;
}

namespace i2v::ui {

class DropZone : public QWidget {
    Q_OBJECT
public:
    explicit DropZone(QWidget* parent = nullptr);
    ~DropZone() override;

    // Starts reading a file (isReading() until it ends). Read, it replaces the picture (imageChanged) with its
    // crop window at `crop`; unreadable, loadFailed says why and the previous picture stays. A later load,
    // setImage or clear supersedes a read still running, whose result is then dropped.
    void loadFile(const QString& path, CropPosition crop = {});
    // Takes a picture from dropped/pasted data: file URLs first, then encoded bytes, then a QImage. False (and
    // loadFailed) when the data holds none of them; otherwise reading has started or the picture is shown.
    bool loadMimeData(const QMimeData* mime, const QString& sourceName);
    // Raw encoded bytes (PNG, JPEG, WebP, GIF, BMP, TIFF), read like a file.
    void loadBytes(const QByteArray& bytes, const QString& sourceName);
    void setImage(const QImage& image, const QString& path, const QString& sourceName);
    void clear();
    // A picture is being read; the one shown (if any) is the previous one. A job must wait for it.
    bool isReading() const { return reading_ != nullptr; }

    const QImage& image() const { return image_; }
    QString imagePath() const { return path_; }  // empty when the picture came as data
    QString sourceName() const { return sourceName_; }
    bool hasImage() const { return !image_.isNull(); }

    // The video size the overlay shows the crop for.
    void setTargetSize(int width, int height);
    QSize targetSize() const { return {targetWidth_, targetHeight_}; }
    // The crop rectangle in source-image pixels (empty when there is no picture or no valid size).
    QRectF cropRegion() const;
    // Where the crop window sits (CenterCropWide.h); centred for every new picture.
    CropPosition cropPosition() const { return cropPosition_; }
    void setCropPosition(CropPosition position);  // an invalid position centres it
    // Whether the crop window has room to move: the picture's shape differs from the video's.
    bool canMoveCrop() const;
    // The picture's rectangle in this widget's coordinates (empty without a picture).
    QRectF shownImageRect() const;

    static bool canTake(const QMimeData* mime);

signals:
    void imageChanged();
    // Reading a picture started or ended (isReading()).
    void readingChanged();
    // The picture or the video size changed, and with them the crop (cropRegion).
    void cropChanged();
    void loadFailed(const QString& message);
    // The picture loaded, with a caveat from the engine's loader (an animated GIF or WebP: only its first
    // frame is used). The CLI prints these; the window shows them.
    void loadWarning(const QString& message);

protected:
    void paintEvent(QPaintEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    // What a pool thread hands back: the picture, the copy that is painted, the loader's caveats, or why not.
    struct PictureRead {
        QImage image;
        QImage shown;
        QStringList warnings;
        QString error;
    };
    void startReading(std::function<LoadedImage()> load, const QString& path, const QString& sourceName, CropPosition crop);
    void finishReading(const QString& path, const QString& sourceName, CropPosition crop);
    void forgetReading();  // a later read replaces it
    void stopReading();    // the same, and the zone says it no longer reads
    void showPicture(const QImage& image, const QImage& shown, const QString& path, const QString& sourceName, CropPosition crop);
    std::optional<CenterCropWideGeometry> cropGeometry(CropPosition position) const;
    QRectF shownCropRect() const;
    // The line under the picture (its name, size and the crop), and where it goes: the lines its text needs at
    // this width and font, at most two, so that the picture keeps the rest.
    QString captionText() const;
    QString readingText() const;  // "Reading camera.jpg…"
    // In words, what the zone shows: the reading text, the drop invitation, or the caption.
    QString statusText() const;
    // Repaints, and tells screen readers the new statusText().
    void refresh();
    QRectF captionRect() const;
    QImage image_;
    QImage shown_;  // image_ scaled down for painting (a 100-megapixel picture is not resampled at every repaint)
    QString path_;
    QString sourceName_;
    int targetWidth_ = 1280;
    int targetHeight_ = 704;
    bool dragging_ = false;
    CropPosition cropPosition_;
    // While the outline is dragged: where the press was (widget pixels) and the position then.
    std::optional<QPointF> grabPoint_;
    CropPosition grabPosition_;
    std::unique_ptr<QFutureWatcher<PictureRead>> reading_;
    QString readingName_;
};

} // namespace i2v::ui
