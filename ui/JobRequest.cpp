#include "ui/JobRequest.h"

#include "pipeline/GenerationRequestJson.h"

#include <nlohmann/json.hpp>

#include <QByteArray>
#include <QJsonDocument>

namespace i2v::ui {

QJsonObject toJson(const JobRequest& r) {
    QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(settingsToJson(r.generation).dump())).object();
    if (!r.imagePath.isEmpty())
        o["imagePath"] = r.imagePath;
    o["imageName"] = r.imageName;
    return o;
}

JobRequest jobRequestFromJson(const QJsonObject& o) {
    JobRequest r;
    const QByteArray text = QJsonDocument(o).toJson(QJsonDocument::Compact);
    settingsFromJson(nlohmann::json::parse(text.toStdString(), nullptr, /*allow_exceptions=*/false), r.generation);
    r.imagePath = o["imagePath"].toString();
    r.imageName = o["imageName"].toString();
    return r;
}

} // namespace i2v::ui
