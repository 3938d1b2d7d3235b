#include "ui/DropZone.h"

#include "ui/QtImages.h"

#include "image/CenterCropWide.h"
#include "image/ImageLoader.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QKeyEvent>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPromise>
#include <QThreadPool>
#include <QUrl>

#include <algorithm>
#include <cstring>
#include <exception>
#include <filesystem>
#include <new>

namespace i2v::ui {
namespace {

QString localFileOf(const QMimeData* mime) {
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile())
            return url.toLocalFile();
    return {};
}

// Encoded image bytes in the MIME data, by preference for lossless formats. GIF comes last: its 256-colour
// palette may have lost more than a JPEG of the same picture, so it is taken only when nothing else is offered
// (a GIF dragged out of a browser).
QByteArray encodedBytesOf(const QMimeData* mime) {
    for (const char* type : {"image/png", "image/webp", "image/bmp", "image/tiff", "image/jpeg", "image/gif"})
        if (mime->hasFormat(QLatin1String(type)))
            return mime->data(QLatin1String(type));
    return {};
}

// The copy that is painted: at most this many pixels on its long side, scaled with Qt's area-averaging
// downscale (a large photo drawn straight into a small rectangle would be sampled, with moire, at every repaint).
constexpr int kShownLongSide = 2048;

QImage shownCopyOf(const QImage& image) {
    if (std::max(image.width(), image.height()) <= kShownLongSide)
        return image;
    return image.scaled(kShownLongSide, kShownLongSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

// A local file is taken when its first bytes are a picture format the engine reads (the loader goes by
// content, never by name): a document dragged by mistake is refused before the drop, not after it.
bool isPictureFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(32);
    return detectImageFormat(reinterpret_cast<const uint8_t*>(head.constData()), size_t(head.size())) != ImageFormat::Unknown;
}

} // namespace

DropZone::DropZone(QWidget* parent) : QWidget(parent) {
    setAcceptDrops(true);
    setMinimumSize(240, 100);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setMouseTracking(true);  // the hand cursor over a movable crop outline
    setFocusPolicy(Qt::StrongFocus);  // the arrow keys move the crop outline
    setToolTip(tr("Drop a picture here, open one (Ctrl+O) or paste one (Ctrl+V)"));
    setAccessibleName(tr("Picture"));
    refresh();
}

bool DropZone::canTake(const QMimeData* mime) {
    if (!mime)
        return false;
    if (const QString file = localFileOf(mime); !file.isEmpty())
        return isPictureFile(file);
    return mime->hasImage() || !encodedBytesOf(mime).isEmpty();
}

DropZone::~DropZone() = default;  // a read still running finishes on its thread; its result goes nowhere

void DropZone::loadFile(const QString& path, CropPosition crop) {
    const std::filesystem::path file = QFileInfo(path).filesystemAbsoluteFilePath();
    startReading([file] { return ImageLoader().load(file); }, path, QFileInfo(path).fileName(), crop);
}

void DropZone::loadBytes(const QByteArray& bytes, const QString& sourceName) {
    const std::string name = sourceName.toStdString();
    startReading([bytes, name] {
        return ImageLoader().decode(reinterpret_cast<const uint8_t*>(bytes.constData()), size_t(bytes.size()), name);
    }, QString(), sourceName, {});
}

void DropZone::startReading(std::function<LoadedImage()> load, const QString& path, const QString& sourceName,
                            CropPosition crop) {
    // QPromise is move-only and QThreadPool::start takes a copyable function: the promise is shared.
    auto promise = std::make_shared<QPromise<PictureRead>>();
    forgetReading();
    reading_ = std::make_unique<QFutureWatcher<PictureRead>>();
    connect(reading_.get(), &QFutureWatcherBase::finished, this,
            [this, path, sourceName, crop] { finishReading(path, sourceName, crop); });
    reading_->setFuture(promise->future());
    readingName_ = sourceName;
    QThreadPool::globalInstance()->start([promise, load = std::move(load)] {
        promise->start();
        if (promise->isCanceled()) {  // superseded while it waited for a thread: five pictures dropped in a row
            promise->finish();
            return;
        }
        PictureRead read;
        try {
            const LoadedImage loaded = load();
            read.image = toQImage(loaded.image);
            read.shown = shownCopyOf(read.image);
            for (const std::string& w : loaded.warnings)
                read.warnings << QString::fromStdString(w);
        } catch (const std::bad_alloc&) {
            read.error = tr("there is not enough free memory to read this picture");
        } catch (const std::exception& e) {
            read.error = QString::fromStdString(e.what());
        }
        promise->addResult(std::move(read));
        promise->finish();
    });
    refresh();
    emit readingChanged();
}

void DropZone::finishReading(const QString& path, const QString& sourceName, CropPosition crop) {
    const PictureRead read = reading_->result();
    // Deleted later: this runs in the watcher's own signal.
    reading_.release()->deleteLater();
    refresh();
    emit readingChanged();
    if (!read.error.isEmpty()) {
        emit loadFailed(read.error);
        return;
    }
    showPicture(read.image, read.shown, path, sourceName, crop);
    for (const QString& w : read.warnings)
        emit loadWarning(w);
}

void DropZone::forgetReading() {
    if (!reading_)
        return;
    reading_->cancel();  // a read not started yet is skipped; one under way finishes into a promise nobody watches
    reading_.reset();
}

void DropZone::stopReading() {
    if (!reading_)
        return;
    forgetReading();
    refresh();
    emit readingChanged();
}

bool DropZone::loadMimeData(const QMimeData* mime, const QString& sourceName) {
    if (!mime) {
        emit loadFailed(tr("nothing to paste"));
        return false;
    }
    if (const QString file = localFileOf(mime); !file.isEmpty()) {
        loadFile(file);
        return true;
    }
    if (const QByteArray bytes = encodedBytesOf(mime); !bytes.isEmpty()) {
        loadBytes(bytes, sourceName);
        return true;
    }
    if (mime->hasImage()) {
        const QImage image = qvariant_cast<QImage>(mime->imageData());
        if (!image.isNull()) {
            // Qt already decoded it (e.g. a screenshot on the clipboard): alpha is dropped like convert("RGB").
            setImage(image.convertToFormat(QImage::Format_RGB888), QString(), sourceName);
            return true;
        }
    }
    emit loadFailed(tr("%1 holds no picture: use a PNG, JPEG, WebP, GIF, BMP or TIFF image").arg(sourceName));
    return false;
}

void DropZone::setImage(const QImage& image, const QString& path, const QString& sourceName) {
    stopReading();
    showPicture(image, shownCopyOf(image), path, sourceName, {});
}

void DropZone::showPicture(const QImage& image, const QImage& shown, const QString& path, const QString& sourceName,
                           CropPosition crop) {
    image_ = image;
    shown_ = shown;
    path_ = path;
    sourceName_ = sourceName;
    cropPosition_ = crop.isValid() ? crop : CropPosition{};
    grabPoint_.reset();
    refresh();
    emit imageChanged();
    emit cropChanged();
}

void DropZone::clear() { setImage({}, {}, {}); }  // also stops a read still running

void DropZone::setTargetSize(int width, int height) {
    if (width == targetWidth_ && height == targetHeight_)
        return;
    targetWidth_ = width;
    targetHeight_ = height;
    refresh();
    emit cropChanged();
}

std::optional<CenterCropWideGeometry> DropZone::cropGeometry(CropPosition position) const {
    if (image_.isNull() || targetWidth_ <= 0 || targetHeight_ <= 0)
        return std::nullopt;
    try {
        // == ImagePreprocessor::vaeRegion (that header pulls in ATen; the arithmetic lives here). No outline for a
        // picture the engine would refuse (InputAdvice says why).
        requireCroppableTo(image_.width(), image_.height(), targetWidth_, targetHeight_);
        return centerCropWideGeometry(image_.width(), image_.height(), targetWidth_, targetHeight_, position);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

QRectF DropZone::cropRegion() const {
    const auto g = cropGeometry(cropPosition_);
    if (!g)
        return {};
    return QRectF(QPointF(g->sourceLeft, g->sourceTop), QPointF(g->sourceRight, g->sourceBottom));
}

void DropZone::setCropPosition(CropPosition position) {
    if (!position.isValid())
        position = {};
    if (position == cropPosition_)
        return;
    cropPosition_ = position;
    refresh();
    emit cropChanged();
}

bool DropZone::canMoveCrop() const {
    const auto g = cropGeometry({});
    return g && (g->resizedWidth - g->targetWidth > 0 || g->resizedHeight - g->targetHeight > 0);
}

QRectF DropZone::shownImageRect() const {
    if (image_.isNull())
        return {};
    QRectF box = QRectF(rect()).adjusted(10, 10, -10, -10);  // inside the border,
    box.setBottom(captionRect().top() - 2);                     // above the caption
    QSizeF size = image_.size();
    size.scale(box.size(), Qt::KeepAspectRatio);
    return QRectF(box.center() - QPointF(size.width() / 2, size.height() / 2), size);
}

QRectF DropZone::shownCropRect() const {
    const QRectF crop = cropRegion(), target = shownImageRect();
    if (crop.isEmpty() || target.isEmpty())
        return {};
    const double sx = target.width() / image_.width(), sy = target.height() / image_.height();
    return QRectF(target.left() + crop.left() * sx, target.top() + crop.top() * sy, crop.width() * sx, crop.height() * sy);
}

void DropZone::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && canMoveCrop() && shownCropRect().contains(event->position())) {
        grabPoint_ = event->position();
        grabPosition_ = cropPosition_;
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
}

void DropZone::mouseMoveEvent(QMouseEvent* event) {
    if (!grabPoint_) {
        // A hand over an outline that can move says so before any click.
        setCursor(canMoveCrop() && shownCropRect().contains(event->position()) ? Qt::OpenHandCursor : Qt::ArrowCursor);
        QWidget::mouseMoveEvent(event);
        return;
    }
    const auto g = cropGeometry({});
    const QRectF target = shownImageRect();
    if (!g || target.isEmpty())
        return;
    // Widget pixels -> source pixels -> resized pixels, over the room the window has on that axis.
    const QPointF moved = event->position() - *grabPoint_;
    const double resizedPerWidgetX = double(g->resizedWidth) / target.width();
    const double resizedPerWidgetY = double(g->resizedHeight) / target.height();
    const int roomX = g->resizedWidth - g->targetWidth, roomY = g->resizedHeight - g->targetHeight;
    CropPosition p = grabPosition_;
    if (roomX > 0)
        p.x = std::clamp(grabPosition_.x + moved.x() * resizedPerWidgetX / roomX, 0.0, 1.0);
    if (roomY > 0)
        p.y = std::clamp(grabPosition_.y + moved.y() * resizedPerWidgetY / roomY, 0.0, 1.0);
    setCropPosition(p);
    event->accept();
}

void DropZone::mouseReleaseEvent(QMouseEvent* event) {
    if (grabPoint_ && event->button() == Qt::LeftButton) {
        grabPoint_.reset();
        setCursor(Qt::OpenHandCursor);
        event->accept();
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

void DropZone::mouseDoubleClickEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && shownCropRect().contains(event->position())) {
        setCropPosition({});  // back to diffusers' centre crop
        event->accept();
        return;
    }
    QWidget::mouseDoubleClickEvent(event);
}

void DropZone::keyPressEvent(QKeyEvent* event) {
    // A twentieth of the room a press, a quarter with Shift: a few presses cross any picture.
    const double step = event->modifiers().testFlag(Qt::ShiftModifier) ? 0.25 : 0.05;
    const auto g = cropGeometry({});
    const bool roomX = g && g->resizedWidth > g->targetWidth, roomY = g && g->resizedHeight > g->targetHeight;
    CropPosition p = cropPosition_;
    switch (event->key()) {
    case Qt::Key_Left: p.x -= roomX ? step : 0; break;
    case Qt::Key_Right: p.x += roomX ? step : 0; break;
    case Qt::Key_Up: p.y -= roomY ? step : 0; break;
    case Qt::Key_Down: p.y += roomY ? step : 0; break;
    case Qt::Key_Home: p = {}; break;
    default: QWidget::keyPressEvent(event); return;
    }
    if (!roomX && !roomY) {
        QWidget::keyPressEvent(event);
        return;
    }
    p.x = std::clamp(p.x, 0.0, 1.0);
    p.y = std::clamp(p.y, 0.0, 1.0);
    setCropPosition(p);
    event->accept();
}

void DropZone::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF area = QRectF(rect()).adjusted(4, 4, -4, -4);
    p.fillRect(rect(), palette().color(QPalette::Base));
    // Highlighted while a drag hovers (thick) and while the zone has the keyboard focus (the arrow keys move the crop).
    QPen border(dragging_ || hasFocus() ? palette().color(QPalette::Highlight) : palette().color(QPalette::Mid),
                dragging_ ? 3 : hasFocus() ? 2 : 1, Qt::DashLine);
    p.setPen(border);
    p.drawRoundedRect(area, 8, 8);
    if (image_.isNull()) {
        p.setPen(palette().color(QPalette::Text));
        p.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, statusText());
        return;
    }
    const QRectF target = shownImageRect();
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.drawImage(target, shown_);

