// ExportDialog: how a finished clip is written (format, playback fps, quality, interpolation, loop),
// offering only the formats this build's FFmpeg can write. exportFrames() does the writing through
// the engine's exportVideo and is safe to call off the UI thread.
#pragma once
#include <QDialog>
#include <QImage>
#include <QString>
#include <QVector>

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace i2v {
class CancelToken;
}

namespace i2v::ui {

struct ExportChoice {
    QString format = QStringLiteral("mp4");   // VideoFormat name: mp4, webm, gif, png, mov, mp4-av1, webm-av1
    double fps = 8.0;                         // playback rate
    int quality = 80;                         // 0..100
    QString interpolation = QStringLiteral("none");  // none | blend | motion
    QString loop = QStringLiteral("once");    // once | repeat | pingpong
};

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ExportDialog(const ExportChoice& initial, QWidget* parent = nullptr);
    ExportChoice choice() const;

    static QString extensionFor(const QString& format);  // ".mp4"; "" for the PNG folder
    // "i2v_seed<seed>" with the extension, and the codec where the extension alone does not say it:
    // i2v_seed7.mp4 (H.264) but i2v_seed7_av1.mp4, i2v_seed7.webm (VP9) but i2v_seed7_av1.webm.
    static QString suggestedFileName(quint64 seed, const QString& format);
    static bool exportAvailable();

private:
    QComboBox* format_;
    QDoubleSpinBox* fps_;
    QSpinBox* quality_;
    QComboBox* interpolation_;
    QComboBox* loop_;
};

// Writes `frames` to `path`; returns an empty string on success, else the reason. Never leaves a
// partial file; replaces an existing file only with `overwrite`. A set `cancel` token (checked per frame)
// throws Cancelled instead: a job cancelled (or whose window closed) while its video is written leaves no file.
QString exportFrames(const QVector<QImage>& frames, const ExportChoice& choice, const QString& parametersJson,
                     const QString& path, bool overwrite, const CancelToken* cancel = nullptr);

// The last frame of a video file (decoded with the export unit's FFmpeg reader); null when unreadable.
QImage lastVideoFrame(const QString& path);

} // namespace i2v::ui
