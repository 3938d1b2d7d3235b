#include "ui/AppSettings.h"

#include "pipeline/GenerationRequestJson.h"
#include "util/Errors.h"

#include <QSettings>
#include <QStandardPaths>

namespace i2v::ui {

PipelineOptions EngineSettings::desktopDefaults() {
    PipelineOptions o;
    o.device = "auto";
    o.attention.maxScoreBytes = AttentionSettings{}.maxScoreBytes;
    return o;
}

int EngineSettings::attentionChunkMb() const {
    const int64_t bytes = pipeline.attention.maxScoreBytes;
    return int((bytes == PipelineOptions::kAutoChunkBytes ? AttentionSettings{}.maxScoreBytes : bytes) >> 20);
}

void EngineSettings::setAttentionChunkMb(int mib) {
    pipeline.attention.maxScoreBytes = mib < 0 ? PipelineOptions::kAutoChunkBytes : int64_t(mib) << 20;
}

QString AppSettings::defaultOutputFolder() {
    return QStandardPaths::writableLocation(QStandardPaths::MoviesLocation) + QStringLiteral("/I2V Studio");
}

AppSettings AppSettings::load(const QSettings& s) {
    AppSettings a;
    a.modelDir = s.value("model/folder").toString();
    a.engine.threads = s.value("engine/threads", a.engine.threads).toInt();
    PipelineOptions& p = a.engine.pipeline;
    p.device = s.value("engine/device", QString::fromStdString(p.device)).toString().toStdString();
    try {   // a hand-edited or older file's unknown dtype leaves the default
        p.dtype = parseComputeDtype(s.value("engine/dtype", computeDtypeName(p.dtype)).toString().toStdString());
    } catch (const InputError&) {
    }
    a.engine.setAttentionChunkMb(s.value("engine/attentionChunkMb", a.engine.attentionChunkMb()).toInt());
    p.offloadEncoders = s.value("engine/offloadEncoders", p.offloadEncoders).toBool();
    p.vaeTiling = s.value("engine/vaeTiling", p.vaeTiling).toBool();
    p.keepHalfWeights = s.value("engine/keepFp16Weights", p.keepHalfWeights).toBool();
    a.outputFolder = s.value("output/folder").toString();
    if (a.outputFolder.isEmpty())
        a.outputFolder = defaultOutputFolder();
    a.preview = parsePreviewMode(s.value("job/preview", previewModeName(a.preview)).toString().toStdString());
    a.decodeChunk = s.value("job/decodeChunk", s.value("last/decodeChunk", a.decodeChunk)).toInt();
    a.notifyWhenDone = s.value("job/notifyWhenDone", a.notifyWhenDone).toBool();
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
    const PipelineOptions& p = engine.pipeline;
    s.setValue("engine/threads", engine.threads);
    s.setValue("engine/device", QString::fromStdString(p.device));
    s.setValue("engine/dtype", QString::fromLatin1(computeDtypeName(p.dtype)));
    s.setValue("engine/attentionChunkMb", engine.attentionChunkMb());
    s.setValue("engine/offloadEncoders", p.offloadEncoders);
    s.setValue("engine/vaeTiling", p.vaeTiling);
    s.setValue("engine/keepFp16Weights", p.keepHalfWeights);
    s.setValue("output/folder", outputFolder);
    s.setValue("job/preview", QString::fromLatin1(previewModeName(preview)));
    s.setValue("job/decodeChunk", decodeChunk);
    s.setValue("job/notifyWhenDone", notifyWhenDone);
    s.setValue("hub/endpoint", hub.endpoint);
    s.setValue("hub/cacheDir", hub.cacheDir);
}

} // namespace i2v::ui