    if (const QRectF shown = shownCropRect(); !shown.isEmpty()) {
        // Dim what the model does not see, outline what it does.
        QPainterPath outside;
        outside.addRect(target);
        QPainterPath inside;
        inside.addRect(shown);
        p.fillPath(outside.subtracted(inside), QColor(0, 0, 0, 120));
        p.setPen(QPen(QColor(255, 200, 0), 2));
        p.drawRect(shown);
    }
    p.setPen(palette().color(QPalette::Text));
    p.drawText(captionRect(), Qt::AlignCenter | Qt::TextWordWrap, captionText());
    if (isReading()) {
        // The previous picture stays until the new one is read; veiled, so it is not taken for the new one.
        p.fillRect(target, QColor(0, 0, 0, 150));
        p.setPen(Qt::white);
        p.drawText(target, Qt::AlignCenter | Qt::TextWordWrap, readingText());
    }
}

void DropZone::refresh() {
    update();
    setAccessibleDescription(statusText());  // what a screen reader says of the zone: what it paints
}

QString DropZone::readingText() const {
    return tr("Reading %1…").arg(readingName_.isEmpty() ? tr("the picture") : readingName_);
}

QString DropZone::statusText() const {
    if (isReading())
        return readingText();
    if (image_.isNull())
        return tr("Drop a picture here\nor open one (Ctrl+O) / paste one (Ctrl+V)");
    return captionText();
}

