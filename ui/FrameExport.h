// The desktop app's side of the engine's exporter: QImage frames written with core's exportVideo, and the
// last frame of a written video read back. Safe off the UI thread; never throws but for Cancelled.
#pragma once
#include "export/ExportSettings.h"

#include <QImage>
#include <QSize>
#include <QString>
#include <QVector>

namespace i2v {
class CancelToken;
}

namespace i2v::ui {

// Writes `frames` to `path`; returns an empty string on success, else the reason. Never leaves a partial
// file; replaces an existing file only with settings.overwrite. A set `cancel` token (checked per frame)
// throws Cancelled instead: a job cancelled (or whose window closed) while its video is written leaves no file.
QString exportFrames(const QVector<QImage>& frames, const ExportSettings& settings, const QString& parametersJson,
                     const QString& path, const CancelToken* cancel = nullptr);

// The last frame of a video file; null when unreadable. Decodes frame by frame keeping only the newest,
// so memory stays one frame whatever the clip's length.
QImage lastVideoFrame(const QString& path);

// A written video read back: its frames (the first maxFrames), its frame rate, and why nothing could be read.
struct VideoClip {
    QVector<QImage> frames;
    double fps = 0.0;
    qint64 totalFrames = 0;  // in the file; more than frames.size() when maxFrames cut it
    QString error;           // empty when the frames were read
};
// Reads the clip at `path`; each frame shrunk to fit `fitInto` (keeping its aspect ratio) when that is valid.
VideoClip readVideoClip(const QString& path, int maxFrames, const QSize& fitInto = {});

} // namespace i2v::ui
