// One generation job as the UI describes it: plain Qt values, no tensors. The GenerationWorker turns it
// into an i2v::GenerationRequest on its own thread (core/pipeline/GenerationRequest.h has the same fields).
// toJson/fromJson are how the job history stores a request (the picture as a path, or PNG bytes when
// it came as data).
#pragma once
#include <QImage>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace i2v::ui {

enum class PreviewKind { None, LatentProjection, FullDecode };

struct JobRequest {
    int id = 0;                 // set by GenerationWorker::enqueue when 0
    QImage image;               // used when imagePath is empty (pasted or dropped data)
    QString imagePath;          // read with the engine's ImageLoader (Pillow-exact pixels, EXIF rotation)
    QString imageName;          // what the user knows the picture as ("tiny-a.png", "the pasted picture")
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
    // Where the finished clip is written as mp4 (a new, unique file name); empty: not written.
    QString outputFolder;
};

// Every field but id and outputFolder; the picture as "imagePath", or as base64 PNG in "imagePng".
QJsonObject toJson(const JobRequest& request);
JobRequest jobRequestFromJson(const QJsonObject& json);

QString previewKindName(PreviewKind kind);          // "latent", "full", "none"
PreviewKind parsePreviewKind(const QString& name);  // unknown names give LatentProjection

} // namespace i2v::ui

Q_DECLARE_METATYPE(i2v::ui::JobRequest)
