#include "ui/FrameExport.h"

#include "export/VideoExporter.h"
#include "ui/QtImages.h"
#include "util/Errors.h"

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

} // namespace i2v::ui
