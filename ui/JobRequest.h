// One generation job as the UI describes it: plain Qt values, no tensors. The GenerationWorker turns it
// into an i2v::GenerationRequest on its own thread (core/pipeline/GenerationRequest.h has the same fields).
#pragma once
#include <QImage>
#include <QMetaType>
#include <QString>

namespace i2v::ui {

enum class PreviewKind { None, LatentProjection, FullDecode };

struct JobRequest {
    int id = 0;                 // set by GenerationWorker::enqueue when 0
    QImage image;               // used when imagePath is empty (pasted or dropped data)
    QString imagePath;          // read with the engine's ImageLoader (Pillow-exact pixels, EXIF rotation)
    QString prompt;
    QString negativePrompt;
    int width = 1280;           // multiples of 8
    int height = 704;
    int frames = 16;
    int steps = 50;
    double guidance = 9.0;
    int fps = 16;               // the model's fps conditioning, not the playback rate
    QString scheduler;          // empty = the checkpoint's own
    double eta = 0.0;           // DDIM only
    quint64 seed = 0;
    int decodeChunk = 1;
    PreviewKind preview = PreviewKind::LatentProjection;
};

} // namespace i2v::ui

Q_DECLARE_METATYPE(i2v::ui::JobRequest)
