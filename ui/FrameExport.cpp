#include "ui/FrameExport.h"

#include "export/VideoExporter.h"
#include "ui/QtImages.h"
#include "util/Errors.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <exception>

namespace i2v::ui {

QString exportFrames(const QVector<QImage>& frames, const ExportSettings& settings, const QString& parametersJson,
                     const QString& path, const CancelToken* cancel) {
    try {
        validateSettings(settings);
        VideoFrames video;
        video.reserve(size_t(frames.size()));
        for (const QImage& image : frames)
            video.push_back(fromQImage(image));
        const ExportMetadata meta = parametersJson.isEmpty() ? ExportMetadata()
                                                             : ExportMetadata::fromJsonText(parametersJson.toStdString());
        exportVideo(video, settings, meta, QFileInfo(path).filesystemAbsoluteFilePath(), cancel);
        return {};
    } catch (const Cancelled&) {
        throw;  // not a failure: the caller ends the job as cancelled
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
}

QImage lastVideoFrame(const QString& path) {
    try {
        const std::optional<RgbFrame> last = decodeLastVideoFrame(QFileInfo(path).filesystemAbsoluteFilePath());
        return last ? toQImage(*last) : QImage();
    } catch (const std::exception&) {
        return {};
    }
}

VideoClip readVideoClip(const QString& path, int maxFrames, const QSize& fitInto) {
    VideoClip clip;
    try {
        const std::filesystem::path file = QFileInfo(path).filesystemAbsoluteFilePath();
        const VideoInfo info = readVideoInfo(file);
        clip.fps = info.fps;
        clip.totalFrames = info.frames;
        const VideoFrames frames = decodeVideo(file, maxFrames);
        clip.frames.reserve(qsizetype(frames.size()));
        for (const RgbFrame& frame : frames) {
            QImage image = toQImage(frame);
            if (fitInto.isValid())
                image = image.scaled(fitInto, Qt::KeepAspectRatio, Qt::SmoothTransformation);
            clip.frames.push_back(std::move(image));
        }
        if (clip.frames.isEmpty())
            clip.error = QCoreApplication::translate("i2v::ui::FrameExport", "The file holds no frame");
    } catch (const std::exception& e) {
        clip.frames.clear();
        clip.error = QString::fromStdString(e.what());
    }
    return clip;
}

} // namespace i2v::ui
