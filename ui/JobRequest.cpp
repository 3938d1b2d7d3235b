#include "ui/JobRequest.h"

#include <QBuffer>
#include <QByteArray>

namespace i2v::ui {

QString previewKindName(PreviewKind kind) {
    switch (kind) {
    case PreviewKind::None: return QStringLiteral("none");
    case PreviewKind::FullDecode: return QStringLiteral("full");
    case PreviewKind::LatentProjection: break;
    }
    return QStringLiteral("latent");
}

PreviewKind parsePreviewKind(const QString& name) {
    if (name == QLatin1String("none"))
        return PreviewKind::None;
    if (name == QLatin1String("full"))
        return PreviewKind::FullDecode;
    return PreviewKind::LatentProjection;
}

QJsonObject toJson(const JobRequest& r) {
    QJsonObject o;
    if (!r.imagePath.isEmpty()) {
        o["imagePath"] = r.imagePath;
    } else if (!r.image.isNull()) {
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        r.image.save(&buffer, "PNG");
        o["imagePng"] = QString::fromLatin1(png.toBase64());
    }
    o["imageName"] = r.imageName;
    o["prompt"] = r.prompt;
    o["negativePrompt"] = r.negativePrompt;
    o["width"] = r.width;
    o["height"] = r.height;
    o["frames"] = r.frames;
    o["steps"] = r.steps;
    o["guidance"] = r.guidance;
    o["fps"] = r.fps;
    o["scheduler"] = r.scheduler;
    o["eta"] = r.eta;
    // Seeds use all 64 bits; a JSON number holds 53 exactly.
    o["seed"] = QString::number(r.seed);
    o["decodeChunk"] = r.decodeChunk;
    o["preview"] = previewKindName(r.preview);
    return o;
}

JobRequest jobRequestFromJson(const QJsonObject& o) {
    JobRequest r;
    r.imagePath = o["imagePath"].toString();
    if (r.imagePath.isEmpty() && o.contains("imagePng"))
        r.image.loadFromData(QByteArray::fromBase64(o["imagePng"].toString().toLatin1()), "PNG");
    r.imageName = o["imageName"].toString();
    r.prompt = o["prompt"].toString();
    r.negativePrompt = o["negativePrompt"].toString();
    r.width = o["width"].toInt(r.width);
    r.height = o["height"].toInt(r.height);
    r.frames = o["frames"].toInt(r.frames);
    r.steps = o["steps"].toInt(r.steps);
    r.guidance = o["guidance"].toDouble(r.guidance);
    r.fps = o["fps"].toInt(r.fps);
    r.scheduler = o["scheduler"].toString();
    r.eta = o["eta"].toDouble(r.eta);
    r.seed = o["seed"].toString().toULongLong();
    r.decodeChunk = o["decodeChunk"].toInt(r.decodeChunk);
    r.preview = parsePreviewKind(o["preview"].toString());
    return r;
}

} // namespace i2v::ui
