#include "ui/JobRequest.h"

#include "pipeline/GenerationRequestJson.h"

#include <nlohmann/json.hpp>

#include <QBuffer>
#include <QByteArray>
#include <QJsonDocument>

namespace i2v::ui {

QJsonObject toJson(const JobRequest& r) {
    QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(settingsToJson(r.generation).dump())).object();
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
    return o;
}

JobRequest jobRequestFromJson(const QJsonObject& o) {
    JobRequest r;
    const QByteArray text = QJsonDocument(o).toJson(QJsonDocument::Compact);
    settingsFromJson(nlohmann::json::parse(text.toStdString(), nullptr, /*allow_exceptions=*/false), r.generation);
    r.imagePath = o["imagePath"].toString();
    if (r.imagePath.isEmpty() && o.contains("imagePng"))
        r.image.loadFromData(QByteArray::fromBase64(o["imagePng"].toString().toLatin1()), "PNG");
    r.imageName = o["imageName"].toString();
    return r;
}

} // namespace i2v::ui
