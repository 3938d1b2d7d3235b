// InputAdvice: what the picture means for the video before a job runs — a picture much smaller than the
// crop the video takes from it (enlarged, so soft), a video shape that throws most of the picture away, and
// an upright picture under a wide video size (the same size turned keeps far more of it). Pure arithmetic
// on the sizes (adviseInput), shown under the picture by InputAdvicePanel with a button that turns the size.
#pragma once
#include <QRectF>
#include <QSize>
#include <QStringList>
#include <QWidget>

class QLabel;
class QPushButton;

namespace i2v::ui {

class DropZone;

struct InputAdvice {
    QStringList warnings;
    QSize turnedSize;  // the video size turned to the picture's orientation; empty when it already matches
};

// `crop`: the part of the picture the model sees (DropZone::cropRegion), in picture pixels; empty for a picture the
// engine refuses to crop to `video` (far too wide or tall for it).
InputAdvice adviseInput(QSize picture, const QRectF& crop, QSize video);

// Above this enlargement of the crop (per side) the video is visibly soft.
constexpr double kSoftUpscale = 2.0;
// Below this share of the picture kept by the crop most of it is lost.
constexpr double kSmallCropShare = 0.5;

class InputAdvicePanel : public QWidget {
    Q_OBJECT
public:
    // Follows `picture`'s picture and video size (not owned).
    explicit InputAdvicePanel(DropZone* picture, QWidget* parent = nullptr);

signals:
    void sizeChosen(int width, int height);  // the user took the turned size

private:
    void refresh();

    DropZone* picture_;
    QLabel* text_;
    QPushButton* turn_;
    QSize turnedSize_;
};

} // namespace i2v::ui
