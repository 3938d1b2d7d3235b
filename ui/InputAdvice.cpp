#include "ui/InputAdvice.h"

#include "ui/DropZone.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

#include <cmath>

namespace i2v::ui {
namespace {

// Clearly upright or clearly wide; near-square pictures and sizes have no orientation to match.
enum class Orientation { Square, Wide, Upright };
Orientation orientationOf(QSize s) {
    if (s.width() > s.height() * 1.1)
        return Orientation::Wide;
    if (s.height() > s.width() * 1.1)
        return Orientation::Upright;
    return Orientation::Square;
}

struct AdviceText {
    Q_DECLARE_TR_FUNCTIONS(i2v::ui::InputAdvice)
};

} // namespace

InputAdvice adviseInput(QSize picture, const QRectF& crop, QSize video) {
    InputAdvice advice;
    if (picture.isEmpty() || video.isEmpty())
        return advice;
    if (crop.isEmpty()) {
        // The engine refuses to scale a picture this far from the video's shape (a 20000 × 1 strip would become
        // 30 GB on the way to the crop): said now, not when Generate fails.
        advice.warnings << AdviceText::tr("This picture is too far from the shape of a %1 × %2 video for the model "
                                          "to use it: crop it closer to the video's proportions.")
                               .arg(video.width())
                               .arg(video.height());
        return advice;
    }
    const double enlarge = std::max(video.width() / crop.width(), video.height() / crop.height());
    if (enlarge > kSoftUpscale)
        advice.warnings << AdviceText::tr("The picture is small for this video: the part used (%1 × %2 pixels) is "
                                          "enlarged %3× to %4 × %5, so the video will look soft. A larger picture "
                                          "gives a sharper video.")
                               .arg(qRound(crop.width()))
                               .arg(qRound(crop.height()))
                               .arg(enlarge, 0, 'f', 1)
                               .arg(video.width())
                               .arg(video.height());
    const double kept = crop.width() * crop.height() / (double(picture.width()) * double(picture.height()));
    if (kept < kSmallCropShare)
        advice.warnings << AdviceText::tr("Only %1 % of the picture is used: the video's shape cuts off the "
                                          "dimmed part.")
                               .arg(qRound(kept * 100));
    const Orientation p = orientationOf(picture), v = orientationOf(video);
    if (p != Orientation::Square && v != Orientation::Square && p != v) {
        const QSize turned(video.height(), video.width());
        const double keptTurned = [&] {
            // The centre crop of the turned size keeps the largest box of the turned aspect ratio.
            const double scale = std::min(picture.width() / double(turned.width()), picture.height() / double(turned.height()));
            return turned.width() * scale * turned.height() * scale / (double(picture.width()) * double(picture.height()));
        }();
        if (keptTurned > kept) {
            advice.turnedSize = turned;
            const QString text = p == Orientation::Upright
                                     ? AdviceText::tr("This picture is upright: a %1 × %2 video keeps %3 % of it instead of %4 %.")
                                     : AdviceText::tr("This picture is wide: a %1 × %2 video keeps %3 % of it instead of %4 %.");
            advice.warnings << text.arg(turned.width())
                                   .arg(turned.height())
                                   .arg(qRound(keptTurned * 100))
                                   .arg(qRound(kept * 100));
        }
    }
    return advice;
}

InputAdvicePanel::InputAdvicePanel(DropZone* picture, QWidget* parent) : QWidget(parent), picture_(picture) {
    text_ = new QLabel(this);
    text_->setObjectName(QStringLiteral("inputAdvice"));
    text_->setWordWrap(true);
    turn_ = new QPushButton(this);
    turn_->setObjectName(QStringLiteral("turnSizeButton"));
    connect(turn_, &QPushButton::clicked, this, [this] { emit sizeChosen(turnedSize_.width(), turnedSize_.height()); });
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(text_, 1);
    layout->addWidget(turn_, 0, Qt::AlignTop);
    connect(picture_, &DropZone::cropChanged, this, &InputAdvicePanel::refresh);
    refresh();
}

void InputAdvicePanel::refresh() {
    const InputAdvice advice = adviseInput(picture_->image().size(), picture_->cropRegion(), picture_->targetSize());
    text_->setText(advice.warnings.join(QLatin1Char('\n')));
    turnedSize_ = advice.turnedSize;
    turn_->setText(tr("Use %1 × %2").arg(turnedSize_.width()).arg(turnedSize_.height()));
    turn_->setVisible(!turnedSize_.isEmpty());
    setVisible(!advice.warnings.isEmpty());
}

} // namespace i2v::ui
