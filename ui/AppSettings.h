// The preferences of the Settings dialog as values: how the engine loads and runs the model
// (EngineSettings, which the GenerationWorker turns into core PipelineOptions), what every job gets
// (preview mode, decode chunk, output folder) and where models are downloaded from (HubPreferences).
// load()/save() map them to QSettings keys; the hub token has its own file (HubPreferences::writeToken).
#pragma once
#include "ui/HubPreferences.h"
#include "ui/JobRequest.h"

#include <QMetaType>
#include <QString>

class QSettings;

namespace i2v::ui {

struct EngineSettings {
    int threads = 0;                       // intra-op threads; 0 = one per core
    QString device = QStringLiteral("auto");  // "auto" (the GPU when there is one), "cpu" or "cuda"
    QString dtype = QStringLiteral("auto");   // auto (fp16 on CUDA, fp32 on the CPU) | fp32 | bf16 | fp16
    int attentionChunkMb = 256;            // bound of one chunk of attention scores; 0 = unbounded
    bool offloadEncoders = false;          // load the text/image encoders per job, free them after
    bool vaeTiling = false;                // decode in overlapping tiles
    bool keepFp16Weights = false;          // fp32 compute: use the .fp16 files, weights kept fp16

    bool operator==(const EngineSettings& o) const {
        return threads == o.threads && device == o.device && dtype == o.dtype && attentionChunkMb == o.attentionChunkMb &&
               offloadEncoders == o.offloadEncoders && vaeTiling == o.vaeTiling && keepFp16Weights == o.keepFp16Weights;
    }
    bool operator!=(const EngineSettings& o) const { return !(*this == o); }
};

struct AppSettings {
    // The model folder the user chose (File > Choose model folder, Settings, Models > Use); empty: none, and the
    // window picks one itself (ModelLocations.h, automaticModelDir). A folder picked that way is never stored here.
    QString modelDir;
    EngineSettings engine;
    QString outputFolder;
    PreviewMode preview = PreviewMode::LatentProjection;
    int decodeChunk = 1;
    HubPreferences hub;

    // Missing keys take the defaults above; the output folder defaults to defaultOutputFolder(). The hub token
    // is read from its file (HubPreferences::readToken).
    static AppSettings load(const QSettings& settings);
    // Everything but the hub token, which only HubPreferences::writeToken stores.
    void save(QSettings& settings) const;
    static QString defaultOutputFolder();  // <Movies>/I2V Studio
};

} // namespace i2v::ui

Q_DECLARE_METATYPE(i2v::ui::EngineSettings)