QString DropZone::captionText() const {
    QString text = tr("%1 — %2×%3, the model sees the outlined %4×%5 crop")
                       .arg(sourceName_.isEmpty() ? tr("picture") : sourceName_)
                       .arg(image_.width())
                       .arg(image_.height())
                       .arg(targetWidth_)
                       .arg(targetHeight_);
    if (!cropPosition_.isCentred())
        text += tr(" (moved; double-click it or press Home to centre it)");
    else if (canMoveCrop())
        text += tr(" (drag it or use the arrow keys to move it)");
    return text;
}

QRectF DropZone::captionRect() const {
    const QRectF area = QRectF(rect()).adjusted(8, 4, -8, -6);
    const QFontMetricsF metrics(font());
    const QRectF needed = metrics.boundingRect(area, Qt::AlignCenter | Qt::TextWordWrap, captionText());
    const double height = std::min(needed.height(), 2 * metrics.lineSpacing());
    return QRectF(area.left(), area.bottom() - height, area.width(), height);
}

void DropZone::dragEnterEvent(QDragEnterEvent* event) {
    if (canTake(event->mimeData())) {
        dragging_ = true;
        update();
        event->acceptProposedAction();
    }
}

void DropZone::dragLeaveEvent(QDragLeaveEvent*) {
    dragging_ = false;
    update();
}

void DropZone::dropEvent(QDropEvent* event) {
    dragging_ = false;
    update();
    if (loadMimeData(event->mimeData(), tr("the dropped picture")))
        event->acceptProposedAction();
}

} // namespace i2v::ui
