#include "ui/AppSettings.h"

#include "pipeline/GenerationRequestJson.h"

#include <QSettings>
#include <QStandardPaths>

namespace i2v::ui {

QString AppSettings::defaultOutputFolder() {
    return QStandardPaths::writableLocation(QStandardPaths::MoviesLocation) + QStringLiteral("/I2V Studio");
}

AppSettings AppSettings::load(const QSettings& s) {
    AppSettings a;
    a.modelDir = s.value("model/folder").toString();
    a.engine.threads = s.value("engine/threads", a.engine.threads).toInt();
    a.engine.device = s.value("engine/device", a.engine.device).toString();
    a.engine.dtype = s.value("engine/dtype", a.engine.dtype).toString();
    a.engine.attentionChunkMb = s.value("engine/attentionChunkMb", a.engine.attentionChunkMb).toInt();
    a.engine.offloadEncoders = s.value("engine/offloadEncoders", a.engine.offloadEncoders).toBool();
    a.engine.vaeTiling = s.value("engine/vaeTiling", a.engine.vaeTiling).toBool();
    a.engine.keepFp16Weights = s.value("engine/keepFp16Weights", a.engine.keepFp16Weights).toBool();
    a.outputFolder = s.value("output/folder").toString();
    if (a.outputFolder.isEmpty())
        a.outputFolder = defaultOutputFolder();
    a.preview = parsePreviewMode(s.value("job/preview", previewModeName(a.preview)).toString().toStdString());
    a.decodeChunk = s.value("job/decodeChunk", s.value("last/decodeChunk", a.decodeChunk)).toInt();
    a.hub.endpoint = s.value("hub/endpoint").toString();
    a.hub.cacheDir = s.value("hub/cacheDir").toString();
    a.hub.token = HubPreferences::readToken();
    return a;
}

void AppSettings::save(QSettings& s) const {
    if (modelDir.isEmpty())
        s.remove("model/folder");
    else
        s.setValue("model/folder", modelDir);
    s.setValue("engine/threads", engine.threads);
    s.setValue("engine/device", engine.device);
    s.setValue("engine/dtype", engine.dtype);
    s.setValue("engine/attentionChunkMb", engine.attentionChunkMb);
    s.setValue("engine/offloadEncoders", engine.offloadEncoders);
    s.setValue("engine/vaeTiling", engine.vaeTiling);
    s.setValue("engine/keepFp16Weights", engine.keepFp16Weights);
    s.setValue("output/folder", outputFolder);
    s.setValue("job/preview", QString::fromLatin1(previewModeName(preview)));
    s.setValue("job/decodeChunk", decodeChunk);
    s.setValue("hub/endpoint", hub.endpoint);
    s.setValue("hub/cacheDir", hub.cacheDir);
}

} // namespace i2v::ui
